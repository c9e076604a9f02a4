// The paper list's window onto a result set that may hold 100k papers. The list tells the store which rows
// are visible; the store fetches the ~100-row pages around them from the core, keeps a bounded number of
// pages, and drops responses that belong to an older query. refresh() (after a library change) refetches
// the visible pages but keeps showing the old rows until the new ones arrive, so nothing jumps or blanks.
// Each query's rows are reachable through its own RowSource (snapshot.rows), so the list can keep drawing
// the previous query's settled results while the next query's first page is on its way (see shownSnapshot):
// the store itself never answers row()/indexOf() with another query's rows.
import type { PaperRow, ViewPage, ViewQuery } from '../../../electron/core/api.js';
import { errorMessage } from './folio.js';

export const PAGE_SIZE = 100;
const PREFETCH_ROWS = 50;
const MAX_PAGES = 12;

export type ListQuery = Omit<ViewQuery, 'offset' | 'limit'>;

export interface PageStoreSnapshot {
  /** null until the first page of the current query has arrived. */
  total: number | null;
  queryErrors: string[];
  error: string | null;
  /** Changes whenever rows change, so React re-renders. */
  tick: number;
  /** The rows of the query this snapshot belongs to (one object per query; reads the live pages). */
  rows: RowSource;
}

/** Read access to one query's loaded rows. */
export interface RowSource {
  row(index: number): PaperRow | undefined;
  /** Index of a paper among the loaded rows, or -1. */
  indexOf(id: string): number;
}

function rowSource(pages: ReadonlyMap<number, CachedPage>): RowSource {
  return {
    row: (index) => pages.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE],
    indexOf: (id) => {
      for (const [page, cached] of pages) {
        const i = cached.rows.findIndex((row) => row.id === id);
        if (i >= 0) return page * PAGE_SIZE + i;
      }
      return -1;
    },
  };
}

/**
 * What the list draws: the newest snapshot once its query has answered (or failed), else the last one that
 * had, so a new query does not blank the list while it runs. Returns `shown` itself when it stays.
 */
export function shownSnapshot(shown: PageStoreSnapshot | null, latest: PageStoreSnapshot): PageStoreSnapshot {
  if (shown === null || latest.total !== null || latest.error !== null || shown.total === null) return latest;
  return shown;
}

interface CachedPage {
  rows: PaperRow[];
  version: number;
}

export class PageStore {
  private key = '';
  private query: ListQuery | null = null;
  private generation = 0;
  private version = 0;
  private pages = new Map<number, CachedPage>();
  private rows: RowSource = rowSource(this.pages);
  private inflight = new Map<number, number>();
  private range = { start: 0, end: 0 };
  private totalVersion = -1;
  private snapshot: PageStoreSnapshot = { total: null, queryErrors: [], error: null, tick: 0, rows: this.rows };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly fetchPage: (view: ViewQuery) => Promise<ViewPage>) {}

  getSnapshot = (): PageStoreSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setQuery(query: ListQuery): void {
    const key = JSON.stringify(query);
    if (key === this.key) return;
    this.key = key;
    this.query = query;
    this.generation++;
    // A new map (not clear()): the previous query's RowSource keeps its rows for whoever still shows them.
    this.pages = new Map();
    this.rows = rowSource(this.pages);
    this.inflight.clear();
    this.totalVersion = -1;
    this.range = { start: 0, end: 0 };
    this.publish({ total: null, queryErrors: this.snapshot.queryErrors, error: null });
    this.ensure();
  }

  /** The library changed: refetch what is visible, keep showing the old rows meanwhile. */
  refresh(): void {
    this.version++;
    this.ensure();
  }

  setRange(start: number, end: number): void {
    if (start === this.range.start && end === this.range.end) return;
    this.range = { start, end };
    this.ensure();
  }

  row(index: number): PaperRow | undefined {
    return this.rows.row(index);
  }

  /** Index of a paper among the loaded rows, or -1. */
  indexOf(id: string): number {
    return this.rows.indexOf(id);
  }

  private wantedPages(): number[] {
    const total = this.snapshot.total;
    const first = Math.max(0, Math.floor((this.range.start - PREFETCH_ROWS) / PAGE_SIZE));
    let last = Math.floor((this.range.end + PREFETCH_ROWS) / PAGE_SIZE);
    if (total !== null) last = Math.min(last, Math.max(0, Math.ceil(total / PAGE_SIZE) - 1));
    const out: number[] = [];
    for (let p = first; p <= last; p++) out.push(p);
    return out;
  }

  private ensure(): void {
    if (!this.query) return;
    for (const page of this.wantedPages()) {
      const cached = this.pages.get(page);
      if (cached && cached.version >= this.version) continue;
      if (this.inflight.get(page) === this.version) continue;
      this.load(page);
    }
  }

  private load(page: number): void {
    const query = this.query;
    if (!query) return;
    const generation = this.generation;
    const version = this.version;
    this.inflight.set(page, version);
    this.fetchPage({ ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
      (result) => {
        if (generation !== this.generation) return; // an older query's answer
        if (this.inflight.get(page) === version) this.inflight.delete(page);
        const cached = this.pages.get(page);
        if (cached && cached.version > version) return;
        this.pages.set(page, { rows: result.rows, version });
        let { total, queryErrors } = this.snapshot;
        if (version >= this.totalVersion) {
          this.totalVersion = version;
          total = result.total;
          queryErrors = result.queryErrors;
        }
        this.evict(version);
        this.publish({ total, queryErrors, error: null });
        // The total may have grown or shrunk: make sure the visible range is covered.
        this.ensure();
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        if (this.inflight.get(page) === version) this.inflight.delete(page);
        this.publish({ ...this.snapshot, error: errorMessage(error) });
      },
    );
  }

  private evict(latestVersion: number): void {
    const wanted = new Set(this.wantedPages());
    // Pages from before a refresh that are out of view are dropped: they would show outdated rows later.
    for (const [page, cached] of this.pages) {
      if (cached.version < latestVersion && !wanted.has(page)) this.pages.delete(page);
    }
    if (this.pages.size <= MAX_PAGES) return;
    const centre = (this.range.start + this.range.end) / 2 / PAGE_SIZE;
    const byDistance = [...this.pages.keys()]
      .filter((page) => !wanted.has(page))
      .sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const page of byDistance) {
      if (this.pages.size <= MAX_PAGES) break;
      this.pages.delete(page);
    }
  }

  private publish(next: Omit<PageStoreSnapshot, 'tick' | 'rows'>): void {
    this.snapshot = { ...next, tick: this.snapshot.tick + 1, rows: this.rows };
    for (const listener of this.listeners) listener();
  }
}
