// folio.lock: one writer per library folder. The file is created with O_EXCL ('wx') and holds
// { pid, hostname, startedAt, app, token }. A lock whose pid is not alive on this host is stale and taken over.
// A lock from another host cannot be checked, so it counts as held (the message says how to clear it).
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LibraryLockedError, errorCode } from './errors.js';

export const LOCK_FILE = 'folio.lock';
/** A lock file that is not valid JSON is "being written right now" for this long, then stale. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  app: string;
  token?: string;
}

export interface HeldLock {
  readonly file: string;
  release(): void;
}

const heldLocks = new Map<string, string>(); // lock file -> our token
let exitHookInstalled = false;

function releaseAllOnExit(): void {
  for (const [file, token] of heldLocks) removeIfOurs(file, token);
  heldLocks.clear();
}

function removeIfOurs(file: string, token: string): void {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    if (info.token === token) unlinkSync(file);
  } catch {
    // Already gone or replaced: nothing of ours to remove.
  }
}

export function isPidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) !== 'ESRCH'; // EPERM: alive but owned by someone else
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    if (typeof info.pid === 'number' && typeof info.hostname === 'string') {
      return { pid: info.pid, hostname: info.hostname, startedAt: String(info.startedAt ?? '?'), app: String(info.app ?? '?') };
    }
  } catch {
    // fall through
  }
  return null;
}

/**
 * Takes the library's lock or throws LibraryLockedError. Returns the lock and, when a stale lock was taken over,
 * a problem line describing it.
 */
export function acquireLock(libraryDir: string, now: Date): { lock: HeldLock; problem: string | null } {
  const file = path.join(libraryDir, LOCK_FILE);
  const token = randomBytes(8).toString('hex');
  const info: LockInfo = { pid: process.pid, hostname: os.hostname(), startedAt: now.toISOString(), app: 'Folio', token };
  let problem: string | null = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o644);
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
      const owner = readLock(file);
      if (owner === null) {
        let age = Infinity;
        try {
          age = Date.now() - statSync(file).mtimeMs;
        } catch {
          continue; // vanished meanwhile: retry
        }
        if (age < UNREADABLE_LOCK_GRACE_MS) {
          throw new LibraryLockedError(`Library ${libraryDir} is being opened by another Folio process. Close it and try again.`);
        }
        problem = `Took over an unreadable lock file (${LOCK_FILE}); the process that wrote it is gone.`;
      } else if (owner.hostname !== os.hostname()) {
        throw new LibraryLockedError(
          `Library ${libraryDir} is in use by Folio on ${owner.hostname} (pid ${owner.pid}, since ${owner.startedAt}). ` +
            `Close it there and try again; if that computer no longer uses it, delete ${file}.`,
        );
      } else if (isPidAlive(owner.pid)) {
        throw new LibraryLockedError(
          `Library ${libraryDir} is in use by another Folio process (pid ${owner.pid}, since ${owner.startedAt}). Close it and try again.`,
        );
      } else {
        problem = `Took over a stale lock: the Folio process that held the library (pid ${owner.pid}, since ${owner.startedAt}) is no longer running.`;
      }
      try {
        unlinkSync(file);
      } catch (unlinkError) {
        if (errorCode(unlinkError) !== 'ENOENT') throw unlinkError;
      }
      continue;
    }
    try {
      // No fsync: the lock needs no durability (after a crash its pid is gone, or an empty file is an unreadable
      // lock taken over after the grace period), and a synchronous fsync on the open path waited behind the
      // disk's pending writes (0.1-0.6 s in the 100k bench).
      writeSync(fd, `${JSON.stringify(info)}\n`);
    } finally {
      closeSync(fd);
    }
    heldLocks.set(file, token);
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.on('exit', releaseAllOnExit);
    }
    let released = false;
    return {
      problem,
      lock: {
        file,
        release() {
          if (released) return;
          released = true;
          heldLocks.delete(file);
          removeIfOurs(file, token);
        },
      },
    };
  }
  throw new LibraryLockedError(`Library ${libraryDir}: could not take ${LOCK_FILE} (another process keeps recreating it). Try again.`);
}
