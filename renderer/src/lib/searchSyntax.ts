// Small edits of the search string in the core's query language (see electron/core/search/query-parser.ts):
// clicking a tag chip, an author or a profile adds the matching `key:"value"` filter to the search box, keeping
// what the user typed; a `tag:to read` written without quotes is offered its fix.

export type FilterKey = 'tag' | 'author' | 'profile' | 'cat' | 'year' | 'status' | 'doi' | 'arxiv';

const KEY_ALIASES: Record<FilterKey, readonly string[]> = {
  tag: ['tag', 'tags'],
  author: ['author', 'authors', 'by'],
  profile: ['profile'],
  cat: ['cat', 'category'],
  year: ['year'],
  status: ['status'],
  doi: ['doi'],
  arxiv: ['arxiv'],
};

/** Keys the core knows that no chip sets. */
const OTHER_KEYS = ['saved'] as const;

/** `"to read"` → `"to read"`; the query language has no escape for `"`, so quotes inside are dropped. */
export function quoteValue(value: string): string {
  return `"${value.replace(/"/g, '').trim()}"`;
}

export function filterToken(key: FilterKey, value: string): string {
  return `${key}:${quoteValue(value)}`;
}

interface Part {
  start: number;
  end: number;
  negated: boolean;
  /** As typed (any case, any alias); null for free text. */
  key: string | null;
  value: string;
  /** A quote opened and not closed: the value runs to the end of the search. */
  unterminated: boolean;
  /** The value was written in quotes. */
  quoted: boolean;
}

/**
 * Splits the search the way the core's parser does (splitParts in query-parser.ts): whitespace-separated
 * parts, an optional leading `-`, an optional `key:` (letters, followed by a non-space), then a value that is
 * either "quoted" (to the closing quote, or to the end while it is being typed) or runs to the next space.
 * So `tag:` inside a quoted phrase or inside another filter's quoted value is not a filter.
 */
function splitParts(search: string): Part[] {
  const parts: Part[] = [];
  const n = search.length;
  const isSpace = (i: number) => /\s/.test(search[i] ?? '');
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(i)) i++;
    if (i >= n) break;
    const start = i;
    let negated = false;
    if (search[i] === '-' && i + 1 < n && !isSpace(i + 1)) {
      negated = true;
      i++;
    }
    let key: string | null = null;
    const keyMatch = /^([A-Za-z]+):(?=\S)/.exec(search.slice(i, i + 40));
    if (keyMatch?.[1] !== undefined) {
      key = keyMatch[1];
      i += keyMatch[0].length;
    }
    let value: string;
    let unterminated = false;
    const quoted = search[i] === '"';
    if (quoted) {
      const close = search.indexOf('"', i + 1);
      unterminated = close === -1;
      value = search.slice(i + 1, close === -1 ? n : close);
      i = close === -1 ? n : close + 1;
    } else {
      const from = i;
      while (i < n && !isSpace(i)) i++;
      value = search.slice(from, i);
    }
    parts.push({ start, end: i, negated, key, value, unterminated, quoted });
  }
  return parts;
}

const ALL_KEYS: ReadonlySet<string> = new Set([...Object.values(KEY_ALIASES).flat(), ...OTHER_KEYS]);

/**
 * The positions of the search's filters (not negated) of `key` whose value is `value` (case-insensitively), and of a
 * `key:` still waiting for its value at the end.
 */
function findTokens(search: string, key: FilterKey, value: string): Array<[number, number]> {
  const names = KEY_ALIASES[key];
  const wanted = value.replace(/"/g, '').trim().toLowerCase();
  return splitParts(search)
    .filter(
      (part) =>
        !part.negated &&
        (part.key !== null
          ? names.includes(part.key.toLowerCase()) && part.value.trim().toLowerCase() === wanted
          : names.some((name) => part.value.toLowerCase() === `${name}:`)),
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
  if (splitParts(rest).at(-1)?.unterminated) rest += '"';
  const token = filterToken(key, value);
  return rest ? `${rest} ${token}` : token;
}

/**
 * True when the search has free words (not only filters): then relevance is the natural order. Mirrors the
 * core's notion (positive text terms): excluded words (`-word`, `-"phrase"`) rank nothing, and an unknown key
 * (`tga:x`) is searched as text.
 */
export function hasFreeText(search: string): boolean {
  const hasWord = (text: string) => /[\p{L}\p{N}]/u.test(text);
  const parts = splitParts(search);
  const plain = (part: Part) => part.key === null && !part.negated && search[part.start] !== '"';
  // The core's OR operator: a bare `OR` between two parts (operatorFlags in query-parser.ts).
  const operator: boolean[] = [];
  parts.forEach((part, k) => operator.push(plain(part) && part.value === 'OR' && k > 0 && operator[k - 1] === false && k + 1 < parts.length));
  return parts.some((part, k) => {
    if (part.negated || operator[k] === true) return false;
    // A key with no value (`tag:`) is an error in the core, not text.
    if (part.key === null) return hasWord(part.value) && !(plain(part) && /^[A-Za-z]+:$/.test(part.value) && ALL_KEYS.has(part.value.slice(0, -1).toLowerCase()));
    return !ALL_KEYS.has(part.key.toLowerCase());
  });
}

/** The most words an unquoted tag name is looked for across (`tag:a b c d e`). */
const MAX_TAG_WORDS = 6;

/**
 * `tag:to read` searches the tag "to" and the word "read": when "to" is no tag but "to read" is, the search that was
 * meant, with the name quoted (`tag:"to read"`); null when there is nothing to fix.
 */
export function quotedTagFix(search: string, tagNames: readonly string[]): string | null {
  const known = new Set(tagNames.map((name) => name.toLowerCase()));
  const parts = splitParts(search);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.key === null || !KEY_ALIASES.tag.includes(part.key.toLowerCase()) || part.quoted || known.has(part.value.toLowerCase())) continue;
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
