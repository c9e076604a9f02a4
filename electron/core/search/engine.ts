// The search engine: filters from precomputed id sets, free text in two stages.
//
//  1. TextIndex (inverted index; MiniSearch's radix tree as term dictionary) finds every paper where each
//     query term matches some field — exactly, as a prefix, or within a small edit distance — and scores it
//     with idf, field boosts and match quality. Its cost follows the posting lists of the matched terms,
//     not the number of papers.
//  2. fuse.js re-scores only the best RERANKED of those on title and authors: its Bitap score rewards a
//     close, whole match in the title over scattered hits elsewhere. Fuse never sees abstracts: Bitap over
//     1,200-char abstracts is what makes naive fuse slow. The head is about one screen of rows, which is
//     where order matters; papers beyond it keep the index's order.
import Fuse from 'fuse.js';
import type { FieldMatches } from '../api.js';
import type { ReadingStatus } from '../model.js';
import { FilterIndex } from './filters.js';
import type { FilterScope } from './filters.js';
import { highlight } from './highlight.js';
import { planTerms } from './plan.js';
import type { TermRule, TextField } from './plan.js';
import type { TextHits } from './text-index.js';
import { parseQuery } from './query-parser.js';
import { TextIndex } from './text-index.js';
import { foldText } from './tokenize.js';

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
  /** Joined text per field, as indexed; also tells upsert whether the text changed. */
  text: Record<TextField, string>;
  /** Pre-folded short fields for the fuse stage, so it needs no per-query folding. */
  short: { title: string; authors: string };
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

export class SearchEngine {
  private readonly byId = new Map<string, Entry>();
  /** Entries by internal number; holes where documents were removed. Numbers are never reused. */
  private readonly byNum: Array<Entry | undefined> = [];
  private readonly filters = new FilterIndex();
  private readonly text = new TextIndex();

  get size(): number {
    return this.byId.size;
  }

  addAll(docs: Iterable<SearchDoc>): void {
    for (const doc of docs) this.upsert(doc);
  }

  upsert(doc: SearchDoc): void {
    const old = this.byId.get(doc.id);
    if (old === undefined) {
      this.register(doc);
      return;
    }
    const entry = this.makeEntry(old.num, old.slot, doc);
    this.filters.remove(old.num, old.doc);
    this.filters.add(old.num, doc);
    this.byId.set(doc.id, entry);
    this.byNum[old.num] = entry;
    // A status or profile change leaves the text alone: skip the inverted index entirely.
    if (!sameText(old.text, entry.text)) {
      this.text.discard(old.slot);
      entry.slot = this.text.add(entry.num, entry.text);
    }
  }

  remove(id: string): void {
    const entry = this.byId.get(id);
    if (entry === undefined) return;
    this.filters.remove(entry.num, entry.doc);
    this.text.discard(entry.slot);
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
    const accept =
      allowed === null && excluded.size === 0 ? null : (n: number): boolean => (allowed === null || allowed.has(n)) && !excluded.has(n);
    const hits = this.text.search(rules, accept);
    return { ids: this.rank(hits, rules), errors: parsed.errors, hasFreeText: true };
  }

  matchesFor(id: string, query: string): FieldMatches {
    const entry = this.byId.get(id);
    if (entry === undefined) return {};
    const parsed = parseQuery(query);
    return highlight(entry.doc, planTerms(parsed.terms), parsed.filters);
  }

  private register(doc: SearchDoc): Entry {
    const entry = this.makeEntry(this.byNum.length, -1, doc);
    entry.slot = this.text.add(entry.num, entry.text);
    this.byNum.push(entry);
    this.byId.set(doc.id, entry);
    this.filters.add(entry.num, doc);
    return entry;
  }

  private makeEntry(num: number, slot: number, doc: SearchDoc): Entry {
    // Folded once here so the per-query fuse stage does no Unicode work.
    return { num, slot, doc, text: textOf(doc), short: { title: foldText(doc.title), authors: foldText(doc.authors.join(', ')) } };
  }

  private allNums(): number[] {
    const out: number[] = [];
    for (let n = 0; n < this.byNum.length; n++) if (this.byNum[n] !== undefined) out.push(n);
    return out;
  }

  /** `-word`: papers containing the exact word anywhere. */
  private excludedNums(terms: readonly string[]): ReadonlySet<number> {
    const out = new Set<number>();
    for (const term of terms) for (const n of this.text.exactNums(term)) out.add(n);
    return out;
  }

  /** Re-scores the top hits with fuse over title and authors; the tail keeps the index's order. */
  private rank(hits: TextHits, rules: readonly TermRule[]): string[] {
    const headNums = hits.nums.slice(0, RERANKED);
    const top = hits.scores[0] ?? 1;
    const heads = headNums.map((num) => this.byNum[num]).filter((e): e is Entry => e !== undefined);
    const fuse = new Fuse(
      heads.map((e) => e.short),
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
