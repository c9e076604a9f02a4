import assert from 'node:assert/strict';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { Library, NewerSchemaError, paperIdForKey, profileIdForName } from '../../../electron/core/library/index.js';
import { normalizeKey } from '../../../electron/core/text.js';
import { libraryPath, openLib, paper, parsed, readJson } from './helpers.js';
import { backupsOf, lockOf } from '../../helpers/local-state.js';

/** A library.json as the single-file prototype (format version 0, see migrations.ts) wrote it. */
function v0Library(): unknown {
  const rec = (title: string, extra: Record<string, unknown>) => ({
    ...paper(title),
    id: paperIdForKey(normalizeKey(title)),
    key: normalizeKey(title),
    addedAt: '2025-06-01T09:00:00.000Z',
    ...extra,
  });
  return {
    profiles: [
      {
        id: profileIdForName('Old Timer'),
        name: 'Old Timer',
        category: 'LG',
        metrics: { hIndex: 3, papers: 2, citations: 40, novelty: null, aiScore: null },
        paperIds: [paperIdForKey('legacy one'), paperIdForKey('legacy two')],
        importedAt: '2025-06-01T09:00:00.000Z',
      },
    ],
    papers: [
      rec('Legacy One', { tags: 'ml, To Read ,ml,, theory', note: 'old note', read: true }),
      rec('Legacy Two', { tags: '', read: false }),
    ],
    tagColors: { ml: '#112233' },
  };
}

test('a version-0 library.json is migrated: papers to a segment, user data to user.json, the original kept', async (t) => {
  const dir = await libraryPath(t);
  await mkdir(dir, { recursive: true });
  const original = Buffer.from(JSON.stringify(v0Library(), null, 2));
  await writeFile(path.join(dir, 'library.json'), original);

  // Read-only: migrated in memory, nothing written.
  const reader = await Library.open(dir, { readOnly: true });
  assert.equal(reader.papers().length, 2);
  assert.match(reader.problems[0] ?? '', /older format version 0; showing it upgraded \(read-only/);
  assert.deepEqual(await readdir(dir), ['library.json']);

  const lib = await openLib(t, dir);
  assert.equal(lib.problems.length, 1, lib.problems.join('\n'));
  assert.match(lib.problems[0] ?? '', /^library\.json is in the older format version 0; it is upgraded to version 4 when the library is next changed/);
  assert.deepEqual(await readdir(dir), ['library.json'], 'opening writes nothing (the lock is local state)');
  await lib.prepareForWrites(); // the app does it right after open; a bare Library before its first write
  assert.match(lib.problems[0] ?? '', /^Upgraded library\.json from format version 0 to 4; the original is kept as library\.json\.v0-.*\.$/);
  const one = paperIdForKey('legacy one');
  const two = paperIdForKey('legacy two');
  assert.deepEqual(lib.papers().map((p) => p.title), ['Legacy One', 'Legacy Two']);
  assert.equal('tags' in (lib.getPaper(one) ?? {}), false, 'user fields are not left on the paper record');
  assert.deepEqual(lib.userData(one), { tags: ['ml', 'To Read', 'theory'], note: 'old note', status: 'read' });
  assert.deepEqual(lib.userData(two), { tags: [], note: '', status: 'unread' });
  assert.deepEqual(lib.tagDefinitions(), [
    { name: 'ml', color: '#112233' },
    { name: 'To Read', color: '#8a8f98' },
    { name: 'theory', color: '#8a8f98' },
  ]);
  const profile = lib.getProfile(profileIdForName('Old Timer'));
  assert.deepEqual(profile?.history, [{ at: '2025-06-01T09:00:00.000Z', metrics: profile?.metrics, source: 'profile-page' }]);
  assert.deepEqual(profile?.metricsBySource, { 'profile-page': profile?.metrics });
  assert.deepEqual(profile?.sources, ['profile-page']);
  assert.equal(profile?.firstImportedAt, '2025-06-01T09:00:00.000Z');
  assert.deepEqual(lib.profilesOfPaper(two).map((p) => p.name), ['Old Timer']);

  // On disk: current files, and the original byte-identical under its new name.
  const doc = (await readJson(path.join(dir, 'library.json'))) as { schemaVersion: number; segments: string[]; papers?: unknown };
  assert.equal(doc.schemaVersion, 4);
  assert.deepEqual(doc.segments, ['segment-000001.json']);
  assert.equal(doc.papers, undefined);
  const user = (await readJson(path.join(dir, 'user.json'))) as { schemaVersion: number; papers: Record<string, unknown> };
  assert.equal(user.schemaVersion, 2);
  assert.deepEqual(Object.keys(user.papers), [one]);
  const kept = (await readdir(dir)).find((n) => n.startsWith('library.json.v0-'));
  assert.ok(kept);
  assert.ok((await readFile(path.join(dir, kept))).equals(original));
  const [backup] = (await readdir(await backupsOf(dir))).filter((n) => n !== 'segments');
  assert.ok(backup && (await readFile(path.join(await backupsOf(dir), backup, 'library.json'))).equals(original), 'and in the session backup');

  // It works as a normal library afterwards.
  await lib.setNote(two, 'new note');
  const outcome = await lib.commitImport('x', parsed('Old Timer', [paper('Legacy One'), paper('Brand New')], { hIndex: 4 }), 1);
  assert.equal(outcome.addedIds.length, 1);
  assert.equal(outcome.metricsChanged, true);
  await lib.close();
  const again = await openLib(t, dir);
  assert.deepEqual(again.problems, []);
  assert.equal(again.papers().length, 3);
  assert.equal(again.userData(two).note, 'new note');
  assert.equal(again.userData(one).status, 'read');
});

test('a file from a newer Folio is refused and left untouched', async (t) => {
  const dir = await libraryPath(t);
  const lib = await openLib(t, dir);
  const { addedIds } = await lib.commitImport('x', parsed('A B', [paper('T')]), 1);
  await lib.setNote(addedIds[0] ?? '', 'n');
  await lib.close();

  const backupsBefore = await readdir(await backupsOf(dir));
  for (const [file, current] of [['library.json', 4], ['user.json', 2]] as const) {
    const target = path.join(dir, file);
    const good = await readFile(target);
    const future = Buffer.from(JSON.stringify({ ...(JSON.parse(good.toString()) as object), schemaVersion: current + 1, somethingNew: [1, 2] }));
    await writeFile(target, future);
    await assert.rejects(Library.open(dir), (error: unknown) => {
      assert.ok(error instanceof NewerSchemaError);
      assert.equal(
        error.message,
        `${file} was written by a newer Folio (format version ${current + 1}; this one reads up to ${current}). Update Folio to open this library; nothing was changed.`,
      );
      return true;
    });
    await assert.rejects(Library.open(dir, { readOnly: true }), NewerSchemaError);
    assert.ok((await readFile(target)).equals(future), `${file} not rewritten`);
    assert.deepEqual((await readdir(dir)).filter((n) => n.includes('.corrupt-')), [], 'not treated as corrupt');
    await assert.rejects(stat(await lockOf(dir)), { code: 'ENOENT' }, 'the lock is released after the refusal');
    assert.deepEqual(await readdir(await backupsOf(dir)), backupsBefore, 'a refused open takes no backup');
    await writeFile(target, good);
  }
  const fine = await openLib(t, dir);
  assert.equal(fine.userData(addedIds[0] ?? '').note, 'n');
});

test('a version-0 file that does not have the version-0 shape is treated as corrupt, not half-migrated', async (t) => {
  const dir = await libraryPath(t);
  await mkdir(dir, { recursive: true });
  const junk = Buffer.from(JSON.stringify({ profiles: 'nope' }));
  await writeFile(path.join(dir, 'library.json'), junk);
  const lib = await openLib(t, dir);
  await lib.prepareForWrites();
  assert.match(lib.problems[0] ?? '', /^library\.json was unreadable \(not a valid version-0 library: profiles: .*\); moved it to library\.json\.corrupt-/);
  assert.equal(lib.papers().length, 0);
  const [moved] = (await readdir(dir)).filter((n) => n.startsWith('library.json.corrupt-'));
  assert.ok(moved && (await readFile(path.join(dir, moved))).equals(junk));
});
