import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Library, LibraryLockedError } from '../../../electron/core/library/index.js';
import { libraryPath, openLib, paper, parsed, spawnChild } from './helpers.js';

function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  const pid = Number(result.stdout.toString());
  assert.ok(pid > 0);
  return pid;
}

test('a second open in the same process is refused with a clear message; read-only still works', async (t) => {
  const dir = await libraryPath(t);
  const lib = await openLib(t, dir);
  await lib.commitImport('x', parsed('A B', [paper('T')]), 1);
  const lockInfo = JSON.parse(await readFile(path.join(dir, 'folio.lock'), 'utf8')) as Record<string, unknown>;
  assert.equal(lockInfo.pid, process.pid);
  assert.equal(lockInfo.hostname, os.hostname());
  assert.equal(lockInfo.app, 'Folio');
  assert.equal(typeof lockInfo.startedAt, 'string');
  await assert.rejects(Library.open(dir), (error: unknown) => {
    assert.ok(error instanceof LibraryLockedError);
    assert.equal(
      error.message,
      `Library ${path.resolve(dir)} is in use by another Folio process (pid ${process.pid}, since ${String(lockInfo.startedAt)}). Close it and try again.`,
    );
    return true;
  });
  const reader = await Library.open(dir, { readOnly: true });
  assert.equal(reader.papers().length, 1);
  await reader.close();
  assert.ok(await stat(path.join(dir, 'folio.lock')), 'the reader did not touch the lock');
  await lib.close();
  const next = await openLib(t, dir);
  assert.equal(next.papers().length, 1);
});

test('across processes: a child holding the library locks us out and vice versa; killing it leaves a stale lock we take over', async (t) => {
  const dir = await libraryPath(t);
  const first = await openLib(t, dir);
  await first.commitImport('x', parsed('A B', [paper('T')]), 1);
  // We hold it: the child is refused, with the message naming us.
  const info = JSON.parse(await readFile(path.join(dir, 'folio.lock'), 'utf8')) as { startedAt: string };
  const refused = spawnChild(['try-open', dir]);
  await refused.waitFor(
    `locked: Library ${path.resolve(dir)} is in use by another Folio process (pid ${process.pid}, since ${info.startedAt}). Close it and try again.`,
  );
  assert.equal((await refused.exited).code, 0, refused.stderr());
  await first.close();

  const holder = spawnChild(['hold', dir]);
  t.after(() => holder.proc.kill('SIGKILL'));
  await holder.waitFor('open');
  await assert.rejects(Library.open(dir), (error: unknown) => {
    assert.ok(error instanceof LibraryLockedError);
    assert.match(error.message, new RegExp(`^Library .* is in use by another Folio process \\(pid ${holder.proc.pid}, since .*\\)\\. Close it and try again\\.$`));
    return true;
  });
  const reader = await Library.open(dir, { readOnly: true });
  assert.equal(reader.papers().length, 1);
  await reader.close();

  holder.proc.kill('SIGKILL');
  await holder.exited;
  const taken = await openLib(t, dir);
  assert.equal(taken.problems.length, 1);
  assert.match(taken.problems[0] ?? '', new RegExp(`^Took over a stale lock: the Folio process that held the library \\(pid ${holder.proc.pid}, since .*\\) is no longer running\\.$`));
  const after = JSON.parse(await readFile(path.join(dir, 'folio.lock'), 'utf8')) as { pid: number };
  assert.equal(after.pid, process.pid);
});

test('stale and foreign locks: dead pid taken over, another host refused, unreadable lock taken over only when old', async (t) => {
  const dir = await libraryPath(t);
  const lockFile = path.join(dir, 'folio.lock');
  const seed = await openLib(t, dir);
  await seed.close();

  const pid = deadPid();
  await writeFile(lockFile, JSON.stringify({ pid, hostname: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', app: 'Folio' }));
  const lib = await Library.open(dir);
  assert.match(lib.problems[0] ?? '', new RegExp(`stale lock.*pid ${pid}, since 2026-01-01T00:00:00\\.000Z`));
  await lib.close();

  await writeFile(lockFile, JSON.stringify({ pid: process.pid, hostname: 'elsewhere.example', startedAt: '2026-01-01T00:00:00.000Z', app: 'Folio' }));
  await assert.rejects(Library.open(dir), /is in use by Folio on elsewhere\.example \(pid \d+, since 2026-01-01T00:00:00\.000Z\)\. Close it there and try again; if that computer no longer uses it, delete .*folio\.lock\.$/);

  await writeFile(lockFile, '');
  await assert.rejects(Library.open(dir), /is being opened by another Folio process/);
  const old = new Date(Date.now() - 60_000);
  await utimes(lockFile, old, old);
  const taken = await Library.open(dir);
  assert.match(taken.problems[0] ?? '', /Took over an unreadable lock file/);
  await taken.close();
  await assert.rejects(stat(lockFile), { code: 'ENOENT' });
});

test('the lock is released when the process exits without close()', async (t) => {
  const dir = await libraryPath(t);
  const child = spawnChild(['exit', dir]);
  await child.waitFor('open');
  const { code } = await child.exited;
  assert.equal(code, 0, child.stderr());
  await assert.rejects(stat(path.join(dir, 'folio.lock')), { code: 'ENOENT' });
  const lib = await openLib(t, dir);
  assert.deepEqual(lib.problems, []);
});
