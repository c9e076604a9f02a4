// Small edits of the search string in the core's query language (see electron/core/search/query-parser.ts):
// clicking a tag chip, an author or a profile puts the matching `key:"value"` filter into the search box,
// replacing an earlier filter of the same key and keeping the rest of what the user typed.

export type FilterKey = 'tag' | 'author' | 'profile' | 'cat' | 'year' | 'status';

const KEY_ALIASES: Record<FilterKey, readonly string[]> = {
  tag: ['tag', 'tags'],
  author: ['author', 'authors', 'by'],
  profile: ['profile'],
  cat: ['cat', 'category'],
  year: ['year'],
  status: ['status'],
};

/** `"to read"` → `"to read"`; the query language has no escape for `"`, so quotes inside are dropped. */
export function quoteValue(value: string): string {
  return `"${value.replace(/"/g, '').trim()}"`;
}

export function filterToken(key: FilterKey, value: string): string {
  return `${key}:${quoteValue(value)}`;
}

/** Every `key:value` / `key:"quoted value"` token (not negated) of the given key, with positions. */
function findTokens(search: string, key: FilterKey): Array<[number, number]> {
  const names = KEY_ALIASES[key].join('|');
  const pattern = new RegExp(`(^|\\s)((?:${names}):(?:"[^"]*"?|\\S*))`, 'gi');
  const found: Array<[number, number]> = [];
  for (let m = pattern.exec(search); m; m = pattern.exec(search)) {
    const start = m.index + (m[1]?.length ?? 0);
    found.push([start, start + (m[2]?.length ?? 0)]);
  }
  return found;
}

/** Replaces the search's filters of `key` with `key:"value"` (appended at the end). */
export function setFilter(search: string, key: FilterKey, value: string): string {
  let rest = search;
  for (const [s, e] of findTokens(search, key).reverse()) rest = rest.slice(0, s) + rest.slice(e);
  rest = rest.replace(/\s+/g, ' ').trim();
  const token = filterToken(key, value);
  return rest ? `${rest} ${token}` : token;
}

/** True when the search has free words (not only filters): then relevance is the natural order. */
export function hasFreeText(search: string): boolean {
  const withoutFilters = search.replace(/(^|\s)-?[a-z]+:(?:"[^"]*"?|\S*)/gi, ' ');
  return /[\p{L}\p{N}]/u.test(withoutFilters);
}

export const FILTER_HELP: ReadonlyArray<{ syntax: string; meaning: string }> = [
  { syntax: 'tag:"to read"', meaning: 'papers with this tag' },
  { syntax: 'author:hinton', meaning: 'an author whose name starts with…' },
  { syntax: 'year:2020..2024', meaning: 'a year or a range (2020.. and ..2019 work too)' },
  { syntax: 'cat:LG', meaning: 'a category (cs.LG, stat.ML…)' },
  { syntax: 'status:unread', meaning: 'unread, reading or read' },
  { syntax: 'profile:"Sabela Ramos"', meaning: 'papers listed on a profile' },
  { syntax: '"exact words"', meaning: 'match words exactly' },
  { syntax: '-word, -tag:x', meaning: 'exclude' },
];
