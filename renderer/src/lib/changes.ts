// One subscription to folio.onChanged for the whole UI, fanned out to hooks.
import type { LibraryChange } from '../../../electron/core/api.js';
import { getFolio, hasFolio } from './folio.js';

type Listener = (change: LibraryChange) => void;
const listeners = new Set<Listener>();
let unsubscribe: (() => void) | null = null;

export function onLibraryChange(listener: Listener): () => void {
  listeners.add(listener);
  if (!unsubscribe && hasFolio()) {
    unsubscribe = getFolio().onChanged((change) => {
      for (const l of [...listeners]) l(change);
    });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && unsubscribe) {
      unsubscribe();
      unsubscribe = null;
    }
  };
}

/** Whether a change may affect a given paper's detail. */
export function touchesPaper(change: LibraryChange, id: string): boolean {
  if (change.kind === 'tags') return true;
  return change.paperIds.includes(id);
}
