import assert from 'node:assert/strict';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { normalizeKey } from '../../../electron/core/text.js';
import { InvalidImportError, type Library, paperIdForKey, profileIdForName } from '../../../electron/core/library/index.js';
import type { SourcePaper } from '../../../electron/core/parse/sources/types.js';
import { libraryPath, openLib, paper, parsed, readJson } from './helpers.js';

const titles = (lib: Library, ids: readonly string[]): string[] => ids.map((id) => lib.getPaper(id)?.title ?? `?${id}`);

// Four profiles whose paper lists overlap (co-authored papers), written with varying case, punctuation,
// diacritics and spacing, as different pages render the same title.
const P = {
  gemma: 'Gemma 2: Improving Open Language Models at a Practical Size',
  rlhf: 'Fine-Tuning Language Models from Human Preferences',
  muzero: 'Mastering Atari, Go, Chess and Shogi by Planning with a Learned Model',
  naive: 'Naïve Bayes Revisited',
  solo1: 'A Paper Only Alice Wrote',
  solo2: 'A Paper Only Dan Wrote',
};

function fourProfiles(): Array<{ name: string; papers: SourcePaper[] }> {
  return [
    { name: 'Alice Ámbar', papers: [paper(P.gemma), paper(P.rlhf), paper(P.solo1)] },
    { name: 'Bob Brown', papers: [paper('gemma 2 — improving open language models at a practical size'), paper(P.muzero)] },
    { name: 'Carol Chen', papers: [paper('FINE-TUNING LANGUAGE MODELS FROM HUMAN PREFERENCES.'), paper('Mastering  Atari,  Go, Chess and Shogi by planning with a learned model'), paper(P.naive)] },
    { name: 'Dan Dúran', papers: [paper('Naive Bayes revisited'), paper(P.gemma), paper(P.solo2), paper('naïve bayes — revisited!')] },
  ];
}

test('dedup across four overlapping profiles: one record per real paper, shared across profiles', async (t) => {
  const lib = await openLib(t, await libraryPath(t));
  const outcomes = [];
  for (const { name, papers } of fourProfiles()) outcomes.push(await lib.commitImport(`page of ${name}`, parsed(name, papers), 1));
  assert.equal(lib.papers().length, 6, 'gemma, rlhf, muzero, naive, solo1, solo2');
  assert.deepEqual(outcomes.map((o) => o.addedIds.length), [3, 1, 1, 1]);
  assert.deepEqual(outcomes.map((o) => o.presentIds.length), [0, 1, 2, 2]);
  // Dan's paste lists Naive Bayes twice (with and without the diaeresis): linked once.
  const dan = lib.getProfile(profileIdForName('Dan Dúran'));
  assert.equal(dan?.paperIds.length, 3);
  // The first spelling seen is kept as the record's title.
  const gemmaId = paperIdForKey(normalizeKey(P.gemma));
  assert.equal(lib.getPaper(gemmaId)?.title, P.gemma);
  assert.deepEqual(lib.profilesOfPaper(gemmaId).map((p) => p.name).sort(), ['Alice Ámbar', 'Bob Brown', 'Dan Dúran']);
  const naiveId = paperIdForKey(normalizeKey(P.naive));
  assert.equal(normalizeKey('Naive Bayes revisited'), normalizeKey(P.naive));
  assert.deepEqual(lib.profilesOfPaper(naiveId).map((p) => p.name).sort(), ['Carol Chen', 'Dan Dúran']);
  assert.deepEqual(titles(lib, lib.getProfile(profileIdForName('Carol Chen'))?.paperIds ?? []), [P.rlhf, P.muzero, P.naive]);
  assert.equal(new Set(lib.papers().map((p) => p.id)).size, lib.papers().length);
  assert.equal(new Set(lib.papers().map((p) => p.key)).size, lib.papers().length);

  // Same after reopening from disk (4 segments, reverse index rebuilt).
  await lib.close();
  const again = await openLib(t, lib.dir);
  assert.equal(again.papers().length, 6);
  assert.deepEqual(again.profilesOfPaper(gemmaId).map((p) => p.name).sort(), ['Alice Ámbar', 'Bob Brown', 'Dan Dúran']);
  assert.equal(((await readJson(path.join(lib.dir, 'library.json'))) as { segments: string[] }).segments.length, 4);
});

test('planImport is pure and agrees with commitImport', async (t) => {
  const dir = await libraryPath(t);
  const lib = await openLib(t, dir);
  await lib.commitImport('a', parsed('Alice Ámbar', [paper(P.gemma)]), 1);
  const before = await readFile(path.join(dir, 'library.json'));
  const plan = await lib.planImport(parsed('alice ambar', [paper('GEMMA 2: improving open language models at a practical size'), paper(P.rlhf), paper(P.rlhf)], { hIndex: 11 }));
  assert.equal(plan.profileId, profileIdForName('Alice Ámbar'));
  assert.equal(plan.existingProfileId, plan.profileId);
  assert.equal(plan.metricsChanged, true);
  assert.deepEqual(plan.papers.map((p) => p.isNew), [false, true]);
  assert.equal(plan.papers[0]?.id, paperIdForKey(normalizeKey(P.gemma)));
  assert.ok((await readFile(path.join(dir, 'library.json'))).equals(before));
  assert.equal(lib.papers().length, 1);
  const fresh = await lib.planImport(parsed('Zed', [paper('Z')]));
  assert.equal(fresh.existingProfileId, null);
  assert.equal(fresh.metricsChanged, false);
});

test('re-import: adds new papers, duplicates nothing, snapshots metrics only on change, keeps user data', async (t) => {
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const now = (): Date => new Date((clock += 60_000));
  const dir = await libraryPath(t);
  const lib = await openLib(t, dir, { now });
  const first = await lib.commitImport('v1', parsed('Alice Ámbar', [paper(P.gemma), paper(P.rlhf)], { citations: 100 }, 'LG'), 1);
  const [gemmaId, rlhfId] = first.addedIds;
  assert.ok(gemmaId && rlhfId);
  await lib.setTags(gemmaId, ['llm']);
  await lib.setNote(gemmaId, 'keep me');
  await lib.setStatus(rlhfId, 'read');

  // Same metrics, one new paper, old ones re-listed in a different order and spelling.
  const second = await lib.commitImport(
    'v2',
    parsed('ALICE ambar', [paper(P.muzero), paper('fine tuning language models from human preferences'), paper(P.gemma)], { citations: 100 }, null),
    1,
  );
  assert.equal(second.profileId, first.profileId);
  assert.deepEqual(titles(lib, second.addedIds), [P.muzero]);
  assert.deepEqual(second.presentIds.sort(), [gemmaId, rlhfId].sort());
  assert.equal(second.metricsChanged, false);
  assert.equal(second.updated, true, 'a newly linked paper is an update');
  let profile = lib.getProfile(first.profileId ?? '');
  assert.equal(profile?.history.length, 1, 'equal metrics add no snapshot');
  assert.equal(profile?.category, 'LG', 'a page without the category keeps the known one');
  assert.deepEqual(titles(lib, profile?.paperIds ?? []), [P.muzero, P.rlhf, P.gemma], 'latest page order');
  assert.equal(lib.papers().length, 3);

  // Changed metrics: a new dated snapshot.
  const third = await lib.commitImport('v3', parsed('Alice Ámbar', [paper(P.gemma)], { citations: 150, hIndex: 11 }, 'CL'), 1);
  assert.equal(third.metricsChanged, true);
  assert.equal(third.addedIds.length, 0);
  profile = lib.getProfile(first.profileId ?? '');
  assert.equal(profile?.history.length, 2);
  assert.equal(profile?.metrics.citations, 150);
  assert.deepEqual(profile?.history[1]?.metrics, profile?.metrics);
  assert.equal(profile?.history[1]?.at, profile?.lastImportedAt);
  assert.notEqual(profile?.firstImportedAt, profile?.lastImportedAt);
  assert.equal(profile?.category, 'CL');
  assert.deepEqual(titles(lib, profile?.paperIds ?? []), [P.gemma, P.muzero, P.rlhf], 'papers not on the latest page are kept, after it');

  // Identical again: nothing changes but the log and lastImportedAt.
  const fourth = await lib.commitImport('v3', parsed('Alice Ámbar', [paper(P.gemma)], { citations: 150, hIndex: 11 }, 'CL'), 1);
  assert.equal(fourth.updated, false);
  assert.equal(lib.getProfile(first.profileId ?? '')?.history.length, 2);
  assert.equal(lib.imports().length, 4);
  assert.equal(((await readJson(path.join(dir, 'library.json'))) as { segments: string[] }).segments.length, 2, 'no segment when nothing new');

  assert.deepEqual(lib.userData(gemmaId), { tags: ['llm'], note: 'keep me', status: 'unread' });
  assert.equal(lib.userData(rlhfId).status, 'read');
  await lib.close();
  const again = await openLib(t, dir);
  assert.deepEqual(again.userData(gemmaId), { tags: ['llm'], note: 'keep me', status: 'unread' });
  assert.equal(again.getProfile(first.profileId ?? '')?.history.length, 2);
  assert.equal(again.papers().length, 3);
});

test('a re-import with better data writes the improved record to a new segment; the old segment is untouched', async (t) => {
  const dir = await libraryPath(t);
  const lib = await openLib(t, dir);
  const { addedIds } = await lib.commitImport('a', parsed('A B', [paper('Sparse Paper', { abstract: '', authors: ['X'], authorsTruncated: true, category: null })]), 1);
  const id = addedIds[0] ?? '';
  const firstSegment = await readFile(path.join(dir, 'papers', 'segment-000001.json'));
  const original = lib.getPaper(id);
  const outcome = await lib.commitImport('b', parsed('C D', [paper('sparse paper', { abstract: 'Now with an abstract.', authors: ['X', 'Y', 'Z'], orgs: ['Org'], category: 'cs.AI' })]), 1);
  assert.deepEqual(outcome.addedIds, []);
  assert.deepEqual(outcome.presentIds, [id]);
  const improved = lib.getPaper(id);
  assert.equal(improved?.abstract, 'Now with an abstract.');
  assert.deepEqual(improved?.authors, ['X', 'Y', 'Z']);
  assert.equal(improved?.authorsTruncated, false);
  assert.equal(improved?.category, 'cs.AI');
  assert.equal(improved?.title, 'Sparse Paper', 'title and identity are kept');
  assert.equal(improved?.addedAt, original?.addedAt);
  assert.equal(lib.papers().length, 1);
  assert.ok((await readFile(path.join(dir, 'papers', 'segment-000001.json'))).equals(firstSegment), 'segments are never rewritten');
  const second = (await readJson(path.join(dir, 'papers', 'segment-000002.json'))) as Array<{ id: string; abstract?: string }>;
  assert.deepEqual(second.map((p) => [p.id, p.abstract]), [[id, undefined]], 'split: records without abstracts');
  assert.deepEqual(await readJson(path.join(dir, 'papers', 'segment-000002.abstracts.json')), ['Now with an abstract.']);
  // A worse copy later does not downgrade it.
  await lib.commitImport('c', parsed('E F', [paper('Sparse Paper', { abstract: '', authors: ['X'], authorsTruncated: true })]), 1);
  assert.equal(lib.getPaper(id)?.abstract, 'Now with an abstract.');
  await lib.close();
  const again = await openLib(t, dir);
  assert.equal(again.getPaper(id)?.abstract, 'Now with an abstract.', 'later segments win on load');
  assert.equal(again.papers().length, 1);
});

test('an invalid ParseResult is rejected before anything is written', async (t) => {
  const dir = await libraryPath(t);
  const lib = await openLib(t, dir);
  await lib.commitImport('ok', parsed('A B', [paper('Fine')]), 1);
  const snapshot = async (): Promise<string[]> => (await readdir(dir, { recursive: true })).sort();
  const filesBefore = await snapshot();
  const libraryBefore = await readFile(path.join(dir, 'library.json'));
  const bad = [
    parsed('A B', [paper(' \u200b\t')]), // a title with nothing visible has no dedup key (one of symbols has one)
    parsed('', [paper('X')]),
    { ...parsed('A B', [paper('X')]), papers: [{ ...paper('X'), date: 'yesterday' }] },
    { profile: { name: 'A B' }, papers: [], warnings: [] } as never,
  ];
  for (const result of bad) await assert.rejects(lib.commitImport('raw', result, 1), InvalidImportError);
  await assert.rejects(lib.planImport(bad[0] as never), /nothing visible/);
  assert.ok((await readFile(path.join(dir, 'library.json'))).equals(libraryBefore));
  assert.deepEqual(await snapshot(), filesBefore);
  assert.equal(lib.papers().length, 1);
});

test('a commit that fails mid-way (after the segment, before library.json) leaves library.json byte-identical', async (t) => {
  const dir = await libraryPath(t);
  const lib = await openLib(t, dir);
  await lib.commitImport('ok', parsed('A B', [paper('First')]), 1);
  const libraryBefore = await readFile(path.join(dir, 'library.json'));
  // Make the raw-text write fail: imports/ becomes a plain file.
  await rm(path.join(dir, 'imports'), { recursive: true });
  await writeFile(path.join(dir, 'imports'), 'not a folder');
  await assert.rejects(lib.commitImport('second paste', parsed('C D', [paper('Second'), paper('First')]), 1), /ENOTDIR|EEXIST|not a directory/i);
  assert.ok((await readFile(path.join(dir, 'library.json'))).equals(libraryBefore), 'library.json untouched');
  assert.equal(lib.papers().length, 1, 'memory untouched');
  assert.equal(lib.profiles().length, 1);
  assert.equal(lib.imports().length, 1);
  assert.ok(!(await readdir(path.join(dir, 'papers'))).includes('segment-000002.json'), 'the segment written first is removed again');

  // Fix the folder: the next import works and does not reuse the orphan's name.
  await rm(path.join(dir, 'imports'));
  const ok = await lib.commitImport('second paste', parsed('C D', [paper('Second'), paper('First')]), 1);
  assert.equal(ok.addedIds.length, 1);
  const doc = (await readJson(path.join(dir, 'library.json'))) as { segments: string[] };
  assert.deepEqual(doc.segments, ['segment-000001.json', 'segment-000003.json']);
  await lib.close();
  const again = await openLib(t, dir);
  assert.deepEqual(again.problems, []);
  assert.deepEqual(again.papers().map((p) => p.title), ['First', 'Second']);
});

test('concurrent commits are serialized and all land', async (t) => {
  const dir = await libraryPath(t);
  const lib = await openLib(t, dir);
  const results = await Promise.all(
    Array.from({ length: 8 }, (_, i) => lib.commitImport(`paste ${i}`, parsed(`Person ${i % 3}`, [paper(`Shared`), paper(`Own ${i}`)]), 1)),
  );
  assert.equal(results.filter((r) => r.addedIds.length === 2).length, 1);
  assert.equal(lib.papers().length, 9);
  assert.equal(lib.profiles().length, 3);
  assert.equal(lib.imports().length, 8);
  await lib.close();
  const again = await openLib(t, dir);
  assert.equal(again.papers().length, 9);
  assert.equal(again.imports().length, 8);
});
