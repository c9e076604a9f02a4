// Issue 8 §3: a missing or damaged file is restored from the newest backup that holds it, the user is told, and
// the repair is written only once the session writes. Backup rotation never drops the last good copy of a file.
// Real folders on disk; crashes are injected at every write of the repairs.
import assert from 'node:assert/strict';
import { readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, test } from 'node:test';
import type { TestContext } from 'node:test';
import { Library } from '../../../electron/core/library/index.js';
import { BACKUP_MANIFEST, listBackups } from '../../../electron/core/library/backups.js';
import { SimulatedCrash, faults, isTempName, tempPathFor } from '../../../electron/core/library/disk.js';
import type { DiskOp } from '../../../electron/core/library/disk.js';
import { readableStamp } from '../../../electron/core/library/fsx.js';
import { findTempFiles } from '../../../electron/core/library/temp-files.js';
import { emptyUserDoc, type JournalEntry, type UserDoc } from '../../../electron/core/library/schema.js';
import { UserState } from '../../../electron/core/library/user-state.js';
import { rng } from '../../helpers/rng.js';
import { snapshotTree } from '../../helpers/tree.js';
import { libraryPath, openLib, paper, parsed, tempDir } from './helpers.js';
import { backupsOf, copyLibraryWithLocalState } from '../../helpers/local-state.js';

afterEach(() => faults.clear());

function ticking(start = '2026-03-01T10:00:00Z'): () => Date {
  let ms = Date.parse(start);
  return () => new Date((ms += 1000));
}

/** Everything a user sees of a library, abstracts included. */
async function view(lib: Library): Promise<unknown> {
  await lib.whenAbstractsLoaded();
  return {
    profiles: lib.profiles().map((p) => [p.name, p.paperIds.length]),
    imports: lib.imports().length,
    papers: lib.papers().map((p) => [p.title, p.abstract, lib.userData(p.id)]),
    tags: lib.tagDefinitions(),
  };
}

/** Files and their bytes, without the writer lock (a writable open takes it, close releases it). */
async function folderBytes(dir: string): Promise<Record<string, string>> {
  const files = await snapshotTree(dir);
  delete files['folio.lock'];
  return files;
}

/**
 * Three sessions: Alice's import and a note "v1" + tag; Bob's import and a status; the note changed to "v3".
 * The newest backup (taken as session 3 began) holds library.json with both profiles and user.json with "v1".
 */
async function libraryWithHistory(t: TestContext, now: () => Date): Promise<{ dir: string; alpha: string; newest: string }> {
  const dir = await libraryPath(t);
  let lib = await openLib(t, dir, { now });
  const [alpha, beta] = (await lib.commitImport('a', parsed('Alice A', [paper('Alpha'), paper('Beta', { abstract: 'Bêta ünïcode.' })]), 1)).addedIds;
  assert.ok(alpha && beta);
  await lib.setNote(alpha, 'v1');
  await lib.setTags(alpha, ['kept']);
  await lib.close();
  lib = await openLib(t, dir, { now });
  const [gamma] = (await lib.commitImport('b', parsed('Bob B', [paper('Gamma'), paper('Delta')]), 1)).addedIds;
  await lib.setStatus(gamma ?? '', 'read');
  await lib.close();
  lib = await openLib(t, dir, { now });
  await lib.setNote(alpha, 'v3');
  await lib.close();
  const [newest] = await listBackups(await backupsOf(dir));
  assert.ok(newest);
  return { dir, alpha, newest };
}

const FILES = [
  { label: 'user.json', file: 'user.json', backup: 'newest' },
  { label: 'library.json', file: 'library.json', backup: 'newest' },
  { label: 'papers/segment-000001.json', file: 'papers/segment-000001.json', backup: 'its backup copy' },
  { label: 'papers/segment-000001.abstracts.json', file: 'papers/segment-000001.abstracts.json', backup: 'its backup copy' },
] as const;

const DAMAGES = [
  { name: 'deleted', damage: (file: string) => rm(file) },
  { name: 'truncated', damage: async (file: string) => truncate(file, Math.floor((await readFile(file)).length / 2)) },
  {
    name: 'garbage',
    damage: (file: string) => {
      const random = rng(file.length);
      return writeFile(file, Buffer.from(Array.from({ length: 300 }, () => Math.floor(random() * 256))));
    },
  },
] as const;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

for (const target of FILES) {
  for (const { name, damage } of DAMAGES) {
    test(`${target.label} ${name}: back from the newest backup holding it, said, written back by the first write, never by a read`, async (t) => {
      const now = ticking();
      const { dir, alpha, newest } = await libraryWithHistory(t, now);
      const reference = await Library.open(dir, { readOnly: true });
      const expected = JSON.parse(JSON.stringify(await view(reference))) as { papers: Array<[string, string, { note: string }]> };
      await reference.close();
      // Only user.json loses something: session 3's note lived only in the file that is gone.
      if (target.file === 'user.json') (expected.papers[0] as [string, string, { note: string }])[2].note = 'v1';
      const file = path.join(dir, target.file);
      const backupCopy = target.backup === 'newest' ? path.join(await backupsOf(dir), newest, target.file) : path.join(await backupsOf(dir), 'segments', path.basename(target.file));
      const description = target.backup === 'newest' ? `the backup from ${readableStamp(newest)}` : target.backup;
      await damage(file);
      const damagedBytes = name === 'deleted' ? null : await readFile(file);
      const before = await folderBytes(dir);
      const head = damagedBytes ? `${escapeRegExp(target.label)} was unreadable \\(.+\\)` : `${escapeRegExp(target.label)} is missing`;

      const reader = await Library.open(dir, { readOnly: true });
      assert.deepEqual(await view(reader), expected, 'read-only shows the backup');
      assert.equal(reader.problems.length, 1, reader.problems.join('\n'));
      assert.match(reader.problems[0] ?? '', new RegExp(`^${head}; (left it in place \\(read-only\\); )?showing ${escapeRegExp(description)}`));
      await reader.close();
      assert.deepEqual(await folderBytes(dir), before, 'a read-only session writes nothing');

      const writer = await openLib(t, dir, { now });
      assert.deepEqual(await view(writer), expected, 'the writable open shows the same');
      assert.match(writer.problems[0] ?? '', new RegExp(`^${head}; showing ${escapeRegExp(description)}.* when the library is next changed\\.$`));
      assert.deepEqual(await folderBytes(dir), before, 'opening writes nothing before the first write');
      await writer.setNote(alpha, 'after the repair');
      await writer.flush();
      assert.equal(writer.problems.length, 1, writer.problems.join('\n'));
      const moved = damagedBytes ? `; moved it to ${escapeRegExp(path.basename(target.file))}\\.corrupt-[\\dTZ-]+` : '';
      assert.match(writer.problems[0] ?? '', new RegExp(`^${head}${moved}; restored ${escapeRegExp(description)}\\.$`));
      if (damagedBytes) {
        const corpses = (await readdir(path.dirname(file))).filter((n) => n.startsWith(`${path.basename(target.file)}.corrupt-`));
        assert.equal(corpses.length, 1);
        assert.ok((await readFile(path.join(path.dirname(file), corpses[0] ?? ''))).equals(damagedBytes), 'the damaged bytes are kept');
      }
      if (target.backup !== 'newest') assert.ok((await readFile(file)).equals(await readFile(backupCopy)), 'the backup copy is back in place');
      await writer.close();

      const again = await openLib(t, dir, { now });
      assert.deepEqual(again.problems, [], 'healed');
      const healed = JSON.parse(JSON.stringify(expected)) as typeof expected;
      (healed.papers[0] as [string, string, { note: string }])[2].note = 'after the repair';
      assert.deepEqual(await view(again), healed);
    });
  }
}

test('user.json deleted, then 12 sessions of ordinary writes keeping 5 backups: restored at the first open, and stays', async (t) => {
  const now = ticking();
  const { dir, alpha } = await libraryWithHistory(t, now);
  await rm(path.join(dir, 'user.json'));
  for (let session = 1; session <= 12; session++) {
    const lib = await openLib(t, dir, { now, backupsToKeep: 5 });
    assert.deepEqual(lib.userData(alpha).tags, ['kept'], `session ${session}: the tags are there`);
    assert.equal(lib.problems.length, session === 1 ? 1 : 0, lib.problems.join('\n'));
    const id = lib.papers()[session % lib.papers().length]?.id ?? '';
    await lib.setNote(id, `session ${session}`);
    await lib.close();
  }
  assert.ok((await listBackups(await backupsOf(dir))).length <= 6, 'rotation still rotates');
  const last = await openLib(t, dir);
  assert.deepEqual(last.userData(alpha), { tags: ['kept'], note: 'session 12', status: 'unread' });
});

/** The tags of paper `id` in a backup folder's copy of user.json, with that folder's journal replayed over it. */
async function tagsInBackup(folder: string, id: string): Promise<string[] | null> {
  let state: UserState;
  try {
    const doc = JSON.parse(await readFile(path.join(folder, 'user.json'), 'utf8')) as UserDoc;
    state = UserState.fromDoc({ ...emptyUserDoc(), ...doc });
  } catch {
    return null;
  }
  const journal = await readFile(path.join(folder, 'user.journal'), 'utf8').catch(() => '');
  for (const line of journal.split('\n').filter(Boolean)) for (const op of (JSON.parse(line) as JournalEntry).ops) state.apply(op);
  return [...state.get(id).tags];
}

type Step =
  | { kind: 'tag' } // a session adding the next tag to paper 0 (an ordinary write)
  | { kind: 'damage'; file: 'user.json' | 'library.json'; how: 'delete' | 'garble' }
  | { kind: 'failing'; file: 'user.json' | 'library.json'; sessions: number } // sessions whose write-back fails (ENOSPC)
  | { kind: 'read' } // a read-only session
  | { kind: 'legacy' }; // backup folders as an older Folio left them: no manifest

const RETENTION_SCENARIOS: Array<{ name: string; steps: Step[] }> = [
  { name: 'user.json deleted, writes go on', steps: [{ kind: 'damage', file: 'user.json', how: 'delete' }, ...Array<Step>(8).fill({ kind: 'tag' })] },
  {
    name: 'user.json deleted while writing it back fails for 8 sessions',
    steps: [{ kind: 'damage', file: 'user.json', how: 'delete' }, { kind: 'failing', file: 'user.json', sessions: 8 }, { kind: 'tag' }, { kind: 'tag' }],
  },
  {
    name: 'library.json garbled while writing it back fails for 8 sessions',
    steps: [{ kind: 'damage', file: 'library.json', how: 'garble' }, { kind: 'failing', file: 'library.json', sessions: 8 }, { kind: 'tag' }],
  },
  {
    name: 'both damaged, reads in between, then failing sessions',
    steps: [
      { kind: 'damage', file: 'library.json', how: 'delete' },
      { kind: 'read' },
      { kind: 'damage', file: 'user.json', how: 'garble' },
      { kind: 'read' },
      { kind: 'failing', file: 'user.json', sessions: 7 },
      { kind: 'tag' },
    ],
  },
  {
    name: 'folders without manifests (an older Folio), then user.json deleted and failing sessions',
    steps: [{ kind: 'legacy' }, { kind: 'damage', file: 'user.json', how: 'delete' }, { kind: 'failing', file: 'user.json', sessions: 8 }, { kind: 'tag' }],
  },
  {
    name: 'user.json damaged every other session',
    steps: [
      ...Array.from({ length: 4 }, (): Step[] => [{ kind: 'damage', file: 'user.json', how: 'garble' }, { kind: 'tag' }, { kind: 'tag' }]).flat(),
      { kind: 'damage', file: 'user.json', how: 'garble' },
      { kind: 'failing', file: 'user.json', sessions: 6 },
    ],
  },
];

for (const scenario of RETENTION_SCENARIOS) {
  test(`backup retention: ${scenario.name}: the newest good copy of each file is always kept, and what it held comes back`, async (t) => {
    const now = ticking();
    const keep = 3;
    const { dir, alpha } = await libraryWithHistory(t, now);
    const backupsDir = await backupsOf(dir);
    /** The newest backup folder that ever held a good copy of each file (judged by reading it back when it appeared). */
    const newestGood = new Map<string, { folder: string; tags: string[] | null }>();
    const seen = new Set<string>();
    const audit = async (when: string): Promise<void> => {
      const folders = await listBackups(await backupsOf(dir));
      for (const folder of [...folders].reverse()) {
        if (seen.has(folder)) continue;
        seen.add(folder);
        for (const file of ['library.json', 'user.json'] as const) {
          const copy = path.join(backupsDir, folder, file);
          const reader = await readFile(copy, 'utf8').then((text) => JSON.parse(text) as unknown, () => null);
          if (reader !== null) newestGood.set(file, { folder, tags: file === 'user.json' ? await tagsInBackup(path.join(backupsDir, folder), alpha) : null });
        }
      }
      for (const [file, { folder }] of newestGood) assert.ok(folders.includes(folder), `${when}: the newest good copy of ${file} (${folder}) was rotated out`);
    };
    await audit('start');
    let tagged = 0;
    const session = async (failing?: 'user.json' | 'library.json'): Promise<void> => {
      const lib = await openLib(t, dir, { now, backupsToKeep: keep });
      const expectedTags = newestGood.get('user.json')?.tags;
      if (!(await readFile(path.join(dir, 'user.json')).then(() => true, () => false)) && expectedTags) {
        assert.deepEqual(lib.userData(alpha).tags, expectedTags, 'user.json restored from the newest good copy');
      }
      const remove = failing ? faults.inject({ site: failing, op: 'rename', kind: 'ENOSPC' }) : () => undefined;
      const tags = [...lib.userData(alpha).tags, `t${tagged + 1}`];
      try {
        await lib.setTags(alpha, tags);
        assert.equal(failing, undefined, 'the write went through');
        tagged++;
      } catch (error) {
        assert.ok(failing, `unexpected: ${String(error)}`);
        assert.match(String(error), /NotSavedError: Not saved: the disk holding .* is full/);
      }
      await lib.close().catch(() => undefined);
      remove();
    };
    for (const step of scenario.steps) {
      if (step.kind === 'tag') await session();
      else if (step.kind === 'read') await (await Library.open(dir, { readOnly: true })).close();
      else if (step.kind === 'legacy') for (const folder of await listBackups(await backupsOf(dir))) await rm(path.join(backupsDir, folder, BACKUP_MANIFEST));
      else if (step.kind === 'damage') {
        const file = path.join(dir, step.file);
        await (step.how === 'delete' ? rm(file) : writeFile(file, '{"schemaVersion":1,"pap'));
      } else {
        for (let i = 0; i < step.sessions; i++) {
          await session(step.file);
          await audit(`failing session ${i + 1}`);
        }
      }
      await audit(step.kind);
    }
    // A healthy session at the end: everything the newest good copies held is in the live library.
    const last = await openLib(t, dir, { now, backupsToKeep: keep });
    await last.setStatus(alpha, 'reading');
    const goodTags = newestGood.get('user.json')?.tags ?? [];
    for (const tag of goodTags) assert.ok(last.userData(alpha).tags.includes(tag), `tag ${tag} of the newest good copy is back`);
    assert.deepEqual(last.profiles().map((p) => p.name), ['Alice A', 'Bob B']);
    await last.close();
    assert.ok((await listBackups(await backupsOf(dir))).length <= keep + 2, 'at most one extra folder per restorable file');
  });
}

test('temp names: isTempName knows exactly the names tempPathFor makes', () => {
  const rows: Array<{ name: string; temp: boolean }> = [
    ...['library.json', 'user.json', 'papers/segment-000001.json', 'backups/2026-01-01T00-00-00-000Z/user.journal'].map((file) => ({ name: path.basename(tempPathFor(file)), temp: true })),
    { name: 'library.json', temp: false },
    { name: 'user.journal.3', temp: false },
    { name: 'library.json.corrupt-2026-01-01T00-00-00-000Z', temp: false },
    { name: 'notes.tmp', temp: false },
    { name: 'library.json.tmp-12-abcdef0', temp: false },
    { name: 'library.json.tmp-x-abcdef01', temp: false },
    { name: 'library.json.tmp-12-ABCDEF01', temp: false },
    { name: 'library.json.tmp-12-abcdef01.json', temp: false },
  ];
  for (const row of rows) assert.equal(isTempName(row.name), row.temp, row.name);
});

/**
 * A folder in the state a crash leaves, with something for every repair to do: library.json garbled, user.json
 * gone, a records file truncated, an abstracts file garbled, a torn journal tail, a rotated journal, temp files.
 */
async function crashedLibrary(t: TestContext): Promise<{ dir: string; alpha: string }> {
  const now = ticking();
  const { dir, alpha } = await libraryWithHistory(t, now);
  await writeFile(path.join(dir, 'library.json'), '{"schemaVersion":2,"profiles":[{"id":');
  await rm(path.join(dir, 'user.json'));
  await truncate(path.join(dir, 'papers', 'segment-000002.json'), 20);
  await writeFile(path.join(dir, 'papers', 'segment-000001.abstracts.json'), '["half');
  const line = { at: 'x', ops: [{ o: 'paper', id: alpha, data: { tags: ['kept', 'rotated'], note: 'from user.journal.1', status: 'read' } }] };
  await writeFile(path.join(dir, 'user.journal.1'), `${JSON.stringify(line)}\n`);
  await writeFile(path.join(dir, 'user.journal'), '{"at":"x","ops":[{"o":"pap');
  await writeFile(tempPathFor(path.join(dir, 'library.json')), 'half a library');
  await writeFile(tempPathFor(path.join(dir, 'papers', 'segment-000003.json')), '[');
  return { dir, alpha };
}

test('a crash at each step of the repairs: the next open shows the same library, and heals it', async (t) => {
  const { dir: template, alpha } = await crashedLibrary(t);
  const scratch = await tempDir(t, 'folio-crash-');
  const fresh = async (name: string): Promise<string> => {
    const dir = path.join(scratch, name);
    await copyLibraryWithLocalState(template, dir);
    return dir;
  };
  // The writes of an uninterrupted repair, in order, and what the library looks like afterwards.
  const reference = await fresh('reference');
  const ops: Array<{ site: string; op: DiskOp }> = [];
  const healthy = await Library.open(reference);
  const expected = await view(healthy);
  const stop = faults.record((site, op) => ops.push({ site, op }));
  await healthy.prepareForWrites();
  await healthy.flush();
  stop();
  await healthy.close();
  assert.equal((expected as { papers: unknown[] }).papers.length, 4);
  assert.ok(ops.length > 20, `only ${ops.length} writes recorded`);
  // A crash where the folder's state changes (a rename, unlink, truncate, copy or new folder), and at the first write
  // of each site (a temp file half written). In between, a temp file's write/fsync/close change nothing visible.
  const COMMITS: ReadonlySet<DiskOp> = new Set(['rename', 'unlink', 'truncate', 'copy', 'mkdir']);
  const points = [...ops.entries()].filter(([k, o]) => COMMITS.has(o.op) || ops.findIndex((first) => first.site === o.site) === k);
  t.diagnostic(`${ops.length} writes in the repairs; a crash injected at ${points.length} of them`);
  const sites = new Set(ops.map((o) => o.site));
  for (const site of ['temp-cleanup', 'move-aside', 'backup', 'restore', 'library.json', 'user.json', 'user.journal']) assert.ok(sites.has(site), `${site} among ${[...sites].join(', ')}`);

  for (const [k, at] of points) {
    const dir = await fresh(`crash-${k}`);
    const skip = ops.slice(0, k).filter((o) => o.site === at.site && o.op === at.op).length;
    const lib = await Library.open(dir);
    faults.inject({ site: at.site, op: at.op, kind: 'crash', skip, times: 1 });
    await lib.prepareForWrites().then(() => lib.flush()).catch((error: unknown) => assert.ok(error instanceof SimulatedCrash, String(error)));
    assert.ok(faults.crashed, `write ${k} (${at.site} ${at.op}) was reached`);
    await lib.close().catch(() => undefined); // the dead process: nothing more reaches the disk
    faults.clear();

    const after = await Library.open(dir);
    assert.deepEqual(await view(after), expected, `crash at write ${k} (${at.site} ${at.op}): the data`);
    await after.prepareForWrites();
    await after.flush();
    await after.close();
    const healed = await Library.open(dir);
    assert.deepEqual(healed.problems, [], `crash at write ${k} (${at.site} ${at.op}): healed`);
    assert.deepEqual(await view(healed), expected);
    assert.equal(healed.userData(alpha).note, 'from user.journal.1');
    await healed.close();
    assert.deepEqual(await findTempFiles(dir), [], `crash at write ${k}: temp files left`);
    await rm(dir, { recursive: true });
  }
});

test('edits called before, while and after the repairs run are saved in call order', async (t) => {
  const { dir, alpha } = await crashedLibrary(t);
  const lib = await openLib(t, dir);
  const calls: Array<Promise<void>> = [];
  for (let i = 0; i < 40; i++) {
    calls.push(lib.setNote(alpha, `note ${i}`));
    for (let k = 0; k < i % 7; k++) await Promise.resolve(); // spread over microtasks
    if (i % 8 === 7) await new Promise<void>((resolve) => setImmediate(resolve)); // and over turns: the repairs go on
  }
  await Promise.all(calls);
  assert.equal(lib.userData(alpha).note, 'note 39');
  await lib.close();
  const again = await Library.open(dir, { readOnly: true });
  assert.equal(again.userData(alpha).note, 'note 39', 'the journal replays to the last call');
  await again.close();
});
