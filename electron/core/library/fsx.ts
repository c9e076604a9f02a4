// Small file-system helpers: existence checks, timestamps and never-overwriting names for files.
// Writes live in disk.ts (the one seam every write goes through).
import { constants as fsConstants } from 'node:fs';
import { access } from 'node:fs/promises';
import { renameDurably } from './disk.js';

export async function exists(file: string): Promise<boolean> {
  try {
    await access(file, fsConstants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** "2026-05-01T12-30-45-123Z": an ISO timestamp that is safe in file names on every OS and sorts by time. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Turns fileStamp() output (optionally with a "-2" suffix) back into a readable "2026-05-01 12:30:45 UTC". */
export function readableStamp(stamp: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})/.exec(stamp);
  return m ? `${m[1]} ${m[2]}:${m[3]}:${m[4]} UTC` : stamp;
}

/** `base`, or `base-2`, `base-3`... whichever does not exist yet (so nothing is ever overwritten). */
export async function freshPath(base: string): Promise<string> {
  if (!(await exists(base))) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!(await exists(candidate))) return candidate;
  }
}

/** Renames `file` to `<file>.<tag>-<stamp>` (never overwriting anything) and returns the new path. */
export async function moveAside(file: string, tag: string, now: Date): Promise<string> {
  const target = await freshPath(`${file}.${tag}-${fileStamp(now)}`);
  await renameDurably(file, target, 'move-aside');
  return target;
}

const NON_ASCII = /[\u0080-\uffff]/g;

/**
 * JSON text (from JSON.stringify) with every non-ASCII character written as a \uXXXX escape: the same JSON value,
 * but an ASCII file. Reading matters more than the ~1 % it adds: Buffer#toString('utf8') of a file with a single
 * "ü" takes V8's slow UTF-8 path and makes a two-byte string of the whole file; at 100k papers (197 MB of
 * segments, authors with diacritics) decoding took 0.9-1.0 s of the open, and 0.2-0.25 s for the escaped files.
 */
export function asciiJson(json: string): string {
  return json.replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
