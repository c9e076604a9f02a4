// Files dropped on the window, read in the page with the File API (never by path) under the same rule as files
// main reads for File ▸ Import File…: text within the size an import takes, else one line saying why not.
import { readImportFile } from '../../../electron/shared/import-file.js';
import type { ImportFileText } from '../../../electron/shared/import-file.js';

export interface DroppedFiles {
  files: ImportFileText[];
  /** One line per file that is not imported. */
  refused: string[];
}

export async function readDroppedFiles(dropped: readonly File[]): Promise<DroppedFiles> {
  const read: DroppedFiles = { files: [], refused: [] };
  for (const file of dropped) {
    const reading = await readImportFile(file.name, file.size, {
      head: async (count) => new Uint8Array(await file.slice(0, count).arrayBuffer()),
      all: async () => new Uint8Array(await file.arrayBuffer()),
    });
    if (reading.ok) read.files.push(reading.file);
    else read.refused.push(reading.refusal);
  }
  return read;
}
