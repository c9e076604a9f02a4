// What the lock says, one line each, shown as they are by the CLI and the app: who holds the library and what to
// do about it (which process to quit, or which file to delete after checking what).
import path from 'node:path';
import type { LockOwner, OwnerVerdict, StaleReason } from './lock-owner.js';

export function heldMessage(dir: string, file: string, owner: LockOwner, verdict: OwnerVerdict): string {
  const since = `since ${owner.startedAt}`;
  if (verdict.kind === 'unverifiable' && verdict.reason === 'other-host') {
    return (
      `Library ${dir} is in use by Folio on ${owner.hostname} (pid ${owner.pid}, ${since}). Quit Folio there and try again; ` +
      `if ${owner.hostname} no longer uses this library, delete ${file}.`
    );
  }
  if (verdict.kind === 'unverifiable') {
    return (
      `Library ${dir} is locked by process ${owner.pid} (${since}), which is running, but Folio cannot tell whether it is Folio. ` +
      `Quit Folio if it is open; if it is not, delete ${file} and try again.`
    );
  }
  return `Library ${dir} is in use by Folio (pid ${owner.pid}, ${since}). Quit that Folio (pid ${owner.pid}) and try again.`;
}

export function beingWrittenMessage(dir: string, file: string): string {
  return `Library ${dir} is being opened by another Folio process (${file} is still being written). Try again in a moment; if no Folio is starting, delete ${file}.`;
}

export function busyMessage(dir: string, guard: string, owner: LockOwner | null): string {
  const [by, fix] = owner ? [`process ${owner.pid}`, `quit process ${owner.pid} or delete ${guard}`] : ['another process', `delete ${guard}`];
  return `Library ${dir} is being taken over from a Folio that stopped, by ${by}. Try again in a moment; if this persists, ${fix}.`;
}

export function stuckTakeoverMessage(dir: string, file: string, guard: string, owner: LockOwner): string {
  return (
    `Library ${dir}: a Folio on ${owner.hostname} (pid ${owner.pid}) started removing its stale lock at ${owner.startedAt} and did not finish. ` +
    `If no Folio is using this library, delete ${file} and ${guard}, and try again.`
  );
}

export function displacedMessage(dir: string, file: string, aside: string): string {
  return (
    `Library ${dir}: its lock changed while a stale one was being removed; the displaced lock is ${aside}. ` +
    `Quit every Folio using this library, delete ${file} and ${aside}, and try again.`
  );
}

export function cannotReadMessage(dir: string, file: string, reason: string): string {
  return `Library ${dir}: cannot read ${file} (${reason}). If no Folio is using this library, delete ${file} and try again.`;
}

export function contentionMessage(dir: string, file: string): string {
  return `Library ${dir}: could not take ${file}, other Folio processes kept taking it at the same moment. Try again.`;
}

/** The problem line of an open that took a stale lock over. */
export function takeoverProblem(file: string, owner: LockOwner | null, reason: StaleReason): string {
  if (owner === null || reason === 'unreadable') return `Took over an unreadable lock file (${path.basename(file)}); the process that wrote it is gone.`;
  if (reason === 'abandoned') return `Took over a stale lock: an earlier open of this library in this process (since ${owner.startedAt}) was never closed.`;
  const holder = `the Folio process that held the library (pid ${owner.pid}, since ${owner.startedAt})`;
  if (reason === 'rebooted') return `Took over a stale lock: ${holder} ran before the computer restarted.`;
  if (reason === 'reused') return `Took over a stale lock: ${holder} is no longer running (pid ${owner.pid} now belongs to another process).`;
  return `Took over a stale lock: ${holder} is no longer running.`;
}
