// The one way an import is asked for (a paste, the sample, dropped files, the File menu): a request the import
// dialog's host takes, opening the dialog or adding files to the open one. The app shell never holds the queue.
import type { ImportRequest } from './import-queue.js';

const listeners = new Set<(request: ImportRequest) => void>();

export function requestImport(request: ImportRequest): void {
  for (const listener of [...listeners]) listener(request);
}

/** Returns the unsubscribe function. */
export function onImportRequest(listener: (request: ImportRequest) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
