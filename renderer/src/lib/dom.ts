/** True for elements where typing means text: keyboard shortcuts and paste-to-import stay out of them. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(target.type);
  }
  return false;
}

/** A modal dialog is open (the app root is inert). */
export function modalOpen(): boolean {
  return document.querySelector('[role="dialog"][aria-modal="true"]') !== null;
}

/** Files dropped on the window go to the import dialog: when none is open, or when it is the one open. */
export function acceptsDroppedFiles(): boolean {
  return !modalOpen() || document.querySelector('[role="dialog"][aria-modal="true"].import-dialog') !== null;
}
