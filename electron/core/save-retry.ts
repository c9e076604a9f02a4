// While edits are not saved (a full disk, say), the app tries to save them again on a timer, so they reach the
// disk soon after space returns. The timer never keeps a process alive (the CLI does not wait for it), and the
// returned disposer stops it.
import type { Library } from './library/index.js';

export const SAVE_RETRY_MS = 5000;

export function retryUnsavedWhileNeeded(library: Library, intervalMs = SAVE_RETRY_MS): () => void {
  let timer: ReturnType<typeof setInterval> | null = null;
  const stop = (): void => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
  const follow = (): void => {
    if (library.saveStatus.unsavedEdits === 0) {
      stop();
      return;
    }
    if (timer !== null) return;
    // A failure is already in the save status; the next tick tries again.
    timer = setInterval(() => void library.retryUnsaved().catch(() => undefined), intervalMs);
    timer.unref?.();
  };
  const unsubscribe = library.onChange((change) => {
    if (change.kind === 'save-status') follow();
  });
  return () => {
    unsubscribe();
    stop();
  };
}
