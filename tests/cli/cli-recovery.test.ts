// The CLI over damaged and crashed libraries (issue 8 §3): every problem is a stderr line, a refused command
// leaves the folder byte-identical even right after a crash, temp files of a crash are cleaned by the next writable
// session, and a folder the user may not read is one line. Real folders, real child processes killed mid-write.
import assert from 'node:assert/strict';
import { appendFile, chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { LOCAL_WRITTEN_FOLDERS, findTempFiles } from '../../electron/core/library/temp-files.js';
import { backupsOf } from '../helpers/local-state.js';

/** Temp files in the library folder and in its local backups folder (where backups are written now). */
async function tempFilesOf(dir: string): Promise<string[]> {
  return [...(await findTempFiles(dir)), ...(await findTempFiles(await backupsOf(dir), LOCAL_WRITTEN_FOLDERS)).map((name) => `local backups: ${name}`)];
}
import type { FaultRule } from '../../electron/core/library/disk.js';
import { FIXTURES, SAMPLE_PROFILE, snapshotTree, treeEntries, withTempDir } from '../helpers/tree.js';
import { CACHE_DIR, folio, lines, spawnCli } from './helpers.js';

const scratchFiles: string[] = [];
after(async () => {
  await rm(CACHE_DIR, { recursive: true, force: true });
  for (const file of scratchFiles) await rm(file, { force: true });
});

interface Listed {
  id: string;
  tags: string[];
  note: string;
  status: string;
}

async function listed(dir: string): Promise<Listed[]> {
  const run = await folio(['list', '--json', '--library', dir]);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as Listed[];
}

async function ok(args: string[], stdin = ''): Promise<void> {
  const run = await folio(args, stdin);
  assert.equal(run.code, 0, `${args.join(' ')}: ${run.stderr}`);
}

/**
 * A library of the sample profile whose first paper got tag "a" in one session and status "read" in the next, so
 * that the newest session backup holds user.json with the tag but not the status. Returns that paper's id.
 */
async function libraryWithHistory(dir: string): Promise<string> {
  await ok(['import', SAMPLE_PROFILE, '--library', dir]);
  const id = (await listed(dir))[0]?.id ?? '';
  await ok(['tag', 'add', id, 'a', '--library', dir]);
  await ok(['status', id, 'read', '--library', dir]);
  return id;
}

/** Every file's bytes and every path, except the writer lock (taken and released by any writing command; §2). */
async function folderState(dir: string): Promise<{ files: Record<string, string>; entries: string[] }> {
  const files = await snapshotTree(dir);
  delete files['folio.lock'];
  return { files, entries: (await treeEntries(dir)).filter((name) => name !== 'folio.lock') };
}

describe("the library's problems: one stderr line each, exit code unchanged", () => {
  const DAMAGES: Array<{ name: string; damage: (dir: string) => Promise<void> }> = [
    { name: 'user.json deleted', damage: (dir) => rm(path.join(dir, 'user.json')) },
    { name: 'user.json garbage', damage: (dir) => writeFile(path.join(dir, 'user.json'), '{"schemaVersion":1,"pap') },
  ];
  for (const { name, damage } of DAMAGES) {
    test(`${name}: a read shows the backup and says so; a write restores it and says so`, async () => {
      await withTempDir(async (dir) => {
        const id = await libraryWithHistory(dir);
        await damage(dir);
        const read = await folio(['list', '--json', '--library', dir]);
        assert.equal(read.code, 0, read.stderr);
        assert.deepEqual(lines(read.stderr).length, 1, read.stderr);
        assert.match(
          lines(read.stderr)[0] ?? '',
          /^folio: user\.json (is missing; showing the backup from \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(read-only: nothing was written\)|was unreadable \(.+\); left it in place \(read-only\); showing the backup from .* UTC)\.$/,
        );
        const paper = (JSON.parse(read.stdout) as Listed[]).find((p) => p.id === id);
        assert.deepEqual([paper?.tags, paper?.status], [['a'], 'unread'], 'the newest backup holding user.json: the tag, not the later status');

        const write = await folio(['note', 'set', id, 'after', '--library', dir]);
        assert.equal(write.code, 0, write.stderr);
        assert.equal(lines(write.stderr).length, 1, write.stderr);
        assert.match(lines(write.stderr)[0] ?? '', /^folio: user\.json (is missing|was unreadable \(.+\); moved it to user\.json\.corrupt-[\dTZ-]+); restored the backup from .* UTC\.$/);
        const again = await folio(['list', '--json', '--library', dir]);
        assert.equal(again.stderr, '', 'healed: nothing to say any more');
        const healed = (JSON.parse(again.stdout) as Listed[]).find((p) => p.id === id);
        assert.deepEqual([healed?.tags, healed?.note], [['a'], 'after']);
      });
    });
  }

  test('a refused command still prints the problems, then its own error line; exit 1', async () => {
    await withTempDir(async (dir) => {
      const id = await libraryWithHistory(dir);
      await rm(path.join(dir, 'user.json'));
      const run = await folio(['tag', 'remove', id, 'not-there', '--library', dir]);
      assert.equal(run.code, 1);
      assert.deepEqual(
        lines(run.stderr).map((line) => line.replace(/from .* UTC/, 'from <time>')),
        [
          'folio: user.json is missing; showing the backup from <time>, written back when the library is next changed.',
          `folio: Paper ${id} has no tag "not-there".`,
        ],
      );
    });
  });
});

describe('refused commands on the first open after a crash leave the folder byte-identical', () => {
  test('rotated journal, torn journal tail, temp files, a damaged library.json: no compaction, no backup, no cleanup', async () => {
    await withTempDir(async (dir) => {
      const id = await libraryWithHistory(dir);
      // A real crash: the process is killed (SIGKILL) while close() writes user.json, after the temp file is written.
      const crash: FaultRule[] = [{ site: 'user.json', op: 'rename', kind: 'crash' }];
      const killed = await spawnCli(['note', 'set', id, 'saved before the crash', '--library', dir], { env: { FOLIO_TEST_FAULTS: JSON.stringify(crash) } });
      assert.equal(killed.signal, 'SIGKILL', killed.stderr);
      // What else a crash in the middle of a compaction and an append leaves.
      const edit = (note: string): string => `${JSON.stringify({ at: '2026-01-01T00:00:00.000Z', ops: [{ o: 'paper', id, data: { tags: ['a'], note, status: 'read' } }] })}\n`;
      await writeFile(path.join(dir, 'user.journal.1'), edit('rotated'));
      await appendFile(path.join(dir, 'user.journal'), edit('torn').slice(0, 40));
      await writeFile(path.join(dir, 'library.json'), '{"schemaVersion":2,"profiles":[{"id":');
      assert.ok((await findTempFiles(dir)).length >= 1, 'the killed process left its temp file');
      const junk = path.join(dir, '..', `${path.basename(dir)}-junk.txt`);
      await writeFile(junk, 'Lorem ipsum dolor sit amet\n');
      scratchFiles.push(junk);

      const before = await folderState(dir);
      const REFUSED: Array<{ args: string[]; code: number; error: RegExp }> = [
        { args: ['tag', 'add', 'p-000000000000', 'x'], code: 1, error: /^folio: No paper with id "p-000000000000" in this library\.$/ },
        { args: ['note', 'set', 'p-000000000000', 'x'], code: 1, error: /^folio: No paper with id/ },
        { args: ['status', 'p-000000000000', 'read'], code: 1, error: /^folio: No paper with id/ },
        { args: ['import', junk], code: 1, error: /profile/i },
        { args: ['import', '-'], code: 1, error: /profile/i },
        { args: ['tag', 'remove', id, 'never-added'], code: 1, error: /^folio: Paper .* has no tag "never-added"\.$/ },
        { args: ['status', id, 'finished'], code: 2, error: /^folio: status: expected unread, reading or read/ },
      ];
      for (const refused of REFUSED) {
        const run = await folio([...refused.args, '--library', dir], 'not a profile page\n');
        assert.equal(run.code, refused.code, `${refused.args.join(' ')}: ${run.stderr}`);
        assert.equal(run.stdout, '');
        const errorLine = lines(run.stderr).find((line) => refused.error.test(line));
        assert.ok(errorLine, `${refused.args.join(' ')}: ${run.stderr}`);
        assert.deepEqual(await folderState(dir), before, `${refused.args.join(' ')} changed the folder`);
      }
      // The problems were said (by every command that opened the library), and a real change then heals it all.
      const heal = await folio(['status', id, 'reading', '--library', dir]);
      assert.equal(heal.code, 0, heal.stderr);
      assert.match(heal.stderr, /^folio: library\.json was unreadable \(.*\); moved it to library\.json\.corrupt-.*; restored the backup from .* UTC\.$/m);
      assert.match(heal.stderr, /^folio: user\.journal ended with an incomplete edit/m);
      assert.deepEqual(await findTempFiles(dir), []);
      const paper = (await listed(dir)).find((p) => p.id === id);
      assert.deepEqual([paper?.note, paper?.status], ['saved before the crash', 'reading'], 'the journal outlives the rotated file it follows');
    });
  });
});

describe('temp files a crash left are removed by the next writable session', () => {
  // Each row kills the CLI (SIGKILL, as a power cut) at a write site whose temp file is complete or half written.
  const CRASHES: Array<{ name: string; rule: FaultRule; command: (id: string) => string[] }> = [
    { name: 'library.json before its rename', rule: { site: 'library.json', op: 'rename', kind: 'crash' }, command: () => ['import', path.join(FIXTURES, 'profile-overlap-a.txt')] },
    { name: 'a segment before its fsync', rule: { site: 'segment', op: 'fsync', kind: 'crash' }, command: () => ['import', path.join(FIXTURES, 'profile-overlap-a.txt')] },
    { name: 'an abstracts file mid-write', rule: { site: 'abstracts', op: 'write', kind: 'crash' }, command: () => ['import', path.join(FIXTURES, 'profile-overlap-a.txt')] },
    { name: 'the raw paste before its rename', rule: { site: 'raw-text', op: 'rename', kind: 'crash' }, command: () => ['import', path.join(FIXTURES, 'profile-overlap-a.txt')] },
    { name: 'a segment backup copy', rule: { site: 'segment-backup', op: 'rename', kind: 'crash' }, command: () => ['import', path.join(FIXTURES, 'profile-overlap-a.txt')] },
    { name: 'user.json at close', rule: { site: 'user.json', op: 'rename', kind: 'crash' }, command: (id) => ['note', 'set', id, 'x'] },
    { name: 'the session backup', rule: { site: 'backup', op: 'rename', kind: 'crash', skip: 1 }, command: (id) => ['tag', 'add', id, 'x'] },
  ];
  for (const crash of CRASHES) {
    test(crash.name, async () => {
      await withTempDir(async (dir) => {
        const id = await libraryWithHistory(dir);
        const killed = await spawnCli([...crash.command(id), '--library', dir], { env: { FOLIO_TEST_FAULTS: JSON.stringify([crash.rule]) } });
        assert.equal(killed.signal, 'SIGKILL', `not killed: ${killed.stderr}`);
        const left = await tempFilesOf(dir);
        assert.ok(left.length >= 1, 'the crash left a temp file');
        const read = await folio(['list', '--library', dir]);
        assert.equal(read.code, 0, read.stderr);
        assert.deepEqual(await tempFilesOf(dir), left, 'a read removes nothing');
        const write = await folio(['status', id, 'reading', '--library', dir]);
        assert.equal(write.code, 0, write.stderr);
        assert.deepEqual(await tempFilesOf(dir), [], `left: ${left.join(', ')}`);
        const paper = (await listed(dir)).find((p) => p.id === id);
        assert.ok(paper?.tags.includes('a'), 'older data intact');
        assert.equal(paper?.status, 'reading');
      });
    });
  }
});

describe('a folder this user may not read or change: one line, exit 1', () => {
  // Root reads everything, so the commands run as "nobody" when the tests run as root.
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
  /** `mode` of the folder and of its library.json while the command runs. */
  const ROWS: Array<{ name: string; mode: { dir: number; file: number }; args: string[]; error: RegExp }> = [
    { name: 'no access to the folder: a read', mode: { dir: 0o000, file: 0o644 }, args: ['list'], error: /^folio: No permission to read the library folder \/.+\.$/ },
    { name: 'no access to the folder: a write', mode: { dir: 0o000, file: 0o644 }, args: ['tag', 'add', 'p-000000000000', 'x'], error: /^folio: No permission to change the library folder \/.+\.$/ },
    { name: 'a read-only folder: a write', mode: { dir: 0o555, file: 0o644 }, args: ['note', 'set', 'p-000000000000', 'x'], error: /^folio: No permission to change the library folder \/.+\.$/ },
    { name: 'library.json not readable: a read', mode: { dir: 0o755, file: 0o000 }, args: ['list'], error: /^folio: EACCES: permission denied, open '\/.+\/library\.json'$/ },
  ];
  for (const row of ROWS) {
    test(row.name, async () => {
      const root = await mkdtemp(path.join(os.tmpdir(), 'folio-perm-'));
      try {
        await chmod(root, 0o755);
        const dir = path.join(root, 'library');
        await libraryWithHistory(dir);
        const cache = path.join(root, 'cache');
        await mkdir(cache, { mode: 0o777 });
        await chmod(cache, 0o777);
        const before = await folderState(dir);
        await chmod(path.join(dir, 'library.json'), row.mode.file);
        await chmod(dir, row.mode.dir);
        const run = await spawnCli([...row.args, '--library', dir], { env: { FOLIO_CACHE_DIR: cache }, as: asNobody });
        await chmod(dir, 0o755);
        await chmod(path.join(dir, 'library.json'), 0o644);
        assert.equal(run.code, 1, run.stderr);
        assert.equal(run.stdout, '');
        assert.equal(lines(run.stderr).length, 1, run.stderr);
        assert.match(lines(run.stderr)[0] ?? '', row.error);
        assert.deepEqual(await folderState(dir), before);
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    });
  }
});
