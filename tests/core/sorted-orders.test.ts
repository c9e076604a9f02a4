// SortedOrders builds the date and date-added orders with counting sorts (and the date order's ties by title
// in place), and selects the first pages of the whole library without building any order; COMPARATORS define
// the orders. Random libraries full of ties check that they all agree, for every key, direction, offset and
// membership mask.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { COMPARATORS, SortedOrders, type OrderKey, type Sortable, type SortRow } from '../../electron/core/sorted-orders.js';
import { normalizeKey } from '../../electron/core/text.js';
import { rng } from '../helpers/rng.js';

const WORDS = ['Alpha', 'alpha', 'Beta', 'Émile', 'emile', 'zeta', 'Zoë', 'a', 'ab', 'B-tree', 'b tree', '', '10', '9'];

function library(n: number, seed: number, dates: number, longRun = false): Sortable[] {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const papers: Sortable[] = [];
  for (let i = 0; i < n; i++) {
    const title = `${pick(WORDS)} ${pick(WORDS)}`;
    const date = longRun && i % 2 === 0 ? '2024-01-01' : `20${10 + Math.floor(next() * 15)}-0${1 + Math.floor(next() * dates)}-1${Math.floor(next() * 3)}`;
    const paper: Sortable = { id: `p${i}`, date, title, addedAt: `2024-0${1 + Math.floor(next() * 3)}-01T00:00:00.000Z` };
    if (next() < 0.7) paper.key = normalizeKey(title); // stored records carry the key; some callers do not
    papers.push(paper);
  }
  return papers;
}

function reference(papers: readonly Sortable[], key: OrderKey): string[] {
  const rows: SortRow[] = papers.map((p) => ({ id: p.id, date: p.date, addedAt: p.addedAt, titleKey: p.key ?? normalizeKey(p.title) }));
  return rows.sort(COMPARATORS[key]).map((row) => row.id);
}

const CASES = [
  { name: 'few dates, many ties', n: 600, seed: 1, dates: 2 },
  { name: 'spread dates', n: 900, seed: 2, dates: 9 },
  { name: 'one date shared by half the papers (a long run)', n: 500, seed: 3, dates: 5, longRun: true },
  { name: 'tiny', n: 3, seed: 4, dates: 1 },
  { name: 'empty', n: 0, seed: 5, dates: 1 },
];

describe('SortedOrders', () => {
  for (const c of CASES) {
    const papers = library(c.n, c.seed, c.dates, c.longRun);
    for (const key of ['date', 'title', 'added'] as const) {
      test(`${c.name}: ${key} order equals the comparator's, in both directions and at any offset`, () => {
        const orders = new SortedOrders(() => papers);
        const want = reference(papers, key);
        assert.deepEqual(orders.page(null, key, 'asc', 0, c.n + 5), want);
        assert.deepEqual(orders.page(null, key, 'desc', 0, c.n + 5), [...want].reverse());
        for (const offset of [0, 1, Math.floor(c.n / 2)]) {
          assert.deepEqual(orders.page(null, key, 'desc', offset, 7), [...want].reverse().slice(offset, offset + 7));
        }
      });
    }
    test(`${c.name}: the first pages, selected before any order is built, equal the full order's`, () => {
      for (const key of ['date', 'title', 'added'] as const) {
        const want = reference(papers, key);
        for (const direction of ['asc', 'desc'] as const) {
          const ordered = direction === 'asc' ? want : [...want].reverse();
          for (const [offset, limit] of [[0, 100], [0, 1], [3, 50], [100, 100], [0, 500]] as const) {
            const fresh = new SortedOrders(() => papers); // nothing cached: the selection path
            assert.deepEqual(fresh.page(null, key, direction, offset, limit), ordered.slice(offset, offset + limit), `${key} ${direction} ${offset}+${limit}`);
          }
        }
      }
    });

    test(`${c.name}: pages of a member set walk the same orders`, () => {
      const nums = new Map(papers.map((p, i) => [p.id, i]));
      const orders = new SortedOrders(() => papers, (id) => nums.get(id) ?? -1);
      const next = rng(c.seed + 100);
      const members = new Uint8Array(papers.length).map(() => (next() < 0.3 ? 1 : 0));
      for (const key of ['date', 'title', 'added'] as const) {
        const want = reference(papers, key).filter((id) => members[nums.get(id) as number] === 1);
        assert.deepEqual(orders.page(members, key, 'asc', 0, c.n), want, key);
        assert.deepEqual(orders.page(members, key, 'desc', 2, 10), [...want].reverse().slice(2, 12), key);
        assert.deepEqual(orders.arrange(want.slice().reverse(), key, 'asc'), want, key);
      }
    });
  }
});

test('dates at any precision: a partial date sorts at the start of its period, an unknown one ("") as the oldest', () => {
  const dates = ['2024-07-31', '2024', '', '2023-12-31', '2024-07', '2024-01-01', '2025'];
  const papers: Sortable[] = dates.map((date, i) => ({ id: `p${i}`, date, title: 'Same Title', addedAt: '2024-01-01T00:00:00.000Z' }));
  const orders = new SortedOrders(() => papers);
  const byDate = (ids: string[]) => ids.map((id) => papers[Number(id.slice(1))]?.date);
  const ascending = ['', '2023-12-31', '2024', '2024-01-01', '2024-07', '2024-07-31', '2025'];
  assert.deepEqual(byDate(orders.page(null, 'date', 'asc', 0, 10)), ascending);
  assert.deepEqual(byDate(orders.page(null, 'date', 'desc', 0, 10)), [...ascending].reverse());
});
