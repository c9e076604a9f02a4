// Who a lock file says holds it, and whether that holder still runs. A pid alone is not enough: after a crash the
// pid can be reused by an unrelated process, so the lock also records the boot and the process's start time.
//
// Linux: start time = field 22 of /proc/<pid>/stat (clock ticks after boot) plus /proc/sys/kernel/random/boot_id.
// macOS: `ps -o lstart= -p <pid>` (wall-clock start, to the second, so no boot id is needed).
// Elsewhere (Windows): no cheap reliable start time, so only whether the pid is alive is known. A lock whose pid
// is alive is then "unverifiable", and its message says which file to delete if that process is not Folio.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { errorCode } from './errors.js';

export interface LockOwner {
  pid: number;
  hostname: string;
  /** When the lock was taken (ISO 8601). */
  startedAt: string;
  app: string;
  /** Random, one per lock: tells this lock from any other of the same pid. null in locks of older Folios. */
  token: string | null;
  /** Linux's boot id; null elsewhere and in older locks. */
  bootId: string | null;
  /** The process's start time in the platform's terms; null where unknown and in older locks. */
  processStart: string | null;
}

/** Why a lock is stale; 'unreadable' is a file that is not a lock at all (see lock.ts). */
export type StaleReason = 'dead' | 'reused' | 'rebooted' | 'abandoned' | 'unreadable';

export type OwnerVerdict =
  | { kind: 'live' }
  | { kind: 'stale'; reason: StaleReason }
  /** The holder cannot be checked from here: another host, or a live pid whose start time is unknown. */
  | { kind: 'unverifiable'; reason: 'other-host' | 'unsure' };

let cachedBootId: string | null | undefined;
let cachedOwnStart: string | null | undefined;

function bootId(): string | null {
  if (cachedBootId === undefined) {
    try {
      cachedBootId = process.platform === 'linux' ? readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null : null;
    } catch {
      cachedBootId = null;
    }
  }
  return cachedBootId;
}

/** When `pid` started, or null when it is not running or this platform cannot tell. */
export function processStartOf(pid: number): string | null {
  try {
    if (process.platform === 'linux') return startTimeFromProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    if (process.platform === 'darwin') {
      const out = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      return out.trim() || null;
    }
  } catch {
    // Not running, or not ours to inspect.
  }
  return null;
}

/** Field 22 (starttime) of a /proc/<pid>/stat line, or null when the line is not one. */
export function startTimeFromProcStat(line: string): string | null {
  // Field 2 is "(comm)", and comm may hold spaces and parentheses: count the fields after the last ')'.
  const close = line.lastIndexOf(')');
  if (close < 0) return null;
  const value = line.slice(close + 2).split(' ')[22 - 3];
  return value !== undefined && /^\d+$/.test(value) ? value : null;
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

/** This process, as a lock it takes records it. */
export function currentOwner(now: Date, token: string): LockOwner {
  cachedOwnStart ??= processStartOf(process.pid);
  return {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: now.toISOString(),
    app: 'Folio',
    token,
    bootId: bootId(),
    processStart: cachedOwnStart,
  };
}

/** The owner a lock file names, or null when it is not a lock (empty, torn, garbage). Older locks lack some fields. */
export function parseOwner(bytes: Buffer): LockOwner | null {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as Record<string, unknown>;
  if (typeof raw.pid !== 'number' || !Number.isInteger(raw.pid) || raw.pid <= 0 || typeof raw.hostname !== 'string') return null;
  const text = (key: string): string | null => (typeof raw[key] === 'string' ? (raw[key] as string) : null);
  return {
    pid: raw.pid,
    hostname: raw.hostname,
    startedAt: text('startedAt') ?? '?',
    app: text('app') ?? 'Folio',
    token: text('token'),
    bootId: text('bootId'),
    processStart: text('processStart'),
  };
}

/**
 * Whether the holder still runs. `isLiveToken` says whether a token belongs to a lock this very process holds
 * (or is taking) right now: a lock with our pid and any other token was left by an earlier open in this process.
 */
export function judgeOwner(owner: LockOwner, isLiveToken: (token: string) => boolean): OwnerVerdict {
  if (owner.hostname !== os.hostname()) return { kind: 'unverifiable', reason: 'other-host' };
  const here = bootId();
  if (owner.bootId !== null && here !== null && owner.bootId !== here) return { kind: 'stale', reason: 'rebooted' };
  if (owner.pid === process.pid) {
    if (owner.token !== null && isLiveToken(owner.token)) return { kind: 'live' };
    cachedOwnStart ??= processStartOf(process.pid);
    return { kind: 'stale', reason: owner.processStart !== null && owner.processStart === cachedOwnStart ? 'abandoned' : 'reused' };
  }
  if (!isPidAlive(owner.pid)) return { kind: 'stale', reason: 'dead' };
  const start = processStartOf(owner.pid);
  if (start === null && !isPidAlive(owner.pid)) return { kind: 'stale', reason: 'dead' }; // exited meanwhile
  if (start === null || owner.processStart === null) return { kind: 'unverifiable', reason: 'unsure' };
  return start === owner.processStart ? { kind: 'live' } : { kind: 'stale', reason: 'reused' };
}
