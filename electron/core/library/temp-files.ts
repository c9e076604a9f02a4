// Temp files a crash left behind (tempPathFor in disk.ts: written, then renamed into place), and backup folders it
// left half-built under such a name. Nothing reads them; they are removed, as one of the repairs, before the next
// writable session writes anything.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir, isTempName, removeTree } from './disk.js';

type WrittenFolders = ReadonlyArray<[string, boolean]>;

/**
 * The library's folders that writes go to, relative to its root; `true`: with every folder inside it. (backups/ is
 * where an older Folio kept its backups.)
 */
const WRITTEN_FOLDERS: WrittenFolders = [
  ['.', false],
  ['papers', false],
  ['imports', false],
  ['backups', true],
];

/** The same for a library's local backups folder (local-state.ts). */
export const LOCAL_WRITTEN_FOLDERS: WrittenFolders = [['.', true]];

/** Temp files and folders in the library's folders, as paths relative to `libraryDir` (a folder's contents not listed). */
export async function findTempFiles(libraryDir: string, folders = WRITTEN_FOLDERS): Promise<string[]> {
  const found: string[] = [];
  for (const [folder, recursive] of folders) {
    const root = path.join(libraryDir, folder);
    const entries = await readdir(root, { recursive, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if ((entry.isFile() || entry.isDirectory()) && isTempName(entry.name)) {
        found.push(path.relative(libraryDir, path.join(entry.parentPath, entry.name)));
      }
    }
  }
  // What is inside a temp folder goes with it.
  return found.filter((name) => !found.some((folder) => name.startsWith(`${folder}${path.sep}`))).sort();
}

/** Removes them. Only safe before this session writes (its own temp files have the same shape). */
export async function removeTempFiles(libraryDir: string, folders = WRITTEN_FOLDERS): Promise<string[]> {
  const found = await findTempFiles(libraryDir, folders);
  for (const name of found) await removeTree(path.join(libraryDir, name), 'temp-cleanup');
  for (const folder of new Set(found.map((name) => path.dirname(path.join(libraryDir, name))))) await fsyncDir(folder, 'temp-cleanup');
  return found;
}
