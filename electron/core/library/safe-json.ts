// Reading a JSON file that may be damaged or missing, and the lowdb adapter built on it.
//
// A file that cannot be read, is not JSON, or fails its shape check is damaged; a file that is gone while a backup
// holds a copy of it is missing. Both take one path: the newest backup copy that passes is used instead, and the
// caller reports it and plans the repair (moving a damaged file aside to `<name>.corrupt-<stamp>`, never overwriting
// or deleting it, then writing the restored copy back) for the session's first write: reading writes nothing. A file
// from a newer Folio (NewerSchemaError), or one this user may not read, is not damaged: the error propagates and
// the file is left alone.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { NewerSchemaError, errorCode, errorMessage } from './errors.js';
import { writeFileAtomic } from './disk.js';
import { readableStamp } from './fsx.js';

export interface BackupCandidate {
  file: string;
  /** Shown to the user: "the backup from 2026-05-01 12:30:45 UTC". */
  description: string;
  /** What the copy held when it was made (from its backup folder's manifest); a copy that differs is not used. */
  expected?: { size: number; sha256: string };
}

/**
 * 'ok': read fine. 'absent': no file and no backup copy of it (a new library, or a file lost for good).
 * 'missing': no file, but backups hold copies. 'damaged': unreadable. For the last two `restoredFrom` is the copy
 * that was used, or null when none was usable.
 */
export type SafeReadStatus = 'ok' | 'absent' | 'missing' | 'damaged';

export interface SafeReadResult<T> {
  value: T | null;
  status: SafeReadStatus;
  /** Why a damaged file was rejected. */
  reason: string | null;
  restoredFrom: BackupCandidate | null;
}

export interface SafeReadOptions<T> {
  file: string;
  /** Migrates + validates parsed JSON; throws to reject it. */
  decode: (raw: unknown) => T;
  /** Backup copies, newest first. */
  candidates: () => Promise<BackupCandidate[]>;
  /** The file's bytes (or the error reading it), already read by the caller; saves the read. */
  preread?: Promise<Buffer>;
}

function shorten(text: string, max = 160): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

async function readAndDecode<T>(file: string, decode: (raw: unknown) => T, preread?: Promise<Buffer>, expected?: BackupCandidate['expected']): Promise<T> {
  const bytes = await (preread ?? readFile(file));
  if (expected && (bytes.length !== expected.size || createHash('sha256').update(bytes).digest('hex') !== expected.sha256)) {
    throw new Error('the copy changed after it was made');
  }
  // Buffer then one toString: readFile(file, 'utf8') decodes chunk by chunk, measurably slower on 100 MB.
  return decode(JSON.parse(bytes.toString('utf8')) as unknown);
}

export async function readJsonSafely<T>(options: SafeReadOptions<T>): Promise<SafeReadResult<T>> {
  const { file, decode } = options;
  let reason: string | null = null;
  try {
    return { value: await readAndDecode(file, decode, options.preread), status: 'ok', reason: null, restoredFrom: null };
  } catch (error) {
    if (error instanceof NewerSchemaError) throw error;
    const code = errorCode(error);
    // Not allowed to read it says nothing about its bytes: not damaged, and never moved aside.
    if (code === 'EACCES' || code === 'EPERM') throw error;
    if (code !== 'ENOENT') reason = shorten(errorMessage(error));
  }
  const status = reason === null ? 'missing' : 'damaged';
  const candidates = await options.candidates();
  if (status === 'missing' && candidates.length === 0) return { value: null, status: 'absent', reason: null, restoredFrom: null };
  for (const candidate of candidates) {
    try {
      const value = await readAndDecode(candidate.file, decode, undefined, candidate.expected);
      return { value, status, reason, restoredFrom: candidate };
    } catch {
      // A damaged or newer backup is no better; try the next one.
    }
  }
  return { value: null, status, reason, restoredFrom: null };
}

/**
 * Where a damaged or missing file's repair is: not to be done (read-only), planned for the session's first write,
 * or done (`movedTo`: where the damaged file went).
 */
export type RepairStage = { kind: 'read-only' } | { kind: 'planned' } | { kind: 'done'; movedTo: string | null };

/**
 * The problem line for a file that was damaged or missing, true at every stage of its repair:
 * "library.json was unreadable (…); moved it to library.json.corrupt-…; restored the backup from …."
 * `whenLost` finishes the sentence when no backup could be used, e.g. "tags and notes start empty".
 */
export function describeRecovery(label: string, result: SafeReadResult<unknown>, whenLost: string, stage: RepairStage): string {
  const restored = result.restoredFrom?.description ?? null;
  const lost = `no usable backup, so ${whenLost}`;
  const base = path.basename(label);
  if (result.status === 'damaged') {
    const head = `${label} was unreadable (${result.reason ?? 'unknown error'})`;
    if (stage.kind === 'done') return `${head}; moved it to ${path.basename(stage.movedTo ?? '?')}; ${restored ? `restored ${restored}` : lost}.`;
    if (stage.kind === 'read-only') return `${head}; left it in place (read-only); ${restored ? `showing ${restored}` : lost}.`;
    const writtenBack = restored ? ' and the backup written back' : '';
    return `${head}; ${restored ? `showing ${restored}` : lost}; the damaged file is moved aside as ${base}.corrupt-…${writtenBack} when the library is next changed.`;
  }
  const head = `${label} is missing`;
  if (!restored) return `${head}; ${lost}.`;
  if (stage.kind === 'done') return `${head}; restored ${restored}.`;
  if (stage.kind === 'read-only') return `${head}; showing ${restored} (read-only: nothing was written).`;
  return `${head}; showing ${restored}, written back when the library is next changed.`;
}

export function describeBackupFolder(folder: string): string {
  return `the backup from ${readableStamp(folder)}`;
}

/**
 * lowdb Adapter over readJsonSafely + writeFileAtomic. `read()` never returns damaged data; what happened is left in
 * `lastRead` for the library to report (and to write a restored document back before the session's first write).
 */
export class SafeJsonFile<T> implements Adapter<T> {
  lastRead: SafeReadResult<T> | null = null;

  constructor(
    private readonly options: SafeReadOptions<T> & { readOnly: boolean; serialize?: (data: T) => string },
  ) {}

  get file(): string {
    return this.options.file;
  }

  async read(): Promise<T | null> {
    this.lastRead = await readJsonSafely(this.options);
    return this.lastRead.value;
  }

  async write(data: T): Promise<void> {
    if (this.options.readOnly) throw new Error(`${path.basename(this.options.file)}: refusing to write in read-only mode`);
    const text = this.options.serialize ? this.options.serialize(data) : `${JSON.stringify(data, null, 1)}\n`;
    await writeFileAtomic(this.options.file, text, path.basename(this.options.file));
  }
}
