// Format version 2 -> 3 (imports and profiles say which source they came from; records written from then on carry
// identifiers and sources). tests/core/library/fixtures/v2-library is a folder written by the version-2 code (the
// commit before this one): the sample profile imported twice (a changed h-index), Olivier Bachem's page, a tag, a
// note and a status. The migration is a planned repair: nothing is written before the first write, and a crash at
// any write of it leaves a folder that opens with the same library.
import assert from 'node:assert/strict';
import { cp, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Library } from '../../../electron/core/library/index.js';
import { SimulatedCrash, faults } from '../../../electron/core/library/disk.js';
import type { DiskOp } from '../../../electron/core/library/disk.js';
import { findTempFiles } from '../../../electron/core/library/temp-files.js';
import { parseText } from '../../../electron/core/parse/sources/registry.js';
import { snapshotTree } from '../../helpers/tree.js';
import { openLib, tempDir } from './helpers.js';

const V2_FOLDER = fileURLToPath(new URL('./fixtures/v2-library/', import.meta.url));
const GOOGLE_SCHOLAR = fileURLToPath(new URL('../../fixtures/sources/google-scholar-profile.txt', import.meta.url));

afterEach(() => faults.clear());

async function copyOfV2(t: Parameters<typeof tempDir>[0], name = 'v2'): Promise<string> {
  const dir = path.join(await tempDir(t, 'folio-v3-'), name);
  await cp(V2_FOLDER, dir, { recursive: true });
  return dir;
}

/** What a user sees of a library: profiles with their sources and series, imports, papers with their user data. */
async function view(lib: Library): Promise<unknown> {
  await lib.whenAbstractsLoaded();
  return {
    profiles: lib.profiles().map((p) => ({
      name: p.name,
      papers: p.paperIds.length,
      sources: p.sources,
      bySource: p.metricsBySource,
      history: p.history.map((s) => [s.source, s.metrics.hIndex]),
    })),
    imports: lib.imports().map((r) => [r.source, r.parserVersion, r.options, r.profileId]),
    papers: lib.papers().map((p) => [p.id, p.title, p.date, p.year, p.sources, p.abstract.length, lib.userData(p.id)]),
    tags: lib.tagDefinitions(),
  };
}

test('a version-2 folder: shown upgraded, written as version 3 only by the first write, the original and its segments kept', async (t) => {
  const dir = await copyOfV2(t);
  const original = await readFile(path.join(dir, 'library.json'));
  const before = await snapshotTree(dir);

  const reader = await Library.open(dir, { readOnly: true });
  assert.match(reader.problems[0] ?? '', /older format version 2; showing it upgraded \(read-only/);
  assert.deepEqual(await snapshotTree(dir), before, 'a read-only open writes nothing');

  const lib = await openLib(t, dir);
  assert.match(lib.problems[0] ?? '', /^library\.json is in the older format version 2; it is upgraded to version 4 when the library is next changed/);
  const sabela = lib.profiles().find((p) => p.name === 'Sabela Ramos');
  assert.deepEqual(sabela?.sources, ['profile-page']);
  assert.deepEqual(sabela?.history.map((s) => [s.source, s.metrics.hIndex]), [['profile-page', 117], ['profile-page', 118]]);
  assert.deepEqual(sabela?.metricsBySource['profile-page'], sabela?.metrics);
  assert.equal(sabela?.affiliation, null);
  assert.deepEqual(lib.imports().map((r) => [r.source, r.options]), [['profile-page', {}], ['profile-page', {}], ['profile-page', {}]]);
  // Records of version-2 segments read with the defaults of version 3: the year of their date, the profile page.
  for (const paper of lib.papers()) {
    assert.equal(paper.year, Number(paper.date.slice(0, 4)), paper.title);
    assert.deepEqual([paper.sources, paper.fieldSources, paper.doi, paper.arxivId, paper.venue, paper.url], [['profile-page'], {}, null, null, null, null]);
  }
  const userData = lib.papers().map((p) => lib.userData(p.id));
  assert.ok(userData.some((d) => d.note === 'Read section 3 again.' && d.tags.join() === 'llm,to read'), 'tags and the note kept');
  assert.equal(userData.filter((d) => d.status === 'read').length, 1, 'the status kept');
  assert.deepEqual(await snapshotTree(dir), before, 'opening writes nothing (the lock is local state)');

  await lib.prepareForWrites();
  assert.match(lib.problems[0] ?? '', /^Upgraded library\.json from format version 2 to 4; the original is kept as library\.json\.v2-/);
  const doc = JSON.parse(await readFile(path.join(dir, 'library.json'), 'utf8')) as { schemaVersion: number; imports: Array<{ source: string }> };
  assert.equal(doc.schemaVersion, 4);
  assert.deepEqual(doc.imports.map((r) => r.source), ['profile-page', 'profile-page', 'profile-page']);
  const kept = (await readdir(dir)).filter((n) => n.startsWith('library.json.v2-'));
  assert.equal(kept.length, 1);
  assert.ok((await readFile(path.join(dir, kept[0] as string))).equals(original), 'the original, byte for byte');
  await lib.flush(); // the segment copies into backups/ run after prepareForWrites: a snapshot meanwhile races them
  const after = await snapshotTree(dir);
  for (const name of Object.keys(before).filter((n) => n.startsWith('papers/') || n.startsWith('imports/'))) {
    assert.equal(after[name], before[name], `${name} is never rewritten`);
  }

  // Google Scholar for a co-author listing three of the sample's papers: they gain the source, in a new segment.
  const scholar = await readFile(GOOGLE_SCHOLAR, 'utf8');
  const outcome = await lib.commitImport(scholar, parseText(scholar), 1, { fileName: 'scholar.txt' });
  assert.equal(outcome.presentIds.length, 3);
  const shared = outcome.presentIds.map((id) => lib.getPaper(id));
  for (const paper of shared) assert.deepEqual(paper?.sources, ['profile-page', 'google-scholar'], paper?.title);
  assert.deepEqual(lib.imports().at(-1)?.options, { fileName: 'scholar.txt' });
  const expected = await view(lib);
  await lib.close();
  const again = await openLib(t, dir);
  assert.deepEqual(again.problems, []);
  assert.deepEqual(await view(again), expected, 'as it was after a reopen');
});

test('a crash at each write of the migration: the next open shows the same library, migrates it again, and heals', async (t) => {
  const template = await copyOfV2(t, 'template');
  const reference = await copyOfV2(t, 'reference');
  const ops: Array<{ site: string; op: DiskOp }> = [];
  const healthy = await Library.open(reference);
  const expected = await view(healthy);
  const stop = faults.record((site, op) => ops.push({ site, op }));
  await healthy.prepareForWrites();
  await healthy.flush();
  stop();
  await healthy.close();
  const sites = new Set(ops.map((o) => o.site));
  for (const site of ['backup', 'migration', 'library.json']) assert.ok(sites.has(site), `${site} among ${[...sites].join(', ')}`);
  // A crash where the folder's state changes, and at the first write of each site (a half-written temp file).
  const COMMITS: ReadonlySet<DiskOp> = new Set(['rename', 'unlink', 'truncate', 'copy', 'mkdir']);
  const points = [...ops.entries()].filter(([k, o]) => COMMITS.has(o.op) || ops.findIndex((first) => first.site === o.site) === k);
  t.diagnostic(`${ops.length} writes in the migration's repairs; a crash injected at ${points.length} of them`);
  assert.ok(points.length >= 8, `${points.length} crash points`);
  const original = await readFile(path.join(template, 'library.json'));

  for (const [k, at] of points) {
    const dir = path.join(path.dirname(template), `crash-${k}`);
    await cp(template, dir, { recursive: true });
    const skip = ops.slice(0, k).filter((o) => o.site === at.site && o.op === at.op).length;
    const lib = await Library.open(dir);
    faults.inject({ site: at.site, op: at.op, kind: 'crash', skip, times: 1 });
    await lib.prepareForWrites().then(() => lib.flush()).catch((error: unknown) => assert.ok(error instanceof SimulatedCrash, String(error)));
    assert.ok(faults.crashed, `write ${k} (${at.site} ${at.op}) was reached`);
    await lib.close().catch(() => undefined); // the dead process: nothing more reaches the disk
    faults.clear();

    const label = `crash at write ${k} (${at.site} ${at.op})`;
    const after = await Library.open(dir);
    assert.deepEqual(await view(after), expected, `${label}: the data`);
    await after.prepareForWrites();
    await after.flush();
    await after.close();
    const healed = await Library.open(dir);
    assert.deepEqual(healed.problems, [], `${label}: healed`);
    assert.deepEqual(await view(healed), expected, label);
    await healed.close();
    const doc = JSON.parse(await readFile(path.join(dir, 'library.json'), 'utf8')) as { schemaVersion: number };
    assert.equal(doc.schemaVersion, 4, label);
    const copies = await Promise.all(
      (await readdir(dir)).filter((n) => n.startsWith('library.json.v2-')).map((n) => readFile(path.join(dir, n))),
    );
    assert.ok(copies.some((copy) => copy.equals(original)), `${label}: the original is kept`);
    assert.deepEqual(await findTempFiles(dir), [], `${label}: temp files left`);
    await rm(dir, { recursive: true });
  }
});
