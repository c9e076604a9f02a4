// Precomputed orderings of the whole library by date, title and date added. Sorting 100k results on every
// keystroke would cost tens of milliseconds; instead each order is built once (after an import) and a page
// of a result set is read by walking the order and keeping members — stopping as soon as the page is full.
// Membership is a Uint8Array over the search engine's document numbers, and each order is also kept as an
// Int32Array of those numbers, so the walk is two typed-array reads per paper, no hashing of id strings.
import type { SortDirection } from './api.js';
import { normalizeKey } from './text.js';

export type OrderKey = 'date' | 'title' | 'added';

/** What ordering needs to know about a paper. */
export interface Sortable {
  id: string;
  date: string;
  title: string;
  addedAt: string;
  /** The paper's normalized title (PaperRecord.key); computed from the title when absent. */
  key?: string;
}

/** A paper reduced to plain strings that compare by code unit. */
interface SortRow {
  id: string;
  date: string;
  addedAt: string;
  titleKey: string;
}

// Every key compares by code unit: ISO dates sort as dates, and a title sorts by its normalized form
// (case, accents and punctuation folded, as in dedup). Intl.Collator gave the same order for titles but cost
// ~0.8 s per 100k-paper sort, paid on the first sorted page after every import.
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const COMPARATORS: Record<OrderKey, (a: SortRow, b: SortRow) => number> = {
  date: (a, b) => cmp(a.date, b.date) || cmp(a.titleKey, b.titleKey),
  title: (a, b) => cmp(a.titleKey, b.titleKey) || cmp(a.date, b.date),
  added: (a, b) => cmp(a.addedAt, b.addedAt) || cmp(a.date, b.date),
};

export class SortedOrders {
  private readonly cache = new Map<OrderKey, string[]>();
  private readonly numCache = new Map<OrderKey, Int32Array>();

  /** `numOf`: the search engine's document number of a paper id (-1 if not indexed). */
  constructor(
    private readonly papers: () => readonly Sortable[],
    private readonly numOf: (id: string) => number = () => -1,
  ) {}

  /** Call when papers are added or their sort fields change. */
  invalidate(): void {
    this.cache.clear();
    this.numCache.clear();
  }

  /** `ids` (any order) rearranged by `key`, ascending or descending. */
  arrange(ids: readonly string[], key: OrderKey, direction: SortDirection): string[] {
    const order = this.orderBy(key);
    let arranged: string[];
    if (ids.length === order.length) {
      arranged = order.slice(); // every paper matches: the order itself is the answer
    } else {
      const wanted = new Set(ids);
      arranged = order.filter((id) => wanted.has(id));
    }
    return direction === 'desc' ? arranged.reverse() : arranged;
  }

  /**
   * Ids at [offset, offset + limit) of the papers in `members` (a mask over document numbers; null = all
   * papers) ordered by `key`. Walks the order from the requested end and stops when the page is full.
   */
  page(members: Uint8Array | null, key: OrderKey, direction: SortDirection, offset: number, limit: number): string[] {
    const order = this.orderBy(key);
    const n = order.length;
    if (members === null) {
      if (direction === 'asc') return order.slice(offset, offset + limit);
      const out: string[] = [];
      for (let i = n - 1 - offset; i >= 0 && out.length < limit; i--) out.push(order[i] as string);
      return out;
    }
    const nums = this.numsBy(key);
    const out: string[] = [];
    let skip = offset;
    const step = direction === 'asc' ? 1 : -1;
    for (let i = direction === 'asc' ? 0 : n - 1; i >= 0 && i < n && out.length < limit; i += step) {
      const num = nums[i] as number;
      if (num < 0 || members[num] !== 1) continue;
      if (skip > 0) skip--;
      else out.push(order[i] as string);
    }
    return out;
  }

  /** Number of papers in the orders (the library size when they were built). */
  get size(): number {
    return this.orderBy('date').length;
  }

  private orderBy(key: OrderKey): string[] {
    let order = this.cache.get(key);
    if (!order) {
      const rows: SortRow[] = this.papers().map((paper) => ({
        id: paper.id,
        date: paper.date,
        addedAt: paper.addedAt,
        titleKey: paper.key ?? normalizeKey(paper.title),
      }));
      order = rows.sort(COMPARATORS[key]).map((row) => row.id);
      this.cache.set(key, order);
    }
    return order;
  }

  private numsBy(key: OrderKey): Int32Array {
    let nums = this.numCache.get(key);
    if (!nums) {
      const order = this.orderBy(key);
      nums = new Int32Array(order.length);
      let complete = true;
      for (let i = 0; i < order.length; i++) {
        const num = this.numOf(order[i] as string);
        nums[i] = num;
        if (num < 0) complete = false;
      }
      // A paper not indexed yet has no number; do not keep an order that would hide it forever.
      if (complete) this.numCache.set(key, nums);
    }
    return nums;
  }
}
