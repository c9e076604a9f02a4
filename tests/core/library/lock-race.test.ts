// Real processes racing to take over a stale lock: RACERS long-lived children leave a wall-clock barrier together,
// trial after trial. Zero overlapping holds, zero lost updates, nothing left beside the lock afterwards.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import type { TestContext } from 'node:test';
import { Library } from '../../../electron/core/library/index.js';
import { rng } from '../../helpers/rng.js';
import { HERE, REPO_ROOT, paper, parsed, tempDir } from './helpers.js';
import { lockOf } from '../../helpers/local-state.js';

const RACERS = 6;
const LOCK_TRIALS = 100;
const NO_LINK_TRIALS = 20;
const TAG_TRIALS = 10;
const BARRIER_MS = 25;

interface Reply {
  result: 'ready' | 'held' | 'saved' | 'locked' | 'error';
  overlap?: boolean;
  tookOver?: boolean;
  message?: string;
}

class Racer {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly ready: Promise<Reply>;
  private readonly waiting: Array<(reply: Reply) => void> = [];
  private stderr = '';

  constructor() {
    this.ready = new Promise((resolve) => this.waiting.push(resolve));
    this.proc = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'child-lock-racer.ts')], { cwd: REPO_ROOT });
    this.proc.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    createInterface({ input: this.proc.stdout }).on('line', (line) => this.waiting.shift()?.(JSON.parse(line) as Reply));
    this.proc.on('exit', (code) => {
      for (const resolve of this.waiting.splice(0)) resolve({ result: 'error', message: `racer exited (${code}): ${this.stderr}` });
    });
  }

  send(command: Record<string, unknown>): Promise<Reply> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.proc.stdin.write(`${JSON.stringify(command)}\n`);
    });
  }
}

let racers: Racer[] = [];
before(async () => {
  racers = Array.from({ length: RACERS }, () => new Racer());
  for (const reply of await Promise.all(racers.map((racer) => racer.ready))) assert.equal(reply.result, 'ready', reply.message);
});
after(() => {
  for (const racer of racers) racer.proc.kill();
});

function race(command: Record<string, unknown>, commandFor: (i: number) => Record<string, unknown> = () => ({})): Promise<Reply[]> {
  const at = Date.now() + BARRIER_MS;
  return Promise.all(racers.map((racer, i) => racer.send({ ...command, ...commandFor(i), at })));
}

function deadPid(): number {
  const pid = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
  assert.ok(pid > 0);
  return pid;
}

const BOOT_ID = (() => {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
})();

/** The stale locks a crash or a restart leaves; every trial races over one of them. */
const STALE_LOCKS = {
  'dead pid': (pid: number, token: string) => ({ pid, hostname: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', app: 'Folio', token, bootId: BOOT_ID, processStart: '1' }),
  'reused pid': (_pid: number, token: string) => ({ pid: process.pid, hostname: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', app: 'Folio', token, bootId: BOOT_ID, processStart: 'not this process' }),
  'older Folio, dead pid': (pid: number) => ({ pid, hostname: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', app: 'Folio' }),
  'before a restart': (_pid: number, token: string) => ({ pid: process.pid, hostname: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', app: 'Folio', token, bootId: 'another boot', processStart: '1' }),
  'empty file': null,
} as const;
const STALE_KINDS = Object.keys(STALE_LOCKS) as Array<keyof typeof STALE_LOCKS>;

async function writeStaleLock(file: string, kind: keyof typeof STALE_LOCKS, pid: number, trial: number): Promise<void> {
  const make = STALE_LOCKS[kind];
  await writeFile(file, make ? JSON.stringify(make(pid, `stale-${trial}`)) : '');
  const old = new Date(Date.now() - 60_000);
  await utimes(file, old, old);
}

async function raceForStaleLocks(t: TestContext, trials: number, noHardLinks: boolean): Promise<void> {
  const dir = await tempDir(t, 'folio-lock-race-');
  const random = rng(noHardLinks ? 9 : 8);
  const pid = deadPid();
  let holds = 0;
  let overlaps = 0;
  const byKind = new Map<string, number>();
  for (let trial = 0; trial < trials; trial++) {
    const kind = STALE_KINDS[Math.floor(random() * STALE_KINDS.length)] ?? 'dead pid';
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    await writeStaleLock(path.join(dir, 'folio.lock'), kind, pid, trial);
    const replies = await race({ cmd: 'lock', dir, noHardLinks });
    const context = `trial ${trial} (${kind}): ${JSON.stringify(replies)}`;
    assert.ok(replies.every((r) => r.result === 'held' || r.result === 'locked'), context);
    const held = replies.filter((r) => r.result === 'held');
    assert.ok(held.length >= 1, `nobody took over the stale lock in ${context}`);
    assert.ok(held.filter((r) => r.tookOver).length <= 1, `the stale lock was removed twice in ${context}`);
    holds += held.length;
    overlaps += held.filter((r) => r.overlap).length;
    assert.deepEqual(await readdir(dir), ['counter'], `${context}: the lock is released and nothing is left beside it`);
  }
  const counter = Number(await readFile(path.join(dir, 'counter'), 'utf8'));
  const kinds = [...byKind].map(([kind, n]) => `${kind} ${n}`).join(', ');
  t.diagnostic(`${trials} trials × ${RACERS} racers (${kinds}): ${holds} holds, ${overlaps} overlapping, counter ${counter}`);
  assert.equal(overlaps, 0);
  assert.equal(counter, holds, 'every hold incremented the counter exactly once: no lost update');
}

test(`${RACERS} processes race for a stale lock, ${LOCK_TRIALS} trials: never two holders, no lost count`, (t) =>
  raceForStaleLocks(t, LOCK_TRIALS, false));

test(`the same without hard links (the lock written in place), ${NO_LINK_TRIALS} trials`, (t) => raceForStaleLocks(t, NO_LINK_TRIALS, true));

test(`${RACERS} writers race through Library.open + setTags over a stale lock, ${TAG_TRIALS} trials: every saved tag is there`, async (t) => {
  const dir = path.join(await tempDir(t, 'folio-lock-race-'), 'library');
  const seed = await Library.open(dir);
  await seed.commitImport('x', parsed('A B', [paper('Shared paper')]), 1);
  const paperId = seed.papers()[0]?.id ?? '';
  await seed.close();
  const pid = deadPid();
  let saved = 0;
  for (let trial = 0; trial < TAG_TRIALS; trial++) {
    await writeStaleLock(await lockOf(dir), 'dead pid', pid, trial);
    const tagOf = (i: number): string => `t${trial}w${i}`;
    const replies = await race({ cmd: 'tag', dir, paper: paperId }, (i) => ({ tag: tagOf(i) }));
    assert.deepEqual(replies.filter((r) => r.result === 'error'), [], `trial ${trial}`);
    assert.ok(replies.some((r) => r.result === 'saved'), `trial ${trial}: nobody took over the stale lock`);
    const reader = await Library.open(dir, { readOnly: true });
    const tags = new Set(reader.userData(paperId).tags);
    await reader.close();
    replies.forEach((reply, i) => {
      assert.equal(tags.has(tagOf(i)), reply.result === 'saved', `trial ${trial}, writer ${i}: ${reply.result} but tag ${tags.has(tagOf(i)) ? 'present' : 'lost'}`);
    });
    saved += replies.filter((r) => r.result === 'saved').length;
    await assert.rejects(stat(await lockOf(dir)), { code: 'ENOENT' }, `trial ${trial}: released`);
  }
  t.diagnostic(`${TAG_TRIALS} trials × ${RACERS} writers: ${saved} saved, 0 lost, ${TAG_TRIALS * RACERS - saved} refused with LibraryLockedError`);
});
