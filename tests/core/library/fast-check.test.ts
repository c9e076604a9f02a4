// The hand-written open-time checks must never accept what the zod schemas reject (they are only a fast path).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAbstracts, isParseResult, isPaperRecord, isSegment, isSplitRecord, isSplitSegment, isUserDoc } from '../../../electron/core/library/fast-check.js';
import {
  abstractsSchema,
  paperRecordSchema,
  parseResultSchema,
  segmentSchema,
  splitRecordSchema,
  splitSegmentSchema,
  userDocSchema,
} from '../../../electron/core/library/schema.js';

const good = {
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
const mutations: Array<Record<string, unknown>> = [
  {},
  { category: null },
  { category: 3 },
  { date: '2024-1-31' },
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

test('isPaperRecord / isSegment accept only what zod accepts, and accept the normal shapes', () => {
  for (const m of mutations) {
    const record = { ...good, ...m };
    if (isPaperRecord(record)) assert.ok(paperRecordSchema.safeParse(record).success, JSON.stringify(m));
  }
  assert.ok(isPaperRecord(good) && isPaperRecord({ ...good, category: null }));
  for (const bad of [null, 1, 'x', [null], [[]], {}]) {
    assert.equal(isPaperRecord(bad), false);
    if (isSegment(bad)) assert.ok(segmentSchema.safeParse(bad).success);
  }
  assert.ok(isSegment([]) && isSegment([good, good]));
  assert.equal(isSegment([good, { ...good, date: 'x' }]), false);
});

test('isSplitRecord / isSplitSegment / isAbstracts accept only what zod accepts, and accept the normal shapes', () => {
  const { abstract: _abstract, ...splitGood } = good;
  for (const m of [...mutations, { abstract: 'inline' }, { abstract: undefined }]) {
    const record = { ...splitGood, ...m };
    if (isSplitRecord(record)) assert.ok(splitRecordSchema.safeParse(record).success, JSON.stringify(m));
    assert.equal(splitRecordSchema.safeParse(record).success && !isSplitRecord(record), false, `fast check too strict: ${JSON.stringify(m)}`);
  }
  assert.ok(isSplitRecord(splitGood) && isSplitRecord({ ...splitGood, category: null }));
  assert.equal(isSplitRecord(good), false, 'a record with its abstract inline is not a split record');
  assert.equal(isSplitRecord({ ...splitGood, extra: 1 }), false, 'unknown keys are refused (zod: strict)');
  assert.ok(isSplitSegment([]) && isSplitSegment([splitGood, splitGood]));
  assert.equal(isSplitSegment([splitGood, good]), false, 'no mixing');
  if (isSplitSegment([splitGood, good])) assert.ok(splitSegmentSchema.safeParse([splitGood, good]).success);
  for (const v of [[], ['a', ''], ['a', 1], 'a', null, {}, [null]]) {
    assert.equal(isAbstracts(v), abstractsSchema.safeParse(v).success, JSON.stringify(v));
  }
});

test('isUserDoc accepts only what userDocSchema accepts', () => {
  const ok = { schemaVersion: 1, papers: { a: { tags: ['t'], note: '', status: 'read' } }, tags: [{ name: 't', color: '#aabbcc' }] };
  assert.ok(isUserDoc(ok));
  const bads: unknown[] = [
    null,
    [],
    { ...ok, schemaVersion: 2 },
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
  const state = UserState.fromDoc({ schemaVersion: 1, papers, tags: [{ name: 't1', color: '#aabbcc' }] });
  for (const slice of [1, 4, 100]) assert.deepEqual(JSON.parse(await state.serialize(slice)), JSON.parse(JSON.stringify(state.toDoc())));
  assert.deepEqual(JSON.parse(await new UserState().serialize()), { schemaVersion: 1, papers: {}, tags: [] });
  // Edits while it runs: the result is still valid JSON, and holds each paper's old or new value.
  const running = state.serialize(2);
  state.apply({ o: 'paper', id: 'p-24', data: { tags: [], note: 'later', status: 'unread' } });
  state.apply({ o: 'paper', id: 'p-0', data: { tags: [], note: '', status: 'unread' } }); // emptied: deleted
  state.apply({ o: 'paper', id: 'new', data: { tags: [], note: 'added', status: 'read' } });
  const out = JSON.parse(await running) as { papers: Record<string, { note: string }> };
  assert.equal(out.papers['p-24']?.note, 'later');
  assert.equal(out.papers['new']?.note, 'added');
  assert.equal(out.papers['p-5']?.note, 'n "5"\n\u2028');
});

test('isParseResult accepts only what parseResultSchema accepts', () => {
  const metrics = { hIndex: 3, papers: null, citations: 10, novelty: 0.5, aiScore: null };
  const { id: _id, key: _key, addedAt: _at, ...parsedPaper } = good;
  const ok = { profile: { name: 'A B', category: null, metrics }, papers: [parsedPaper], warnings: ['w'] };
  assert.ok(isParseResult(ok));
  const variants: unknown[] = [
    null,
    { ...ok, warnings: [1] },
    { ...ok, papers: {} },
    { ...ok, profile: { ...ok.profile, name: 1 } },
    { ...ok, profile: { ...ok.profile, metrics: { ...metrics, hIndex: Number.NaN } } },
    { ...ok, profile: { ...ok.profile, metrics: { ...metrics, hIndex: Infinity } } },
    { ...ok, profile: { ...ok.profile, metrics: { ...metrics, hIndex: '3' } } },
    { ...ok, profile: { ...ok.profile, metrics: { ...metrics, extra: 1 } } },
    { ...ok, profile: { ...ok.profile, metrics: { hIndex: 1 } } },
    ...mutations.map((m) => ({ ...ok, papers: [{ ...parsedPaper, ...m }] })),
  ];
  for (const v of variants) if (isParseResult(v)) assert.ok(parseResultSchema.safeParse(v).success, JSON.stringify(v));
  assert.equal(isParseResult(variants[4]), false);
});

test('segments, user.json and library.json are written as ASCII JSON with the same values (fast to decode at open)', async () => {
  const { serializeSegment, serializeSplitSegment } = await import('../../../electron/core/library/segments.js');
  const { serializeLibraryDoc } = await import('../../../electron/core/library/load.js');
  const { UserState } = await import('../../../electron/core/library/user-state.js');
  const records = [{ ...good, title: 'Über 🧪 Şebnem \\ "q" \u2028', authors: ['Zoltán', 'Ñuria'] }];
  const text = serializeSegment(records);
  assert.match(text, /^[\x00-\x7f]*$/);
  assert.deepEqual(JSON.parse(text), records);
  const split = serializeSplitSegment([...records, { ...good, abstract: 'Ähm, "quoted" \n 🧪' }]);
  assert.match(split.records + split.abstracts, /^[\x00-\x7f]*$/);
  const { abstract: _a, ...withoutAbstract } = records[0] as typeof good;
  assert.deepEqual(JSON.parse(split.records), [withoutAbstract, { ...good, abstract: undefined, ...{} }].map((r) => JSON.parse(JSON.stringify(r)) as unknown));
  assert.deepEqual(JSON.parse(split.abstracts), ['x', 'Ähm, "quoted" \n 🧪']);
  assert.throws(() => serializeSplitSegment([{ ...good, abstract: undefined as unknown as string }]), /no abstract loaded/);
  const state = UserState.fromDoc({ schemaVersion: 1, papers: { 'p-1': { tags: ['Ärger'], note: 'née 🧪', status: 'read' } }, tags: [{ name: 'Ärger', color: '#aabbcc' }] });
  const user = await state.serialize();
  assert.match(user, /^[\x00-\x7f]*$/);
  assert.deepEqual(JSON.parse(user), JSON.parse(JSON.stringify(state.toDoc())));
  const doc = { schemaVersion: 2, profiles: [], imports: [], segments: ['segment-000001.json'] };
  assert.deepEqual(JSON.parse(serializeLibraryDoc(doc)), doc);
});
