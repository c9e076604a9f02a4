// Precomputed orderings of the whole library by date, title and date added. Sorting 100k results on every
// keystroke would cost tens of milliseconds; instead each order is built once (after an import) and a
// result set is arranged by walking the order and keeping its members: O(library) with no comparisons.
import type { SortDirection } from './api.js';
import type { PaperRecord } from './model.js';

type OrderKey = 'date' | 'title' | 'added';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const COMPARATORS: Record<OrderKey, (a: PaperRecord, b: PaperRecord) => number> = {
  date: (a, b) => a.date.localeCompare(b.date) || collator.compare(a.title, b.title),
  title: (a, b) => collator.compare(a.title, b.title) || a.date.localeCompare(b.date),
  added: (a, b) => a.addedAt.localeCompare(b.addedAt) || a.date.localeCompare(b.date),
};

export class SortedOrders {
  private readonly cache = new Map<OrderKey, string[]>();

  constructor(private readonly papers: () => readonly PaperRecord[]) {}

  /** Call when papers are added or their sort fields change. */
  invalidate(): void {
    this.cache.clear();
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

  private orderBy(key: OrderKey): string[] {
    let order = this.cache.get(key);
    if (!order) {
      const compare = COMPARATORS[key];
      order = [...this.papers()].sort(compare).map((paper) => paper.id);
      this.cache.set(key, order);
    }
    return order;
  }
}
