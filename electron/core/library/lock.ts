// folio.lock: one writer per library folder, also when several processes find a stale lock at the same moment.
//
// Why at most one process holds it. Every step is one atomic filesystem call. A lock file instance S has a key:
// a hash of its inode, mtime and bytes, which stay fixed while S lives and differ between instances (every lock
// carries a random token).
// 1. A lock is created complete: its JSON goes to a unique temp file, then link(temp, lock). link never replaces a
//    file (EEXIST: someone holds it), and a full disk fails on the temp file, before any lock exists. So the file
//    at the lock's path only ever changes by being removed: by its holder on release, or by a takeover.
// 2. A takeover of a stale S is a critical section, entered by creating `<lock>.takeover-<key(S)>` the same way.
//    Inside it the lock is read again and removed only if it is still S (renamed to a unique name, checked to be S
//    once renamed, deleted; put back with link if it is not), then the guard is deleted and the taker competes
//    through link like everyone else. Inside the section the lock cannot stop being S: S's holder is gone, and any
//    other remover would need the same guard. A racer that judged S long ago and enters later finds another lock
//    and leaves, so guards need not outlive the takeover (the "put back" only matters when something that ignores
//    this protocol, an older Folio or a person, replaced the file meanwhile).
// 3. A guard left by a taker that died inside the section is stale like a lock; the next guard is keyed on
//    (key(S), key(dead guard)), so everyone who finds that dead guard meets at the same next one.
// 4. A holder prunes guards, renamed-aside locks and temp files older than LEFTOVER_MAX_AGE_MS (only a crash leaves
//    them). A guard is in use only while a stale lock sits at the lock's path, when nobody holds it to prune.
//
// Staleness (lock-owner.ts): same host, and the pid dead, reused, from before a restart, or this process's with a
// token it does not hold. Another host or an unverifiable pid is never taken over: the message says what to delete.
// A file that is not a lock (empty or torn: written in place by an older Folio, or on a filesystem without hard
// links, where the lock is created with O_EXCL and written in place) is "being written" for UNREADABLE_GRACE_MS
// after its last change, then stale. No fsync: after a power cut the holder is gone, whatever the file says.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open, readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  SimulatedCrash,
  faults,
  isTempName,
  linkExclusive,
  removeFile,
  removeFileSync,
  renameFile,
  tempPathFor,
  writeFileExclusive,
} from './disk.js';
import { LibraryLockedError, NotSavedError, errorCode, errorMessage } from './errors.js';
import {
  beingWrittenMessage,
  busyMessage,
  cannotReadMessage,
  contentionMessage,
  displacedMessage,
  heldMessage,
  stuckTakeoverMessage,
  takeoverProblem,
} from './lock-messages.js';
import { currentOwner, judgeOwner, parseOwner } from './lock-owner.js';
import type { LockOwner, OwnerVerdict } from './lock-owner.js';

export const LOCK_FILE = 'folio.lock';
const SITE = 'lock';
const UNREADABLE_GRACE_MS = 10_000;
const LEFTOVER_MAX_AGE_MS = 60 * 60_000;
const DEFAULT_PATIENCE_MS = 2_000;
/** Rounds that did not wait (the lock changed under us); only many racers arriving one after another use several. */
const MAX_QUICK_ROUNDS = 50;
const MAX_GUARD_LEVELS = 8;
/** What link() says on a filesystem without hard links (FAT, exFAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

export interface HeldLock {
  readonly file: string;
  release(): void;
}

export interface LockOptions {
  now: Date;
  /** Where the lock lives (default `<libraryDir>/folio.lock`). */
  file?: string;
  /** How long to wait for a lock that is being written or taken over right now before giving up. */
  patienceMs?: number;
}

interface Attempt {
  dir: string;
  file: string;
  bytes: Buffer;
}

/** A lock file as read once: its key (see the header), its owner (null: not a lock) and last change. */
interface Seen {
  key: string;
  owner: LockOwner | null;
  mtimeMs: number;
}

type Verdict = OwnerVerdict | { kind: 'being-written' };
type Takeover = { kind: 'removed' } | { kind: 'changed' } | { kind: 'busy'; guard: string; owner: LockOwner | null };

/** Tokens this process holds or is taking, each with the simulated lifetime (faults.crashes) it belongs to. */
const ownTokens = new Map<string, { file: string; lifetime: number }>();
let exitHookInstalled = false;

function isLiveToken(token: string): boolean {
  return ownTokens.get(token)?.lifetime === faults.crashes;
}

/**
 * Takes the library's lock or throws LibraryLockedError (held, or cannot be verified: the message says what to do)
 * or NotSavedError (the disk failed; no lock is left behind). Returns the lock and, when a stale lock was taken
 * over, a problem line describing it.
 */
export async function acquireLock(libraryDir: string, options: LockOptions): Promise<{ lock: HeldLock; problem: string | null }> {
  const file = options.file ?? path.join(libraryDir, LOCK_FILE);
  const token = randomBytes(16).toString('hex');
  const attempt: Attempt = { dir: libraryDir, file, bytes: Buffer.from(`${JSON.stringify(currentOwner(options.now, token))}\n`) };
  ownTokens.set(token, { file, lifetime: faults.crashes });
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', releaseAllOnExit);
  }
  let problem: string | null;
  try {
    problem = await takeLock(attempt, options.patienceMs ?? DEFAULT_PATIENCE_MS);
  } catch (error) {
    ownTokens.delete(token);
    throw asLockError(error, libraryDir);
  }
  await pruneLeftovers(file); // only a simulated crash escapes it, and leaves the lock as a real crash would
  const lock: HeldLock = {
    file,
    release() {
      const held = ownTokens.get(token);
      if (!held) return;
      // A lock from before a simulated crash belongs to a dead process: it stays, as a real crash leaves it.
      if (held.lifetime === faults.crashes) removeIfOurs(file, token);
      ownTokens.delete(token);
    },
  };
  return { lock, problem };
}

async function takeLock(attempt: Attempt, patienceMs: number): Promise<string | null> {
  let problem: string | null = null;
  const giveUpAt = Date.now() + patienceMs;
  for (let quickRounds = 0; quickRounds < MAX_QUICK_ROUNDS; ) {
    if (await createComplete(attempt.file, attempt.bytes)) return problem;
    const seen = await observe(attempt, attempt.file);
    if (seen === null) {
      quickRounds++; // released meanwhile
      continue;
    }
    const verdict = judge(seen);
    if (verdict.kind === 'live' || verdict.kind === 'unverifiable') {
      throw new LibraryLockedError(heldMessage(attempt.dir, attempt.file, seen.owner as LockOwner, verdict));
    }
    if (verdict.kind === 'stale') {
      const takeover = await removeStale(attempt, seen);
      if (takeover.kind !== 'busy') {
        if (takeover.kind === 'removed') problem = takeoverProblem(attempt.file, seen.owner, verdict.reason);
        quickRounds++;
        continue;
      }
      if (Date.now() >= giveUpAt) throw new LibraryLockedError(busyMessage(attempt.dir, takeover.guard, takeover.owner));
    } else if (Date.now() >= giveUpAt) {
      throw new LibraryLockedError(beingWrittenMessage(attempt.dir, attempt.file));
    }
    await pause();
  }
  throw new LibraryLockedError(contentionMessage(attempt.dir, attempt.file));
}

/** Creates `target` holding `bytes`, complete from its first moment; false when it exists already. */
async function createComplete(target: string, bytes: Buffer): Promise<boolean> {
  const temp = tempPathFor(target);
  await writeFileExclusive(temp, bytes, SITE);
  try {
    return await linkOrWrite(temp, target, bytes);
  } finally {
    await removeFile(temp, SITE).catch(ignoreUnlessCrash);
  }
}

/**
 * Gives `source` (holding `bytes`) the name `target` unless something has it: false then. Where there are no hard
 * links, writes `bytes` to `target` in place instead (O_EXCL, removed again if the write fails).
 */
async function linkOrWrite(source: string, target: string, bytes: Buffer): Promise<boolean> {
  try {
    await linkExclusive(source, target, SITE);
    return true;
  } catch (error) {
    const code = errorCode(error) ?? '';
    if (code === 'EEXIST') return false;
    if (code === 'ENOENT') return false; // our temp file was cleaned away by another process: look again
    if (!NO_HARD_LINKS.has(code)) throw error;
  }
  try {
    await writeFileExclusive(target, bytes, SITE);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

/** Removes the stale lock `stale` unless someone else is doing so right now (busy) or it changed meanwhile. */
async function removeStale(attempt: Attempt, stale: Seen): Promise<Takeover> {
  let guardKey = stale.key;
  for (let level = 0; level < MAX_GUARD_LEVELS; level++) {
    const guard = `${attempt.file}.takeover-${guardKey}`;
    if (await createComplete(guard, attempt.bytes)) {
      try {
        return await removeIfStill(attempt, stale.key);
      } finally {
        await removeFile(guard, SITE).catch(ignoreUnlessCrash);
      }
    }
    const taker = await observe(attempt, guard);
    if (taker === null) return { kind: 'changed' }; // that takeover just finished
    const verdict = judge(taker);
    if (verdict.kind === 'unverifiable' && taker.owner) {
      throw new LibraryLockedError(stuckTakeoverMessage(attempt.dir, attempt.file, guard, taker.owner));
    }
    if (verdict.kind !== 'stale') return { kind: 'busy', guard, owner: taker.owner };
    guardKey = keyOf(`${guardKey}:${taker.key}`);
  }
  return { kind: 'busy', guard: `${attempt.file}.takeover-${guardKey}`, owner: null };
}

/** Inside the takeover section: removes the lock if it is still the one with `key`. */
async function removeIfStill(attempt: Attempt, key: string): Promise<Takeover> {
  const current = await observe(attempt, attempt.file);
  if (current === null || current.key !== key) return { kind: 'changed' };
  const aside = `${attempt.file}.stale-${randomBytes(8).toString('hex')}`;
  try {
    await renameFile(attempt.file, aside, SITE);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'changed' };
    throw error;
  }
  const moved = await observe(attempt, aside);
  if (moved === null || moved.key === key) {
    await removeFile(aside, SITE).catch(ignoreUnlessCrash);
    return { kind: moved === null ? 'changed' : 'removed' };
  }
  // Something that ignores this protocol replaced the lock meanwhile: put that file back, replacing nothing.
  if (!(await linkOrWrite(aside, attempt.file, await readFile(aside)))) {
    throw new LibraryLockedError(displacedMessage(attempt.dir, attempt.file, aside));
  }
  await removeFile(aside, SITE).catch(ignoreUnlessCrash);
  return { kind: 'changed' };
}

/** Reads `file` once; null when it does not exist. A file that cannot be read is reported, never taken over. */
async function observe(attempt: Attempt, file: string): Promise<Seen | null> {
  try {
    const handle = await open(file, 'r');
    try {
      const stats = await handle.stat({ bigint: true });
      const bytes = await handle.readFile();
      return { key: keyOf(`${stats.ino}:${stats.mtimeNs}:`, bytes), owner: parseOwner(bytes), mtimeMs: Number(stats.mtimeMs) };
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw new LibraryLockedError(cannotReadMessage(attempt.dir, file, errorCode(error) ?? errorMessage(error)));
  }
}

function keyOf(text: string, bytes?: Buffer): string {
  const hash = createHash('sha256').update(text);
  if (bytes) hash.update(bytes);
  return hash.digest('hex').slice(0, 16);
}

function judge(seen: Seen): Verdict {
  if (seen.owner !== null) return judgeOwner(seen.owner, isLiveToken);
  return Date.now() - seen.mtimeMs < UNREADABLE_GRACE_MS ? { kind: 'being-written' } : { kind: 'stale', reason: 'unreadable' };
}

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
}

function ignoreUnlessCrash(error: unknown): void {
  if (error instanceof SimulatedCrash) throw error;
}

/** Best effort: leftovers of crashed takeovers and acquisitions beside the lock, once they are surely not in use. */
async function pruneLeftovers(file: string): Promise<void> {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const isLeftover = (name: string): boolean =>
    name.startsWith(`${base}.takeover-`) || name.startsWith(`${base}.stale-`) || (name.startsWith(`${base}.tmp-`) && isTempName(name));
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter(isLeftover)) {
    const leftover = path.join(dir, name);
    const changed = await stat(leftover).then((s) => s.mtimeMs, () => Date.now());
    if (Date.now() - changed > LEFTOVER_MAX_AGE_MS) await removeFile(leftover, SITE).catch(ignoreUnlessCrash);
  }
}

function releaseAllOnExit(): void {
  for (const [token, held] of ownTokens) {
    if (held.lifetime === faults.crashes) removeIfOurs(held.file, token);
  }
  ownTokens.clear();
}

function removeIfOurs(file: string, token: string): void {
  try {
    if (parseOwner(readFileSync(file))?.token === token) removeFileSync(file, SITE);
  } catch {
    // Gone, or the disk failed: a lock left behind names a process that is gone, and is taken over as stale.
  }
}

/**
 * A disk failure while taking the lock is a write that failed: NotSavedError, worded like every other one (the
 * command's change was not saved). The lock's own refusals and a simulated crash pass through.
 */
function asLockError(error: unknown, dir: string): unknown {
  if (error instanceof LibraryLockedError || error instanceof SimulatedCrash || errorCode(error) === undefined) return error;
  return new NotSavedError(errorCode(error), dir, { cause: error });
}
