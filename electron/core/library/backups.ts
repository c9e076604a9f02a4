// backups/<stamp>/ holds copies of library.json, user.json and user.journal taken once per writable session,
// before its first write; the newest `keep` are kept. Segments are immutable, so instead of copying up to
// 100+ MB every session each segment is copied exactly once into backups/segments/ (right after an import
// writes it, or at open for segments that predate the backup store) and those copies are never rotated.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { SimulatedCrash, copyFileAtomic, fsyncDir, makeDir, removeTree, renameDurably, tempPathFor, truncateFile } from './disk.js';
import { exists, fileStamp, freshPath } from './fsx.js';
import { listRotatedJournals } from './journal.js';

export const BACKUPS_DIR = 'backups';
export const SEGMENT_BACKUPS_DIR = 'segments';
/** The files a session backup copies, in the library folder's root. */
export const BACKED_UP_FILES = ['library.json', 'user.json', 'user.journal'] as const;
const STAMP_DIR = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(-\d+)?$/;

function compareStamps(a: string, b: string): number {
  // "…Z" < "…Z-2" < "…Z-10": compare the stamp, then the numeric suffix.
  const [sa, na] = splitSuffix(a);
  const [sb, nb] = splitSuffix(b);
  return sa < sb ? -1 : sa > sb ? 1 : na - nb;
}

function splitSuffix(name: string): [string, number] {
  const m = /^(.*Z)(?:-(\d+))?$/.exec(name);
  return m ? [m[1] ?? name, Number(m[2] ?? 1)] : [name, 1];
}

/** Session backup folders, newest first. */
export async function listBackups(libraryDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(path.join(libraryDir, BACKUPS_DIR));
  } catch {
    return [];
  }
  return names.filter((n) => STAMP_DIR.test(n)).sort(compareStamps).reverse();
}

/**
 * Copies the files that exist into a new backups/<stamp>/. Returns the folder name, or null when there was nothing
 * to back up (a new library). `journalBytes`: copy only that many bytes of user.journal (its size when the session
 * began; later appends are this session's). Old folders are not removed here (rotateBackups, after it).
 */
export async function backupSession(libraryDir: string, now: Date, journalBytes?: number): Promise<string | null> {
  const present: string[] = [];
  for (const name of BACKED_UP_FILES) {
    if (await exists(path.join(libraryDir, name))) present.push(name);
  }
  // Rotated journals left by an interrupted compaction hold edits user.json may not have yet: keep them too.
  present.push(...(await listRotatedJournals(libraryDir)));
  if (present.length === 0) return null;
  const root = path.join(libraryDir, BACKUPS_DIR);
  await makeDir(root, 'backup');
  const folder = await freshPath(path.join(root, fileStamp(now)));
  // Built under a temp name and renamed once complete: a backup cut short (a full disk) is never listed, so it
  // can neither be restored from nor push a good backup out of the rotation; and what it took is freed again.
  const building = tempPathFor(folder);
  try {
    await makeDir(building, 'backup');
    for (const name of present) await copyFileAtomic(path.join(libraryDir, name), path.join(building, name), 'backup');
    // Edits may be appending to user.journal while this runs (they do not wait for the backup): keep only the
    // bytes it had when the session began writing. The journal is append-only until the backup completes.
    if (journalBytes !== undefined && present.includes('user.journal')) {
      await truncateFile(path.join(building, 'user.journal'), journalBytes, 'backup');
    }
    await fsyncDir(building, 'backup');
    await renameDurably(building, folder, 'backup');
  } catch (error) {
    if (!(error instanceof SimulatedCrash)) await removeTree(building, 'backup').catch(() => undefined);
    throw error;
  }
  return path.basename(folder);
}

export async function rotateBackups(libraryDir: string, keep: number): Promise<void> {
  const folders = await listBackups(libraryDir);
  for (const old of folders.slice(Math.max(1, keep))) {
    await removeTree(path.join(libraryDir, BACKUPS_DIR, old), 'backup-rotation');
  }
}

/** Copies of `fileName` in the session backups, newest first, with the backup folder's name. */
export async function backupCopies(libraryDir: string, fileName: string): Promise<Array<{ file: string; folder: string }>> {
  const result: Array<{ file: string; folder: string }> = [];
  for (const folder of await listBackups(libraryDir)) {
    const file = path.join(libraryDir, BACKUPS_DIR, folder, fileName);
    if (await exists(file)) result.push({ file, folder });
  }
  return result;
}

export function segmentBackupPath(libraryDir: string, segment: string): string {
  return path.join(libraryDir, BACKUPS_DIR, SEGMENT_BACKUPS_DIR, segment);
}

/** Copies papers/<segment> into backups/segments/ unless a copy is already there (segments never change). */
export async function backupSegment(libraryDir: string, segmentFile: string): Promise<void> {
  const target = segmentBackupPath(libraryDir, path.basename(segmentFile));
  if (await exists(target)) return;
  await makeDir(path.dirname(target), 'segment-backup');
  await copyFileAtomic(segmentFile, target, 'segment-backup');
}
