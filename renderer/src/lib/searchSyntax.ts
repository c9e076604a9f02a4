// Small edits of the search string in the core's query language, split and read by the core's own parser
// (electron/core/search/query-parser.ts, pure, so the renderer bundles it):
// clicking a tag chip, an author or a profile adds the matching `key:"value"` filter to the search box, keeping
// what the user typed; a `tag:to read` written without quotes is offered its fix.

import { parseQuery, queryKeyOf, splitQuery, type FilterKind } from '../../../electron/core/search/query-parser.js';

/** A key a chip can set: every filter of the language (`saved:` names a search, not a value). */
export type FilterKey = FilterKind;

/** `"to read"` → `"to read"`; the query language has no escape for `"`, so quotes inside are dropped. */
export function quoteValue(value: string): string {
  return `"${value.replace(/"/g, '').trim()}"`;
}

export function filterToken(key: FilterKey, value: string): string {
  return `${key}:${quoteValue(value)}`;
}

/**
 * The positions of the search's filters (not negated) of `key` whose value is `value` (case-insensitively), and of a
 * `key:` still waiting for its value at the end.
 */
function findTokens(search: string, key: FilterKey, value: string): Array<[number, number]> {
  const wanted = value.replace(/"/g, '').trim().toLowerCase();
  return splitQuery(search)
    .filter(
      (part) =>
        !part.negated &&
        (part.key !== null
          ? queryKeyOf(part.key) === key && part.value.trim().toLowerCase() === wanted
          : part.value.endsWith(':') && queryKeyOf(part.value.slice(0, -1)) === key),
    )
    .map((part): [number, number] => [part.start, part.end]);
}

/**
 * Adds `key:"value"` at the end of the search, keeping everything else (other filters of the same key too: clicking a
 * second author narrows to papers by both); the same filter already there moves to the end instead of doubling.
 */
export function setFilter(search: string, key: FilterKey, value: string): string {
  let rest = search;
  for (const [s, e] of findTokens(search, key, value).reverse()) rest = rest.slice(0, s) + rest.slice(e);
  rest = rest.replace(/\s+/g, ' ').trim();
  // A quote the user has not closed yet would swallow the new filter into its phrase: close it.
  if (splitQuery(rest).at(-1)?.unterminated) rest += '"';
  const token = filterToken(key, value);
  return rest ? `${rest} ${token}` : token;
}

/** True when the search has free words (not only filters): then relevance is the natural order. */
export function hasFreeText(search: string): boolean {
  return parseQuery(search).terms.length > 0;
}

/** The most words an unquoted tag name is looked for across (`tag:a b c d e`). */
const MAX_TAG_WORDS = 6;

/**
 * `tag:to read` searches the tag "to" and the word "read": when "to" is no tag but "to read" is, the search that was
 * meant, with the name quoted (`tag:"to read"`); null when there is nothing to fix.
 */
export function quotedTagFix(search: string, tagNames: readonly string[]): string | null {
  const known = new Set(tagNames.map((name) => name.toLowerCase()));
  const parts = splitQuery(search);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.key === null || queryKeyOf(part.key) !== 'tag' || part.quoted || known.has(part.value.toLowerCase())) continue;
    for (let words = Math.min(MAX_TAG_WORDS, parts.length - i - 1); words >= 1; words--) {
      const following = parts.slice(i + 1, i + 1 + words);
      if (following.some((p) => p.key !== null || p.negated || p.quoted)) continue;
      const name = [part.value, ...following.map((p) => p.value)].join(' ');
      if (!known.has(name.toLowerCase())) continue;
      const end = following[following.length - 1]!.end;
      const prefix = part.negated ? '-' : '';
      return `${search.slice(0, part.start)}${prefix}${part.key}:${quoteValue(name)}${search.slice(end)}`;
    }
  }
  return null;
}

export const FILTER_HELP: ReadonlyArray<{ syntax: string; meaning: string }> = [
  { syntax: 'tag:"to read"', meaning: 'papers with this tag (quote names with spaces)' },
  { syntax: 'tag:ml', meaning: 'ml and the tags under it (ml/rl, ml/cv…)' },
  { syntax: 'author:hinton', meaning: 'an author whose name starts with…' },
  { syntax: 'year:2020..2024', meaning: 'a year or a range (2020.. and ..2019 work too)' },
  { syntax: 'cat:LG', meaning: 'a category (cs.LG, stat.ML…)' },
  { syntax: 'status:unread', meaning: 'unread, reading or read' },
  { syntax: 'profile:"Sabela Ramos"', meaning: 'papers listed on a profile' },
  { syntax: 'doi:10.1145/…, arxiv:2408.00118', meaning: 'the paper with this DOI or arXiv id (typed alone, or as a doi.org or arxiv.org link, too)' },
  { syntax: 'saved:"My search"', meaning: 'what a saved search lists' },
  { syntax: '"exact words"', meaning: 'match words exactly' },
  { syntax: 'rl OR bandits', meaning: 'either word (or tag:a OR tag:b)' },
  { syntax: '-word, -tag:x', meaning: 'exclude' },
];
