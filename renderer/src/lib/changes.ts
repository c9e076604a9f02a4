// One subscription to folio.onChanged for the whole UI, fanned out to hooks: changes of the library's data to
// onLibraryChange, the save status (whether every edit is on disk) to onSaveStatus, how far an import has come to
// onImportProgress.
import type { LibraryChange, SaveStatus } from '../../../electron/core/api.js';
import { getFolio, hasFolio } from './folio.js';

/** A change of what the library holds (not of whether it is saved, nor how far an import has come). */
export type DataChange = Exclude<LibraryChange, { kind: 'save-status' | 'import-progress' }>;

/** How far a previewImport or commitImport called with a jobId has come. */
export type ImportProgress = Extract<LibraryChange, { kind: 'import-progress' }>;

const dataListeners = new Set<(change: DataChange) => void>();
const statusListeners = new Set<(status: SaveStatus) => void>();
const progressListeners = new Set<(progress: ImportProgress) => void>();
let unsubscribe: (() => void) | null = null;

function deliver(change: LibraryChange): void {
  if (change.kind === 'save-status') for (const l of [...statusListeners]) l(change.status);
  else if (change.kind === 'import-progress') for (const l of [...progressListeners]) l(change);
  else for (const l of [...dataListeners]) l(change);
}

function listen<T>(set: Set<T>, listener: T): () => void {
  set.add(listener);
  if (!unsubscribe && hasFolio()) unsubscribe = getFolio().onChanged(deliver);
  return () => {
    set.delete(listener);
    if (dataListeners.size === 0 && statusListeners.size === 0 && progressListeners.size === 0 && unsubscribe) {
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

export function onImportProgress(listener: (progress: ImportProgress) => void): () => void {
  return listen(progressListeners, listener);
}

/** Whether a change may affect a given paper's detail. */
export function touchesPaper(change: DataChange, id: string): boolean {
  if (change.kind === 'import' || change.kind === 'user-data') return change.paperIds.includes(id);
  return change.kind === 'tags';
}
