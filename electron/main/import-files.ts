// File ▸ Import File…: the native open dialog (several files at once, offering the extensions the import sources
// read), then each chosen file read from disk and checked as a dropped one is. The renderer gets the texts through
// the menu bridge and previews them; main writes nothing here.
import { type FileHandle, open } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import { importExtensions } from '../core/parse/sources/registry.js';
import { readImportFile, type ImportFileText } from '../shared/import-file.js';

export interface ImportFilesRead {
  files: ImportFileText[];
  /** One line per file that is not imported (too large, not text, unreadable), in the order chosen. */
  refused: string[];
}

/** Reads each file for import, in order; a file that cannot be read is refused, the others still read. */
export async function readImportFiles(paths: readonly string[]): Promise<ImportFilesRead> {
  const read: ImportFilesRead = { files: [], refused: [] };
  for (const file of paths) {
    const reading = await readFromDisk(file);
    if (reading.ok) read.files.push(reading.file);
    else read.refused.push(reading.refusal);
  }
  return read;
}

async function readFromDisk(file: string) {
  const name = path.basename(file);
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    return readImportFile(name, 0, failing(error));
  }
  try {
    const { size } = await handle.stat();
    return await readImportFile(name, size, {
      head: async (count) => {
        const buffer = new Uint8Array(Math.min(count, size));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        return buffer.subarray(0, bytesRead);
      },
      all: async () => new Uint8Array(await handle.readFile()),
    });
  } finally {
    await handle.close();
  }
}

/** A reader whose every read fails with `error` (a file that could not be opened). */
const failing = (error: unknown) => ({
  head: () => Promise.reject(error),
  all: () => Promise.reject(error),
});

/** The open dialog's filters: every extension a source reads, then any file. */
export function importFileFilters(): Array<{ name: string; extensions: string[] }> {
  return [
    { name: 'Pages and reference files', extensions: importExtensions() },
    { name: 'All Files', extensions: ['*'] },
  ];
}

/** The real open dialog, as a sheet on the window when there is one; resolves the chosen paths ([] when cancelled). */
export function electronImportDialog(dialog: Dialog, getWindow: () => BrowserWindow | null): () => Promise<string[]> {
  return async () => {
    const options = {
      title: 'Import Files',
      buttonLabel: 'Import',
      filters: importFileFilters(),
      properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>,
    };
    const win = getWindow();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  };
}
