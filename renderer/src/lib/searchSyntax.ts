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
    if (search[i] === '"') {
      const close = search.indexOf('"', i + 1);
      unterminated = close === -1;
      value = search.slice(i + 1, close === -1 ? n : close);
      i = close === -1 ? n : close + 1;
    } else {
      const from = i;
      while (i < n && !isSpace(i)) i++;
      value = search.slice(from, i);
    }
    parts.push({ start, end: i, negated, key, value, unterminated });
  }
  return parts;
}

const ALL_KEYS: ReadonlySet<string> = new Set([...Object.values(KEY_ALIASES).flat(), ...OTHER_KEYS]);

/** Every `key:value` / `key:"quoted value"` filter (not negated) of the given key, with positions. */
function findTokens(search: string, key: FilterKey): Array<[number, number]> {
  const names = KEY_ALIASES[key];
  return splitParts(search)
    .filter(
      (part) =>
        !part.negated &&
        (part.key !== null
          ? names.includes(part.key.toLowerCase())
          : // A key still waiting for its value ("tag:" at the end): replaced too.
            names.some((name) => part.value.toLowerCase() === `${name}:`)),
    )
    .map((part): [number, number] => [part.start, part.end]);
}

/** Replaces the search's filters of `key` with `key:"value"` (appended at the end). */
export function setFilter(search: string, key: FilterKey, value: string): string {
  let rest = search;
  for (const [s, e] of findTokens(search, key).reverse()) rest = rest.slice(0, s) + rest.slice(e);
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
