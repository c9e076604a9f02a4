// Person names and author lists as sources print them, and the one list of words sites and files use to say a list was
// cut short ("et al.", "…", "+4 authors", BibTeX's "and others"), said once for pages and files alike.

/** The ways a list of authors says more names were left out, as one regex alternation (no anchors). */
const CUT_LIST_MARKER =
  String.raw`et\.? al\.?(?: ?\(\d[\d,]{0,9}\+? additional authors? not shown\))?|\+ ?\d[\d,]{0,9} ?(?:more|others?|authors?)|` +
  String.raw`and (?:\d[\d,]{0,9} )?(?:more|others?)|others|…|\.{3}`;
const CUT_MARKER_ALONE = new RegExp(`^(?:${CUT_LIST_MARKER})$`, 'i');
// Only the end of a list is looked at, so a 100k-character line costs one short regex run, not a quadratic one.
const TAIL_WINDOW = 120;
const TRUNCATION_TAIL = new RegExp(`(?:^|[\\s,;])(?:${CUT_LIST_MARKER})$`, 'i');
const TRAILING_SEPARATORS = /[\s,;]+$/;


/** Whether one entry of an author list is no name but a mark that the list was cut ("others", "+4 authors", "…"). */
export function isTruncationMarker(entry: string): boolean {
  return entry.length <= 80 && CUT_MARKER_ALONE.test(entry.trim());
}

// A word of a personal name: capitalised ("Duclos-Varga", "MacLeod", "O'Brien", "J."), initials ("PG"), a family
// name particle ("van", "de", "bin"), or a run of letters without case (CJK names).
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]{0,40}|\p{Lu}{1,4}\.?|(?:\p{Lu}\.){1,4}|[\p{Lo}\p{M}]{1,12})$/u;
const PARTICLE = /^(?:van|von|der|den|de|del|della|da|di|du|dos|das|la|le|bin|al|el|ten|ter|y|e|zu|af)$/;
const MAX_NAME_WORDS = 6;

/**
 * Whether `text` reads as one person's (or a team's) name: 1-6 words, each capitalised, an initial or a particle,
 * no digits. `minWords` is 2 for a name standing alone on a line, where a one-word title would otherwise pass.
 */
export function isPersonName(text: string, minWords = 1): boolean {
  if (text.length === 0 || text.length > 80) return false;
  const words = text.split(' ');
  if (words.length > MAX_NAME_WORDS) return false;
  const isCjk = words.length === 1 && /^[\p{Lo}\p{M}]{2,12}$/u.test(text) && !/\p{Lu}/u.test(text);
  if (words.length < minWords && !isCjk) return false;
  let capitalised = 0;
  for (const word of words) {
    if (NAME_WORD.test(word)) capitalised++;
    else if (!PARTICLE.test(word)) return false;
  }
  return capitalised > 0;
}

// Google Scholar's abbreviated form: initials without dots, then the family name ("PG Sessa", "A Ramé").
const ABBREVIATED_NAME = /^\p{Lu}{1,4} \p{Lu}/u;

export interface NameList {
  names: string[];
  /** The page cut the list: a trailing "…"/"...", "et al." or a "+4 authors" placeholder. */
  truncated: boolean;
  /** Every name is in Google Scholar's "initials surname" form. */
  abbreviated: boolean;
}

const TRAILING_ELLIPSIS = /\s?(?:\.{3}|…)$/;

/**
 * A comma-separated list of person names as pages print it ("G Team, M Riviere, ...", "A, B, +4 authors, Z"),
 * or null when any part is not a name. A single name must have two words (see isPersonName).
 */
export function readNameList(line: string): NameList | null {
  if (line.length > 20_000) return null;
  const { text, truncated: cutAtEnd } = withoutCutTail(line);
  let truncated = cutAtEnd;
  const parts = text.split(',').map((p) => p.trim());
  const names: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (part === '' && i === parts.length - 1 && names.length > 0) continue; // a trailing comma
    if (isTruncationMarker(part)) {
      truncated = true;
      continue;
    }
    let name = part;
    if (TRAILING_ELLIPSIS.test(name)) {
      truncated = true;
      name = name.replace(TRAILING_ELLIPSIS, '');
    }
    if (!isPersonName(name, parts.length === 1 ? 2 : 1)) return null;
    names.push(name);
  }
  if (names.length === 0) return null;
  return { names, truncated, abbreviated: names.every((n) => ABBREVIATED_NAME.test(n)) };
}

/** `line` without a cut mark at its end ("A, B et al." → "A, B"), and whether it had one. */
function withoutCutTail(line: string): { text: string; truncated: boolean } {
  let text = line.trim();
  let truncated = false;
  for (let round = 0; round < 2; round++) {
    const window = text.slice(-TAIL_WINDOW);
    const match = TRUNCATION_TAIL.exec(window);
    if (!match) break;
    truncated = true;
    text = text.slice(0, text.length - match[0].length).replace(TRAILING_SEPARATORS, '');
  }
  return { text, truncated };
}

export interface AuthorList {
  authors: string[];
  /** The site cut the list short. */
  truncated: boolean;
}

/**
 * Splits "A, B, C et al. (12 additional authors not shown)" or "A; B; C + 3 more" at `separator` (outside
 * parentheses, so "Jane Doe (MIT, CSAIL)" stays one entry) and says whether the list was cut.
 */
export function splitAuthorList(text: string, separator: ',' | ';'): AuthorList {
  const { text: rest, truncated } = withoutCutTail(text);
  const authors = splitOutsideParentheses(rest, separator)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return { authors, truncated };
}

function splitOutsideParentheses(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const TRAILING_PARENTHESIS = /^(.*[^\s(])\s*\(([^()]{1,200})\)$/;

/** "Hana Okabe (Google DeepMind)" → { name: "Hana Okabe", org: "Google DeepMind" }; org null without parentheses. */
export function nameAndOrg(entry: string): { name: string; org: string | null } {
  const match = entry.length <= 400 ? TRAILING_PARENTHESIS.exec(entry) : null;
  if (!match) return { name: entry, org: null };
  return { name: (match[1] as string).trim(), org: (match[2] as string).trim() };
}

/** Adds `item` to `list` unless it is already there (small lists: orgs, categories). */
export function pushUnique(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}
