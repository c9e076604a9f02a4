// The search engine: filters from precomputed id sets, free text in two stages.
//
//  1. TextIndex (inverted index in CSR typed arrays; sorted term dictionary) finds every paper where each
//     query term matches some field — exactly, as a prefix, or within a small edit distance — and scores it
//     with idf, field boosts and match quality. Its cost follows the posting lists of the matched terms,
//     not the number of papers.
//  2. fuse.js re-scores only the best RERANKED of those on title and authors: its Bitap score rewards a
//     close, whole match in the title over scattered hits elsewhere. Fuse never sees abstracts: Bitap over
//     1,200-char abstracts is what makes naive fuse slow. The head is about one screen of rows, which is
//     where order matters; papers beyond it keep the index's order.
//
// Scale (100k papers, ~180-word abstracts) — decisions and why:
//  - Top-k, not a full ranking: search(q, scope, { limit }) selects the best `limit` (≥ RERANKED) with a
//    bounded heap over packed (score, number) keys and returns `total`; the UI asks for one page. Sorting by
//    date/title/added asks { limit: 0, members: true }: a Uint8Array mask over document numbers, which the
//    core intersects with precomputed Int32Array orders, stopping when the page is full (sorted-orders.ts).
//    Without `limit` every hit is ranked, as before (the CLI listing).
//  - Build: tokenizing 150M chars is the cost. The index scans char codes, hashes words as it reads them
//    and interns them in an open-addressing table without allocating for known words; postings go to flat
//    typed arrays (fixed chunks) and are counting-sorted into CSR once. The filter index keeps no per-word
//    author sets (author: asks the text index's author postings).
//  - Never blocking: the index keeper (core/index-keeper.ts) builds a large library in a worker thread and
//    restores the result here; smaller ones with addAllAsync — ~8 ms slices separated by setImmediate, including
//    the final block build and the dictionary sort (4096-term runs, resumable merges, an LCP array for the typo
//    walk). Queries that need the index await it; the unfiltered first page (cold open) is served from the sort
//    orders without it; a synchronous caller (CLI listing) finishes it on the spot; close() stops it.
//  - Persisted: snapshot()/restoreAsync() with search/index-file.ts let the keeper read the index from the
//    user's cache folder instead of building it. Building happens on a first start and whenever the file does
//    not match the library. Measured figures (build, per-query p50/p95, restore): docs/benchmarks.md.
//  - Query language (issue 10): the Trash is one more filter set (every query hides trashed papers unless a scope
//    asks for the Trash); `tag:ml` unites the sets of `ml` and the tags under it; `a OR b` runs one AND search per
//    combination of alternatives (capped at MAX_OR_COMBINATIONS) and unites them, a paper's score the sum over the
//    combinations it matches; filters joined by OR are one constraint over the union of their sets; `saved:NAME`
//    is expanded (saved-searches.ts) into the query with its scope. countMany (live counts of saved searches) is
//    one search each with limit 0: set operations for filters, matching without ranking for free text.
//  - Not done: common-word queries at 100k read a few hundred thousand postings because `total` is exact; a
//    WAND-style cut-off would only save the scoring part of that (figures in docs/benchmarks.md).
import Fuse from 'fuse.js';
import type { FieldMatches } from '../api.js';
import type { ReadingStatus } from '../model.js';
import { FilterIndex } from './filters.js';
import type { FilterScope } from './filters.js';
export type { SavedSearchDefinition } from './saved-searches.js';
import { highlight, type HighlightFields } from './highlight.js';
import type { TermRule, TextField } from './plan.js';
import { parseQuery } from './query-parser.js';
import type { ParsedQuery } from './query-parser.js';
import { planOf, type Plan } from './query-plan.js';
import { expandSavedSearches, savedSearchKey } from './saved-searches.js';
import type { SavedSearchDefinition } from './saved-searches.js';
import { TextIndex, type TextIndexSnapshot } from './text-index.js';
import { foldText } from './tokenize.js';
import { SLICE_MS, inSlices, yieldToEventLoop } from '../slices.js';

export interface SearchDoc {
  id: string;
  title: string;
  authors: string[];
  orgs: string[];
  abstract: string;
  tags: string[];
  note: string;
  /** ISO at the precision known ("2024-07-31", "2024-07", "2024"); "" when unknown. */
  date: string;
  year: number | null;
  category: string | null;
  status: ReadingStatus;
  profileIds: string[];
  profileNames: string[];
  addedAt: string;
  /** Bare lower-case DOI (doi: filters and a DOI typed alone); absent or null when none. */
  doi?: string | null;
  /** Bare arXiv id (arxiv: filters); absent or null when none. */
  arxivId?: string | null;
  /** In the Trash: matched only by a scope with `trash: true` (absent: not in the Trash). */
  trashed?: boolean;
}

export type SearchScope = FilterScope;

export interface SearchOptions {
  /**
   * Rank only the best `limit` hits (ids then holds at most `limit`); `total` still counts all of them.
   * Omitted: every hit, ranked (the CLI's listing). 0: no ids at all (use `members`).
   */
  limit?: number;
  /** Also return the membership of all hits by document number (for sorting by something else). */
  members?: boolean;
}

export interface SearchOutcome {
  /** Ranked best first when there is free text, else insertion order. All matches unless `limit` was given. */
  ids: string[];
  /** Number of matches. */
  total: number;
  errors: string[];
  hasFreeText: boolean;
  /**
   * With `members: true`: mask over document numbers (see numOf/idOf), 1 = hit; null = every live
   * document. Valid until the next search.
   */
  members?: Uint8Array | null;
}

/** How many top hits fuse re-scores: Bitap costs ~0.1 ms per paper here, so ~3 ms; independent of library size. */
const RERANKED = 30;
/** Blend of the two scores in the final order. */
const INDEX_WEIGHT = 0.7;
const FUSE_WEIGHT = 0.3;

interface Entry {
  num: number;
  /** Slot of this version in the text index. */
  slot: number;
  doc: SearchDoc;
  /** Pre-folded short fields for the fuse stage; computed the first time the paper is re-ranked. */
  short: { title: string; authors: string } | null;
}

// A newline cannot occur inside a title or a name, and the tokenizer splits on it.
const joinItems = (items: readonly string[]): string => items.join('\n');

function textOf(doc: SearchDoc): Record<TextField, string> {
  return {
    title: doc.title,
    authors: joinItems(doc.authors),
    orgs: joinItems(doc.orgs),
    abstract: doc.abstract,
    tags: joinItems(doc.tags),
    note: doc.note,
  };
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameText(a: SearchDoc, b: SearchDoc): boolean {
  return (
    a.title === b.title &&
    a.abstract === b.abstract &&
    a.note === b.note &&
    sameItems(a.authors, b.authors) &&
    sameItems(a.orgs, b.orgs) &&
    sameItems(a.tags, b.tags)
  );
}


/**
 * The engine's persistent part: the text index plus, per slot, the paper it holds and a hash of that
 * version's user text (tags and note). Filters and sort keys are not in it: they are rebuilt from the
 * papers at restore, which costs little next to tokenizing 150M characters of abstracts.
 */
export interface EngineSnapshot {
  text: TextIndexSnapshot;
  /** Paper id per slot; null for a dead slot. */
  slotIds: Array<string | null>;
  /** userTextHash of the version indexed in each slot (0 for dead slots). */
  userHash: Int32Array;
}

/**
 * Hash of the part of a search document the user edits (tags, note). A persisted slot is reused only if
 * this still matches; the imported fields are covered by the snapshot's key (the library's segments).
 */
export function userTextHash(doc: Pick<SearchDoc, 'tags' | 'note'>): number {
  let h = 0x811c9dc5 | 0;
  for (const tag of doc.tags) {
    for (let i = 0; i < tag.length; i++) h = Math.imul(h ^ tag.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 10, 0x01000193);
  }
  h = Math.imul(h ^ 0, 0x01000193);
  const note = doc.note;
  for (let i = 0; i < note.length; i++) h = Math.imul(h ^ note.charCodeAt(i), 0x01000193);
  return h;
}

/** What restoreAsync did: slots reused as they were, and papers indexed afresh (new or edited since). */
export interface RestoreOutcome {
  reused: number;
  reindexed: number;
}

export class SearchEngine {
  private readonly byId = new Map<string, Entry>();
  /** Entries by internal number; holes where documents were removed. Numbers are never reused. */
  private readonly byNum: Array<Entry | undefined> = [];
  private text = new TextIndex();
  private readonly filters = new FilterIndex((word, prefix) => this.text.fieldNums(word, prefix, 'authors'));

  get size(): number {
    return this.byId.size;
  }

  /** Indexes many documents at once (faster than upserts one by one), synchronously. */
  addAll(docs: Iterable<SearchDoc>): void {
    for (const doc of docs) this.upsert(doc);
    this.text.finish();
  }

  /**
   * The same, in slices of ~8 ms separated by yields to the event loop, so a 100k-paper build never holds
   * the Electron main process (IPC) for longer than a slice. `docs` may be produced lazily: each document
   * is read when its turn comes, so edits made meanwhile are indexed as they are then. Searching before the
   * returned promise settles is allowed (the index is finished on the spot, synchronously, with whatever
   * was added so far). `shouldStop` ends it early (closing the library).
   */
  async addAllAsync(docs: Iterable<SearchDoc>, shouldStop: () => boolean = () => false): Promise<void> {
    // Stopped (library closing): leave the rest; a search would finish the index synchronously.
    if (!(await inSlices(docs, (doc) => this.upsert(doc), shouldStop))) return;
    await this.text.finishAsync(yieldToEventLoop, SLICE_MS);
  }

  /** The finished index for persisting (index-file.ts), or null while it is still being built. */
  snapshot(): EngineSnapshot | null {
    const text = this.text.snapshot();
    if (text === null) return null;
    const slotIds = new Array<string | null>(text.slotCount).fill(null);
    const userHash = new Int32Array(text.slotCount);
    for (const entry of this.byId.values()) {
      slotIds[entry.slot] = entry.doc.id;
      userHash[entry.slot] = userTextHash(entry.doc);
    }
    return { text, slotIds, userHash };
  }

  /**
   * Fills an empty engine from a snapshot instead of tokenizing: every document gets its number and
   * filters (in ~8 ms slices, like addAllAsync); a document whose paper the snapshot holds with the same
   * user text reuses its slot; the others (new papers, or tags/notes edited after the snapshot was taken)
   * are indexed afresh. The caller vouches that the imported text of the snapshot's papers is unchanged.
   * Documents are only read for filters and ids until `textReady(ids)` settles for those of them it names: full text is needed only
   * to index the stale ones and edits deferred meanwhile, which wait for it.
   */
  async restoreAsync(
    snapshot: EngineSnapshot,
    docs: Iterable<SearchDoc>,
    shouldStop: () => boolean = () => false,
    textReady: (ids: readonly string[]) => Promise<void> = () => Promise.resolve(),
  ): Promise<RestoreOutcome | null> {
    if (this.byNum.length > 0 || this.deferred !== null) throw new Error('restoreAsync needs an empty engine.');
    // Edits arriving meanwhile wait in `deferred` (the text index is replaced midway) and are applied last.
    const deferred = new Map<string, SearchDoc | null>();
    this.deferred = deferred;
    try {
      const outcome = await this.restoreSlices(snapshot, docs, shouldStop, textReady);
      if (deferred.size > 0) await textReady([...deferred.keys()]);
      this.deferred = null;
      for (const [id, doc] of deferred) {
        if (doc === null) this.remove(id);
        else this.upsert(doc);
      }
      return outcome;
    } finally {
      this.deferred = null;
    }
  }

  /** Upserts and removals that arrive while restoreAsync runs (null: removed). */
  private deferred: Map<string, SearchDoc | null> | null = null;

  private async restoreSlices(
    snapshot: EngineSnapshot,
    docs: Iterable<SearchDoc>,
    shouldStop: () => boolean,
    textReady: (ids: readonly string[]) => Promise<void>,
  ): Promise<RestoreOutcome | null> {
    // Built in slices too: 100k ids take ~40 ms, which in one go, after the file's decoding, made a 0.15 s stall.
    const slotOf = new Map<string, number>();
    const mapped = await inSlices(
      snapshot.slotIds.entries(),
      ([slot, id]) => {
        if (id !== null) slotOf.set(id, slot);
      },
      shouldStop,
    );
    if (!mapped) return null;
    const slotNum = new Int32Array(Math.max(snapshot.text.slotCount, 1024)).fill(-1);
    const stale: Entry[] = [];
    // Filters (tag:, year:, status:…) are filled afterwards by completeFiltersAsync: at 100k papers they are
    // ~0.6 s of Set insertions that a plain text search does not need (a filtered search completes them).
    this.filtersFrom = 0;
    const numbered = await inSlices(
      docs,
      (doc) => {
        if (this.byId.has(doc.id)) return;
        const entry: Entry = { num: this.byNum.length, slot: -1, doc, short: null };
        this.byNum.push(entry);
        this.byId.set(doc.id, entry);
        if (doc.trashed === true) this.filters.setTrashed(entry.num, true);
        const slot = slotOf.get(doc.id);
        if (slot !== undefined && snapshot.userHash[slot] === userTextHash(doc)) {
          entry.slot = slot;
          slotNum[slot] = entry.num;
        } else {
          stale.push(entry);
        }
      },
      shouldStop,
    );
    if (!numbered) return null;
    this.text = TextIndex.restore(snapshot.text, slotNum);
    // Re-indexing reads every field; the caller may still be loading some (abstracts after open).
    if (stale.length > 0) await textReady(stale.map((entry) => entry.doc.id));
    const reindexed = await inSlices(stale, (entry) => (entry.slot = this.text.add(entry.num, textOf(entry.doc))), shouldStop);
    if (!reindexed) return null;
    return { reused: this.byNum.length - stale.length, reindexed: stale.length };
  }

  /**
   * Documents numbered from here on are not in the filter index yet (after a restore); Infinity: all are.
   * Edits to them need no filter update: the fill reads each document as it is when its turn comes.
   */
  private filtersFrom = Infinity;

  /** Adds the documents a restore left out of the filter index, in ~8 ms slices. */
  async completeFiltersAsync(shouldStop: () => boolean = () => false): Promise<void> {
    if (await inSlices(this.unfilledNums(), () => this.fillFilter(), shouldStop)) this.filtersFrom = Infinity;
  }

  /** One item per document still missing from the filter index (read as the fill goes: imports may add some). */
  private *unfilledNums(): Generator<void> {
    while (this.filtersFrom < this.byNum.length) yield;
  }

  private completeFilters(): void {
    while (this.filtersFrom < this.byNum.length) this.fillFilter();
    this.filtersFrom = Infinity;
  }

  private fillFilter(): void {
    const num = this.filtersFrom++;
    const entry = this.byNum[num];
    if (entry !== undefined) this.filters.add(num, entry.doc);
  }

  /** Internal document number of a paper (stable until it is removed), or -1. */
  numOf(id: string): number {
    return this.byId.get(id)?.num ?? -1;
  }

  idOf(num: number): string | undefined {
    return this.byNum[num]?.doc.id;
  }

  /** One past the largest document number (the length a members mask has). */
  get numLimit(): number {
    return this.byNum.length;
  }

  /**
   * Adds or replaces a document. `textChanged`: re-tokenize even if the document's text equals the one it replaces
   * (that one was made after the text its slot holds: a restore made it from the paper as edited meanwhile).
   */
  upsert(doc: SearchDoc, textChanged = false): void {
    if (this.deferred !== null) {
      this.deferred.set(doc.id, doc);
      return;
    }
    const old = this.byId.get(doc.id);
    if (old === undefined) {
      this.register(doc);
      return;
    }
    const entry: Entry = { num: old.num, slot: old.slot, doc, short: null };
    if (old.num < this.filtersFrom) {
      this.filters.remove(old.num, old.doc);
      this.filters.add(old.num, doc);
    } else {
      this.filters.setTrashed(old.num, doc.trashed === true);
    }
    this.byId.set(doc.id, entry);
    this.byNum[old.num] = entry;
    if (!textChanged && sameText(old.doc, doc)) {
      // A status or profile change leaves the text alone: skip the inverted index entirely.
      entry.short = old.short;
    } else {
      this.text.discard(old.slot);
      entry.slot = this.text.add(entry.num, textOf(doc));
    }
  }

  remove(id: string): void {
    if (this.deferred !== null) {
      this.deferred.set(id, null);
      return;
    }
    const entry = this.byId.get(id);
    if (entry === undefined) return;
    if (entry.num < this.filtersFrom) this.filters.remove(entry.num, entry.doc);
    else this.filters.setTrashed(entry.num, false);
    this.text.discard(entry.slot);
    this.byId.delete(id);
    this.byNum[entry.num] = undefined;
  }

  /**
   * The saved searches `saved:NAME` refers to (the whole list, replacing the previous one). Names compare like
   * tags (case, accents and repeated spaces do not matter).
   */
  setSavedSearches(list: readonly SavedSearchDefinition[]): void {
    this.savedByKey = new Map(list.map((saved) => [savedSearchKey(saved.name), saved]));
    this.lastPlan = null;
  }

  private savedByKey = new Map<string, SavedSearchDefinition>();

  /**
   * How many papers each query matches (the sidebar's live counts of saved searches). Each is a search with
   * `limit: 0`: filters are set operations, free text is matched and counted but nothing is ranked.
   */
  countMany(queries: readonly { search: string; scope?: SearchScope }[]): number[] {
    return queries.map((q) => this.search(q.search, q.scope, { limit: 0 }).total);
  }

  search(query: string, scope?: SearchScope, options: SearchOptions = {}): SearchOutcome {
    const plan = this.planned(query);
    const { parsed } = plan;
    const maxNum = this.byNum.length;
    const scopes = scope === undefined ? plan.scopes : [scope, ...plan.scopes];
    if (this.filtersFrom < this.byNum.length && (parsed.filters.length > 0 || scopes.some((s) => Object.values(s).some((v) => v !== undefined)))) {
      this.completeFilters();
    }
    const errors = [...parsed.errors, ...plan.errors, ...this.tagSuggestions(parsed)];
    const filtered = this.filters.evaluate({ filters: parsed.filters, alternatives: parsed.filterAlternatives, scopes }, maxNum, (n) => this.byNum[n] !== undefined);
    let allowed = filtered?.mask ?? null;
    let allowedCount = filtered?.count ?? this.byId.size;
    if (parsed.excludedTerms.length > 0) {
      if (allowed === null) {
        allowed = new Uint8Array(maxNum);
        for (let n = 0; n < maxNum; n++) if (this.byNum[n] !== undefined) allowed[n] = 1;
      }
      for (const term of parsed.excludedTerms) {
        for (const n of this.text.exactNums(term)) {
          if (allowed[n] === 1) {
            allowed[n] = 0;
            allowedCount--;
          }
        }
      }
    }
    const limit = options.limit ?? Infinity;

    if (plan.branches.length === 0) {
      const ids: string[] = [];
      const list = filtered?.list;
      if (list !== undefined) {
        // Walk the filter's sorted members, not every document number.
        for (let k = 0; k < list.length && ids.length < limit; k++) {
          const n = list[k] as number;
          const entry = this.byNum[n];
          if (entry !== undefined && (allowed === null || allowed[n] === 1)) ids.push(entry.doc.id);
        }
      } else {
        for (let n = 0; n < maxNum && ids.length < limit; n++) {
          const entry = this.byNum[n];
          if (entry !== undefined && (allowed === null || allowed[n] === 1)) ids.push(entry.doc.id);
        }
      }
      const outcome: SearchOutcome = { ids, total: allowedCount, errors, hasFreeText: false };
      if (options.members === true) outcome.members = allowed;
      return outcome;
    }

    if (plan.branches.length > 1) return this.searchAlternatives(plan, allowed, maxNum, limit, options, errors);
    const matches = this.text.search(plan.rules, allowed);
    const outcome: SearchOutcome = { ids: [], total: matches.slots.length, errors, hasFreeText: true };
    if (options.members === true) {
      const mask = new Uint8Array(maxNum);
      for (const slot of matches.slots) mask[this.text.numOfSlot(slot)] = 1;
      outcome.members = mask;
    }
    if (limit > 0) {
      const k = Math.min(matches.slots.length, Math.max(limit, RERANKED));
      const hits = this.text.ranked(matches, k);
      outcome.ids = this.rank(hits, plan.rules).slice(0, limit);
    }
    return outcome;
  }

  /**
   * A query with OR: each combination of alternatives is an AND search; a paper's score is the sum over the
   * combinations it matches (matching both `a` and `b` of `a OR b` ranks above matching one).
   */
  private searchAlternatives(plan: Plan, allowed: Uint8Array | null, maxNum: number, limit: number, options: SearchOptions, errors: string[]): SearchOutcome {
    const score = new Float64Array(maxNum);
    const hit = new Uint8Array(maxNum);
    const nums: number[] = [];
    for (const rules of plan.branches) {
      // Each search reuses the index's scratch: read its slots and scores before the next one.
      const matches = this.text.search(rules, allowed);
      for (const slot of matches.slots) {
        const num = this.text.numOfSlot(slot);
        if (hit[num] === 0) {
          hit[num] = 1;
          nums.push(num);
        }
        score[num] = (score[num] as number) + this.text.scoreOfSlot(slot);
      }
    }
    const outcome: SearchOutcome = { ids: [], total: nums.length, errors, hasFreeText: true };
    if (options.members === true) outcome.members = hit;
    if (limit > 0) {
      nums.sort((a, b) => (score[b] as number) - (score[a] as number) || a - b);
      const head = nums.slice(0, Math.min(nums.length, Math.max(limit, RERANKED)));
      const ranked = this.rank({ nums: head, scores: head.map((n) => score[n] as number) }, plan.rules);
      outcome.ids = ranked.slice(0, limit);
    }
    return outcome;
  }

  /**
   * `tag:to read` typed without quotes filters by the tag "to" and searches "read": when no tag "to" exists but
   * "to read" does, say so (only the engine knows the tags).
   */
  private tagSuggestions(parsed: ParsedQuery): string[] {
    const out: string[] = [];
    for (const run of parsed.unquotedTagRuns) {
      if (this.filters.hasTag(run.value)) continue;
      for (let n = run.following.length; n >= 1; n--) {
        const candidate = [run.value, ...run.following.slice(0, n)].join(' ');
        if (!this.filters.hasTag(candidate)) continue;
        const key = run.shown.slice(0, run.shown.indexOf(':') + 1);
        out.push(`${run.shown} matches no tag: did you mean ${key}"${[run.shown.slice(key.length), ...run.following.slice(0, n)].join(' ')}"?`);
        break;
      }
    }
    return out;
  }

  /** True when the query has free text to rank by (not only filters). */
  hasFreeText(query: string): boolean {
    return this.planned(query).branches.length > 0;
  }

  /**
   * Highlight ranges of `query` in one paper; `fields: 'row'` marks only what a list row shows. A filter-only
   * query marks what its filters matched (authors for author:, tags for tag:).
   */
  matchesFor(id: string, query: string, fields: HighlightFields = 'all'): FieldMatches {
    const entry = this.byId.get(id);
    if (entry === undefined) return {};
    const { rules, parsed } = this.planned(query);
    return highlight(entry.doc, rules, parsed.filters, fields);
  }

  /** The last query's plan, reused by the ~50 matchesFor calls of one page. */
  private lastPlan: { query: string; plan: Plan } | null = null;

  private planned(query: string): Plan {
    if (this.lastPlan?.query !== query) {
      const expanded = expandSavedSearches(parseQuery(query), (key) => this.savedByKey.get(key));
      this.lastPlan = { query, plan: planOf(expanded.parsed, expanded.scopes) };
    }
    return this.lastPlan.plan;
  }

  private register(doc: SearchDoc): Entry {
    const entry: Entry = { num: this.byNum.length, slot: -1, doc, short: null };
    entry.slot = this.text.add(entry.num, textOf(doc));
    this.byNum.push(entry);
    this.byId.set(doc.id, entry);
    if (entry.num < this.filtersFrom) this.filters.add(entry.num, doc);
    else if (doc.trashed === true) this.filters.setTrashed(entry.num, true);
    return entry;
  }

  private shortOf(entry: Entry): { title: string; authors: string } {
    // Folded once per paper, the first time it reaches the fuse stage.
    return (entry.short ??= { title: foldText(entry.doc.title), authors: foldText(entry.doc.authors.join(', ')) });
  }

  /** Re-scores the top hits with fuse over title and authors; the tail keeps the index's order. */
  private rank(hits: { nums: number[]; scores: number[] }, rules: readonly TermRule[]): string[] {
    const headNums = hits.nums.slice(0, RERANKED);
    const top = hits.scores[0] ?? 1;
    const heads = headNums.map((num) => this.byNum[num]).filter((e): e is Entry => e !== undefined);
    const fuse = new Fuse(
      heads.map((e) => this.shortOf(e)),
      {
        keys: [
          { name: 'title', weight: 2 },
          { name: 'authors', weight: 1 },
        ],
        includeScore: true,
        ignoreLocation: true,
        threshold: 0.3,
        useTokenSearch: true,
        tokenMatch: 'any',
        shouldSort: false,
      },
    );
    const fuseQuality = new Map<number, number>();
    for (const r of fuse.search(rules.map((rule) => rule.term).join(' '))) fuseQuality.set(r.refIndex, 1 - (r.score ?? 1));
    const blended = heads.map((entry, i) => ({
      entry,
      score: INDEX_WEIGHT * ((hits.scores[i] ?? 0) / top) + FUSE_WEIGHT * (fuseQuality.get(i) ?? 0),
    }));
    blended.sort((a, b) => b.score - a.score || a.entry.num - b.entry.num);
    const ids = blended.map((b) => b.entry.doc.id);
    for (let i = RERANKED; i < hits.nums.length; i++) {
      const entry = this.byNum[hits.nums[i] as number];
      if (entry !== undefined) ids.push(entry.doc.id);
    }
    return ids;
  }
}
