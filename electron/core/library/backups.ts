// Backups live in the library's local folder (local-state.ts: <state>/libraries/<key>/backups/), never in the synced
// library folder; every function here takes that backups folder. backups/<stamp>/ holds copies of library.json, user.json and user.journal taken once per writable session,
// before its first write, and manifest.json: each copy's size and sha256, and whether the file had loaded fine
// that session ("good"). Rotation keeps the newest `keep` folders and, for each file a restore reads, the newest
// folder with a good copy of it, until a newer good copy exists: the last good copy of data that is nowhere else
// is never rotated out (say user.json was deleted and writing it back fails session after session).
// Segments are immutable, so instead of copying up to 100+ MB every session each segment is copied exactly once
// into backups/segments/ (right after an import writes it, or later for segments that lack a copy) and those
// copies are never rotated.
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { yieldToEventLoop } from '../slices.js';
import { SimulatedCrash, copyFileAtomic, fsyncDir, makeDir, removeTree, renameDurably, tempPathFor, writeFileAtomic } from './disk.js';
import { exists, fileStamp, freshPath } from './fsx.js';
import { JOURNAL_FILE, listRotatedJournals } from './journal.js';

export const SEGMENT_BACKUPS_DIR = 'segments';
export const BACKUP_MANIFEST = 'manifest.json';
/** The files a session backup copies, in the library folder's root. */
export const BACKED_UP_FILES = ['library.json', 'user.json', 'user.journal'] as const;
/**
 * The files a restore reads from a backup folder; rotation keeps the newest good copy of each. (A folder's journals
 * are only ever replayed over the user.json beside them, so they are kept with it, not for themselves.)
 */
export const RESTORABLE_FILES = ['library.json', 'user.json'] as const;
const STAMP_DIR = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(-\d+)?$/;

export interface BackupManifest {
  files: Record<string, { size: number; sha256: string; good: boolean }>;
}

/** Whether a copy decodes like the live file would: for folders an older Folio made without a manifest. */
export type CopyValidator = (name: string, file: string) => Promise<boolean>;

export interface SessionBackupOptions {
  /** Copy only this many bytes of user.journal: its size when the session began (later appends are this session's). */
  journalBytes?: number;
  /** Whether `name` loaded fine at this session's open (its copy is then good). */
  loadedFine: (name: string) => boolean;
}

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
export async function listBackups(backupsDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(backupsDir);
  } catch {
    return [];
  }
  return names.filter((n) => STAMP_DIR.test(n)).sort(compareStamps).reverse();
}

/** sha256 in 1 MB slices, yielding between them: user.json is 16 MB at 100k papers, and edits do not wait for this. */
async function sha256(bytes: Buffer): Promise<string> {
  const SLICE = 1 << 20;
  const hash = createHash('sha256');
  for (let at = 0; at < bytes.length; at += SLICE) {
    if (at > 0) await yieldToEventLoop();
    hash.update(bytes.subarray(at, at + SLICE));
  }
  return hash.digest('hex');
}

/**
 * Copies the files that exist into a new backups/<stamp>/ with its manifest. Returns the folder name, or null when
 * there was nothing to back up (a new library). Old folders are not removed here (rotateBackups, after it, is best
 * effort).
 */
export async function backupSession(libraryDir: string, backupsDir: string, now: Date, options: SessionBackupOptions): Promise<string | null> {
  const present: string[] = [];
  for (const name of BACKED_UP_FILES) {
    if (await exists(path.join(libraryDir, name))) present.push(name);
  }
  // Rotated journals left by an interrupted compaction hold edits user.json may not have yet: keep them too.
  present.push(...(await listRotatedJournals(libraryDir)));
  if (present.length === 0) return null;
  await makeDir(backupsDir, 'backup');
  const folder = await freshPath(path.join(backupsDir, fileStamp(now)));
  // Built under a temp name and renamed once complete: a backup cut short (a full disk) is never listed, so it
  // can neither be restored from nor push a good backup out of the rotation; and what it took is freed again.
  const building = tempPathFor(folder);
  try {
    await makeDir(building, 'backup');
    const manifest: BackupManifest = { files: {} };
    for (const name of present) {
      let bytes = await readFile(path.join(libraryDir, name));
      // Edits may be appending to user.journal while this runs (they do not wait for the backup): keep only the
      // bytes it had when the session began writing. The journal is append-only until the backup completes.
      if (name === JOURNAL_FILE && options.journalBytes !== undefined) bytes = bytes.subarray(0, options.journalBytes);
      await writeFileAtomic(path.join(building, name), bytes, 'backup');
      manifest.files[name] = { size: bytes.length, sha256: await sha256(bytes), good: options.loadedFine(name) };
    }
    await writeFileAtomic(path.join(building, BACKUP_MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`, 'backup');
    await fsyncDir(building, 'backup');
    await renameDurably(building, folder, 'backup');
  } catch (error) {
    if (!(error instanceof SimulatedCrash)) await removeTree(building, 'backup').catch(() => undefined);
    throw error;
  }
  return path.basename(folder);
}

/** A folder's manifest, or null (none: made by an older Folio, or a crash before it was written; or unreadable). */
export async function readManifest(folderPath: string): Promise<BackupManifest | null> {
  try {
    const parsed = JSON.parse(await readFile(path.join(folderPath, BACKUP_MANIFEST), 'utf8')) as Partial<BackupManifest>;
    return typeof parsed.files === 'object' && parsed.files !== null ? (parsed as BackupManifest) : null;
  } catch {
    return null;
  }
}

/**
 * Whether backups/<folder>/<name> is a good copy: by its manifest (marked good, and still its size), or, without
 * one, by decoding it like the live file.
 */
async function isGoodCopy(backupsDir: string, folder: string, name: string, validate: CopyValidator): Promise<boolean> {
  const folderPath = path.join(backupsDir, folder);
  const file = path.join(folderPath, name);
  const manifest = await readManifest(folderPath);
  if (manifest === null) return (await exists(file)) && validate(name, file);
  const entry = manifest.files[name];
  if (!entry?.good) return false;
  const size = await stat(file).then((s) => s.size, () => -1);
  return size === entry.size;
}

/**
 * The folders rotation keeps: the newest `keep`, and for each restorable file the newest folder with a good copy
 * of it (an older good copy goes once a newer one exists). Newest first.
 */
export async function backupsToKeep(backupsDir: string, keep: number, validate: CopyValidator): Promise<string[]> {
  const folders = await listBackups(backupsDir);
  const kept = new Set(folders.slice(0, Math.max(1, keep)));
  for (const name of RESTORABLE_FILES) {
    for (const folder of folders) {
      if (await isGoodCopy(backupsDir, folder, name, validate)) {
        kept.add(folder);
        break;
      }
    }
  }
  return folders.filter((folder) => kept.has(folder));
}

export async function rotateBackups(backupsDir: string, keep: number, validate: CopyValidator): Promise<void> {
  const kept = new Set(await backupsToKeep(backupsDir, keep, validate));
  for (const folder of await listBackups(backupsDir)) {
    if (!kept.has(folder)) await removeTree(path.join(backupsDir, folder), 'backup-rotation');
  }
}

/**
 * Copies of `fileName` in the session backups, newest first, with the backup folder's name and, when its manifest
 * has one, what the copy held when it was made. `backupsDirs` in order of preference: the local one, then the
 * backups/ an older Folio kept inside the library folder (read, never written).
 */
export async function backupCopies(
  backupsDirs: readonly string[],
  fileName: string,
): Promise<Array<{ file: string; folder: string; expected?: { size: number; sha256: string } }>> {
  const result: Array<{ file: string; folder: string; expected?: { size: number; sha256: string } }> = [];
  for (const backupsDir of backupsDirs) result.push(...(await copiesIn(backupsDir, fileName)));
  return result;
}

async function copiesIn(backupsDir: string, fileName: string): Promise<Array<{ file: string; folder: string; expected?: { size: number; sha256: string } }>> {
  const result: Array<{ file: string; folder: string; expected?: { size: number; sha256: string } }> = [];
  for (const folder of await listBackups(backupsDir)) {
    const folderPath = path.join(backupsDir, folder);
    const file = path.join(folderPath, fileName);
    if (!(await exists(file))) continue;
    const entry = (await readManifest(folderPath))?.files[fileName];
    result.push(entry ? { file, folder, expected: { size: entry.size, sha256: entry.sha256 } } : { file, folder });
  }
  return result;
}

/** The backups/ an older Folio kept inside the library folder: read as a last resort, never written. */
export function legacyBackupsDir(libraryDir: string): string {
  return path.join(libraryDir, 'backups');
}

/** Where backups are looked for, best first: the local backups folder, then an older Folio's in the library folder. */
export function backupsDirsOf(places: { dir: string; backupsDir: string }): string[] {
  return [places.backupsDir, legacyBackupsDir(places.dir)];
}

/** The copies of a segment's file in `backupsDirs` (in that order of preference) that exist. */
export async function segmentBackupCandidates(backupsDirs: readonly string[], segment: string): Promise<Array<{ file: string; description: string }>> {
  const found: Array<{ file: string; description: string }> = [];
  for (const backupsDir of backupsDirs) {
    const copy = segmentBackupPath(backupsDir, segment);
    if (await exists(copy)) found.push({ file: copy, description: 'its backup copy' });
  }
  return found;
}

export function segmentBackupPath(backupsDir: string, segment: string): string {
  return path.join(backupsDir, SEGMENT_BACKUPS_DIR, segment);
}

/** Copies papers/<segment> into backups/segments/ unless a copy is already there (segments never change). */
export async function backupSegment(backupsDir: string, segmentFile: string): Promise<void> {
  const target = segmentBackupPath(backupsDir, path.basename(segmentFile));
  if (await exists(target)) return;
  await makeDir(path.dirname(target), 'segment-backup');
  await copyFileAtomic(segmentFile, target, 'segment-backup');
}
