// folio.lock: every state a lock file can be found in, a fault at every lock write, forced interleavings of a taker
// with whatever else touches the lock, and real processes holding, dying and exiting. The race of many processes
// is lock-race.test.ts.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { Library, LibraryLockedError, NotSavedError } from '../../../electron/core/library/index.js';
import { SimulatedCrash, faults, isTempName } from '../../../electron/core/library/disk.js';
import type { DiskOp, FaultKind } from '../../../electron/core/library/disk.js';
import { acquireLock } from '../../../electron/core/library/lock.js';
import type { HeldLock } from '../../../electron/core/library/lock.js';
import { parseOwner, processStartOf, startTimeFromProcStat } from '../../../electron/core/library/lock-owner.js';
import { libraryPath, openLib, paper, parsed, spawnChild, tempDir } from './helpers.js';
import { lockOf as libraryLockFile } from '../../helpers/local-state.js';

afterEach(() => faults.clear());

const SINCE = '2026-01-01T00:00:00.000Z';
const BOOT_ID = (() => {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
})();
const HOUR_MS = 60 * 60_000;

function deadPid(): number {
  const pid = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
  assert.ok(pid > 0);
  return pid;
}

/** A live process that is not Folio: what a reused pid points at. */
let sleeper: ChildProcess;
let sleeperPid = 0;
let sleeperStart: string | null = null;
let dead = 0;
before(async () => {
  sleeper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)'], { stdio: 'ignore' });
  sleeperPid = sleeper.pid ?? 0;
  for (let i = 0; i < 100 && sleeperStart === null; i++) {
    sleeperStart = processStartOf(sleeperPid);
    if (sleeperStart === null) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  dead = deadPid();
});
after(() => sleeper.kill());

function lockOf(fields: Record<string, unknown>): string {
  return JSON.stringify({ pid: dead, hostname: os.hostname(), startedAt: SINCE, app: 'Folio', token: 'their-token', bootId: BOOT_ID, processStart: '1', ...fields });
}

/** The takeover guard of the lock file now at `file` (the key lock.ts documents: inode, mtime, bytes). */
async function guardOf(file: string): Promise<string> {
  const stats = await stat(file, { bigint: true });
  const key = createHash('sha256').update(`${stats.ino}:${stats.mtimeNs}:`).update(await readFile(file)).digest('hex').slice(0, 16);
  return `${file}.takeover-${key}`;
}

async function writeAged(file: string, content: string, ageMs: number): Promise<void> {
  await writeFile(file, content);
  const when = new Date(Date.now() - ageMs);
  await utimes(file, when, when);
}

interface LockStateRow {
  name: string;
  /** What is at folio.lock beforehand (null: nothing) and how long ago it last changed (default a minute). */
  lock: (() => string) | null;
  ageMs?: number;
  /** Files written beside it beforehand (after the lock, so a guard can be named after it). */
  beside?: (lockFile: string) => Promise<void>;
  skip?: boolean;
  /** Taken, with this problem line; or refused with this message. */
  /** `leftovers` gets the name of the takeover guard of the lock that was there. */
  expect: { problem: RegExp | null; leftovers?: (guard: string) => string[] } | { refused: (lockFile: string) => RegExp };
}

const esc = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const heldBy = (pid: () => number) => (file: string) =>
  new RegExp(`^Library ${esc(path.dirname(file))} is in use by Folio \\(pid ${pid()}, since ${esc(SINCE)}\\)\\. Quit that Folio \\(pid ${pid()}\\) and try again\\.$`);
const stale = (reason: string) => new RegExp(`^Took over a stale lock: the Folio process that held the library \\(pid \\d+, since ${esc(SINCE)}\\) ${reason}\\.$`);
const unreadable = /^Took over an unreadable lock file \(folio\.lock\); the process that wrote it is gone\.$/;

const LOCK_STATES: LockStateRow[] = [
  { name: 'absent', lock: null, expect: { problem: null } },
  { name: 'held by a live Folio here', lock: () => lockOf({ pid: sleeperPid, processStart: sleeperStart }), expect: { refused: heldBy(() => sleeperPid) } },
  { name: 'its process is dead', lock: () => lockOf({}), expect: { problem: stale('is no longer running') } },
  {
    name: 'its pid now belongs to another process',
    lock: () => lockOf({ pid: sleeperPid, processStart: 'an earlier start' }),
    expect: { problem: stale(`is no longer running \\(pid \\d+ now belongs to another process\\)`) },
  },
  {
    name: 'written before the computer restarted',
    skip: BOOT_ID === null,
    lock: () => lockOf({ pid: sleeperPid, processStart: sleeperStart, bootId: 'another-boot' }),
    expect: { problem: stale('ran before the computer restarted') },
  },
  {
    name: 'held on another host',
    lock: () => lockOf({ hostname: 'elsewhere.example', pid: process.pid }),
    expect: {
      refused: (file) =>
        new RegExp(
          `^Library ${esc(path.dirname(file))} is in use by Folio on elsewhere\\.example \\(pid ${process.pid}, since ${esc(SINCE)}\\)\\. Quit Folio there and try again; if elsewhere\\.example no longer uses this library, delete ${esc(file)}\\.$`,
        ),
    },
  },
  {
    name: 'an older Folio’s lock (no token, no start time), its process dead',
    lock: () => JSON.stringify({ pid: dead, hostname: os.hostname(), startedAt: SINCE, app: 'Folio' }),
    expect: { problem: stale('is no longer running') },
  },
  {
    name: 'an older Folio’s lock whose pid is alive: cannot be verified',
    lock: () => JSON.stringify({ pid: sleeperPid, hostname: os.hostname(), startedAt: SINCE, app: 'Folio' }),
    expect: {
      refused: (file) =>
        new RegExp(
          `^Library ${esc(path.dirname(file))} is locked by process ${sleeperPid} \\(since ${esc(SINCE)}\\), which is running, but Folio cannot tell whether it is Folio\\. Quit Folio if it is open; if it is not, delete ${esc(file)} and try again\\.$`,
        ),
    },
  },
  {
    name: 'this process’s pid and start, a token it does not hold (an open never closed)',
    lock: () => lockOf({ pid: process.pid, processStart: processStartOf(process.pid) }),
    expect: { problem: /^Took over a stale lock: an earlier open of this library in this process \(since 2026-01-01T00:00:00\.000Z\) was never closed\.$/ },
  },
  { name: 'this process’s pid from an earlier process', lock: () => lockOf({ pid: process.pid, processStart: '1' }), expect: { problem: stale('is no longer running \\(pid \\d+ now belongs to another process\\)') } },
  { name: 'empty, a minute old', lock: () => '', expect: { problem: unreadable } },
  {
    name: 'empty, just written',
    lock: () => '',
    ageMs: 0,
    expect: {
      refused: (file) =>
        new RegExp(`^Library ${esc(path.dirname(file))} is being opened by another Folio process \\(${esc(file)} is still being written\\)\\. Try again in a moment; if no Folio is starting, delete ${esc(file)}\\.$`),
    },
  },
  { name: 'torn JSON, a minute old', lock: () => '{"pid": 12', expect: { problem: unreadable } },
  { name: 'torn JSON, just written', lock: () => '{"pid": 12', ageMs: 0, expect: { refused: () => /is being opened by another Folio process/ } },
  { name: 'JSON that is not a lock', lock: () => '{"pid":"12","hostname":7}', expect: { problem: unreadable } },
  { name: 'binary garbage', lock: () => '\u0000\u00ff\u0001garbage', expect: { problem: unreadable } },
  {
    name: 'a takeover left half done by a process that died',
    lock: () => lockOf({}),
    beside: async (file) => writeAged(await guardOf(file), lockOf({ token: 'dead-taker' }), 60_000),
    expect: { problem: stale('is no longer running'), leftovers: (guard) => [guard] },
  },
  {
    name: 'a takeover file left by an earlier open in this process (a simulated crash)',
    lock: () => lockOf({}),
    beside: async (file) => writeAged(await guardOf(file), lockOf({ pid: process.pid, processStart: processStartOf(process.pid), token: 'gone' }), 0),
    expect: { problem: stale('is no longer running'), leftovers: (guard) => [guard] },
  },
  {
    name: 'a takeover in progress by a live process',
    lock: () => lockOf({}),
    beside: async (file) => writeAged(await guardOf(file), lockOf({ pid: sleeperPid, processStart: sleeperStart, startedAt: '2026-02-02T00:00:00.000Z' }), 0),
    expect: {
      refused: (file) =>
        new RegExp(
          `^Library ${esc(path.dirname(file))} is being taken over from a Folio that stopped, by process ${sleeperPid}\\. Try again in a moment; if this persists, quit process ${sleeperPid} or delete ${esc(file)}\\.takeover-[0-9a-f]{16}\\.$`,
        ),
    },
  },
  {
    name: 'a takeover started on another host',
    lock: () => lockOf({}),
    beside: async (file) => writeAged(await guardOf(file), lockOf({ hostname: 'elsewhere.example', pid: 77 }), 0),
    expect: {
      refused: (file) =>
        new RegExp(
          `^Library ${esc(path.dirname(file))}: a Folio on elsewhere\\.example \\(pid 77\\) started removing its stale lock at ${esc(SINCE)} and did not finish\\. If no Folio is using this library, delete ${esc(file)} and ${esc(file)}\\.takeover-[0-9a-f]{16}, and try again\\.$`,
        ),
    },
  },
  {
    name: 'leftovers beside a dead lock: old ones pruned, recent ones kept',
    lock: () => lockOf({}),
    beside: async (file) => {
      await writeAged(`${file}.takeover-0123456789abcdef`, lockOf({ pid: sleeperPid, processStart: sleeperStart }), 0);
      await writeAged(`${file}.takeover-fedcba9876543210`, lockOf({}), 2 * HOUR_MS);
      await writeAged(`${file}.stale-00112233aabbccdd`, lockOf({}), 2 * HOUR_MS);
      await writeAged(`${file}.tmp-123-0badc0de`, lockOf({}), 2 * HOUR_MS);
      await writeAged(`${file}.tmp-456-0badc0de`, lockOf({}), 0);
    },
    expect: { problem: stale('is no longer running'), leftovers: () => ['folio.lock.takeover-0123456789abcdef', 'folio.lock.tmp-456-0badc0de'] },
  },
];

for (const row of LOCK_STATES) {
  test(`lock state: ${row.name}`, { skip: row.skip }, async (t) => {
    const dir = await tempDir(t);
    const file = path.join(dir, 'folio.lock');
    if (row.lock) await writeAged(file, row.lock(), row.ageMs ?? 60_000);
    await row.beside?.(file);
    const before = await readdir(dir);
    const lockBefore = row.lock ? await readFile(file) : null;
    const guard = row.lock ? path.basename(await guardOf(file)) : '';
    const attempt = acquireLock(dir, { now: new Date(), patienceMs: 30 });
    const expect = row.expect;
    if ('refused' in expect) {
      await assert.rejects(attempt, (error: unknown) => {
        assert.ok(error instanceof LibraryLockedError, String(error));
        assert.match(error.message, expect.refused(file));
        return true;
      });
      assert.deepEqual(await readFile(file), lockBefore, 'the lock is left as it was');
      assert.deepEqual((await readdir(dir)).sort(), before.sort(), 'nothing created beside it');
      return;
    }
    const { lock, problem } = await attempt;
    if (expect.problem === null) assert.equal(problem, null);
    else assert.match(problem ?? '', expect.problem);
    const owner = parseOwner(await readFile(file));
    assert.equal(owner?.pid, process.pid);
    assert.equal(owner?.hostname, os.hostname());
    lock.release();
    const expected = expect.leftovers?.(guard) ?? [];
    assert.deepEqual((await readdir(dir)).sort(), expected.sort(), 'released, and only what may still be in use left beside it');
  });
}

test('a folder where the lock should be: cannot be read, says which path to delete, is not touched', async (t) => {
  const dir = await tempDir(t);
  const file = path.join(dir, 'folio.lock');
  await mkdir(file);
  await assert.rejects(acquireLock(dir, { now: new Date() }), (error: unknown) => {
    assert.ok(error instanceof LibraryLockedError);
    assert.equal(error.message, `Library ${dir}: cannot read ${file} (EISDIR). If no Folio is using this library, delete ${file} and try again.`);
    return true;
  });
  assert.deepEqual(await readdir(dir), ['folio.lock']);
});

test('the lock records pid, host, boot and process start (Linux: field 22 of /proc/<pid>/stat)', async (t) => {
  const dir = await tempDir(t);
  const { lock } = await acquireLock(dir, { now: new Date(SINCE) });
  const owner = parseOwner(await readFile(path.join(dir, 'folio.lock')));
  lock.release();
  assert.equal(owner?.pid, process.pid);
  assert.equal(owner?.startedAt, SINCE);
  assert.equal(owner?.app, 'Folio');
  assert.match(owner?.token ?? '', /^[0-9a-f]{32}$/);
  if (process.platform === 'linux') {
    assert.equal(owner?.bootId, BOOT_ID);
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ');
    assert.equal(owner?.processStart, fields?.[19]);
  }
});

test('startTimeFromProcStat: field 22, whatever the command name holds', () => {
  const tail = 'S 1 2 3 0 -1 4194560 100 0 0 0 5 6 0 0 20 0 1 0 987654 12345 67 18446744073709551615';
  const rows = [
    { line: `1234 (node) ${tail}`, expected: '987654' },
    { line: `1234 (my (odd) name) ${tail}`, expected: '987654' },
    { line: `1234 (a) b) ${tail}`, expected: '987654' },
    { line: `1234 (two words) ${tail}`, expected: '987654' },
    { line: '1234 (node) S 1 2 3', expected: null },
    { line: 'garbage', expected: null },
    { line: '', expected: null },
  ];
  for (const { line, expected } of rows) assert.equal(startTimeFromProcStat(line), expected, line);
});

test('parseOwner: a lock, an older lock, and everything that is not a lock', () => {
  const full = { pid: 5, hostname: 'h', startedAt: SINCE, app: 'Folio', token: 't', bootId: 'b', processStart: '9' };
  const rows: Array<{ text: string; expected: unknown }> = [
    { text: JSON.stringify(full), expected: full },
    { text: '{"pid":5,"hostname":"h"}', expected: { pid: 5, hostname: 'h', startedAt: '?', app: 'Folio', token: null, bootId: null, processStart: null } },
    { text: '{"pid":5,"hostname":"h","token":7,"processStart":null}', expected: { pid: 5, hostname: 'h', startedAt: '?', app: 'Folio', token: null, bootId: null, processStart: null } },
    { text: '', expected: null },
    { text: '{', expected: null },
    { text: 'null', expected: null },
    { text: '[]', expected: null },
    { text: '"folio"', expected: null },
    { text: '{"pid":"5","hostname":"h"}', expected: null },
    { text: '{"pid":0,"hostname":"h"}', expected: null },
    { text: '{"pid":-3,"hostname":"h"}', expected: null },
    { text: '{"pid":1.5,"hostname":"h"}', expected: null },
    { text: '{"pid":5}', expected: null },
  ];
  for (const { text, expected } of rows) assert.deepEqual(parseOwner(Buffer.from(text)), expected, text);
});

/** How a test leaves the lock folder before acquiring: empty, or with a dead process's lock. */
const FAULT_SCENARIOS = {
  'a fresh lock': { staleLock: false, noHardLinks: false },
  'a takeover of a dead process’s lock': { staleLock: true, noHardLinks: false },
  'a fresh lock without hard links': { staleLock: false, noHardLinks: true },
  'a takeover without hard links': { staleLock: true, noHardLinks: true },
} as const;
type FaultScenario = (typeof FAULT_SCENARIOS)[keyof typeof FAULT_SCENARIOS];

async function prepare(dir: string, scenario: FaultScenario): Promise<string | null> {
  if (scenario.noHardLinks) faults.inject({ site: 'lock', op: 'link', kind: 'EPERM' });
  if (!scenario.staleLock) return null;
  const stale = lockOf({});
  await writeAged(path.join(dir, 'folio.lock'), stale, 60_000);
  return stale;
}

/** The lock operations a scenario performs, each as (op, how many of that op came before). */
async function lockOpsOf(t: test.TestContext, scenario: FaultScenario): Promise<Array<{ op: DiskOp; skip: number; file: string }>> {
  const dir = await tempDir(t);
  await prepare(dir, scenario);
  const ops: Array<{ op: DiskOp; skip: number; file: string }> = [];
  const stop = faults.record((site, op, file) => {
    if (site === 'lock') ops.push({ op, skip: ops.filter((o) => o.op === op).length, file: path.basename(file) });
  });
  const { lock } = await acquireLock(dir, { now: new Date() });
  stop();
  lock.release();
  faults.clear();
  return ops;
}

const isLockLeftover = (name: string): boolean => /^folio\.lock\.(takeover-|stale-)/.test(name) || isTempName(name);

for (const [name, scenario] of Object.entries(FAULT_SCENARIOS)) {
  test(`faults at every lock write, ${name}: a clear error and no lock left, or a whole lock`, async (t) => {
    const ops = await lockOpsOf(t, scenario);
    assert.ok(ops.length >= (scenario.staleLock ? 10 : 4), JSON.stringify(ops));
    let failed = 0;
    for (const { op, skip, file } of ops) {
      if (op === 'link' && scenario.noHardLinks) continue; // every link already fails, with EPERM
      const kinds: FaultKind[] = op === 'write' ? ['ENOSPC', 'EIO', 'short'] : ['ENOSPC', 'EIO'];
      for (const kind of kinds) {
        const label = `${kind} at ${op} #${skip} (${file})`;
        const dir = await tempDir(t);
        const stale = await prepare(dir, scenario);
        faults.inject({ site: 'lock', op, kind, skip, times: 1 });
        try {
          const { lock } = await acquireLock(dir, { now: new Date() });
          // Only removing a temp file or a finished guard may fail without failing the lock.
          assert.equal(op, 'unlink', `${label}: the lock was taken although a needed step failed`);
          assert.equal(parseOwner(await readFile(path.join(dir, 'folio.lock')))?.pid, process.pid, label);
          lock.release();
        } catch (error) {
          failed++;
          assert.ok(error instanceof NotSavedError, `${label}: ${String(error)}`);
          assert.equal(error.code, kind === 'short' ? 'ENOSPC' : kind, label);
          assert.match(error.message, new RegExp(`^Not saved: the disk holding ${esc(dir)} `), label);
          const left = await readdir(dir);
          assert.deepEqual(left.filter((n) => n !== 'folio.lock'), [], `${label}: nothing beside the lock`);
          if (left.includes('folio.lock')) assert.equal(await readFile(path.join(dir, 'folio.lock'), 'utf8'), stale, `${label}: only the stale lock, untouched`);
        }
        faults.clear();
        if (scenario.noHardLinks) faults.inject({ site: 'lock', op: 'link', kind: 'EPERM' });
        const { lock } = await acquireLock(dir, { now: new Date() });
        lock.release();
        assert.deepEqual((await readdir(dir)).filter((n) => !isLockLeftover(n)), [], `${label}: a later open takes it and releases it`);
      }
    }
    t.diagnostic(`${ops.length} lock operations, ${failed} injected faults refused the lock cleanly`);
  });

  test(`a crash at every lock operation, ${name}: the next open in this process takes the lock over`, async (t) => {
    const ops = await lockOpsOf(t, scenario);
    for (const { op, skip, file } of ops) {
      if (op === 'link' && scenario.noHardLinks) continue;
      const dir = await tempDir(t);
      await prepare(dir, scenario);
      faults.inject({ site: 'lock', op, kind: 'crash', skip, times: 1 });
      await assert.rejects(acquireLock(dir, { now: new Date() }), SimulatedCrash, `crash at ${op} #${skip} (${file})`);
      faults.clear();
      if (scenario.noHardLinks) faults.inject({ site: 'lock', op: 'link', kind: 'EPERM' });
      const retake = (): Promise<{ lock: HeldLock }> => acquireLock(dir, { now: new Date(), patienceMs: 30 });
      const { lock } = await retake().catch(async (error: unknown) => {
        // Written in place, a lock or guard torn by the crash reads as "being written" until it is 10 s old.
        assert.ok(scenario.noHardLinks && error instanceof LibraryLockedError, String(error));
        assert.match(error.message, /being opened by another Folio process|being taken over from a Folio that stopped, by another process/);
        for (const name of await readdir(dir)) await writeAged(path.join(dir, name), await readFile(path.join(dir, name), 'utf8'), 60_000);
        return retake();
      });
      assert.equal(parseOwner(await readFile(path.join(dir, 'folio.lock')))?.pid, process.pid);
      lock.release();
      assert.deepEqual((await readdir(dir)).filter((n) => !isLockLeftover(n)), [], `crash at ${op} #${skip}: released`);
    }
  });
}

/** Runs `act` once, synchronously, just before the first lock operation `op` on a file whose name matches. */
function onceBefore(op: DiskOp, name: RegExp, act: () => void): void {
  let done = false;
  faults.record((site, seenOp, file) => {
    if (done || site !== 'lock' || seenOp !== op || !name.test(path.basename(file))) return;
    done = true;
    act();
  });
}

test('interleaving: a taker that judged the lock stale enters the takeover after another finished it, and leaves the new lock alone', async (t) => {
  const dir = await tempDir(t);
  const file = path.join(dir, 'folio.lock');
  await writeAged(file, lockOf({}), 60_000);
  const theirs = lockOf({ pid: sleeperPid, processStart: sleeperStart });
  // Another process takes the stale lock over while this one is about to create the takeover guard.
  onceBefore('open', /\.takeover-/, () => {
    unlinkSync(file);
    writeFileSync(file, theirs);
  });
  const renames: string[] = [];
  faults.record((_site, op, renamed) => op === 'rename' && renames.push(renamed));
  await assert.rejects(acquireLock(dir, { now: new Date() }), (error: unknown) => error instanceof LibraryLockedError && heldBy(() => sleeperPid)(file).test(error.message));
  assert.equal(await readFile(file, 'utf8'), theirs);
  assert.deepEqual(renames, [], 'the new lock was not even moved for a moment');
  assert.deepEqual(await readdir(dir), ['folio.lock']);
});

for (const noHardLinks of [false, true]) {
  const where = noHardLinks ? ' (no hard links)' : '';
  test(`interleaving${where}: something that ignores the protocol replaces the lock just before the rename; the taker puts it back`, async (t) => {
    const dir = await tempDir(t);
    if (noHardLinks) faults.inject({ site: 'lock', op: 'link', kind: 'EPERM' });
    const file = path.join(dir, 'folio.lock');
    await writeAged(file, lockOf({}), 60_000);
    const theirs = lockOf({ pid: sleeperPid, processStart: sleeperStart });
    onceBefore('rename', /\.stale-/, () => {
      unlinkSync(file);
      writeFileSync(file, theirs);
    });
    await assert.rejects(acquireLock(dir, { now: new Date() }), (error: unknown) => error instanceof LibraryLockedError && heldBy(() => sleeperPid)(file).test(error.message));
    assert.equal(await readFile(file, 'utf8'), theirs);
    assert.deepEqual(await readdir(dir), ['folio.lock']);
  });

  test(`interleaving${where}: ...and when a third lock appeared meanwhile, the taker says where the displaced one is and deletes nothing`, async (t) => {
    const dir = await tempDir(t);
    if (noHardLinks) faults.inject({ site: 'lock', op: 'link', kind: 'EPERM' });
    const file = path.join(dir, 'folio.lock');
    await writeAged(file, lockOf({}), 60_000);
    const displaced = lockOf({ pid: sleeperPid, processStart: sleeperStart, token: 'displaced' });
    const third = lockOf({ pid: sleeperPid, processStart: sleeperStart, token: 'third' });
    onceBefore('rename', /\.stale-/, () => {
      unlinkSync(file);
      writeFileSync(file, displaced);
      // The next link to the lock's name is the taker putting back what it renamed.
      onceBefore('link', /^folio\.lock$/, () => writeFileSync(file, third, { flag: 'wx' }));
    });
    await assert.rejects(acquireLock(dir, { now: new Date() }), (error: unknown) => {
      assert.ok(error instanceof LibraryLockedError);
      assert.match(
        error.message,
        new RegExp(
          `^Library ${esc(dir)}: its lock changed while a stale one was being removed; the displaced lock is ${esc(file)}\\.stale-[0-9a-f]{16}\\. Quit every Folio using this library, delete ${esc(file)} and ${esc(file)}\\.stale-[0-9a-f]{16}, and try again\\.$`,
        ),
      );
      return true;
    });
    assert.equal(await readFile(file, 'utf8'), third);
    const aside = (await readdir(dir)).filter((n) => n.startsWith('folio.lock.stale-'));
    assert.equal(aside.length, 1);
    assert.equal(await readFile(path.join(dir, aside[0] ?? ''), 'utf8'), displaced);
  });
}

test('in one process, two opens racing over a stale lock: exactly one takes it, 30 times', async (t) => {
  const dir = await tempDir(t);
  const file = path.join(dir, 'folio.lock');
  for (let round = 0; round < 30; round++) {
    await writeAged(file, lockOf({ token: `stale-${round}` }), 60_000);
    const outcomes = await Promise.allSettled([0, 1, 2].map(() => acquireLock(dir, { now: new Date() })));
    const taken = outcomes.filter((o) => o.status === 'fulfilled');
    assert.equal(taken.length, 1, `round ${round}: ${outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'taken')).join(' / ')}`);
    for (const o of outcomes) if (o.status === 'rejected') assert.ok(o.reason instanceof LibraryLockedError, String(o.reason));
    taken[0]?.value.lock.release();
    assert.deepEqual(await readdir(dir), []);
  }
});

test('a second open in the same process is refused with a clear message; read-only still works', async (t) => {
  const dir = await libraryPath(t);
  const lib = await openLib(t, dir);
  await lib.commitImport('x', parsed('A B', [paper('T')]), 1);
  const lockInfo = JSON.parse(await readFile(await libraryLockFile(dir), 'utf8')) as Record<string, unknown>;
  await assert.rejects(Library.open(dir), (error: unknown) => {
    assert.ok(error instanceof LibraryLockedError);
    assert.equal(
      error.message,
      `Library ${path.resolve(dir)} is in use by Folio (pid ${process.pid}, since ${String(lockInfo.startedAt)}). Quit that Folio (pid ${process.pid}) and try again.`,
    );
    return true;
  });
  const reader = await Library.open(dir, { readOnly: true });
  assert.equal(reader.papers().length, 1);
  await reader.close();
  assert.ok(await stat(await libraryLockFile(dir)), 'the reader did not touch the lock');
  await lib.close();
  const next = await openLib(t, dir);
  assert.equal(next.papers().length, 1);
});

test('a library that crashed in this process (simulated) is taken over by the next open; the dead one’s close leaves the new lock', async (t) => {
  const dir = await libraryPath(t);
  const crashed = await Library.open(dir);
  await crashed.commitImport('x', parsed('A B', [paper('T')]), 1);
  const id = crashed.papers()[0]?.id ?? '';
  faults.inject({ site: 'user.journal', op: 'write', kind: 'crash' });
  await assert.rejects(crashed.setNote(id, 'lost'), SimulatedCrash);
  faults.clear();
  const next = await openLib(t, dir);
  assert.match(next.problems.join('\n'), /Took over a stale lock: an earlier open of this library in this process \(since .*\) was never closed\./);
  const lockNow = await readFile(await libraryLockFile(dir), 'utf8');
  await crashed.close().catch(() => undefined);
  assert.equal(await readFile(await libraryLockFile(dir), 'utf8'), lockNow, 'the crashed library did not release the new lock');
  await next.setNote(id, 'kept');
  await next.close();
  await assert.rejects(stat(await libraryLockFile(dir)), { code: 'ENOENT' });
});

test('across processes: a child holding the library locks us out and vice versa; killing it leaves a stale lock we take over', async (t) => {
  const dir = await libraryPath(t);
  const first = await openLib(t, dir);
  await first.commitImport('x', parsed('A B', [paper('T')]), 1);
  const info = JSON.parse(await readFile(await libraryLockFile(dir), 'utf8')) as { startedAt: string };
  const refused = spawnChild(['try-open', dir]);
  await refused.waitFor(`locked: Library ${path.resolve(dir)} is in use by Folio (pid ${process.pid}, since ${info.startedAt}). Quit that Folio (pid ${process.pid}) and try again.`);
  assert.equal((await refused.exited).code, 0, refused.stderr());
  await first.close();

  const holder = spawnChild(['hold', dir]);
  t.after(() => holder.proc.kill('SIGKILL'));
  await holder.waitFor('open');
  await assert.rejects(Library.open(dir), (error: unknown) => {
    assert.ok(error instanceof LibraryLockedError);
    assert.match(error.message, new RegExp(`^Library .* is in use by Folio \\(pid ${holder.proc.pid}, since .*\\)\\. Quit that Folio \\(pid ${holder.proc.pid}\\) and try again\\.$`));
    return true;
  });
  const reader = await Library.open(dir, { readOnly: true });
  assert.equal(reader.papers().length, 1);
  await reader.close();

  const held = parseOwner(await readFile(await libraryLockFile(dir)));
  holder.proc.kill('SIGKILL');
  await holder.exited;
  const taken = await openLib(t, dir);
  assert.deepEqual(taken.problems, [
    `Took over a stale lock: the Folio process that held the library (pid ${holder.proc.pid}, since ${held?.startedAt}) is no longer running.`,
  ]);
  const after = JSON.parse(await readFile(await libraryLockFile(dir), 'utf8')) as { pid: number };
  assert.equal(after.pid, process.pid);
});

test('the lock is released when the process exits without close()', async (t) => {
  const dir = await libraryPath(t);
  const child = spawnChild(['exit', dir]);
  await child.waitFor('open');
  const { code } = await child.exited;
  assert.equal(code, 0, child.stderr());
  await assert.rejects(stat(await libraryLockFile(dir)), { code: 'ENOENT' });
  const lib = await openLib(t, dir);
  assert.deepEqual(lib.problems, []);
});
