// The CLI on a disk that refuses writes: a change that did not reach the disk exits 1 with exactly one
// "Not saved: …" line and leaves the library as it was; a change that did exits 0, even when a backup or
// compaction after it failed. With faults injected into the real CLI in child processes (FOLIO_TEST_FAULTS) or
// into runCli in this process, then on a real, nearly full tmpfs (root only: skipped with the reason otherwise).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, statfs, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, afterEach, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import { faults, type FaultRule } from '../../electron/core/library/disk.js';
import { Library } from '../../electron/core/library/index.js';
import { parseProfilePage } from '../../electron/core/parse/index.js';
import { FIXTURES, SAMPLE_PROFILE, snapshotTree } from '../helpers/tree.js';
import { CACHE_DIR, folio, spawnCli, type Run } from './helpers.js';

/** The real CLI in a child process, with disk faults from FOLIO_TEST_FAULTS. */
const folioChild = (args: string[], rules: FaultRule[]) => spawnCli(args, { env: { FOLIO_TEST_FAULTS: JSON.stringify(rules) } });

after(() => rm(CACHE_DIR, { recursive: true, force: true }));




async function tempLibrary(t: TestContext, parent = os.tmpdir()): Promise<string> {
  const dir = await mkdtemp(path.join(parent, 'folio-disk-full-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return path.join(dir, 'library');
}

/** What a library holds, read without writing anything. */
async function contents(dir: string) {
  const lib = await Library.open(dir, { readOnly: true });
  try {
    return {
      profiles: lib.profiles().map((p) => p.name).sort(),
      papers: new Map(lib.papers().map((p) => [p.id, lib.userData(p.id)])),
    };
  } finally {
    await lib.close();
  }
}

function assertNotSavedLine(run: Run, dir: string, what: string): void {
  assert.equal(run.code, 1, `${what}: exit ${run.code}; stderr: ${run.stderr}`);
  assert.equal(run.stdout, '', what);
  const lines = run.stderr.split('\n').filter((line) => line !== '');
  assert.equal(lines.length, 1, `${what}: one stderr line, got: ${run.stderr}`);
  assert.match(lines[0]!, /^Not saved: /, what);
  assert.ok(lines[0]!.includes(dir), `${what}: the line names the library folder: ${lines[0]}`);
}

describe('folio under injected disk faults (FOLIO_TEST_FAULTS, child processes)', () => {
  const DISK_FULL: FaultRule[] = [
    { op: 'write', kind: 'ENOSPC' },
    { op: 'copy', kind: 'ENOSPC' },
  ];

  test('note set, tag add, status and import on a full disk: exit 1, one "Not saved" line, library unchanged', async (t) => {
    const dir = await tempLibrary(t);
    assert.equal((await folio(['import', SAMPLE_PROFILE, '--library', dir])).code, 0);
    const [paper] = (await contents(dir)).papers.keys();
    const id = paper!;
    assert.equal((await folio(['note', 'set', id, 'Before.', '--library', dir])).code, 0);
    const commands: Array<[string, string[]]> = [
      ['note set', ['note', 'set', id, 'Lost on a full disk.']],
      ['tag add', ['tag', 'add', id, 'full']],
      ['status', ['status', id, 'read']],
      ['import', ['import', path.join(FIXTURES, 'profile-overlap-a.txt')]],
    ];
    // One copy of the library per command, so the child processes can run at once.
    const copies = await Promise.all(
      commands.map(async ([name]) => {
        const copy = path.join(path.dirname(dir), name.replace(' ', '-'));
        await cp(dir, copy, { recursive: true });
        return { copy, before: await snapshotTree(copy) };
      }),
    );
    const runs = await Promise.all(commands.map(([, args], i) => folioChild([...args, '--library', copies[i]!.copy], DISK_FULL)));
    // (snapshotTree lists files: an empty backups/ folder a failed backup made is not a change to the library.)
    for (const [i, [name]] of commands.entries()) {
      const { copy, before } = copies[i]!;
      assertNotSavedLine(runs[i]!, copy, name);
      assert.match(runs[i]!.stderr, /is full\. Free some space, then try again\.\n$/, name);
      assert.deepEqual(await snapshotTree(copy), before, `${name}: the library is byte-identical`);
      assert.equal((await contents(copy)).papers.get(id)?.note, 'Before.');
    }
  });
});

describe('folio when only best-effort work fails (faults injected in this process)', () => {
  afterEach(() => faults.clear());

  const bestEffort: Array<{ name: string; rules: FaultRule[] }> = [
    { name: 'the session backup', rules: [{ site: 'backup', op: 'copy', kind: 'ENOSPC' }] },
    { name: 'compaction into user.json at close', rules: [{ site: 'user.json', op: 'write', kind: 'ENOSPC' }] },
    { name: 'backup rotation', rules: [{ site: 'backup-rotation', op: 'unlink', kind: 'EIO' }] },
  ];
  for (const { name, rules } of bestEffort) {
    test(`${name} failing alone: note set exits 0 and the note is there`, async (t) => {
      const dir = await tempLibrary(t);
      assert.equal((await folio(['import', SAMPLE_PROFILE, '--library', dir])).code, 0);
      const [id] = (await contents(dir)).papers.keys();
      assert.equal((await folio(['note', 'set', id!, 'Earlier session.', '--library', dir])).code, 0); // a backup to rotate
      rules.forEach((rule) => faults.inject(rule));
      const run = await folio(['note', 'set', id!, 'Saved despite it.', '--library', dir]);
      faults.clear();
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stderr, '');
      assert.equal((await contents(dir)).papers.get(id!)?.note, 'Saved despite it.');
    });
  }

  test('segment backups failing alone: import exits 0 and its papers are there', async (t) => {
    const dir = await tempLibrary(t);
    faults.inject({ site: 'segment-backup', op: 'copy', kind: 'ENOSPC' });
    const run = await folio(['import', SAMPLE_PROFILE, '--library', dir]);
    faults.clear();
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Imported Sabela Ramos: 12 new/);
    assert.equal((await contents(dir)).papers.size, 12);
  });
});

describe('folio on a real, nearly full tmpfs', () => {
  test('at several free-space levels: exit 0 means saved, exit 1 means one "is full" line and nothing lost', async (t) => {
    const mountPoint = await mkdtemp(path.join(os.tmpdir(), 'folio-tmpfs-'));
    t.after(() => rm(mountPoint, { recursive: true, force: true }));
    const skip = (reason: string) => {
      console.log(`# skipped the real tmpfs test: ${reason}`);
      t.skip(reason);
    };
    if (process.platform !== 'linux' || process.getuid?.() !== 0) return skip('needs root on Linux to mount a tmpfs');
    try {
      await promisify(execFile)('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint]);
    } catch (error) {
      return skip(`mount refused: ${String((error as Error).message).split('\n')[0]}`);
    }
    try {
      await fillAndRun(mountPoint);
    } finally {
      await promisify(execFile)('umount', [mountPoint]);
    }
  });
});

/** Keeps this many bytes free on the tmpfs at `root` (a filler file takes the rest). */
async function leaveFree(root: string, bytes: number): Promise<void> {
  const filler = path.join(root, 'filler');
  await rm(filler, { force: true });
  const { bavail, bsize } = await statfs(root);
  await writeFile(filler, Buffer.alloc(Math.max(0, bavail * bsize - bytes)));
}

async function fillAndRun(root: string): Promise<void> {
  const dir = path.join(root, 'library');
  await mkdir(dir);
  assert.equal((await folio(['import', SAMPLE_PROFILE, '--library', dir])).code, 0);
  const ids = [...(await contents(dir)).papers.keys()];
  // What has been confirmed (exit 0) so far: after every command the library must hold exactly this.
  const confirmed = { notes: new Map<string, string>(), tags: new Map<string, string[]>(), statuses: new Map<string, string>(), profiles: ['Sabela Ramos'] };
  const pastes = await Promise.all(
    ['profile-overlap-a.txt', 'profile-overlap-b.txt', 'profile-overlap-c.txt'].map(async (name) => {
      const file = path.join(FIXTURES, name);
      return { file, profile: parseProfilePage(await readFile(file, 'utf8')).profile.name };
    }),
  );
  const outcomes: string[] = [];
  // 0: a full disk, where not even the lock can be written (it must leave nothing that blocks the next command).
  const levels = [0, 8, 16, 32, 64, 256, 2600].map((kb) => kb * 1024);
  for (const [n, free] of levels.entries()) {
    const id = ids[n % ids.length]!;
    const note = `Level ${free}: ${'a long note to need some room. '.repeat(1500)}`; // ~45 KB
    const tag = `level-${n}`;
    const status = (['reading', 'read'] as const)[n % 2]!;
    const paste = pastes[n % pastes.length]!;
    const commands: Array<{ args: string[]; confirm: () => void }> = [
      { args: ['note', 'set', id, note], confirm: () => confirmed.notes.set(id, note) },
      { args: ['tag', 'add', id, tag], confirm: () => confirmed.tags.set(id, [...(confirmed.tags.get(id) ?? []), tag]) },
      { args: ['status', id, status], confirm: () => confirmed.statuses.set(id, status) },
      {
        args: ['import', paste.file],
        confirm: () => {
          if (!confirmed.profiles.includes(paste.profile)) confirmed.profiles = [...confirmed.profiles, paste.profile].sort();
        },
      },
    ];
    for (const command of commands) {
      await leaveFree(root, free);
      const run = await folio([...command.args, '--library', dir]);
      await rm(path.join(root, 'filler'), { force: true }); // room to read the library back
      const what = `${command.args[0]} with ${free / 1024} KB free`;
      outcomes.push(`${what}: exit ${run.code}`);
      if (run.code === 0) {
        assert.equal(run.stderr, '', what);
        command.confirm();
      } else {
        assertNotSavedLine(run, dir, what);
        assert.match(run.stderr, /is full\. Free some space, then try again\.\n$/, what);
      }
      const after = await contents(dir);
      assert.deepEqual(after.profiles, confirmed.profiles, `${what}: profiles`);
      for (const [paper, data] of after.papers) {
        assert.equal(data.note, confirmed.notes.get(paper) ?? '', `${what}: note of ${paper}`);
        assert.deepEqual(data.tags, confirmed.tags.get(paper) ?? [], `${what}: tags of ${paper}`);
        assert.equal(data.status, confirmed.statuses.get(paper) ?? 'unread', `${what}: status of ${paper}`);
      }
    }
  }
  console.log(`# tmpfs outcomes: ${outcomes.join('; ')}`);
  // The test only means something if both outcomes happened.
  assert.ok(outcomes.some((o) => o.endsWith('exit 1')), 'some command met a full disk');
  assert.ok(outcomes.some((o) => o.endsWith('exit 0')), 'some command had room');
  // The library opens whole afterwards.
  const lib = await Library.open(dir);
  try {
    assert.deepEqual(lib.problems, []);
  } finally {
    await lib.close();
  }
}
