// The search engine: filters from precomputed id sets, free text in two stages.
//
//  1. MiniSearch (an inverted index over a radix tree) finds every paper where each query term matches some
//     field — exactly, as a prefix, or within a small edit distance — and scores it with BM25 and field
//     boosts. Its cost follows the posting lists of the matched terms, not the number of papers.
//  2. fuse.js re-scores only the best CANDIDATES of those on the short, high-signal fields (title, authors,
//     tags, orgs): its Bitap scoring rewards a close, whole match in a title over a stray word in an
//     abstract. Fuse never sees abstracts: Bitap over 1,200-char abstracts is what makes naive fuse slow.
//
// The final order is a blend of both; papers beyond the candidate list keep MiniSearch's order after them.
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Query, SearchResult } from 'minisearch';
import type { FieldMatches } from '../api.js';
import type { ReadingStatus } from '../model.js';
import { FilterIndex } from './filters.js';
import type { FilterScope } from './filters.js';
import { highlight } from './highlight.js';
import { planTerms } from './plan.js';
import type { TermRule, TextField } from './plan.js';
import { parseQuery } from './query-parser.js';
import { foldText, tokenizeTerms } from './tokenize.js';

export interface SearchDoc {
  id: string;
  title: string;
  authors: string[];
  orgs: string[];
  abstract: string;
  tags: string[];
  note: string;
  /** YYYY-MM-DD */
  date: string;
  category: string | null;
  status: ReadingStatus;
  profileIds: string[];
  profileNames: string[];
  addedAt: string;
}

export type SearchScope = FilterScope;

export interface SearchOutcome {
  /** Ranked best first when there is free text, else insertion order. All matches, not a page. */
  ids: string[];
  errors: string[];
  hasFreeText: boolean;
}

/** Field boosts: who wrote it and what it is called matter most; the user's own words next; abstract last. */
const BOOST: Record<TextField, number> = { title: 4, authors: 4, tags: 2.5, note: 2, orgs: 1.5, abstract: 1 };
/** How many MiniSearch hits fuse re-scores. Bounds the per-query fuse cost regardless of library size. */
const CANDIDATES = 200;
/** Blend of the two scores in the final order. */
const INDEX_WEIGHT = 0.65;
const FUSE_WEIGHT = 0.35;

interface Entry {
  num: number;
  doc: SearchDoc;
  /** Joined text per field, as indexed; also tells upsert whether the text changed. */
  text: Record<TextField, string>;
  /** Pre-folded short fields for the fuse stage, so it needs no per-query folding. */
  short: { title: string; authors: string[]; orgs: string[]; tags: string[] };
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

function sameText(a: Record<TextField, string>, b: Record<TextField, string>): boolean {
  return a.title === b.title && a.authors === b.authors && a.orgs === b.orgs && a.abstract === b.abstract && a.tags === b.tags && a.note === b.note;
}

function toMiniQuery(rule: TermRule): Query {
  return {
    queries: [rule.term],
    prefix: rule.prefix,
    fuzzy: rule.fuzzy > 0 ? rule.fuzzy : false,
    ...(rule.fields === null ? {} : { fields: [...rule.fields] }),
  };
}

export class SearchEngine {
  private readonly byId = new Map<string, Entry>();
  /** Entries by internal number; holes where documents were removed. Numbers are never reused. */
  private readonly byNum: Array<Entry | undefined> = [];
  private readonly filters = new FilterIndex();
  private readonly index: MiniSearch<Entry>;

  constructor() {
    this.index = new MiniSearch<Entry>({
      idField: 'num',
      fields: [...(Object.keys(BOOST) as TextField[])],
      extractField: (entry, field) => (field === 'num' ? entry.num : entry.text[field as TextField]),
      // Already folded and lower-cased by our tokenizer; MiniSearch must not split or change it again.
      tokenize: tokenizeTerms,
      processTerm: (term) => term,
      searchOptions: { boost: { ...BOOST }, combineWith: 'AND', weights: { fuzzy: 0.3, prefix: 0.6 } },
    });
  }

  get size(): number {
    return this.byId.size;
  }

  addAll(docs: Iterable<SearchDoc>): void {
    const fresh: Entry[] = [];
    for (const doc of docs) {
      if (this.byId.has(doc.id)) this.upsert(doc);
      else fresh.push(this.register(doc));
    }
    this.index.addAll(fresh);
  }

  upsert(doc: SearchDoc): void {
    const old = this.byId.get(doc.id);
    if (old === undefined) {
      this.index.add(this.register(doc));
      return;
    }
    const entry = this.makeEntry(old.num, doc);
    this.filters.remove(old.num, old.doc);
    this.filters.add(old.num, doc);
    this.byId.set(doc.id, entry);
    this.byNum[old.num] = entry;
    // A status or profile change leaves the text alone: skip the inverted index entirely.
    if (!sameText(old.text, entry.text)) {
      this.index.discard(old.num);
      this.index.add(entry);
    }
  }

  remove(id: string): void {
    const entry = this.byId.get(id);
    if (entry === undefined) return;
    this.filters.remove(entry.num, entry.doc);
    this.index.discard(entry.num);
    this.byId.delete(id);
    this.byNum[entry.num] = undefined;
  }

  search(query: string, scope?: SearchScope): SearchOutcome {
    const parsed = parseQuery(query);
    const rules = planTerms(parsed.terms);
    const allowedNums = this.filters.evaluate(parsed.filters, scope, this.byNum.length, (n) => this.byNum[n] !== undefined);
    const excluded = this.excludedNums(parsed.excludedTerms);

    if (rules.length === 0) {
      const nums = allowedNums ?? this.allNums();
      const ids: string[] = [];
      for (const n of nums) if (!excluded.has(n)) ids.push(this.byNum[n]?.doc.id ?? '');
      return { ids, errors: parsed.errors, hasFreeText: false };
    }

    const allowed = allowedNums === null ? null : new Set(allowedNums);
    const hits = this.index.search(
      { combineWith: 'AND', queries: rules.map(toMiniQuery) },
      {
        filter: (r) => (allowed === null || allowed.has(r.id as number)) && !excluded.has(r.id as number),
      },
    );
    return { ids: this.rank(hits, rules), errors: parsed.errors, hasFreeText: true };
  }

  matchesFor(id: string, query: string): FieldMatches {
    const entry = this.byId.get(id);
    if (entry === undefined) return {};
    const parsed = parseQuery(query);
    return highlight(entry.doc, planTerms(parsed.terms), parsed.filters);
  }

  private register(doc: SearchDoc): Entry {
    const entry = this.makeEntry(this.byNum.length, doc);
    this.byNum.push(entry);
    this.byId.set(doc.id, entry);
    this.filters.add(entry.num, doc);
    return entry;
  }

  private makeEntry(num: number, doc: SearchDoc): Entry {
    return {
      num,
      doc,
      text: textOf(doc),
      short: { title: foldText(doc.title), authors: doc.authors.map(foldText), orgs: doc.orgs.map(foldText), tags: doc.tags.map(foldText) },
    };
  }

  private allNums(): number[] {
    const out: number[] = [];
    for (let n = 0; n < this.byNum.length; n++) if (this.byNum[n] !== undefined) out.push(n);
    return out;
  }

  /** `-word`: papers containing the exact word anywhere. */
  private excludedNums(terms: readonly string[]): ReadonlySet<number> {
    const out = new Set<number>();
    for (const term of terms) {
      for (const hit of this.index.search({ queries: [term], prefix: false, fuzzy: false }, { combineWith: 'OR' })) out.add(hit.id as number);
    }
    return out;
  }

  /** Re-scores the top MiniSearch hits with fuse over the short fields; the tail keeps MiniSearch's order. */
  private rank(hits: SearchResult[], rules: readonly TermRule[]): string[] {
    const head = hits.slice(0, CANDIDATES);
    const top = head[0]?.score ?? 1;
    const pairs = head.flatMap((hit) => {
      const entry = this.byNum[hit.id as number];
      return entry === undefined ? [] : [{ hit, entry }];
    });
    const fuse = new Fuse(
      pairs.map((p) => p.entry.short),
      {
        keys: [
          { name: 'title', weight: 3 },
          { name: 'authors', weight: 3 },
          { name: 'tags', weight: 2 },
          { name: 'orgs', weight: 1 },
        ],
        includeScore: true,
        ignoreLocation: true,
        threshold: 0.35,
        useTokenSearch: true,
        tokenMatch: 'any',
        shouldSort: false,
      },
    );
    const fuseQuality = new Map<number, number>();
    for (const r of fuse.search(rules.map((r) => r.term).join(' '))) fuseQuality.set(r.refIndex, 1 - (r.score ?? 1));
    const blended = pairs.map(({ hit, entry }, i) => ({
      id: entry.doc.id,
      score: INDEX_WEIGHT * (hit.score / top) + FUSE_WEIGHT * (fuseQuality.get(i) ?? 0),
    }));
    blended.sort((a, b) => b.score - a.score);
    const ids = blended.map((b) => b.id);
    for (let i = CANDIDATES; i < hits.length; i++) ids.push(this.byNum[hits[i]?.id as number]?.doc.id ?? '');
    return ids;
  }
}
