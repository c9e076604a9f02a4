// IPC channel names and payload shapes shared by main and the preload, so the two cannot drift apart.
// Request/response channels come from the contract (channelFor); this adds the push channels.
export { CHANGED_CHANNEL, channelFor } from '../core/api.js';
import type { ImportFileText } from './import-file.js';

/** Main → renderer: a native menu item was chosen that the page has to act on. */
export const MENU_CHANNEL = 'folio:menu';

export type MenuAction = 'import' | 'import-files' | 'find' | 'toggle-theme' | 'toggle-sidebar' | 'toggle-details';

/**
 * What a menu action carries. `import` brings the clipboard's text (read in main, where the clipboard is
 * always readable); `import-files` the files chosen in File ▸ Import File… (read in main) and a line for each one
 * that is not imported; `toggle-theme` says which theme main switched the native chrome to.
 */
export type MenuActionEvent =
  | { action: 'import'; text: string }
  | { action: 'import-files'; files: ImportFileText[]; refused: string[] }
  | { action: 'find' }
  /** View ▸ Sidebar / Paper Details: the page shows or hides that pane. */
  | { action: 'toggle-sidebar' }
  | { action: 'toggle-details' }
  | { action: 'toggle-theme'; theme: 'light' | 'dark' };

export function isMenuActionEvent(value: unknown): value is MenuActionEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  switch (event.action) {
    case 'import':
      return typeof event.text === 'string';
    case 'import-files':
      return Array.isArray(event.files) && event.files.every(isImportFileText) && Array.isArray(event.refused) && event.refused.every((line) => typeof line === 'string');
    case 'find':
    case 'toggle-sidebar':
    case 'toggle-details':
      return true;
    case 'toggle-theme':
      return event.theme === 'light' || event.theme === 'dark';
    default:
      return false;
  }
}

function isImportFileText(value: unknown): value is ImportFileText {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  return typeof file.name === 'string' && typeof file.text === 'string';
}

/**
 * How every contract call comes back over IPC. Main never lets a handler throw: Electron would wrap the
 * message as "Error invoking remote method 'folio:x': Error: …", so main sends the clean message and the
 * preload rethrows it as an Error in the page.
 */
export type IpcResult = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };

export function isIpcResult(value: unknown): value is IpcResult {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as Record<string, unknown>;
  if (result.ok === true) return 'value' in result;
  if (result.ok !== false || typeof result.error !== 'object' || result.error === null) return false;
  const error = result.error as Record<string, unknown>;
  return typeof error.name === 'string' && typeof error.message === 'string';
}
