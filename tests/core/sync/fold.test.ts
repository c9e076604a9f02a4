// The fold of stamped entries from several devices: seeded property tests (convergence under any order and
// duplicates, commutativity of batches, idempotence, equality with one device applying everything in stamp order)
// over simulated multi-device histories, and table tests of the OR-set, LWW ties and note revisions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { emptySyncState, foldEntries } from '../../../electron/core/sync/fold.js';
import { deviceOf } from '../../../electron/core/sync/hlc.js';
import { snapshotOf, stateFromSnapshot, type SyncSnapshot } from '../../../electron/core/sync/snapshot.js';
import { materialize, type FoldedState } from '../../../electron/core/sync/materialize.js';
import { pairKey, type StampedEntry, type SyncedOp } from '../../../electron/core/sync/ops.js';
import { inStampOrder, simulateHistory, type HistoryOptions } from '../../helpers/sync-history.js';
import { applyInStampOrder } from '../../helpers/sync-sequential.js';
import { rng } from '../../helpers/rng.js';

const SEED = 1111;
const RUNS = 60;

function foldAll(...batches: ReadonlyArray<readonly StampedEntry[]>): FoldedState {
  const state = emptySyncState();
  for (const batch of batches) foldEntries(state, batch);
  return materialize(state);
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = rng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const historyOptions: fc.Arbitrary<HistoryOptions> = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  devices: fc.constantFrom(['laptop', 'desk'], ['a', 'a-b', 'b'], ['Z9', 'x_1', 'office-pc']),
  actions: fc.integer({ min: 1, max: 160 }),
  papers: fc.integer({ min: 1, max: 12 }),
  tags: fc.integer({ min: 1, max: 4 }),
  syncChance: fc.double({ min: 0, max: 0.6, noNaN: true }),
  maxBulk: fc.integer({ min: 1, max: 8 }),
});

let scenarios = 0;
let entriesFolded = 0;

test('property: any order, with duplicates, folds to the state of applying every entry once in stamp order', () => {
  fc.assert(
    fc.property(historyOptions, fc.integer(), (options, shuffleSeed) => {
      const { written } = simulateHistory(options);
      const expected = applyInStampOrder(written);
      const duplicated = [...written, ...written.filter((_, i) => i % 3 === 0)];
      assert.deepStrictEqual(foldAll(written), expected, 'written order');
      assert.deepStrictEqual(foldAll(shuffled(duplicated, shuffleSeed)), expected, 'shuffled, duplicated');
      assert.deepStrictEqual(foldAll(inStampOrder(written).reverse()), expected, 'reverse stamp order');
      scenarios += 1;
      entriesFolded += written.length * 2 + duplicated.length;
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

test('property: batches commute, and folding again changes nothing (idempotence)', () => {
  fc.assert(
    fc.property(historyOptions, fc.integer(), fc.double({ min: 0, max: 1, noNaN: true }), (options, shuffleSeed, cut) => {
      const all = shuffled(simulateHistory(options).written, shuffleSeed);
      const at = Math.floor(cut * all.length);
      const [a, b] = [all.slice(0, at), all.slice(at)];
      const ab = foldAll(a, b);
      assert.deepStrictEqual(foldAll(b, a), ab, 'A then B = B then A');
      assert.deepStrictEqual(foldAll(a, b, a, b), ab, 'again: no change');
      assert.deepStrictEqual(foldAll(a, a, b, b.slice(0, 3)), ab, 'a batch twice: no change');
      scenarios += 1;
    }),
    { seed: SEED + 1, numRuns: RUNS },
  );
});

test('property: no note text is lost: each version is the note, a revision, or was overwritten by an edit that saw it', () => {
  fc.assert(
    fc.property(historyOptions, (options) => {
      const { written } = simulateHistory({ ...options, papers: Math.min(options.papers, 3) });
      const state = foldAll(written);
      for (const entry of written) {
        entry.ops.forEach((op, index) => {
          if (op.o !== 'note') return;
          const paper = state.papers[op.id];
          const kept = paper?.note === op.text || paper?.noteRevisions?.some((r) => r.text === op.text);
          const writesNote = (o: SyncedOp): boolean => o.o === 'note' && o.id === op.id;
          const knowinglyOverwritten =
            entry.ops.slice(index + 1).some(writesNote) ||
            written.some(
              (later) => later.hlc > entry.hlc && later.ops.some(writesNote) &&
                (deviceOf(later.hlc) === deviceOf(entry.hlc) || (later.seen?.[deviceOf(entry.hlc)] ?? '') >= entry.hlc),
            );
          assert.ok(kept || knowinglyOverwritten || op.text === '', `note ${JSON.stringify(op.text)} lost`);
        });
      }
    }),
    { seed: SEED + 2, numRuns: RUNS },
  );
});

const s = (wall: number, device: string, counter = 0): string =>
  `${wall.toString(16).padStart(12, '0')}-${counter.toString(16).padStart(8, '0')}-${device}`;

test('OR-set: an add the remover had not seen survives; one it had seen goes; order inside an entry counts', () => {
  const add = (hlc: string, tag = 'ml', seen?: Record<string, string>): StampedEntry => ({ hlc, ...(seen ? { seen } : {}), ops: [{ o: 'tags-add', ids: ['p1'], tag }] });
  const remove = (hlc: string, seen?: Record<string, string>, tag = 'ml'): StampedEntry => ({ hlc, ...(seen ? { seen } : {}), ops: [{ o: 'tags-remove', ids: ['p1'], tag }] });
  const rows: Array<{ why: string; entries: StampedEntry[]; tags: string[] }> = [
    { why: 'remove after seeing the add', entries: [add(s(1, 'a')), remove(s(2, 'b'), { a: s(1, 'a') })], tags: [] },
    { why: 'concurrent remove of an unseen add (even with a later stamp)', entries: [add(s(1, 'a')), remove(s(2, 'b'))], tags: ['ml'] },
    { why: 'remove saw the first add, not the re-add', entries: [add(s(1, 'a')), remove(s(3, 'b'), { a: s(1, 'a') }), add(s(2, 'a'))], tags: ['ml'] },
    { why: 'own earlier add is always seen', entries: [add(s(1, 'a')), remove(s(2, 'a'))], tags: [] },
    { why: 'case-insensitive identity; the latest add names it', entries: [add(s(1, 'a'), 'ML'), add(s(2, 'b'), 'ml')], tags: ['ml'] },
    { why: 'remove of ML removes ml', entries: [add(s(1, 'a'), 'ml'), remove(s(2, 'a'), undefined, 'ML')], tags: [] },
    {
      why: 'add then remove in one entry',
      entries: [{ hlc: s(1, 'a'), ops: [{ o: 'tags-add', ids: ['p1'], tag: 'ml' }, { o: 'tags-remove', ids: ['p1'], tag: 'ml' }] }],
      tags: [],
    },
    {
      why: 'remove then add in one entry',
      entries: [add(s(0, 'a')), { hlc: s(1, 'a'), ops: [{ o: 'tags-remove', ids: ['p1'], tag: 'ml' }, { o: 'tags-add', ids: ['p1'], tag: 'ml' }] }],
      tags: ['ml'],
    },
  ];
  for (const { why, entries, tags } of rows) {
    for (const order of [entries, [...entries].reverse()]) assert.deepEqual(foldAll(order).papers.p1?.tags ?? [], tags, why);
  }
});

test('LWW: the later stamp wins; equal wall and counter are ordered by device id; later in an entry wins', () => {
  const status = (hlc: string, value: 'read' | 'reading'): StampedEntry => ({ hlc, ops: [{ o: 'status', ids: ['p1'], status: value }] });
  const rows: Array<{ why: string; entries: StampedEntry[]; expected: string }> = [
    { why: 'later wall', entries: [status(s(2, 'a'), 'read'), status(s(1, 'b'), 'reading')], expected: 'read' },
    { why: 'later counter', entries: [status(s(1, 'a', 1), 'read'), status(s(1, 'b', 0), 'reading')], expected: 'read' },
    { why: 'tie: larger device id', entries: [status(s(1, 'a'), 'read'), status(s(1, 'b'), 'reading')], expected: 'reading' },
    { why: 'tie: "a-b" sorts after "a"', entries: [status(s(1, 'a-b'), 'read'), status(s(1, 'a'), 'reading')], expected: 'read' },
    { why: 'in one entry', entries: [{ hlc: s(1, 'a'), ops: [{ o: 'status', ids: ['p1'], status: 'reading' }, { o: 'status', ids: ['p1'], status: 'read' }] }], expected: 'read' },
  ];
  for (const { why, entries, expected } of rows) {
    for (const order of [entries, [...entries].reverse()]) assert.equal(foldAll(order).papers.p1?.status, expected, why);
  }
});

test('notes: a concurrent edit keeps the losing text as a revision; an edit made over it does not', () => {
  const note = (hlc: string, text: string, seen?: Record<string, string>): StampedEntry => ({ hlc, ...(seen ? { seen } : {}), ops: [{ o: 'note', id: 'p1', text }] });
  const rows: Array<{ why: string; entries: StampedEntry[]; note: string; revisions: string[] }> = [
    { why: 'concurrent', entries: [note(s(1, 'a'), 'from a'), note(s(2, 'b'), 'from b')], note: 'from b', revisions: ['from a'] },
    { why: 'knowing overwrite', entries: [note(s(1, 'a'), 'from a'), note(s(2, 'b'), 'from b', { a: s(1, 'a') })], note: 'from b', revisions: [] },
    { why: 'same text on both', entries: [note(s(1, 'a'), 'same'), note(s(2, 'b'), 'same')], note: 'same', revisions: [] },
    {
      why: 'a revision stays after a later knowing edit',
      entries: [note(s(1, 'a'), 'a1'), note(s(2, 'b'), 'b1'), note(s(3, 'a'), 'a2', { b: s(2, 'b') })],
      note: 'a2',
      revisions: ['a1'],
    },
  ];
  for (const { why, entries, note: text, revisions } of rows) {
    for (const order of [entries, [...entries].reverse()]) {
      const paper = foldAll(order).papers.p1;
      assert.equal(paper?.note, text, why);
      assert.deepEqual(paper?.noteRevisions?.map((r) => r.text) ?? [], revisions, why);
    }
  }
});

test('registers of trash, edits, merges and "not a duplicate" follow the last stamp, and report what they touched', () => {
  const entries: StampedEntry[] = [
    { hlc: s(1, 'a'), ops: [{ o: 'trash', ids: ['p1', 'p2'], at: 'T1' }, { o: 'edit', id: 'p1', set: { title: 'A', doi: '10.1/x' }, unset: [] }] },
    { hlc: s(2, 'b'), ops: [{ o: 'untrash', ids: ['p2'] }, { o: 'edit', id: 'p1', set: {}, unset: ['title'] }, { o: 'merge', keep: 'p3', other: 'p4' }] },
    { hlc: s(3, 'a'), ops: [{ o: 'not-duplicate', a: 'p5', b: 'p6', value: true }, { o: 'merge', keep: 'p3', other: 'p7' }, { o: 'unmerge', other: 'p7' }] },
  ];
  const state = emptySyncState();
  const touched = foldEntries(state, entries);
  assert.deepEqual([...touched].sort(), ['p1', 'p2', 'p3', 'p4', 'p7']);
  const view = materialize(state);
  assert.deepEqual(view.papers.p1, { tags: [], note: '', status: 'unread', trashedAt: 'T1', edits: { doi: '10.1/x' } });
  assert.equal(view.papers.p2, undefined, 'untrashed, nothing else: no user data');
  assert.deepEqual(view.merges, { p4: 'p3' });
  assert.deepEqual(view.notDuplicates, [pairKey('p6', 'p5')]);
  assert.deepEqual(state.seen, { a: s(3, 'a'), b: s(2, 'b') });
});

test('property: a snapshot read back (through JSON) and folded on is the same as folding the full history', () => {
  fc.assert(
    fc.property(historyOptions, fc.double({ min: 0, max: 1, noNaN: true }), (options, cut) => {
      const { written } = simulateHistory(options);
      const at = Math.floor(cut * written.length);
      const before = emptySyncState();
      foldEntries(before, written.slice(0, at));
      const reloaded = stateFromSnapshot(JSON.parse(JSON.stringify(snapshotOf(before))) as SyncSnapshot);
      assert.deepStrictEqual(reloaded.seen, before.seen);
      foldEntries(reloaded, written.slice(Math.max(0, at - 5)));
      assert.deepStrictEqual(materialize(reloaded), foldAll(written));
      scenarios += 1;
    }),
    { seed: SEED + 3, numRuns: RUNS },
  );
});

test('scenarios run', { concurrency: false }, () => {
  assert.ok(scenarios >= RUNS * 3, `ran ${scenarios} scenarios, ${entriesFolded} entries folded`);
  console.log(`sync fold: ${scenarios} random scenarios, ${entriesFolded} entries folded`);
});
