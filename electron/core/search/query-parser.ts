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
//   tag:ml                    also matches the tags under it (`ml/rl`); `tag:ml/rl` only that subtree.
//   saved:NAME  saved:"to do" a saved search's query and scope (expanded by the engine, which knows them).
//   -tag:x, -author:…, -word  exclude. A negated filter removes every paper the positive form would match.
//   "quoted words"            free text matched exactly: no prefix, no typo tolerance.
//   a OR b                    either word (or quoted phrase); binds tighter than the implicit AND, as in web
//                             search: `deep rl OR bandits` is deep AND (rl OR bandits). Between filters too
//                             (`tag:a OR tag:b`, `tag:a OR author:b`). `OR` without a term on both sides, or
//                             lower-case `or`, is the plain word.
//
// Unknown keys (`foo:bar`) are searched as plain text AND reported, so a typo like `tga:x` does not silently
// filter nothing; a malformed value (`year:20x`, `status:maybe`) or a key with no value (`tag:`) drops that one
// filter and reports it. OR between a word and a filter, or with an excluded part, is reported and read as AND.
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

/**
 * Free text as a conjunction: every clause must match. A clause matches when any of its alternatives does
 * (`a OR b`), an alternative when all of its terms do (one word gives one term; a quoted phrase or
 * "state-of-the-art" several).
 */
export type TextClause = QueryTerm[][];

/** An unquoted `tag:to` followed by plain words ("read"): the engine, which knows the tags, may suggest `tag:"to read"`. */
export interface UnquotedTagRun {
  /** The filter as typed ("tag:to", "-tag:to"). */
  shown: string;
  /** The filter's normalized value. */
  value: string;
  /** The plain words typed right after it, as typed. */
  following: string[];
}

export interface ParsedQuery {
  /** Every positive free-text term, in order (the clauses' terms flattened). */
  terms: QueryTerm[];
  clauses: TextClause[];
  /** Terms after `-`: papers containing any of them (exact word, any field) are dropped. */
  excludedTerms: string[];
  /** Every filter, in order; each must pass unless it is in one of `filterAlternatives`. */
  filters: QueryFilter[];
  /** Filters joined by OR (the same objects as in `filters`): a paper passes a group by passing any of them. */
  filterAlternatives: QueryFilter[][];
  /** `saved:NAME` references (names as typed, unquoted); the engine expands them. */
  saved: string[];
  unquotedTagRuns: UnquotedTagRun[];
  /** One sentence per problem; the rest of the query still applies. */
  errors: string[];
}

/**
 * Every key of the language, with the names it may be typed as (in any case). The order is the one the
 * "not a filter" error lists them in.
 */
export const QUERY_KEY_ALIASES = {
  tag: ['tag', 'tags'],
  author: ['author', 'authors', 'by'],
  year: ['year'],
  cat: ['cat', 'category'],
  status: ['status'],
  profile: ['profile'],
  doi: ['doi'],
  arxiv: ['arxiv'],
  saved: ['saved'],
} as const satisfies Record<FilterKind | 'saved', readonly string[]>;

export type QueryKey = keyof typeof QUERY_KEY_ALIASES;

const KEY_BY_ALIAS: ReadonlyMap<string, QueryKey> = new Map(
  Object.entries(QUERY_KEY_ALIASES).flatMap(([key, aliases]) => aliases.map((alias): [string, QueryKey] => [alias, key as QueryKey])),
);

/** The key a typed name stands for (`Tags` → tag, `by` → author); undefined when the language has none. */
export function queryKeyOf(typed: string): QueryKey | undefined {
  return KEY_BY_ALIAS.get(typed.toLowerCase());
}

/** What `key:` alone lacks, in the error "tag: needs a tag name". */
const VALUE_NOUNS: Record<QueryKey, string> = {
  tag: 'a tag name',
  author: 'an author name',
  profile: 'a profile name',
  year: 'a year or range (2021, 2020..2024)',
  cat: 'a category (LG, cs.LG)',
  status: 'a reading status (read, reading or unread)',
  doi: 'a DOI (10.1234/abc)',
  arxiv: 'an arXiv id (2408.00118)',
  saved: 'a saved search name',
};

export const STOPWORDS: ReadonlySet<string> = new Set(
  'a an and are as at be by for from in into is it its of on or the to via vs with'.split(' '),
);

/** The operator word; only in capitals, so "or" in a title stays a word. */
const OR = 'OR';

/** One whitespace-separated part of a query, as typed. */
export interface QueryPart {
  /** Index of the part's first character (its `-`, key or value) in the input. */
  start: number;
  /** Index just after the part in the input. */
  end: number;
  negated: boolean;
  /** As typed (any case, any alias); null for free text. */
  key: string | null;
  value: string;
  /** The value was written in quotes. */
  quoted: boolean;
  /** A quote opened and not closed: the value runs to the end of the input. */
  unterminated: boolean;
}

/**
 * Splits on whitespace, keeping "quoted values" (also after `key:`) together: an optional leading `-`, an
 * optional `key:` (letters followed by a non-space), then a quoted value or one that runs to the next space.
 * So `tag:` inside a quoted phrase or inside another filter's quoted value is not a filter. An unterminated
 * quote runs to the end of the input, which is what a user in the middle of typing it means.
 */
export function splitQuery(input: string): QueryPart[] {
  const parts: QueryPart[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    while (i < n && /\s/.test(input[i] ?? '')) i++;
    if (i >= n) break;
    const start = i;
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
    const quoted = input[i] === '"';
    let unterminated = false;
    if (quoted) {
      const close = input.indexOf('"', i + 1);
      unterminated = close === -1;
      value = input.slice(i + 1, unterminated ? n : close);
      i = unterminated ? n : close + 1;
    } else {
      const from = i;
      while (i < n && !/\s/.test(input[i] ?? '')) i++;
      value = input.slice(from, i);
    }
    parts.push({ start, end: i, negated, key, value, quoted, unterminated });
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

const isPlainWord = (part: QueryPart): boolean => part.key === null && !part.quoted && !part.negated;

/** Which parts are the OR operator: a bare `OR` with an operand before it (not itself an operator) and a part after it. */
function operatorFlags(parts: readonly QueryPart[]): boolean[] {
  const flags: boolean[] = [];
  parts.forEach((part, k) => {
    flags.push(isPlainWord(part) && part.value === OR && k > 0 && flags[k - 1] === false && k + 1 < parts.length);
  });
  return flags;
}

/** A known key typed with nothing after it (`tag:`, `-year:`): the part's value is the key and its colon. */
export function bareKey(part: QueryPart): { key: string; kind: QueryKey } | null {
  if (part.key !== null || part.quoted) return null;
  const m = /^([A-Za-z]+):$/.exec(part.value);
  const kind = m?.[1] === undefined ? undefined : queryKeyOf(m[1]);
  return m?.[1] === undefined || kind === undefined ? null : { key: m[1].toLowerCase(), kind };
}

function parseYear(value: string): { from: number | null; to: number | null } | null {
  const m = /^(\d{4})?(\.\.)?(\d{4})?$/.exec(value.trim());
  if (!m) return null;
  const [, a, dots, b] = m;
  if (dots === undefined) return a !== undefined && b === undefined ? { from: Number(a), to: Number(a) } : null;
  if (a === undefined && b === undefined) return null;
  return { from: a === undefined ? null : Number(a), to: b === undefined ? null : Number(b) };
}

/** What one part of the query contributes, before OR joins parts. */
type Operand =
  | { type: 'text'; terms: QueryTerm[]; negated: boolean; shown: string }
  | { type: 'filter'; filter: QueryFilter; shown: string }
  | { type: 'saved'; name: string; negated: boolean; shown: string }
  /** Nothing to search (an error already reported, or punctuation only). */
  | { type: 'none' };

export function parseQuery(input: string): ParsedQuery {
  const errors: string[] = [];
  const endsInSpace = input.length === 0 || /\s$/.test(input);
  const parts = splitQuery(input);
  const isOperator = operatorFlags(parts);
  const unquotedTagRuns: UnquotedTagRun[] = [];

  const textOperand = (text: string, part: QueryPart, shown: string): Operand => {
    const terms = tokenizeTerms(text).map((term, k, words) => ({
      term,
      exact: part.quoted,
      partial: k === words.length - 1 && part.end === input.length && !endsInSpace && !part.quoted,
      stopword: STOPWORDS.has(term),
    }));
    return terms.length === 0 ? { type: 'none' } : { type: 'text', terms, negated: part.negated, shown };
  };

  const operandOf = (part: QueryPart, k: number): Operand => {
    const minus = part.negated ? '-' : '';
    const bare = bareKey(part);
    if (bare !== null) {
      errors.push(`${minus}${bare.key}: needs ${VALUE_NOUNS[bare.kind]}.`);
      return { type: 'none' };
    }
    // An identifier typed alone (a URL's "https:" reads as a key) is looked up exactly.
    const whole = part.key === null ? part.value : `${part.key}:${part.value}`;
    const identifier = part.quoted || (part.key !== null && !/^https?$/i.test(part.key)) ? null : identifierFilter(whole, part.negated);
    if (identifier !== null) return { type: 'filter', filter: identifier, shown: `${minus}${whole}` };
    if (part.key === null) return textOperand(part.value, part, `${minus}${part.quoted ? `"${part.value}"` : part.value}`);
    const shown = `${minus}${part.key}:${part.quoted ? `"${part.value}"` : part.value}`;
    const kind = queryKeyOf(part.key);
    if (kind === undefined) {
      errors.push(`"${part.key}:" is not a filter (known: ${Object.keys(QUERY_KEY_ALIASES).join(', ')}), so it was searched as text.`);
      return textOperand(`${part.key} ${part.value}`, part, shown);
    }
    const value = part.value.trim().replace(/\s+/g, ' ');
    const negated = part.negated;
    if (value === '') {
      errors.push(`${minus}${part.key.toLowerCase()}: needs ${VALUE_NOUNS[kind]}.`);
      return { type: 'none' };
    }
    const filter = (f: QueryFilter): Operand => ({ type: 'filter', filter: f, shown });
    switch (kind) {
      case 'saved':
        return { type: 'saved', name: value, negated, shown };
      case 'year': {
        const range = parseYear(value);
        if (range === null) errors.push(`${shown} is not a year or range (use 2021, 2020..2024, 2020.. or ..2019).`);
        else if (range.from !== null && range.to !== null && range.from > range.to) errors.push(`${shown} is an empty range: the first year is after the second.`);
        else return filter({ kind: 'year', from: range.from, to: range.to, negated });
        return { type: 'none' };
      }
      case 'status': {
        const status = value.toLowerCase();
        if (isReadingStatus(status)) return filter({ kind: 'status', value: status, negated });
        errors.push(`${shown} is not a reading status (use read, reading or unread).`);
        return { type: 'none' };
      }
      case 'cat':
        return filter({ kind: 'cat', value: foldText(value), negated });
      case 'doi': {
        const found = doiFilter(value, negated);
        if (found !== null) return filter(found);
        errors.push(`${shown} is not a DOI (use one like 10.1234/abc).`);
        return { type: 'none' };
      }
      case 'arxiv': {
        const arxivId = normalizeArxivId(value);
        if (arxivId !== null) return filter({ kind: 'arxiv', value: arxivId, negated });
        errors.push(`${shown} is not an arXiv id (use one like 2408.00118 or hep-th/9901001).`);
        return { type: 'none' };
      }
      case 'tag': {
        const normalized = normalizeTag(value);
        if (!part.quoted) {
          const following: string[] = [];
          for (let j = k + 1; j < parts.length && following.length < MAX_TAG_RUN_WORDS; j++) {
            const next = parts[j] as QueryPart;
            if (!isPlainWord(next) || isOperator[j] === true || bareKey(next) !== null) break;
            following.push(next.value);
          }
          if (following.length > 0) unquotedTagRuns.push({ shown, value: normalized, following });
        }
        return filter({ kind: 'tag', value: normalized, negated });
      }
      case 'author':
      case 'profile': {
        const folded = foldText(value);
        if (tokenizeTerms(folded).length > 0) return filter({ kind, value: folded, negated });
        errors.push(`${shown} has no letters or digits to look for.`);
        return { type: 'none' };
      }
    }
  };

  // Operands in order, each with whether OR joins it to the previous one.
  const chains: Operand[][] = [];
  let joinNext = false;
  parts.forEach((part, k) => {
    if (isOperator[k] === true) {
      joinNext = true;
      return;
    }
    const operand = operandOf(part, k);
    const last = chains[chains.length - 1];
    if (joinNext && last !== undefined) last.push(operand);
    else chains.push([operand]);
    joinNext = false;
  });

  const parsed: ParsedQuery = { terms: [], clauses: [], excludedTerms: [], filters: [], filterAlternatives: [], saved: [], unquotedTagRuns, errors };
  const applyAlone = (operand: Operand): void => {
    switch (operand.type) {
      case 'text':
        if (operand.negated) parsed.excludedTerms.push(...operand.terms.map((t) => t.term));
        else parsed.clauses.push([operand.terms]);
        break;
      case 'filter':
        parsed.filters.push(operand.filter);
        break;
      case 'saved':
        if (operand.negated) errors.push(`${operand.shown}: a saved search cannot be excluded; it was ignored.`);
        else parsed.saved.push(operand.name);
        break;
      case 'none':
        break;
    }
  };
  for (const chain of chains) {
    const operands = chain.filter((o): o is Exclude<Operand, { type: 'none' }> => o.type !== 'none');
    if (operands.length < 2) {
      operands.forEach(applyAlone);
      continue;
    }
    const texts = operands.flatMap((o) => (o.type === 'text' && !o.negated ? [o.terms] : []));
    const filters = operands.flatMap((o) => (o.type === 'filter' && !o.filter.negated ? [o.filter] : []));
    if (texts.length === operands.length) {
      parsed.clauses.push(texts);
    } else if (filters.length === operands.length) {
      parsed.filters.push(...filters);
      parsed.filterAlternatives.push(filters);
    } else {
      const shown = operands.map((o) => o.shown).join(' OR ');
      errors.push(`OR joins two words or two filters, none of them excluded or saved:; "${shown}" was read without OR.`);
      operands.forEach(applyAlone);
    }
  }
  parsed.terms = parsed.clauses.flat(2);
  return parsed;
}

/** How many plain words after an unquoted tag: value may complete a tag name ("tag:to read later"). */
const MAX_TAG_RUN_WORDS = 4;

/** How tags are compared: accents, case and repeated spaces do not matter. */
export function normalizeTag(tag: string): string {
  return foldText(tag).trim().replace(/\s+/g, ' ');
}
