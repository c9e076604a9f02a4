// The app-wide note autosaver (see noteSaver.ts) and the page-lifecycle hooks that flush it.
import { getFolio } from './folio.js';
import { NoteSaver } from './noteSaver.js';

export const noteSaver = new NoteSaver((id, text) => getFolio().setNote(id, text));

let installed = false;

/** Never lose a keystroke: start pending saves when the window hides, reloads or closes. */
export function installNoteFlushing(): void {
  if (installed) return;
  installed = true;
  const flush = () => noteSaver.flushAll();
  window.addEventListener('pagehide', flush);
  window.addEventListener('beforeunload', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
}
