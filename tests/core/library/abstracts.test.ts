// Split segments (format version 2): records in papers/segment-NNNNNN.json, abstracts beside them in
// segment-NNNNNN.abstracts.json, loaded after open. Real folders on disk throughout.
import assert from 'node:assert/strict';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { FolioCore } from '../../../electron/core/folio.js';
import { Library } from '../../../electron/core/library/index.js';
import { serializeLibraryDoc } from '../../../electron/core/library/load.js';
import { serializeSegment } from '../../../electron/core/library/segments.js';
import type { PaperRecord, ProfileRecord } from '../../../electron/core/model.js';
import { snapshotTree } from '../../helpers/tree.js';
import { legacyRecord, libraryPath, openLib, paper, parsed, readJson } from './helpers.js';
import { backupsOf } from '../../helpers/local-state.js';

const papersDir = (dir: string): string => path.join(dir, 'papers');

/** A library with two imports (two split segments) and a note; closed. Returns the paper ids in order. */
async function twoImports(t: Parameters<typeof libraryPath>[0], dir: string): Promise<string[]> {
  const lib = await openLib(t, dir);
  const a = await lib.commitImport('a', parsed('Alice A', [paper('Alpha'), paper('Beta', { abstract: 'Bêta — ünïcode abstract.' })]), 1);
  const b = await lib.commitImport('b', parsed('Bob B', [paper('Gamma'), paper('Alpha')]), 1);
  await lib.setNote(a.addedIds[0] ?? '', 'a note');
  await lib.close();
  return [...a.addedIds, ...b.addedIds];
}

test('an import writes a split segment (records without abstracts + aligned abstracts file), backed up; reopening loads it', async (t) => {
  const dir = await libraryPath(t);
  const [alpha, beta, gamma] = await twoImports(t, dir);
  assert.ok(alpha && beta && gamma);
  assert.deepEqual((await readdir(papersDir(dir))).sort(), [
    'segment-000001.abstracts.json',
    'segment-000001.json',
    'segment-000002.abstracts.json',
    'segment-000002.json',
  ]);
  const records = (await readJson(path.join(papersDir(dir), 'segment-000001.json'))) as Array<Record<string, unknown>>;
  assert.deepEqual(records.map((r) => r.title), ['Alpha', 'Beta']);
  assert.ok(records.every((r) => !('abstract' in r)), 'no abstract in the records file');
  assert.deepEqual(await readJson(path.join(papersDir(dir), 'segment-000001.abstracts.json')), ['Abstract of Alpha.', 'Bêta — ünïcode abstract.']);
  assert.match(await readFile(path.join(papersDir(dir), 'segment-000001.abstracts.json'), 'utf8'), /^[\x00-\x7f]*$/, 'ASCII JSON');
  for (const name of await readdir(papersDir(dir))) {
    assert.ok((await readFile(path.join(await backupsOf(dir), 'segments', name))).equals(await readFile(path.join(papersDir(dir), name))), `${name} backed up`);
  }

  for (const [mode, readOnly] of [['eager', false], ['background', false], ['eager', true], ['background', true]] as const) {
    const lib = await openLib(t, dir, { abstracts: mode, readOnly });
    assert.deepEqual(lib.papers().map((p) => p.title), ['Alpha', 'Beta', 'Gamma'], `${mode}: metadata at once`);
    if (mode === 'background') {
      assert.equal(lib.abstractsLoaded, false);
      assert.equal('abstract' in (lib.getPaper(beta) ?? {}), false, 'not loaded yet: no abstract at all, never a made-up ""');
      assert.equal(lib.stats.abstractsLoadedMs, null);
    }
    await lib.whenAbstractsLoaded();
    assert.equal(lib.abstractsLoaded, true);
    assert.ok((lib.stats.abstractsLoadedMs ?? -1) >= 0);
    assert.deepEqual(lib.papers().map((p) => p.abstract), ['Abstract of Alpha.', 'Bêta — ünïcode abstract.', 'Abstract of Gamma.']);
    assert.deepEqual(lib.problems, []);
    assert.equal(lib.userData(alpha).note, 'a note');
    await lib.close();
  }
});

test('imports and plans wait for the abstracts: an improved record is written with its stored abstract', async (t) => {
  const dir = await libraryPath(t);
  let lib = await openLib(t, dir);
  const { addedIds } = await lib.commitImport('a', parsed('Alice A', [paper('Alpha', { abstract: 'Stored abstract.', authors: ['X'], authorsTruncated: true })]), 1);
  const id = addedIds[0] ?? '';
  await lib.close();

  lib = await openLib(t, dir, { abstracts: 'background' });
  assert.equal(lib.abstractsLoaded, false);
  const better = parsed('Bob B', [paper('Alpha', { abstract: 'Shorter.', authors: ['X', 'Y', 'Z'] })]);
  const plan = await lib.planImport(better);
  assert.deepEqual(plan.papers.map((p) => p.isNew), [false]);
  assert.equal(lib.abstractsLoaded, true, 'planImport awaited them');
  await lib.close();

  lib = await openLib(t, dir, { abstracts: 'background' });
  assert.equal(lib.abstractsLoaded, false);
  await lib.commitImport('b', better, 1); // improves the authors; the stored (longer) abstract is kept
  assert.deepEqual(await readJson(path.join(papersDir(dir), 'segment-000002.abstracts.json')), ['Stored abstract.']);
  assert.deepEqual(lib.getPaper(id)?.authors, ['X', 'Y', 'Z']);
  await lib.close();
  const again = await openLib(t, dir);
  assert.equal(again.getPaper(id)?.abstract, 'Stored abstract.');
});

test('a commit failing between the abstracts file and the records file removes what it wrote; an orphan left by a crash there is ignored', async (t) => {
  const dir = await libraryPath(t);
  const lib = await openLib(t, dir);
  await lib.commitImport('ok', parsed('A B', [paper('First')]), 1);
  const libraryBefore = await readFile(path.join(dir, 'library.json'));
  // The records file cannot be created (a folder has its name); the abstracts file, written first, can.
  await mkdir(path.join(papersDir(dir), 'segment-000002.json'));
  await assert.rejects(lib.commitImport('second', parsed('C D', [paper('Second')]), 1));
  assert.ok((await readFile(path.join(dir, 'library.json'))).equals(libraryBefore), 'library.json untouched');
  assert.deepEqual(lib.papers().map((p) => p.title), ['First'], 'memory untouched');
  assert.deepEqual(await readdir(papersDir(dir)).then((names) => names.sort()), ['segment-000001.abstracts.json', 'segment-000001.json', 'segment-000002.json'], 'the abstracts file written first is removed again');
  await rm(path.join(papersDir(dir), 'segment-000002.json'), { recursive: true });
  await lib.close();
  // What a crash between the two writes leaves behind.
  await writeFile(path.join(papersDir(dir), 'segment-000002.abstracts.json'), '["Abstract of Second."]\n');

  // As after a crash at that point: the next open ignores the orphan, and its number is never reused.
  const before = await snapshotTree(dir);
  const reader = await Library.open(dir, { readOnly: true });
  assert.deepEqual(reader.problems, []);
  assert.deepEqual(reader.papers().map((p) => p.title), ['First']);
  await reader.close();
  assert.deepEqual(await snapshotTree(dir), before, 'a read-only open changes nothing');
  const again = await openLib(t, dir);
  assert.deepEqual(again.problems, []);
  await again.commitImport('second', parsed('C D', [paper('Second')]), 1);
  const doc = (await readJson(path.join(dir, 'library.json'))) as { segments: string[] };
  assert.deepEqual(doc.segments, ['segment-000001.json', 'segment-000003.json']);
  assert.deepEqual(await readJson(path.join(papersDir(dir), 'segment-000002.abstracts.json')), ['Abstract of Second.'], 'orphan left alone');
  await again.close();
  const last = await openLib(t, dir, { abstracts: 'background' });
  await last.whenAbstractsLoaded();
  assert.deepEqual(last.problems, []);
  assert.deepEqual(last.papers().map((p) => [p.title, p.abstract]), [['First', 'Abstract of First.'], ['Second', 'Abstract of Second.']]);
});

const DAMAGES = [
  { name: 'not JSON', bytes: Buffer.from('["Abstract of Alpha.", "trunc'), reason: /Unterminated string|JSON/ },
  { name: 'not strings', bytes: Buffer.from('[1, 2]'), reason: /0: .*string/i },
  { name: 'one abstract too few', bytes: Buffer.from('["only one"]'), reason: /holds 1 abstract\(s\) for the 2 paper\(s\)/ },
  { name: 'missing', bytes: null, reason: null },
] as const;

for (const damage of DAMAGES) {
  for (const withBackup of [true, false]) {
    test(`abstracts file ${damage.name}, ${withBackup ? 'with' : 'without'} a backup copy: ${withBackup ? 'restored' : 'metadata kept, abstracts empty, problem reported'}`, async (t) => {
      const dir = await libraryPath(t);
      const [alpha, beta, gamma] = await twoImports(t, dir);
      assert.ok(alpha && beta && gamma);
      const file = path.join(papersDir(dir), 'segment-000001.abstracts.json');
      const good = await readFile(file);
      if (damage.bytes) await writeFile(file, damage.bytes);
      else await rm(file);
      if (!withBackup) await rm(path.join(await backupsOf(dir), 'segments', 'segment-000001.abstracts.json'));

      // Read-only first: shows what it can, moves and writes nothing.
      const before = await snapshotTree(dir);
      const reader = await Library.open(dir, { readOnly: true });
      assert.equal(reader.problems.length, 1, reader.problems.join('\n'));
      assert.match(reader.problems[0] ?? '', damage.bytes ? /left it in place \(read-only\)/ : /is missing/);
      await reader.close();
      assert.deepEqual(await snapshotTree(dir), before);

      const lib = await openLib(t, dir, { abstracts: 'background' });
      assert.deepEqual(lib.problems, [], 'open itself is clean: the abstracts are not read yet');
      await lib.whenAbstractsLoaded();
      assert.equal(lib.problems.length, 1, lib.problems.join('\n'));
      const damagedNow = damage.bytes ? (await readFile(file)).equals(damage.bytes) : !(await readdir(papersDir(dir))).includes(path.basename(file));
      assert.ok(damagedNow, 'loading writes nothing: the file is as it was until the library is changed');
      if (withBackup || damage.bytes) assert.match(lib.problems[0] ?? '', /when the library is next changed\.$/);
      await lib.prepareForWrites();
      await lib.flush(); // the abstracts' repairs run after the required ones
      const problem = lib.problems[0] ?? '';
      const label = /^papers\/segment-000001\.abstracts\.json /;
      assert.match(problem, label);
      if (damage.reason) {
        assert.match(problem, damage.reason);
        assert.match(problem, /was unreadable \(.*\); moved it to segment-000001\.abstracts\.json\.corrupt-/);
        const moved = (await readdir(papersDir(dir))).filter((n) => n.startsWith('segment-000001.abstracts.json.corrupt-'));
        assert.equal(moved.length, 1);
        assert.ok((await readFile(path.join(papersDir(dir), moved[0] ?? ''))).equals(damage.bytes ?? Buffer.alloc(0)), 'kept byte-identical');
      } else {
        assert.match(problem, /is missing/);
      }
      const titles = lib.papers().map((p) => p.title);
      assert.deepEqual(titles, ['Alpha', 'Beta', 'Gamma'], 'every paper keeps its metadata');
      if (withBackup) {
        assert.match(problem, /restored its backup copy\.$/);
        assert.deepEqual(lib.papers().map((p) => p.abstract), ['Abstract of Alpha.', 'Bêta — ünïcode abstract.', 'Abstract of Gamma.']);
        assert.ok((await readFile(file)).equals(good), 'the good copy is back in papers/');
      } else {
        assert.match(problem, /the abstracts of its 2 paper\(s\) are empty \(import their profiles again to get them back\)\.$/);
        assert.deepEqual(lib.papers().map((p) => p.abstract), ['', '', 'Abstract of Gamma.']);
        // Re-importing the profile brings the abstracts back, in a new segment.
        await lib.commitImport('a', parsed('Alice A', [paper('Alpha'), paper('Beta', { abstract: 'Bêta again.' })]), 1);
        assert.deepEqual(lib.papers().map((p) => p.abstract), ['Abstract of Alpha.', 'Bêta again.', 'Abstract of Gamma.']);
      }
      assert.equal(lib.userData(alpha).note, 'a note');
      await lib.close();
      const again = await openLib(t, dir, { abstracts: 'background' });
      await again.whenAbstractsLoaded();
      // Healed: restored, or every paper of the damaged segment was re-imported into a later one (so its abstracts
      // are not needed and not reported again).
      assert.deepEqual(again.problems, []);
      assert.ok(again.papers().every((p) => p.abstract !== ''), 'healed');
    });
  }
}

test('a version-1 folder (abstracts inline) opens, is upgraded to version 4 without rewriting segments, and takes split imports', async (t) => {
  const dir = await libraryPath(t);
  await mkdir(papersDir(dir), { recursive: true });
  const record = (title: string, abstract: string): PaperRecord => legacyRecord(title, { abstract, id: `p-${title.toLowerCase()}` });
  const segment = Buffer.from(serializeSegment([record('Old', 'Old inline abstract.'), record('Older', 'Ünïcode inline.')]));
  await writeFile(path.join(papersDir(dir), 'segment-000001.json'), segment);
  const v1 = Buffer.from(
    serializeLibraryDoc({
      schemaVersion: 1,
      profiles: [
        {
          id: 'r-old-timer',
          name: 'Old Timer',
          category: null,
          metrics: { hIndex: 1, papers: 2, citations: 3, novelty: null, aiScore: null },
          history: [{ at: '2025-01-01T00:00:00.000Z', metrics: { hIndex: 1, papers: 2, citations: 3, novelty: null, aiScore: null } }],
          paperIds: ['p-old', 'p-older'],
          firstImportedAt: '2025-01-01T00:00:00.000Z',
          lastImportedAt: '2025-01-01T00:00:00.000Z',
        } as unknown as ProfileRecord, // what version 1 stored: no affiliation, sources or metrics per source
      ],
      imports: [],
      segments: ['segment-000001.json'],
    }),
  );
  await writeFile(path.join(dir, 'library.json'), v1);
  await writeFile(path.join(dir, 'user.json'), JSON.stringify({ schemaVersion: 1, papers: { 'p-old': { tags: ['x'], note: 'n', status: 'read' } }, tags: [{ name: 'x', color: '#aabbcc' }] }));

  const lib = await openLib(t, dir, { abstracts: 'background' });
  assert.equal(lib.problems.length, 1, lib.problems.join('\n'));
  assert.match(lib.problems[0] ?? '', /^library\.json is in the older format version 1; it is upgraded to version 4 when the library is next changed/);
  assert.ok((await readFile(path.join(dir, 'library.json'))).equals(v1), 'not before');
  await lib.prepareForWrites();
  assert.match(lib.problems[0] ?? '', /^Upgraded library\.json from format version 1 to 4; the original is kept as library\.json\.v1-/);
  assert.equal(lib.abstractsLoaded, true, 'inline abstracts are there at once');
  assert.deepEqual(lib.papers().map((p) => p.abstract), ['Old inline abstract.', 'Ünïcode inline.']);
  assert.deepEqual(lib.userData('p-old'), { tags: ['x'], note: 'n', status: 'read' });
  const kept = (await readdir(dir)).find((n) => n.startsWith('library.json.v1-'));
  assert.ok(kept && (await readFile(path.join(dir, kept))).equals(v1), 'the original library.json is kept');
  assert.equal(((await readJson(path.join(dir, 'library.json'))) as { schemaVersion: number }).schemaVersion, 4);

  const outcome = await lib.commitImport('new', parsed('New Person', [paper('Fresh'), paper('Old')]), 1);
  assert.equal(outcome.addedIds.length, 1);
  assert.deepEqual((await readdir(papersDir(dir))).sort(), ['segment-000001.json', 'segment-000002.abstracts.json', 'segment-000002.json']);
  assert.ok((await readFile(path.join(papersDir(dir), 'segment-000001.json'))).equals(segment), 'the v1 segment is never rewritten');
  await lib.close();
  const again = await openLib(t, dir, { abstracts: 'background' });
  await again.whenAbstractsLoaded();
  assert.deepEqual(again.problems, []);
  assert.deepEqual(again.papers().map((p) => [p.title, p.abstract]), [
    ['Old', 'Old inline abstract.'],
    ['Older', 'Ünïcode inline.'],
    ['Fresh', 'Abstract of Fresh.'],
  ]);
});

test('closing before the abstracts are loaded stops the loader; whenAbstractsLoaded rejects, nothing is left running', async (t) => {
  const dir = await libraryPath(t);
  await twoImports(t, dir);
  const lib = await Library.open(dir, { abstracts: 'background' });
  const waiting = lib.whenAbstractsLoaded();
  await lib.close();
  await assert.rejects(waiting, /closed before its abstracts were loaded/);
});

test('FolioCore: paper details and exports carry the real abstracts right after open', async (t) => {
  const dir = await libraryPath(t);
  const [alpha, beta] = await twoImports(t, dir);
  assert.ok(alpha && beta);
  for (const method of ['paper', 'export'] as const) {
    const core = await FolioCore.open(dir);
    try {
      if (method === 'paper') {
        assert.equal((await core.paper(beta)).abstract, 'Bêta — ünïcode abstract.');
      } else {
        const exported = JSON.parse(await core.exportLibrary('json')) as unknown;
        assert.match(JSON.stringify(exported), /Bêta — ünïcode abstract\.|B\\u00eata/);
        assert.match(JSON.stringify(exported), /Abstract of Gamma\./);
      }
    } finally {
      await core.close();
    }
  }
});

test('one paper\'s abstract is loaded ahead of the others (a paper opened right after a large library opens)', async (t) => {
  const dir = await libraryPath(t);
  const lib = await openLib(t, dir);
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const outcome = await lib.commitImport(`p${i}`, parsed(`Author ${i}`, [paper(`Title ${i} one`), paper(`Title ${i} two`)]), 1);
    ids.push(...outcome.addedIds);
  }
  await lib.close();
  // Asked before the loader starts, and while it runs: the asked-for file comes before the files ahead of it.
  for (const when of ['before the loader starts', 'while it runs'] as const) {
    const reopened = await openLib(t, dir, { abstracts: 'background' });
    if (when === 'while it runs') await new Promise<void>((resolve) => setImmediate(resolve));
    const last = ids[ids.length - 1] as string;
    await reopened.whenAbstractLoaded(last);
    assert.equal(reopened.getPaper(last)?.abstract, 'Abstract of Title 4 two.', when);
    const loaded = ids.filter((id) => 'abstract' in (reopened.getPaper(id) ?? {}));
    assert.ok(loaded.length <= (when === 'before the loader starts' ? 2 : 6), `${when}: only the asked file (and the one running); got ${loaded.length} of ${ids.length}`);
    await reopened.whenAbstractsLoaded();
    assert.deepEqual(reopened.papers().map((p) => p.abstract), reopened.papers().map((p) => `Abstract of ${p.title}.`), when);
    assert.deepEqual(reopened.problems, []);
    await reopened.close();
  }
});

test("'on-demand' abstracts wait until something asks for them", async (t) => {
  const dir = await libraryPath(t);
  const [alpha, , gamma] = await twoImports(t, dir);
  const lib = await openLib(t, dir, { abstracts: 'on-demand' });
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  assert.equal(lib.abstractsLoaded, false);
  assert.ok(lib.papers().every((p) => !('abstract' in p)), 'nothing loaded while nobody asked');
  await lib.whenAbstractLoaded(gamma ?? '');
  assert.equal(lib.getPaper(gamma ?? '')?.abstract, 'Abstract of Gamma.');
  assert.equal('abstract' in (lib.getPaper(alpha ?? '') ?? {}), false, 'only the asked file');
  await lib.whenAbstractsLoaded();
  assert.deepEqual(lib.papers().map((p) => p.abstract), ['Abstract of Alpha.', 'Bêta — ünïcode abstract.', 'Abstract of Gamma.']);
  await lib.close();
});
