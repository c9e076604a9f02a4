// One subscription to folio.onChanged for the whole UI, fanned out to hooks: changes of the library's data to
// onLibraryChange, the save status (whether every edit is on disk) to onSaveStatus.
import type { LibraryChange, SaveStatus } from '../../../electron/core/api.js';
import { getFolio, hasFolio } from './folio.js';

/** A change of what the library holds (not of whether it is saved, nor how far an import has come). */
export type DataChange = Exclude<LibraryChange, { kind: 'save-status' | 'import-progress' }>;

const dataListeners = new Set<(change: DataChange) => void>();
const statusListeners = new Set<(status: SaveStatus) => void>();
let unsubscribe: (() => void) | null = null;

function deliver(change: LibraryChange): void {
  if (change.kind === 'save-status') for (const l of [...statusListeners]) l(change.status);
  else if (change.kind !== 'import-progress') for (const l of [...dataListeners]) l(change);
}

function listen<T>(set: Set<T>, listener: T): () => void {
  set.add(listener);
  if (!unsubscribe && hasFolio()) unsubscribe = getFolio().onChanged(deliver);
  return () => {
    set.delete(listener);
    if (dataListeners.size === 0 && statusListeners.size === 0 && unsubscribe) {
      unsubscribe();
      unsubscribe = null;
    }
  };
}

export function onLibraryChange(listener: (change: DataChange) => void): () => void {
  return listen(dataListeners, listener);
}

export function onSaveStatus(listener: (status: SaveStatus) => void): () => void {
  return listen(statusListeners, listener);
}

/** Whether a change may affect a given paper's detail. */
export function touchesPaper(change: DataChange, id: string): boolean {
  if (change.kind === 'tags') return true;
  return change.paperIds.includes(id);
}
