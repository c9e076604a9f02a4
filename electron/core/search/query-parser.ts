// The search box language. Free words plus `key:value` filters; values may be quoted; a leading `-` negates.
//
//   tag:x  tag:"to read"      exact tag, case- and accent-insensitive. Several → AND (a paper has many tags).
//   author:hussenot           an author whose name contains the value at a word start ("huss", "van der berg").
//                             Several → AND (papers co-authored by both).
//   profile:name              a listing profile whose folded name contains the value. Several → AND.
//   year:2021  year:2020..2024  year:2020..  year:..2019   Several → OR (a paper has one year).
//   cat:LG                    category `LG` or any `<archive>.LG` (cs.LG); `cat:cs.LG` only cs.LG. Several → OR.
//   status:read|reading|unread  Several → OR.
//   doi:10.1234/abc           the paper with this DOI (also as a doi.org URL). Several → OR.
//   arxiv:2408.00118          the paper with this arXiv id (a version, "arXiv:" or an arxiv.org URL too). Several → OR.
//   10.1234/abc, 2408.00118v2, https://doi.org/…, https://arxiv.org/abs/…
//                             typed alone, an identifier is its filter: an exact lookup, not fuzzy words.
//   -tag:x, -author:…, -word  exclude. A negated filter removes every paper the positive form would match.
//   "quoted words"            free text matched exactly: no prefix, no typo tolerance.
//
// Unknown keys (`foo:bar`) are searched as plain text AND reported, so a typo like `tga:x` does not silently
// filter nothing; a malformed value (`year:20x`, `status:maybe`) drops that one filter and reports it.
import { isReadingStatus } from '../model.js';
import type { ReadingStatus } from '../model.js';
import { normalizeArxivId, normalizeDoi } from '../parse/sources/fields.js';
import { foldText, tokenizeTerms } from './tokenize.js';

export interface QueryTerm {
  /** Folded, lower-cased term (same tokenizer as the index). */
  term: string;
  /** From a quoted phrase: match the whole word exactly. */
  exact: boolean;
  /** The last term, with no whitespace after it: the user is probably still typing it. */
  partial: boolean;
  /** A common English word ("of", "the"); ignored when the query has other words. */
  stopword: boolean;
}

export type QueryFilter =
  | { kind: 'tag'; value: string; negated: boolean }
  | { kind: 'author'; value: string; negated: boolean }
  | { kind: 'profile'; value: string; negated: boolean }
  | { kind: 'cat'; value: string; negated: boolean }
  | { kind: 'status'; value: ReadingStatus; negated: boolean }
  /** Inclusive bounds; null = open. */
  | { kind: 'year'; from: number | null; to: number | null; negated: boolean }
  /** A bare lower-case DOI. */
  | { kind: 'doi'; value: string; negated: boolean }
  /** A bare arXiv id without version (an arXiv DOI is looked up as this). */
  | { kind: 'arxiv'; value: string; negated: boolean };

export type FilterKind = QueryFilter['kind'];

export interface ParsedQuery {
  terms: QueryTerm[];
  /** Terms after `-`: papers containing any of them (exact word, any field) are dropped. */
  excludedTerms: string[];
  filters: QueryFilter[];
  /** One sentence per problem; the rest of the query still applies. */
  errors: string[];
}

const KEY_ALIASES: Record<string, FilterKind> = {
  tag: 'tag',
  tags: 'tag',
  author: 'author',
  authors: 'author',
  by: 'author',
  profile: 'profile',
  year: 'year',
  cat: 'cat',
  category: 'cat',
  status: 'status',
  doi: 'doi',
  arxiv: 'arxiv',
};

export const STOPWORDS: ReadonlySet<string> = new Set(
  'a an and are as at be by for from in into is it its of on or the to via vs with'.split(' '),
);

interface RawPart {
  negated: boolean;
  key: string | null;
  value: string;
  quoted: boolean;
  /** Index just after the part in the input. */
  end: number;
}

// Splits on whitespace, keeping "quoted values" (also after `key:`) together. An unterminated quote runs to
// the end of the input, which is what a user in the middle of typing it means.
function splitParts(input: string): RawPart[] {
  const parts: RawPart[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    while (i < n && /\s/.test(input[i] ?? '')) i++;
    if (i >= n) break;
    let negated = false;
    if (input[i] === '-' && i + 1 < n && !/\s/.test(input[i + 1] ?? '')) {
      negated = true;
      i++;
    }
    let key: string | null = null;
    const keyMatch = /^([A-Za-z]+):(?=\S)/.exec(input.slice(i, i + 40));
    if (keyMatch?.[1] !== undefined) {
      key = keyMatch[1];
      i += keyMatch[0].length;
    }
    let value: string;
    let quoted = false;
    if (input[i] === '"') {
      quoted = true;
      const close = input.indexOf('"', i + 1);
      const stop = close === -1 ? n : close;
      value = input.slice(i + 1, stop);
      i = close === -1 ? n : close + 1;
    } else {
      const start = i;
      while (i < n && !/\s/.test(input[i] ?? '')) i++;
      value = input.slice(start, i);
    }
    parts.push({ negated, key, value, quoted, end: i });
  }
  return parts;
}

const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/;

/** A DOI (bare, "doi:" or a doi.org URL) as its filter; an arXiv DOI as the arXiv id's. Null when it is none. */
function doiFilter(text: string, negated: boolean): QueryFilter | null {
  const doi = normalizeDoi(text);
  if (doi === null) return null;
  const arxivId = ARXIV_DOI.exec(doi)?.[1];
  return arxivId === undefined ? { kind: 'doi', value: doi, negated } : { kind: 'arxiv', value: normalizeArxivId(arxivId) ?? arxivId, negated };
}

// What an identifier typed alone looks like, whole: a bare DOI or a doi.org URL; a bare arXiv id (new style with a valid
// month, or archive/number), with a version, or an arxiv.org abstract or PDF URL. Anything less (a year, "1.5") is text.
const BARE_DOI = /^(?:(?:https?:\/\/)?(?:dx\.)?doi\.org\/)?10\.\d{4,9}\/\S+$/i;
const BARE_ARXIV = /^(?:(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/)?(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?(?:\.pdf)?$/i;

/** The filter an identifier typed alone stands for, or null when the text is not one. */
function identifierFilter(text: string, negated: boolean): QueryFilter | null {
  if (BARE_DOI.test(text)) return doiFilter(text, negated);
  if (!BARE_ARXIV.test(text)) return null;
  const arxivId = normalizeArxivId(text);
  return arxivId === null ? null : { kind: 'arxiv', value: arxivId, negated };
}

function parseYear(value: string): { from: number | null; to: number | null } | null {
  const m = /^(\d{4})?(\.\.)?(\d{4})?$/.exec(value.trim());
  if (!m) return null;
  const [, a, dots, b] = m;
  if (dots === undefined) return a !== undefined && b === undefined ? { from: Number(a), to: Number(a) } : null;
  if (a === undefined && b === undefined) return null;
  return { from: a === undefined ? null : Number(a), to: b === undefined ? null : Number(b) };
}

export function parseQuery(input: string): ParsedQuery {
  const terms: QueryTerm[] = [];
  const excludedTerms: string[] = [];
  const filters: QueryFilter[] = [];
  const errors: string[] = [];
  const endsInSpace = input.length === 0 || /\s$/.test(input);

  const addText = (text: string, part: RawPart): void => {
    const words = tokenizeTerms(text);
    if (part.negated) {
      excludedTerms.push(...words);
      return;
    }
    words.forEach((term, k) => {
      const last = k === words.length - 1 && part.end === input.length;
      terms.push({
        term,
        exact: part.quoted,
        partial: last && !endsInSpace && !part.quoted,
        stopword: STOPWORDS.has(term),
      });
    });
  };

  for (const part of splitParts(input)) {
    // An identifier typed alone (a URL's "https:" reads as a key) is looked up exactly.
    const whole = part.key === null ? part.value : `${part.key}:${part.value}`;
    const identifier = part.quoted || (part.key !== null && !/^https?$/i.test(part.key)) ? null : identifierFilter(whole, part.negated);
    if (identifier !== null) {
      filters.push(identifier);
      continue;
    }
    if (part.key === null) {
      addText(part.value, part);
      continue;
    }
    const shown = `${part.negated ? '-' : ''}${part.key}:${part.quoted ? `"${part.value}"` : part.value}`;
    const kind = KEY_ALIASES[part.key.toLowerCase()];
    if (kind === undefined) {
      errors.push(`"${part.key}:" is not a filter (known: tag, author, year, cat, status, profile, doi, arxiv), so it was searched as text.`);
      addText(`${part.key} ${part.value}`, part);
      continue;
    }
    const value = part.value.trim().replace(/\s+/g, ' ');
    const negated = part.negated;
    if (value === '') {
      errors.push(`${shown} needs a value.`);
      continue;
    }
    switch (kind) {
      case 'year': {
        const range = parseYear(value);
        if (range === null) {
          errors.push(`${shown} is not a year or range (use 2021, 2020..2024, 2020.. or ..2019).`);
        } else if (range.from !== null && range.to !== null && range.from > range.to) {
          errors.push(`${shown} is an empty range: the first year is after the second.`);
        } else {
          filters.push({ kind: 'year', from: range.from, to: range.to, negated });
        }
        break;
      }
      case 'status': {
        const status = value.toLowerCase();
        if (isReadingStatus(status)) filters.push({ kind: 'status', value: status, negated });
        else errors.push(`${shown} is not a reading status (use read, reading or unread).`);
        break;
      }
      case 'cat':
        filters.push({ kind: 'cat', value: foldText(value), negated });
        break;
      case 'doi': {
        const filter = doiFilter(value, negated);
        if (filter === null) errors.push(`${shown} is not a DOI (use one like 10.1234/abc).`);
        else filters.push(filter);
        break;
      }
      case 'arxiv': {
        const arxivId = normalizeArxivId(value);
        if (arxivId === null) errors.push(`${shown} is not an arXiv id (use one like 2408.00118 or hep-th/9901001).`);
        else filters.push({ kind: 'arxiv', value: arxivId, negated });
        break;
      }
      case 'tag':
        filters.push({ kind: 'tag', value: normalizeTag(value), negated });
        break;
      case 'author':
      case 'profile': {
        const folded = foldText(value);
        if (tokenizeTerms(folded).length === 0) errors.push(`${shown} has no letters or digits to look for.`);
        else filters.push({ kind, value: folded, negated });
        break;
      }
    }
  }
  return { terms, excludedTerms, filters, errors };
}

/** How tags are compared: accents, case and repeated spaces do not matter. */
export function normalizeTag(tag: string): string {
  return foldText(tag).trim().replace(/\s+/g, ' ');
}
