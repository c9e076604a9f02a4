// Every byte Folio writes into a library folder goes through this module. It is the one place that checks that
// all bytes reached the file before a rename makes them current, and the one seam where tests inject faults
// (a short write, ENOSPC, EIO, ... at open, write, fsync, rename; or a crash) at any write site.
//
// A "site" names what is being written (`library.json`, `user.journal`, `segment`, ...). Callers pass it on every
// call; `faults.record` lets a test list the (site, op) pairs a scenario really performs, then inject a fault at
// each of them in turn, so a new write path cannot escape the fault tests.
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, unlinkSync } from 'node:fs';
import { copyFile, link, mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { errorCode } from './errors.js';

export const DISK_OPS = ['open', 'write', 'fsync', 'close', 'rename', 'link', 'unlink', 'copy', 'mkdir', 'truncate'] as const;
export type DiskOp = (typeof DISK_OPS)[number];

/**
 * What an injected fault does. An errno kind makes the operation fail with that code. 'short' makes a write put
 * only part of its bytes on disk and report it (what a nearly full disk does: the next write gets ENOSPC).
 * 'crash' stands for the process dying at that point: the operation and every later one throws SimulatedCrash,
 * and nothing more reaches the disk, until faults.clear().
 */
export const FAULT_KINDS = ['short', 'ENOSPC', 'EIO', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'crash'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  /** The write site to hit; every site when absent. */
  site?: string;
  op: DiskOp;
  kind: FaultKind;
  /** Let this many matching calls through first (default 0). */
  skip?: number;
  /** Fail this many matching calls, then stop (default: every one until removed). */
  times?: number;
}

/** Thrown by every disk operation once a 'crash' fault fired: the simulated process is dead. */
export class SimulatedCrash extends Error {
  override name = 'SimulatedCrash';
}

interface ActiveRule extends FaultRule {
  seen: number;
  fired: number;
}

type Recorder = (site: string, op: DiskOp, file: string) => void;

let rules: ActiveRule[] = [];
const recorders = new Set<Recorder>();
let crashed = false;
let crashes = 0;

/** Test hooks. In production no rule is ever set, and each operation costs one empty-array check. */
export const faults = {
  /** Adds a rule; returns its remover. */
  inject(rule: FaultRule): () => void {
    const active: ActiveRule = { ...rule, seen: 0, fired: 0 };
    rules.push(active);
    return () => {
      rules = rules.filter((r) => r !== active);
    };
  },
  /** Removes every rule and revives the disk after a simulated crash. */
  clear(): void {
    rules = [];
    crashed = false;
  },
  /** Calls `fn` for every disk operation (site, op, file); returns the unsubscriber. */
  record(fn: Recorder): () => void {
    recorders.add(fn);
    return () => recorders.delete(fn);
  },
  /** True once a 'crash' rule fired (until clear()). */
  get crashed(): boolean {
    return crashed;
  },
  /**
   * How many 'crash' rules have fired in this process. What a simulated process held before a crash (the
   * library's lock) belongs to a dead process: lock.ts compares this count to tell.
   */
  get crashes(): number {
    return crashes;
  },
};

/**
 * Rules from the environment, for tests that run the CLI or a library in a child process:
 * FOLIO_TEST_FAULTS='[{"site":"user.json","op":"rename","kind":"ENOSPC"}]'. A 'crash' rule there kills the
 * process with SIGKILL at that point, as a power cut would.
 */
const fromEnv = process.env.FOLIO_TEST_FAULTS;
let killOnCrash = false;
if (fromEnv) {
  for (const rule of JSON.parse(fromEnv) as FaultRule[]) faults.inject(rule);
  killOnCrash = true;
}

function errnoError(code: string, op: DiskOp, file: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: injected fault, ${op} '${file}'`);
  error.code = code;
  error.syscall = op;
  error.path = file;
  return error;
}

/** Runs before every operation: records it, and returns the fault to apply (throwing the errno ones). */
function check(site: string, op: DiskOp, file: string): 'short' | null {
  for (const record of recorders) record(site, op, file);
  if (crashed) throw new SimulatedCrash(`the process crashed earlier (${op} ${path.basename(file)} at ${site})`);
  if (rules.length === 0) return null;
  for (const rule of rules) {
    if (rule.op !== op || (rule.site !== undefined && rule.site !== site)) continue;
    rule.seen++;
    if (rule.seen <= (rule.skip ?? 0)) continue;
    if (rule.times !== undefined && rule.fired >= rule.times) continue;
    rule.fired++;
    if (rule.kind === 'crash') {
      crashed = true;
      crashes++;
      if (killOnCrash) process.kill(process.pid, 'SIGKILL');
      throw new SimulatedCrash(`simulated crash at ${op} ${path.basename(file)} (${site})`);
    }
    if (rule.kind === 'short') return 'short';
    throw errnoError(rule.kind, op, file);
  }
  return null;
}

/**
 * Writes all of `data` at `position` (or at the end, for a file opened with 'a'), looping over short writes as
 * POSIX allows. A write that makes no progress is a full disk: Linux reports ENOSPC on the next call, but a
 * filesystem that returns 0 forever must not hang us.
 */
async function writeAll(handle: FileHandle, data: Buffer, position: number | null, site: string, file: string): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const fault = check(site, 'write', file);
    let length = data.length - done;
    if (fault === 'short') length = Math.max(1, Math.floor(length / 2));
    const { bytesWritten } = await handle.write(data, done, length, position === null ? null : position + done);
    if (fault === 'short') {
      // The rest of this file does not fit: what a nearly full disk says on the write after a short one.
      throw errnoError('ENOSPC', 'write', file);
    }
    if (bytesWritten <= 0) throw errnoError('ENOSPC', 'write', file);
    done += bytesWritten;
  }
}

async function syncHandle(handle: FileHandle, site: string, file: string): Promise<void> {
  check(site, 'fsync', file);
  await handle.sync();
}

/**
 * Makes a rename/create/unlink inside `dir` durable. POSIX needs an fsync of the directory itself; Windows
 * cannot open a directory for fsync (EPERM/EISDIR) and NTFS journals renames, so failures there are ignored.
 */
export async function fsyncDir(dir: string, site = 'folder'): Promise<void> {
  if (process.platform === 'win32') return;
  check(site, 'fsync', dir);
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    const code = errorCode(error);
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM') throw error;
  } finally {
    await handle.close();
  }
}

/** `<file>.tmp-<pid>-<random>`: the only names this module writes before a rename (cleanTempFiles finds them). */
export function tempPathFor(file: string): string {
  return `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Whether `name` is a temp file of tempPathFor (left behind when a process died mid-write). */
export function isTempName(name: string): boolean {
  return /\.tmp-\d+-[0-9a-f]{8}$/.test(name);
}

/** Failures that happened after a rename had put the new file in place (its folder's fsync failed). */
const afterRename = new WeakSet<object>();

/**
 * Whether `error` (from writeFileAtomic, copyFileAtomic or renameDurably) came after the new file was renamed into
 * place: it is visible, but its rename may not be durable. Any other failure left the previous file as it was.
 */
export function failedAfterRename(error: unknown): boolean {
  return typeof error === 'object' && error !== null && afterRename.has(error);
}

async function fsyncAfterRename(dir: string, site: string): Promise<void> {
  try {
    await fsyncDir(dir, site);
  } catch (error) {
    if (typeof error === 'object' && error !== null) afterRename.add(error);
    throw error;
  }
}

/**
 * Replaces `file` with `data` atomically and durably: temp file (created exclusively), every byte written and
 * checked, fsync, size checked again, rename over `file`, fsync of the folder. On any failure the temp file is
 * removed (best effort) and `file` is exactly as it was: a short file is never renamed into place.
 */
export async function writeFileAtomic(file: string, data: string | Buffer, site: string): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const tmp = tempPathFor(file);
  let handle: FileHandle | null = null;
  try {
    check(site, 'open', tmp);
    handle = await open(tmp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, 0o644);
    await writeAll(handle, bytes, 0, site, tmp);
    await syncHandle(handle, site, tmp);
    const { size } = await handle.stat();
    if (size !== bytes.length) throw errnoError('EIO', 'write', tmp); // never rename a file that is not all there
    check(site, 'close', tmp);
    const closing = handle;
    handle = null;
    await closing.close();
    check(site, 'rename', file);
    await rename(tmp, file);
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined);
    if (!(error instanceof SimulatedCrash)) await unlink(tmp).catch(() => undefined);
    throw error;
  }
  await fsyncAfterRename(path.dirname(file), site);
}

/** Copies `from` to `to` atomically and durably, with the same checks as writeFileAtomic. */
export async function copyFileAtomic(from: string, to: string, site: string): Promise<void> {
  const tmp = tempPathFor(to);
  try {
    check(site, 'copy', tmp);
    await copyFile(from, tmp, fsConstants.COPYFILE_EXCL);
    const handle = await open(tmp, 'r+');
    try {
      await syncHandle(handle, site, tmp);
      const [copied, source] = await Promise.all([handle.stat(), stat(from)]);
      if (copied.size !== source.size) throw errnoError('EIO', 'copy', tmp);
    } finally {
      await handle.close();
    }
    check(site, 'rename', to);
    await rename(tmp, to);
  } catch (error) {
    if (!(error instanceof SimulatedCrash)) await unlink(tmp).catch(() => undefined);
    throw error;
  }
  await fsyncAfterRename(path.dirname(to), site);
}

/**
 * Opens `file` for writing at explicit offsets (creating it), for a journal. Not O_APPEND: on Linux a positional
 * write to an O_APPEND file ignores the position, and the journal must be able to write over a torn tail.
 */
export async function openForAppend(file: string, site: string): Promise<FileHandle> {
  check(site, 'open', file);
  return open(file, fsConstants.O_RDWR | fsConstants.O_CREAT, 0o644);
}

/**
 * Appends every byte of `data` at `offset` (the file's known good length) and fsyncs. Throws when anything is
 * missing; the caller truncates back to `offset` so a torn tail never glues onto the next append.
 */
export async function appendDurably(handle: FileHandle, file: string, offset: number, data: Buffer, site: string): Promise<void> {
  await writeAll(handle, data, offset, site, file);
  await syncHandle(handle, site, file);
}

/** Cuts an open file back to `length` bytes and fsyncs it. */
export async function truncateDurably(handle: FileHandle, file: string, length: number, site: string): Promise<void> {
  check(site, 'truncate', file);
  await handle.truncate(length);
  await syncHandle(handle, site, file);
}

/** Renames within one folder and makes it durable. */
export async function renameDurably(from: string, to: string, site: string): Promise<void> {
  await renameFile(from, to, site);
  await fsyncAfterRename(path.dirname(to), site);
}

/**
 * Renames without the folder's fsync: for a caller that makes several changes durable with one (or undoes them),
 * and for files that need no durability, like the lock.
 */
export async function renameFile(from: string, to: string, site: string): Promise<void> {
  check(site, 'rename', to);
  await rename(from, to);
}

/**
 * Creates `file`, which must not exist (EEXIST otherwise), with every byte of `data`; not fsynced. On any failure
 * after creating it, it is removed again, so a full disk never leaves a partial file under that name.
 */
export async function writeFileExclusive(file: string, data: Buffer, site: string): Promise<void> {
  check(site, 'open', file);
  let handle: FileHandle | null = await open(file, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, 0o644);
  try {
    await writeAll(handle, data, 0, site, file);
    check(site, 'close', file);
    const closing = handle;
    handle = null;
    await closing.close();
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined);
    if (!(error instanceof SimulatedCrash)) await unlink(file).catch(() => undefined);
    throw error;
  }
}

/** A second name for `existing`; fails with EEXIST rather than replace anything at `newPath`. Not durable. */
export async function linkExclusive(existing: string, newPath: string, site: string): Promise<void> {
  check(site, 'link', newPath);
  await link(existing, newPath);
}

/** Cuts a closed file to `length` bytes, durably. */
export async function truncateFile(file: string, length: number, site: string): Promise<void> {
  check(site, 'open', file);
  const handle = await open(file, 'r+');
  try {
    await truncateDurably(handle, file, length, site);
  } finally {
    await handle.close();
  }
}

/** Deletes a file; a file that is already gone is fine. Not followed by a folder fsync (callers batch that). */
export async function removeFile(file: string, site: string): Promise<void> {
  check(site, 'unlink', file);
  try {
    await unlink(file);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

/** removeFile for the few places that cannot wait (an exit handler). */
export function removeFileSync(file: string, site: string): void {
  check(site, 'unlink', file);
  try {
    unlinkSync(file);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

/** Deletes a folder and everything in it. */
export async function removeTree(dir: string, site: string): Promise<void> {
  check(site, 'unlink', dir);
  await rm(dir, { recursive: true, force: true });
}

export async function makeDir(dir: string, site: string): Promise<void> {
  check(site, 'mkdir', dir);
  await mkdir(dir, { recursive: true });
}
