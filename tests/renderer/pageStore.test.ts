import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PaperRow, ViewPage, ViewQuery } from '../../electron/core/api.js';
import { PAGE_SIZE, PageStore, shownSnapshot, type ListQuery } from '../../renderer/src/lib/pageStore.js';
import { deferred, rng, settle, type Deferred } from './helpers.js';

// The store's one boundary is the core's query(view) function. The fake below answers from in-memory arrays
// (one per search string) and hands back a deferred per call, so tests decide when and in which order the
// answers arrive.

const MAX_PAGES = 12; // pageStore's cap; asserted as behaviour ("never holds much more than this")

function paper(i: number, label = 'Paper'): PaperRow {
  return {
    id: `p${i}`,
    title: `${label} ${i}`,
    authors: [],
    authorsTruncated: false,
    date: '2024-01-01',
    year: 2024,
    venue: null,
    category: null,
    addedAt: '2024-01-01T00:00:00.000Z',
    tags: [],
    status: 'unread',
    hasNote: false,
    trashed: false,
    edited: false,
  };
}

const papers = (n: number, label?: string): PaperRow[] => Array.from({ length: n }, (_, i) => paper(i, label));

interface Call {
  view: ViewQuery;
  answer: ViewPage;
  deferred: Deferred<ViewPage>;
  settled: boolean;
}

function fakeCore(data: Record<string, PaperRow[]>, queryErrors: Record<string, string[]> = {}) {
  const calls: Call[] = [];
  const query = (view: ViewQuery): Promise<ViewPage> => {
    const rows = data[view.search] ?? [];
    const answer: ViewPage = {
      total: rows.length,
      offset: view.offset,
      rows: rows.slice(view.offset, view.offset + view.limit),
      queryErrors: queryErrors[view.search] ?? [],
    };
    const call: Call = { view, answer, deferred: deferred<ViewPage>(), settled: false };
    calls.push(call);
    return call.deferred.promise;
  };
  const pending = () => calls.filter((c) => !c.settled);
  return {
    data,
    calls,
    query,
    pending,
    /** Answers one call (default: the oldest pending one) and lets the store react. */
    async resolve(call: Call | undefined = pending()[0]): Promise<void> {
      assert.ok(call, 'a call to resolve');
      call.settled = true;
      call.deferred.resolve(call.answer);
      await settle();
    },
    async reject(call: Call | undefined, reason: unknown): Promise<void> {
      assert.ok(call, 'a call to reject');
      call.settled = true;
      call.deferred.reject(reason);
      await settle();
    },
    /** Answers everything, including requests made in reaction to answers. */
    async drain(): Promise<void> {
      for (let guard = 0; pending().length > 0; guard++) {
        assert.ok(guard < 10_000, 'the store keeps asking (fetch loop?)');
        await this.resolve();
      }
    },
    offsetsSince(index: number): number[] {
      return calls.slice(index).map((c) => c.view.offset);
    },
  };
}

const q = (search: string, extra: Partial<ListQuery> = {}): ListQuery => ({ search, ...extra });

/** Which pages hold rows right now (probes the first row of each page). */
function loadedPages(store: PageStore, total: number): number[] {
  const out: number[] = [];
  for (let p = 0; p * PAGE_SIZE < total; p++) if (store.row(p * PAGE_SIZE) !== undefined) out.push(p);
  return out;
}

function loadedRowCount(store: PageStore, total: number): number {
  let n = 0;
  for (let i = 0; i < total; i++) if (store.row(i) !== undefined) n++;
  return n;
}

test('pageStore: the first page is fetched on setQuery; total is null until it arrives', async () => {
  const core = fakeCore({ all: papers(100_000) });
  const store = new PageStore(core.query);
  assert.equal(store.getSnapshot().total, null);
  store.setQuery(q('all', { sort: 'title' }));
  assert.deepEqual(
    core.calls.map((c) => c.view),
    [{ search: 'all', sort: 'title', offset: 0, limit: PAGE_SIZE }],
    'one request, the query plus offset/limit',
  );
  assert.equal(store.getSnapshot().total, null);
  assert.equal(store.row(0), undefined);
  await core.resolve();
  assert.equal(store.getSnapshot().total, 100_000);
  assert.equal(store.row(0)?.id, 'p0');
  assert.equal(store.row(99)?.id, 'p99');
  assert.equal(store.row(100), undefined, 'page 1 was never asked for');
  assert.equal(store.indexOf('p42'), 42);
  assert.equal(store.indexOf('p100'), -1, 'not loaded');
  assert.equal(store.indexOf('nope'), -1);
});

test('pageStore: setRange fetches the pages around the visible rows, with ~50 rows of prefetch', async (t) => {
  const cases: Array<{ name: string; input: { total: number; start: number; end: number }; expected: number[] }> = [
    { name: 'top of the list: page 0 is already there', input: { total: 100_000, start: 0, end: 20 }, expected: [] },
    { name: '49 rows before the page end: no prefetch yet', input: { total: 100_000, start: 0, end: 49 }, expected: [] },
    { name: '50 rows before the page end: next page prefetched', input: { total: 100_000, start: 0, end: 50 }, expected: [100] },
    { name: 'near the start of page 1: page 0 kept wanted, page 2 prefetched', input: { total: 100_000, start: 149, end: 160 }, expected: [100, 200] },
    { name: 'middle of 100k rows', input: { total: 100_000, start: 50_020, end: 50_040 }, expected: [49_900, 50_000] },
    { name: 'bottom: prefetch clamped to the last page', input: { total: 100_000, start: 99_980, end: 99_999 }, expected: [99_900] },
    { name: 'total not a multiple of the page size', input: { total: 1_234, start: 1_200, end: 1_233 }, expected: [1_100, 1_200] },
    { name: 'stale range past the end: nothing to fetch', input: { total: 300, start: 200_000, end: 200_030 }, expected: [] },
    { name: 'negative start is treated as 0', input: { total: 100_000, start: -40, end: 10 }, expected: [] },
    { name: 'a tall window spans several pages', input: { total: 100_000, start: 300, end: 720 }, expected: [200, 300, 400, 500, 600, 700] },
    { name: 'small result: one page only', input: { total: 30, start: 0, end: 29 }, expected: [] },
    { name: 'empty result', input: { total: 0, start: 0, end: 0 }, expected: [] },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, async () => {
      const core = fakeCore({ s: papers(input.total) });
      const store = new PageStore(core.query);
      store.setQuery(q('s'));
      await core.drain();
      const before = core.calls.length;
      store.setRange(input.start, input.end);
      assert.deepEqual(core.offsetsSince(before), expected);
      assert.ok(core.calls.every((c) => c.view.limit === PAGE_SIZE));
      await core.drain();
      for (let i = Math.max(0, input.start); i <= Math.min(input.end, input.total - 1); i++) {
        assert.equal(store.row(i)?.id, `p${i}`, `visible row ${i} is loaded`);
      }
    });
  }
});

test('pageStore: a page is asked for once while its request is in flight', async () => {
  const core = fakeCore({ s: papers(100_000) });
  const store = new PageStore(core.query);
  store.setQuery(q('s'));
  store.setRange(500, 520);
  store.setRange(501, 521);
  store.setRange(500, 520);
  store.setRange(500, 520); // unchanged range: no work at all
  const offsets = core.calls.map((c) => c.view.offset).sort((a, b) => a - b);
  assert.deepEqual(offsets, [0, 400, 500]);
});

test('pageStore: scrolling through 100k rows never holds more than the page cap', async () => {
  const total = 100_000;
  const core = fakeCore({ s: papers(total) });
  const store = new PageStore(core.query);
  store.setQuery(q('s'));
  await core.drain();
  let maxPages = 0;
  for (let start = 0; start < total; start += 2_377) {
    const end = Math.min(total - 1, start + 30);
    store.setRange(start, end);
    await core.drain();
    for (let i = start; i <= end; i++) assert.equal(store.row(i)?.id, `p${i}`);
    maxPages = Math.max(maxPages, loadedPages(store, total).length);
  }
  // and back up, slowly, through pages that were evicted
  for (let start = 5_000; start >= 0; start -= 40) {
    store.setRange(start, start + 30);
    await core.drain();
    assert.equal(store.row(start)?.id, `p${start}`);
    maxPages = Math.max(maxPages, loadedPages(store, total).length);
  }
  assert.ok(maxPages <= MAX_PAGES, `held ${maxPages} pages`);
  assert.ok(loadedRowCount(store, total) <= MAX_PAGES * PAGE_SIZE);
});

test('pageStore: answers for pages scrolled past are cached but still capped', async () => {
  const total = 100_000;
  const core = fakeCore({ s: papers(total) });
  const store = new PageStore(core.query);
  store.setQuery(q('s'));
  await core.drain();
  // Fling: 40 ranges far apart, none answered until the end.
  for (let k = 1; k <= 40; k++) store.setRange(k * 2_000, k * 2_000 + 30);
  assert.ok(core.pending().length >= 40);
  await core.drain();
  const held = loadedPages(store, total);
  assert.ok(held.length <= MAX_PAGES, `held ${held.length} pages`);
  assert.ok(held.includes(800), 'the visible page survives eviction');
  assert.equal(store.row(80_010)?.id, 'p80010');
});

test('pageStore: an older query’s answers are dropped, in whatever order they arrive', async (t) => {
  const orders: Array<{ name: string; input: Array<'old' | 'new'>; expected: { title: string | undefined; total: number } }> = [
    { name: 'old answer first', input: ['old', 'new'], expected: { title: 'B 0', total: 20 } },
    { name: 'old answer last', input: ['new', 'old'], expected: { title: 'B 0', total: 20 } },
  ];
  for (const { name, input, expected } of orders) {
    await t.test(name, async () => {
      const core = fakeCore({ a: papers(500, 'A'), b: papers(20, 'B') });
      const store = new PageStore(core.query);
      store.setQuery(q('a'));
      store.setQuery(q('b'));
      const [oldCall, newCall] = core.calls;
      for (const which of input) {
        await core.resolve(which === 'old' ? oldCall : newCall);
        if (which === 'old' && input[0] === 'old') {
          assert.equal(store.getSnapshot().total, null, 'the old total never shows');
          assert.equal(store.row(0), undefined, 'the old rows never show');
        }
      }
      assert.equal(store.row(0)?.title, expected.title);
      assert.equal(store.getSnapshot().total, expected.total);
      assert.equal(store.getSnapshot().error, null);
    });
  }
});

test('pageStore: an older query’s failure does not show as an error', async () => {
  const core = fakeCore({ a: papers(10), b: papers(10, 'B') });
  const store = new PageStore(core.query);
  store.setQuery(q('a'));
  store.setQuery(q('b'));
  await core.reject(core.calls[0], new Error('old query failed'));
  assert.equal(store.getSnapshot().error, null);
  await core.resolve(core.calls[1]);
  assert.equal(store.row(0)?.title, 'B 0');
});

test('pageStore: setQuery with an equal query does nothing; a different one starts over', async () => {
  const core = fakeCore({ a: papers(300), b: papers(3) });
  const store = new PageStore(core.query);
  store.setQuery(q('a', { sort: 'date' }));
  await core.drain();
  const tick = store.getSnapshot().tick;
  store.setQuery(q('a', { sort: 'date' }));
  assert.equal(core.pending().length, 0);
  assert.equal(store.getSnapshot().tick, tick);
  store.setRange(150, 160);
  await core.drain();
  store.setQuery(q('a', { sort: 'title' }));
  assert.equal(store.getSnapshot().total, null);
  assert.equal(store.row(0), undefined, 'rows of the previous query are gone at once');
  assert.deepEqual(core.offsetsSince(core.calls.length - 1), [0], 'back to the top');
});

test('pageStore: refresh keeps showing the old rows until the new ones arrive', async () => {
  const core = fakeCore({ s: papers(1_000, 'Old') });
  const store = new PageStore(core.query);
  store.setQuery(q('s'));
  store.setRange(120, 140);
  await core.drain();
  assert.equal(store.row(130)?.title, 'Old 130');
  core.data.s = papers(1_000, 'New');
  const before = core.calls.length;
  store.refresh();
  assert.deepEqual(core.offsetsSince(before).sort((a, b) => a - b), [0, 100], 'visible (and prefetched) pages refetched');
  assert.equal(store.row(130)?.title, 'Old 130', 'old row still shown');
  assert.equal(store.getSnapshot().total, 1_000);
  await core.resolve(core.calls.find((c, i) => i >= before && c.view.offset === 100));
  assert.equal(store.row(130)?.title, 'New 130');
  assert.equal(store.row(50)?.title, 'Old 50', 'page 0 not answered yet: old rows');
  await core.drain();
  assert.equal(store.row(50)?.title, 'New 50');
});

test('pageStore: refresh drops pages from before it that are out of view', async () => {
  const core = fakeCore({ s: papers(10_000, 'Old') });
  const store = new PageStore(core.query);
  store.setQuery(q('s'));
  await core.drain();
  store.setRange(5_000, 5_020);
  await core.drain();
  assert.equal(store.row(10)?.title, 'Old 10', 'page 0 still cached');
  core.data.s = papers(10_000, 'New');
  store.refresh();
  await core.drain();
  assert.equal(store.row(10), undefined, 'an outdated off-screen page is not kept to be shown later');
  assert.equal(store.row(5_010)?.title, 'New 5010');
});

test('pageStore: two quick refreshes answered out of order keep the newest rows and total', async () => {
  const core = fakeCore({ s: papers(300, 'V0') });
  const store = new PageStore(core.query);
  store.setQuery(q('s'));
  await core.drain();
  core.data.s = papers(250, 'V1');
  store.refresh();
  const v1 = core.pending()[0];
  core.data.s = papers(200, 'V2');
  store.refresh();
  const v2 = core.pending()[1];
  assert.ok(v1 && v2 && v1 !== v2);
  await core.resolve(v2);
  assert.equal(store.row(0)?.title, 'V2 0');
  assert.equal(store.getSnapshot().total, 200);
  await core.resolve(v1);
  assert.equal(store.row(0)?.title, 'V2 0', 'the older refresh’s answer is dropped');
  assert.equal(store.getSnapshot().total, 200, 'and so is its total');
});

test('pageStore: total shrinking on refresh clamps what is wanted', async () => {
  const core = fakeCore({ s: papers(1_000) });
  const store = new PageStore(core.query);
  store.setQuery(q('s'));
  store.setRange(0, 30);
  await core.drain();
  core.data.s = papers(10);
  store.refresh();
  await core.drain();
  assert.equal(store.getSnapshot().total, 10);
  assert.equal(store.row(9)?.id, 'p9');
  assert.equal(store.row(15), undefined, 'rows past the new end are gone');
  const before = core.calls.length;
  store.setRange(0, 200);
  assert.deepEqual(core.offsetsSince(before), [], 'no requests past the new total');
});

test('pageStore: total growing on refresh fetches the newly reachable pages', async () => {
  const core = fakeCore({ s: papers(40) });
  const store = new PageStore(core.query);
  store.setQuery(q('s'));
  await core.drain();
  store.setRange(0, 60);
  await core.drain();
  assert.deepEqual(core.calls.map((c) => c.view.offset), [0], 'page 1 not wanted while total is 40');
  core.data.s = papers(400);
  store.refresh();
  await core.drain();
  assert.equal(store.getSnapshot().total, 400);
  assert.equal(store.row(110)?.id, 'p110', 'page 1 fetched once the total says it exists');
});

test('pageStore: queryErrors come from the latest answer', async (t) => {
  const cases: Array<{ name: string; input: string[]; expected: string[] }> = [
    { name: 'none', input: [], expected: [] },
    { name: 'one', input: ['year:20x is not a year or range'], expected: ['year:20x is not a year or range'] },
    { name: 'several, order kept', input: ['b', 'a', 'b'], expected: ['b', 'a', 'b'] },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, async () => {
      const core = fakeCore({ s: papers(5) }, { s: input });
      const store = new PageStore(core.query);
      store.setQuery(q('s'));
      await core.drain();
      assert.deepEqual(store.getSnapshot().queryErrors, expected);
    });
  }
  await t.test('a new query replaces the errors of the previous one', async () => {
    const core = fakeCore({ bad: papers(5), good: papers(5) }, { bad: ['oops'] });
    const store = new PageStore(core.query);
    store.setQuery(q('bad'));
    await core.drain();
    assert.deepEqual(store.getSnapshot().queryErrors, ['oops']);
    store.setQuery(q('good'));
    await core.drain();
    assert.deepEqual(store.getSnapshot().queryErrors, []);
  });
});

test('pageStore: a failed fetch shows its message; a later success clears it', async (t) => {
  const cases: Array<{ name: string; input: unknown; expected: string }> = [
    { name: 'Error', input: new Error('core is gone'), expected: 'core is gone' },
    { name: 'string', input: 'plain string', expected: 'plain string' },
    { name: 'undefined', input: undefined, expected: 'undefined' },
    { name: 'object', input: { code: 1 }, expected: '[object Object]' },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, async () => {
      const core = fakeCore({ s: papers(500) });
      const store = new PageStore(core.query);
      store.setQuery(q('s'));
      await core.resolve();
      store.setRange(200, 220);
      await core.reject(core.pending()[0], input);
      assert.equal(store.getSnapshot().error, expected);
      assert.equal(store.row(210), undefined);
      assert.equal(store.row(10)?.id, 'p10', 'what was loaded stays');
      assert.equal(store.getSnapshot().total, 500);
      store.refresh(); // e.g. the next library change retries
      await core.drain();
      assert.equal(store.getSnapshot().error, null);
      assert.equal(store.row(210)?.id, 'p210');
    });
  }
});

test('pageStore: the first page failing leaves total null and reports the error', async () => {
  const core = fakeCore({ s: papers(5) });
  const store = new PageStore(core.query);
  store.setQuery(q('s'));
  await core.reject(core.calls[0], new Error('no library'));
  assert.deepEqual(
    { total: store.getSnapshot().total, error: store.getSnapshot().error },
    { total: null, error: 'no library' },
  );
});

test('pageStore: subscribers hear every change, snapshots are new objects, unsubscribe works', async () => {
  const core = fakeCore({ s: papers(250) });
  const store = new PageStore(core.query);
  let heard = 0;
  const unsubscribe = store.subscribe(() => heard++);
  const first = store.getSnapshot();
  assert.equal(store.getSnapshot(), first, 'stable between changes (useSyncExternalStore needs that)');
  store.setQuery(q('s'));
  assert.equal(heard, 1, 'reset published');
  await core.drain();
  assert.equal(heard, 2, 'first page published');
  const second = store.getSnapshot();
  assert.notEqual(second, first);
  assert.ok(second.tick > first.tick);
  unsubscribe();
  store.setRange(100, 120);
  await core.drain();
  assert.equal(heard, 2);
  assert.ok(store.getSnapshot().tick > second.tick, 'rows changing still bumps the tick');
});

test('pageStore: nothing is fetched before a query is set', () => {
  const core = fakeCore({});
  const store = new PageStore(core.query);
  store.setRange(0, 50);
  store.refresh();
  assert.equal(core.calls.length, 0);
});

test('pageStore: randomized interleavings (fixed seeds) never show another query’s rows', async (t) => {
  for (const seed of [1, 2, 3, 42, 1234]) {
    await t.test(`seed ${seed}`, async () => {
      const random = rng(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
      const sizes: Record<string, number> = { a: 5_000, b: 730 };
      let version = 0;
      const core = fakeCore({ a: papers(sizes.a!, 'a0'), b: papers(sizes.b!, 'b0') });
      const store = new PageStore(core.query);
      let current = 'a';
      store.setQuery(q(current));
      let range = { start: 0, end: 30 };
      for (let step = 0; step < 300; step++) {
        const r = random();
        if (r < 0.1) {
          const next = pick(['a', 'b']);
          store.setQuery(q(next));
          if (next !== current) range = { start: 0, end: 0 }; // a new query starts at the top
          current = next;
        } else if (r < 0.35) {
          const start = Math.floor(random() * (sizes[current] ?? 0));
          range = { start, end: start + 30 };
          store.setRange(range.start, range.end);
        } else if (r < 0.45) {
          version++;
          for (const key of ['a', 'b']) core.data[key] = papers(sizes[key]!, `${key}${version}`);
          store.refresh();
        } else {
          const pending = core.pending();
          if (pending.length > 0) {
            const call = pick(pending);
            if (random() < 0.15) await core.reject(call, new Error('transient'));
            else await core.resolve(call);
          }
        }
        // Whatever is shown belongs to the current query.
        for (const i of [range.start, range.end, 0, 99, 100]) {
          const row = store.row(i);
          if (row) assert.ok(row.title.startsWith(current), `row ${i} "${row.title}" shown for query ${current}`);
        }
        const total = store.getSnapshot().total;
        if (total !== null) assert.equal(total, sizes[current]);
      }
      store.refresh();
      await core.drain();
      const snapshot = store.getSnapshot();
      assert.equal(snapshot.total, sizes[current]);
      assert.equal(snapshot.error, null);
      for (let i = range.start; i <= Math.min(range.end, sizes[current]! - 1); i++) {
        assert.equal(store.row(i)?.title, `${current}${version} ${i}`, `row ${i} is current after the last answer`);
      }
      assert.ok(loadedPages(store, sizes[current]!).length <= MAX_PAGES);
    });
  }
});

test('shownSnapshot: the list keeps the last answered results while a new query runs', async (t) => {
  const core = fakeCore({ a: papers(300, 'A'), b: papers(5, 'B'), bad: [] });
  const store = new PageStore(core.query);
  const initial = store.getSnapshot(); // no query yet: total null
  store.setQuery(q('a'));
  await core.drain();
  const answeredA = store.getSnapshot();
  store.setQuery(q('b'));
  const pendingB = store.getSnapshot();
  await core.drain();
  const answeredB = store.getSnapshot();
  const failed = { ...pendingB, error: 'boom' };
  const cases: Array<{ name: string; shown: typeof initial | null; latest: typeof initial; expected: typeof initial }> = [
    { name: 'nothing shown yet: the latest, even pending', shown: null, latest: initial, expected: initial },
    { name: 'nothing answered yet: the latest', shown: initial, latest: pendingB, expected: pendingB },
    { name: 'answered: the latest', shown: answeredA, latest: answeredB, expected: answeredB },
    { name: 'pending: the previous answer stays', shown: answeredA, latest: pendingB, expected: answeredA },
    { name: 'failed: the latest (its error shows, old rows do not)', shown: answeredA, latest: failed, expected: failed },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      assert.equal(shownSnapshot(c.shown, c.latest), c.expected);
    });
  }
  await t.test('the kept snapshot still reads its own query’s rows, the store does not', () => {
    assert.equal(answeredA.rows.row(0)?.title, 'A 0');
    assert.equal(answeredA.rows.indexOf('p42'), 42);
    assert.equal(pendingB.rows.row(0)?.title, 'B 0', 'the pending snapshot’s rows are the new query’s, filled in live');
    assert.equal(store.row(42), undefined, 'the store answers only for the current query');
    assert.equal(store.indexOf('p42'), -1);
    assert.equal(answeredB.rows, store.getSnapshot().rows);
  });
});

test('typing: a query per keystroke, answered in any order, never blanks the list nor goes back to an older prefix', async (t) => {
  const phrase = 'knowledge distillation';
  const prefixes = Array.from({ length: phrase.length }, (_, i) => phrase.slice(0, i + 1));
  const data: Record<string, PaperRow[]> = {};
  for (const [i, text] of prefixes.entries()) data[text] = papers(1 + ((i * 7) % 40), text);
  for (const seed of [3, 17, 99, 2024]) {
    await t.test(`seed ${seed}`, async () => {
      const random = rng(seed);
      const core = fakeCore(data);
      const store = new PageStore(core.query);
      let shown: ReturnType<PageStore['getSnapshot']> | null = null;
      /** Index of the prefix whose rows the list shows (-1: none yet). */
      let shownAt = -1;
      const look = () => {
        shown = shownSnapshot(shown, store.getSnapshot());
        const first = shown.rows.row(0)?.title;
        if (shownAt >= 0) assert.notEqual(first, undefined, 'once results showed, the list is never blank');
        if (first === undefined) return;
        const at = prefixes.findIndex((text) => first === `${text} 0`);
        assert.ok(at >= shownAt, `went back from "${prefixes[shownAt]}" to "${prefixes[at]}"`);
        shownAt = at;
      };
      for (const text of prefixes) {
        store.setQuery(q(text)); // sent at once, no debounce
        look();
        // Some answers arrive before the next key, in any order.
        while (core.pending().length > 0 && random() < 0.5) {
          const pending = core.pending();
          await core.resolve(pending[Math.floor(random() * pending.length)]);
          look();
        }
      }
      assert.equal(core.calls.length, prefixes.length, 'one query per keystroke');
      await core.drain();
      look();
      assert.equal(shownAt, prefixes.length - 1, 'ends on the final text');
      assert.equal(store.getSnapshot().total, data[phrase]!.length);
    });
  }
});
