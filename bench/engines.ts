// The engines under test, behind one interface: Folio (the real UI path, FolioCore.query) and the peers
// (naive fuse.js, uFuzzy, MiniSearch), each configured the way its documentation recommends, over the same
// documents Folio indexes. Peers have no filter language: for a query with `tag:`/`year:` filters they
// search the free text and filter the hits with a plain predicate, as an app built on them would.
import uFuzzy from '@leeoniya/ufuzzy';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { FolioCore } from '../electron/core/folio.js';
import type { SearchDoc } from '../electron/core/search/index.js';
import { parseQuery } from '../electron/core/search/index.js';
import type { Library } from '../electron/core/library/index.js';
import { searchDocFor } from '../electron/core/search-doc.js';

export type EngineName = 'folio' | 'fuse-naive' | 'ufuzzy' | 'minisearch';

export interface SearchResult {
  /** Total hits. */
  hits: number;
  /** Best first; at least the first 10 when there are that many. */
  top: string[];
}

export interface Engine {
  name: EngineName;
  search(query: string): SearchResult;
}

/** The documents FolioCore indexes, built by the same function from the store's public reads. */
export function docsFromLibrary(library: Library): SearchDoc[] {
  return library.papers().map((paper) => searchDocFor(library, paper));
}

/**
 * Folio through FolioCore.query: the first page of 50 rows with highlight ranges, exactly what the list
 * asks for. (The await is on an already-resolved promise; timing is taken around the whole call.)
 */
export function folioEngine(core: FolioCore): { name: 'folio'; search(query: string): Promise<SearchResult> } {
  return {
    name: 'folio',
    async search(query) {
      const page = await core.query({ search: query, offset: 0, limit: 50 });
      return { hits: page.total, top: page.rows.map((r) => r.id) };
    },
  };
}

// ---------------------------------------------------------------- filters for peers

interface SplitQuery {
  text: string;
  keep: ((doc: SearchDoc) => boolean) | null;
}

/** Free text + a predicate for the tag/year/status/cat filters (what an app on a peer library would write). */
export function splitFilters(query: string): SplitQuery {
  const parsed = parseQuery(query);
  if (parsed.filters.length === 0) return { text: query, keep: null };
  const text = query
    .split(/\s+/)
    .filter((part) => !/^-?[a-z]+:/i.test(part))
    .join(' ');
  const tests = parsed.filters.map((f): ((d: SearchDoc) => boolean) => {
    switch (f.kind) {
      case 'tag':
        return (d) => d.tags.some((t) => t.toLowerCase() === f.value.toLowerCase()) !== f.negated;
      case 'year':
        return (d) => {
          const y = Number(d.date.slice(0, 4));
          return ((f.from === null || y >= f.from) && (f.to === null || y <= f.to)) !== f.negated;
        };
      case 'status':
        return (d) => (d.status === f.value) !== f.negated;
      case 'cat':
        return (d) => (d.category === f.value || (d.category ?? '').endsWith(`.${f.value}`)) !== f.negated;
      case 'author':
        return (d) => d.authors.some((a) => a.toLowerCase().includes(f.value.toLowerCase())) !== f.negated;
      case 'profile':
        return (d) => d.profileNames.some((p) => p.toLowerCase().includes(f.value.toLowerCase())) !== f.negated;
      case 'doi':
        return (d) => (d.doi === f.value) !== f.negated;
      case 'arxiv':
        return (d) => (d.arxivId === f.value) !== f.negated;
    }
  });
  return { text, keep: (d) => tests.every((t) => t(d)) };
}

function filtered(docs: readonly SearchDoc[], order: Iterable<number>, keep: ((d: SearchDoc) => boolean) | null): SearchResult {
  const top: string[] = [];
  let hits = 0;
  for (const i of order) {
    const doc = docs[i] as SearchDoc;
    if (keep !== null && !keep(doc)) continue;
    hits++;
    if (top.length < 50) top.push(doc.id);
  }
  return { hits, top };
}

function allDocs(docs: readonly SearchDoc[], keep: ((d: SearchDoc) => boolean) | null): SearchResult {
  return filtered(docs, docs.keys(), keep);
}

// ---------------------------------------------------------------- fuse.js, naive

/** fuse.js over every field of every paper, as its README suggests; weights like Folio's. */
export function fuseEngine(docs: readonly SearchDoc[]): Engine {
  const fuse = new Fuse(docs as SearchDoc[], {
    keys: [
      { name: 'title', weight: 3 },
      { name: 'authors', weight: 3 },
      { name: 'tags', weight: 2 },
      { name: 'note', weight: 1.5 },
      { name: 'orgs', weight: 1.5 },
      { name: 'abstract', weight: 1 },
    ],
    ignoreLocation: true,
    useExtendedSearch: true, // space-separated words are ANDed, each fuzzy, in any order
    ignoreDiacritics: true,
    threshold: 0.3,
    includeScore: true,
  });
  return {
    name: 'fuse-naive',
    search(query) {
      const { text, keep } = splitFilters(query);
      if (text.trim() === '') return allDocs(docs, keep);
      return filtered(
        docs,
        fuse.search(text).map((r) => r.refIndex),
        keep,
      );
    },
  };
}

// ---------------------------------------------------------------- uFuzzy

/**
 * uFuzzy's recommended setup for typo tolerance (intraMode SingleError with substitution, transposition,
 * deletion and insertion), out-of-order terms, the default 1,000-hit ranking threshold (above it, results
 * come unranked in haystack order, as the library documents), latinized haystack and needle.
 */
export function ufuzzyEngine(docs: readonly SearchDoc[]): Engine {
  const uf = new uFuzzy({ intraMode: 1, intraIns: 1, intraSub: 1, intraTrn: 1, intraDel: 1 });
  const haystack = uFuzzy.latinize(
    docs.map((d) => [d.title, d.authors.join(', '), d.orgs.join(', '), d.tags.join(' '), d.note, d.abstract].join(' · ')),
  );
  return {
    name: 'ufuzzy',
    search(query) {
      const { text, keep } = splitFilters(query);
      if (text.trim() === '') return allDocs(docs, keep);
      const [idxs, info, order] = uf.search(haystack, uFuzzy.latinize(text), 5, 1000);
      if (idxs === null) return { hits: 0, top: [] };
      const ranked = info !== null && order !== null ? order.map((o) => info.idx[o] as number) : idxs;
      return filtered(docs, ranked, keep);
    },
  };
}

// ---------------------------------------------------------------- MiniSearch

const fold = (term: string): string =>
  term
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøłđı]/g, (ch) => ({ ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i' })[ch] ?? ch)
    .toLowerCase();

/** MiniSearch with prefix + fuzzy 0.2 and field boosts (title, authors above abstract), diacritics folded. */
export function minisearchEngine(docs: readonly SearchDoc[]): Engine {
  const ms = new MiniSearch<SearchDoc & { num: number }>({
    idField: 'num',
    fields: ['title', 'authors', 'orgs', 'abstract', 'tags', 'note'],
    extractField: (doc, field) => {
      const value = (doc as unknown as Record<string, unknown>)[field];
      return Array.isArray(value) ? value.join(' ') : String(value ?? '');
    },
    processTerm: (term) => fold(term),
    searchOptions: {
      prefix: true,
      fuzzy: 0.2,
      boost: { title: 3, authors: 3, tags: 2, note: 1.5, orgs: 1.5, abstract: 1 },
    },
  });
  ms.addAll(docs.map((d, num) => ({ ...d, num })));
  return {
    name: 'minisearch',
    search(query) {
      const { text, keep } = splitFilters(query);
      if (text.trim() === '') return allDocs(docs, keep);
      return filtered(
        docs,
        ms.search(text).map((r) => r.id as number),
        keep,
      );
    },
  };
}

export const PEER_BUILDERS: Record<Exclude<EngineName, 'folio'>, (docs: readonly SearchDoc[]) => Engine> = {
  'fuse-naive': fuseEngine,
  ufuzzy: ufuzzyEngine,
  minisearch: minisearchEngine,
};
