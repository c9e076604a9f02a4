// Reading helpers shared by the list-shaped page sources (arXiv, dblp, ORCID): the pasted text as clean lines, and
// author lists split as the site prints them, with the tails that say the site cut the list ("et al.", "+ 3 more").
import { normalizeLines } from '../normalize-text.js';

// Bidirectional marks are invisible on the page but survive normalizeLines; ORCID puts a U+200E after
// "Preferred source (of 2)", and names in right-to-left scripts carry them too.
const BIDI_MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The pasted text as trimmed lines (see normalizeLines), bidi marks removed; [] for anything but a string. */
export function pasteLines(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  return normalizeLines(text.replace(BIDI_MARKS, ''));
}

// Only the end of a list is looked at, so a 100k-character line costs one short regex run, not a quadratic one.
const TAIL_WINDOW = 120;
const TRUNCATION_TAIL =
  /(?:^|[\s,;])(?:et al\.?(?: ?\(\d[\d,]{0,9}\+? additional authors? not shown\))?|\+ ?\d[\d,]{0,9} ?(?:more|others?|authors?)|and \d[\d,]{0,9} (?:more|others?)|…|\.{3})$/i;
const TRAILING_SEPARATORS = /[\s,;]+$/;

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
  let rest = text.trim();
  let truncated = false;
  for (let round = 0; round < 2; round++) {
    const window = rest.slice(-TAIL_WINDOW);
    const match = TRUNCATION_TAIL.exec(window);
    if (!match) break;
    truncated = true;
    rest = rest.slice(0, rest.length - match[0].length).replace(TRAILING_SEPARATORS, '');
  }
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
