// The lock's messages as the CLI shows them: one line that says what to do, exit 1, the library folder untouched;
// and a full disk while taking the lock leaves nothing that blocks the next command.
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { after, afterEach, test } from 'node:test';
import { faults } from '../../electron/core/library/disk.js';
import { SAMPLE_PROFILE, snapshotTree, withTempDir } from '../helpers/tree.js';
import { CACHE_DIR, folio } from './helpers.js';
import { lockOf } from '../helpers/local-state.js';

after(() => rm(CACHE_DIR, { recursive: true, force: true }));
afterEach(() => faults.clear());


async function sampleLibrary(dir: string): Promise<string> {
  assert.equal((await folio(['import', SAMPLE_PROFILE, '--library', dir])).code, 0);
  const [first] = JSON.parse((await folio(['list', '--library', dir, '--json'])).stdout) as Array<{ id: string }>;
  return first?.id ?? '';
}


const STUCK_LOCKS = [
  {
    name: 'held by Folio on another computer',
    lock: { pid: 4242, hostname: 'elsewhere.example', startedAt: '2026-01-01T00:00:00.000Z', app: 'Folio', token: 'x' },
    message: (dir: string, lockFile: string) =>
      `folio: Library ${dir} is in use by Folio on elsewhere.example (pid 4242, since 2026-01-01T00:00:00.000Z). Quit Folio there and try again; if elsewhere.example no longer uses this library, delete ${lockFile}.`,
  },
  {
    name: 'an older Folio’s lock whose pid is running (cannot be verified)', // our parent: alive, not Folio
    lock: { pid: process.ppid, hostname: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', app: 'Folio' },
    message: (dir: string, lockFile: string) =>
      `folio: Library ${dir} is locked by process ${process.ppid} (since 2026-01-01T00:00:00.000Z), which is running, but Folio cannot tell whether it is Folio. Quit Folio if it is open; if it is not, delete ${lockFile} and try again.`,
  },
];

for (const row of STUCK_LOCKS) {
  test(`a write to a library whose lock is ${row.name}: one line saying what to delete, nothing changed`, async () => {
    await withTempDir(async (dir) => {
      const id = await sampleLibrary(dir);
      const lockFile = await lockOf(dir);
      await writeFile(lockFile, JSON.stringify(row.lock));
      const before = await snapshotTree(dir);
      const run = await folio(['tag', 'add', id, 'x', '--library', dir]);
      assert.equal(run.code, 1);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, `${row.message(dir, lockFile)}\n`);
      assert.deepEqual(await snapshotTree(dir), before);
    });
  });
}

test('a full disk while taking the lock: one line, no lock file left, and the next command works', async () => {
  await withTempDir(async (dir) => {
    const id = await sampleLibrary(dir);
    const before = await snapshotTree(dir);
    faults.inject({ site: 'lock', op: 'write', kind: 'ENOSPC' });
    const run = await folio(['tag', 'add', id, 'x', '--library', dir]);
    assert.equal(run.code, 1);
    // Opening for writing is a write: a full disk there is "Not saved", worded like every other refused write.
    assert.equal(run.stderr, `Not saved: the disk holding ${dir} is full. Free some space, then try again.\n`);
    assert.deepEqual(await snapshotTree(dir), before, 'no lock file (empty or not) and nothing else changed');
    faults.clear();
    assert.equal((await folio(['tag', 'add', id, 'x', '--library', dir])).code, 0);
  });
});
