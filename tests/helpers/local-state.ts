// Every library a test process opens keeps its local state (lock, backups, device id) in one temp folder, never
// in the user's app data; tests find a library's backups and lock through localPathsOf.
import { mkdtempSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { STATE_DIR_ENV, resolveLocalPaths, type LocalPaths } from '../../electron/core/library/local-state.js';

if (!process.env[STATE_DIR_ENV]) process.env[STATE_DIR_ENV] = mkdtempSync(path.join(os.tmpdir(), 'folio-test-state-'));

export const TEST_STATE_DIR = process.env[STATE_DIR_ENV] as string;

/** Where the library in `dir` keeps its lock and backups (as Library.open resolves it). */
export async function localPathsOf(dir: string, stateDir = TEST_STATE_DIR): Promise<LocalPaths> {
  return resolveLocalPaths(stateDir, dir);
}

export async function backupsOf(dir: string): Promise<string> {
  return (await localPathsOf(dir)).backupsDir;
}

export async function lockOf(dir: string): Promise<string> {
  return (await localPathsOf(dir)).lockFile;
}

/**
 * Copies a library folder with its local state (backups), as the same library at another path: what `cp -r` of
 * the folder did when backups lived inside it. (A copy keeps library.json's id, so it gets a local folder of its own.)
 */
export async function copyLibraryWithLocalState(from: string, to: string): Promise<void> {
  const source = await localPathsOf(from);
  await cp(from, to, { recursive: true });
  const target = await localPathsOf(to);
  await cp(source.backupsDir, target.backupsDir, { recursive: true }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  });
}
