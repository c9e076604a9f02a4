// The hand-written open-time checks must never accept what the zod schemas reject (they are only a fast path).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAbstracts, isPaperRecord, isSegment, isSourceResult, isSplitRecord, isSplitSegment, isUserDoc } from '../../../electron/core/library/fast-check.js';
import {
  abstractsSchema,
  legacyPaperRecordSchema,
  paperRecordSchema,
  segmentSchema,
  sourceResultSchema,
  splitRecordSchema,
  splitSegmentSchema,
  userDocSchema,
  emptyUserDoc,
} from '../../../electron/core/library/schema.js';
import type { PaperRecord } from '../../../electron/core/model.js';

/** A record as versions 1 and 2 stored it (no identifiers, no sources). */
const legacy = {
  category: 'cs.LG',
  date: '2024-01-31',
  title: 'T',
  authors: ['A', 'B'],
  authorsTruncated: false,
  orgs: [],
  abstract: 'x',
  id: 'p-1',
  key: 't',
  addedAt: '2024-02-01T00:00:00.000Z',
};
/** A record as version 3 stores it. */
const good: PaperRecord = {
  ...legacy,
  year: 2024,
  venue: 'ICML',
  doi: '10.1/x',
  arxivId: null,
  url: null,
  sources: ['profile-page', 'bibtex'],
  fieldSources: { title: 'bibtex', venue: 'bibtex' },
};
const mutations: Array<Record<string, unknown>> = [
  {},
  { category: null },
  { category: 3 },
  { date: '2024-1-31' },
  { date: '2024-01' },
  { date: '2024' },
  { date: '' },
  { date: '24' },
  { date: null },
  { title: undefined },
  { authors: ['A', 2] },
  { authors: 'A' },
  { authorsTruncated: 'no' },
  { orgs: null },
  { abstract: 1 },
  { id: '' },
  { key: '' },
  { addedAt: 5 },
  { extra: 'kept' },
];
/** Changes to the fields version 3 added. */
const sourcedMutations: Array<Record<string, unknown>> = [
  { year: null },
  { year: 2024.5 },
  { year: '2024' },
  { venue: null },
  { venue: 1 },
  { doi: 3 },
  { arxivId: [] },
  { url: false },
  { sources: [] },
  { sources: ['somewhere'] },
  { sources: 'bibtex' },
  { fieldSources: {} },
  { fieldSources: { title: 'nowhere' } },
  { fieldSources: { colour: 'bibtex' } },
  { fieldSources: null },
  { titleCut: true },
  { titleCut: false },
  { sources: undefined },
];

test('isPaperRecord / isSegment accept only what zod accepts, and accept the normal shapes of both versions', () => {
  for (const base of [legacy, good]) {
    for (const m of [...mutations, ...(base === good ? sourcedMutations : [])]) {
      const record = { ...base, ...m };
      if (isPaperRecord(record)) assert.ok(segmentSchema.safeParse([record]).success, JSON.stringify(m));
    }
  }
  assert.ok(isPaperRecord(good) && isPaperRecord({ ...good, category: null }) && isPaperRecord({ ...good, titleCut: true }));
  assert.ok(isPaperRecord(legacy) && legacyPaperRecordSchema.safeParse(legacy).success && paperRecordSchema.safeParse(good).success);
  assert.equal(isPaperRecord({ ...good, sources: ['nowhere'] }), false);
  for (const bad of [null, 1, 'x', [null], [[]], {}]) {
    assert.equal(isPaperRecord(bad), false);
    if (isSegment(bad)) assert.ok(segmentSchema.safeParse(bad).success);
  }
  assert.ok(isSegment([]) && isSegment([good, good]) && isSegment([legacy, good]));
  assert.equal(isSegment([good, { ...good, date: 'x' }]), false);
});

test('isSplitRecord / isSplitSegment / isAbstracts accept only what zod accepts, and accept the normal shapes of both versions', () => {
  const { abstract: _abstract, ...splitGood } = good;
  const { abstract: _legacyAbstract, ...splitLegacy } = legacy;
  for (const base of [splitLegacy, splitGood]) {
    for (const m of [...mutations, ...(base === splitGood ? sourcedMutations : []), { abstract: 'inline' }, { abstract: undefined }]) {
      const record = { ...base, ...m };
      if (isSplitRecord(record)) assert.ok(splitRecordSchema.safeParse(record).success, JSON.stringify(m));
      assert.equal(splitRecordSchema.safeParse(record).success && !isSplitRecord(record), false, `fast check too strict: ${JSON.stringify(m)}`);
    }
  }
  assert.ok(isSplitRecord(splitGood) && isSplitRecord({ ...splitGood, category: null }) && isSplitRecord({ ...splitGood, titleCut: true }));
  assert.ok(isSplitRecord(splitLegacy));
  assert.equal(isSplitRecord(good), false, 'a record with its abstract inline is not a split record');
  assert.equal(isSplitRecord({ ...splitGood, extra: 1 }), false, 'unknown keys are refused (zod: strict)');
  assert.equal(isSplitRecord({ ...splitLegacy, year: 2024 }), false, 'half a version-3 record is neither version');
  assert.ok(isSplitSegment([]) && isSplitSegment([splitGood, splitGood]) && isSplitSegment([splitLegacy, splitGood]));
  assert.equal(isSplitSegment([splitGood, good]), false, 'no mixing');
  if (isSplitSegment([splitGood, good])) assert.ok(splitSegmentSchema.safeParse([splitGood, good]).success);
  for (const v of [[], ['a', ''], ['a', 1], 'a', null, {}, [null]]) {
    assert.equal(isAbstracts(v), abstractsSchema.safeParse(v).success, JSON.stringify(v));
  }
});

test('isUserDoc accepts only what userDocSchema accepts', () => {
  const ok = { ...emptyUserDoc(), papers: { a: { tags: ['t'], note: '', status: 'read' } }, tags: [{ name: 't', color: '#aabbcc' }] };
  assert.ok(isUserDoc(ok));
  const bads: unknown[] = [
    null,
    [],
    { ...ok, schemaVersion: 1 },
    { ...ok, merges: { a: 1 } },
    { ...ok, merges: undefined },
    { ...ok, notDuplicates: [1] },
    { ...ok, savedSearches: {} },
    { ...ok, papers: [] },
    { ...ok, papers: { a: { tags: ['t'], note: '', status: 'done' } } },
    { ...ok, papers: { a: { tags: [1], note: '', status: 'read' } } },
    { ...ok, papers: { a: { tags: [], status: 'read' } } },
    { ...ok, tags: [{ name: '', color: '#aabbcc' }] },
    { ...ok, tags: [{ name: 'x', color: 'red' }] },
    { ...ok, tags: {} },
  ];
  for (const bad of bads) {
    assert.equal(isUserDoc(bad), false, JSON.stringify(bad));
    assert.equal(userDocSchema.safeParse(bad).success, false, JSON.stringify(bad));
  }
});

test('UserState.serialize (sliced, yielding, from the live state) gives JSON equal to toDoc(), even with edits racing it', async () => {
  const { UserState } = await import('../../../electron/core/library/user-state.js');
  const papers: Record<string, { tags: string[]; note: string; status: 'unread' | 'reading' | 'read' }> = {};
  for (let i = 0; i < 25; i++) papers[`p-${i}`] = { tags: [`t${i}`], note: `n "${i}"\n\u2028`, status: 'read' };
  const state = UserState.fromDoc({ ...emptyUserDoc(), papers, tags: [{ name: 't1', color: '#aabbcc' }] });
  for (const slice of [1, 4, 100]) assert.deepEqual(JSON.parse(await state.serialize(slice)), JSON.parse(JSON.stringify(state.toDoc())));
  assert.deepEqual(JSON.parse(await new UserState().serialize()), emptyUserDoc());
  // Edits while it runs: the result is still valid JSON, and holds each paper's old or new value.
  const running = state.serialize(2);
  state.apply({ o: 'paper', id: 'p-24', data: { tags: [], note: 'later', status: 'unread' } });
  state.apply({ o: 'paper', id: 'p-0', data: { tags: [], note: '', status: 'unread' } }); // emptied: deleted
  state.apply({ o: 'paper', id: 'new', data: { tags: [], note: 'added', status: 'read' } });
  const out = JSON.parse(await running) as { papers: Record<string, { note: string }> };
  assert.equal(out.papers['p-24']?.note, 'later');
  assert.equal(out.papers.new?.note, 'added');
  assert.equal(out.papers['p-5']?.note, 'n "5"\n\u2028');
});

test('isSourceResult accepts only what sourceResultSchema accepts', () => {
  const metrics = { hIndex: 3, papers: null, citations: 10, novelty: 0.5, aiScore: null };
  const paper = {
    title: 'T', authors: ['A', 'B'], authorsTruncated: false, date: '2024-01', year: 2024, category: null, orgs: [],
    abstract: null, venue: 'ICML', doi: '10.1/x', arxivId: null, url: null,
  };
  const ok = { source: 'google-scholar', profile: { name: 'A B', category: null, affiliation: 'MIT', metrics: { ...metrics, i10Index: 4 } }, papers: [paper], warnings: ['w'] };
  assert.ok(isSourceResult(ok) && isSourceResult({ ...ok, profile: null }) && isSourceResult({ ...ok, profile: { ...ok.profile, nameDoubt: 'why' } }));
  const variants: unknown[] = [
    null,
    { ...ok, source: 'elsewhere' },
    { ...ok, warnings: [1] },
    { ...ok, papers: {} },
    { ...ok, profile: { ...ok.profile, name: 1 } },
    { ...ok, profile: { ...ok.profile, metrics: { ...metrics, hIndex: Number.NaN } } },
    { ...ok, profile: { ...ok.profile, metrics: { ...metrics, hIndex: Infinity } } },
    { ...ok, profile: { ...ok.profile, metrics: { ...metrics, hIndex: '3' } } },
    { ...ok, profile: { ...ok.profile, metrics: { ...metrics, extra: '1' } } },
    { ...ok, profile: { ...ok.profile, metrics: { hIndex: 1 } } },
    { ...ok, profile: { ...ok.profile, affiliation: 1 } },
    { ...ok, profile: { ...ok.profile, nameDoubt: null } },
    ...[
      {}, { date: '2024-1' }, { date: '' }, { date: null }, { year: 2024.5 }, { abstract: '' }, { doi: 1 }, { url: [] },
      { venue: undefined }, { authors: [1] }, { orgs: null }, { title: null },
    ].map((m) => ({ ...ok, papers: [{ ...paper, ...m }] })),
  ];
  for (const v of variants) if (isSourceResult(v)) assert.ok(sourceResultSchema.safeParse(v).success, JSON.stringify(v));
  assert.equal(isSourceResult(variants[5]), false);
  assert.equal(isSourceResult(variants[1]), false);
});

test('segments, user.json and library.json are written as ASCII JSON with the same values (fast to decode at open)', async () => {
  const { serializeSegment, serializeSplitSegment } = await import('../../../electron/core/library/segments.js');
  const { serializeLibraryDoc } = await import('../../../electron/core/library/load.js');
  const { UserState } = await import('../../../electron/core/library/user-state.js');
  const records: PaperRecord[] = [{ ...good, title: 'Über 🧪 Şebnem \\ "q" \u2028', authors: ['Zoltán', 'Ñuria'] }];
  const text = serializeSegment(records);
  assert.match(text, /^[\x00-\x7f]*$/);
  assert.deepEqual(JSON.parse(text), records);
  const split = serializeSplitSegment([...records, { ...good, abstract: 'Ähm, "quoted" \n 🧪' }]);
  assert.match(split.records + split.abstracts, /^[\x00-\x7f]*$/);
  const { abstract: _a, ...withoutAbstract } = records[0] as typeof good;
  assert.deepEqual(JSON.parse(split.records), [withoutAbstract, { ...good, abstract: undefined, ...{} }].map((r) => JSON.parse(JSON.stringify(r)) as unknown));
  assert.deepEqual(JSON.parse(split.abstracts), ['x', 'Ähm, "quoted" \n 🧪']);
  assert.throws(() => serializeSplitSegment([{ ...good, abstract: undefined as unknown as string }]), /no abstract loaded/);
  const state = UserState.fromDoc({ ...emptyUserDoc(), papers: { 'p-1': { tags: ['Ärger'], note: 'née 🧪', status: 'read' } }, tags: [{ name: 'Ärger', color: '#aabbcc' }] });
  const user = await state.serialize();
  assert.match(user, /^[\x00-\x7f]*$/);
  assert.deepEqual(JSON.parse(user), JSON.parse(JSON.stringify(state.toDoc())));
  const doc = { schemaVersion: 3, profiles: [], imports: [], segments: ['segment-000001.json'] };
  assert.deepEqual(JSON.parse(serializeLibraryDoc(doc)), doc);
});
