// Seeded randomness for the benchmark corpus: the same seed gives the same library, byte for byte.

/** mulberry32: tiny, fast, seeded; plenty for synthetic text. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  /** 0 ≤ n < max */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  /** lo ≤ n ≤ hi */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }

  /** `count` distinct indexes in [0, max), none of them in `taken` (which they are added to). */
  distinct(count: number, max: number, taken: Set<number>): number[] {
    if (taken.size + count > max) throw new Error(`cannot pick ${count} more of ${max}`);
    const out: number[] = [];
    while (out.length < count) {
      const n = this.int(max);
      if (taken.has(n)) continue;
      taken.add(n);
      out.push(n);
    }
    return out;
  }
}

/** Draws from a fixed list with weights, by binary search over the cumulative sum. */
export class WeightedPicker<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weight: (index: number) => number,
  ) {
    let sum = 0;
    for (let i = 0; i < items.length; i++) this.cumulative.push((sum += weight(i)));
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo] as T;
  }
}
