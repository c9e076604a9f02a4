// Line readers shared by the sources that read a pasted web page (Google Scholar, Semantic Scholar, OpenReview):
// the page as non-blank lines with their table cells kept apart, person-name lists, and small number shapes.
import { normalizeLines } from '../normalize-text.js';
import { parseCount } from './fields.js';

/** Detection reads at most this much: every page Folio reads fits, and detect() stays cheap on a large file. */
export const DETECT_TEXT_LIMIT = 1_000_000;

export interface PageLine {
  /** The line's table cells (a copied table row separates them with tabs); one cell for ordinary text. */
  cells: string[];
  /** The non-empty cells joined by one space. */
  text: string;
}

// normalizeLines folds tabs into spaces and strips control characters; a private-use character (removed from the
// input first) is neither, so it keeps the cell borders through it.
const CELL_BORDER = '\uE000';

/**
 * The pasted text as its non-blank lines (normalized as normalizeLines does), each with its tab-separated cells.
 * Blank lines are dropped: on these pages they only echo the CSS of one browser, never the structure.
 */
export function pageLines(text: string): PageLine[] {
  const lines = normalizeLines(text.replace(/\uE000/g, '').replace(/\t/g, CELL_BORDER));
  const out: PageLine[] = [];
  for (const line of lines) {
    if (line === '') continue;
    const cells = line.includes(CELL_BORDER) ? line.split(CELL_BORDER).map((c) => c.trim()) : [line];
    const joined = cells.filter((c) => c !== '').join(' ');
    if (joined !== '') out.push({ cells, text: joined });
  }
  return out;
}

/**
 * A bare count as pages print it ("1,904", "1384", "1384*" for Scholar's merged citations), else null. Two
 * numbers side by side ("3045 3045", "1 2 3") are not one count.
 */
export function readCount(text: string): number | null {
  return text.length > 20 ? null : parseCount(text.replace(/\*$/, ''));
}

/** A four-digit publication year between 1800 and 2100, else null. */
export function readYear(text: string): number | null {
  if (!/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= 1800 && year <= 2100 ? year : null;
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

const ORGANISATION_WORD = new RegExp(
  '\\b(?:universit\\p{L}*|institut\\p{L}*|college|school|laborator\\p{L}*|labs?|inc|ltd|gmbh|corporation|corp|' +
    'cent(?:er|re)|research|hospital|academy|department|faculty|foundation|company|technolog\\p{L}*|google|deepmind|' +
    'microsoft|meta|amazon|cnrs|inria)\\b',
  'iu',
);

/** Whether a line names an employer ("University of Edinburgh", "Google DeepMind") rather than a person. */
export function hasOrganisationWord(text: string): boolean {
  return text.length <= 300 && ORGANISATION_WORD.test(text);
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

const ELLIPSIS = /^(?:\.{3}|…)$/;
const MORE_AUTHORS = /^\+\s?\d{1,5} authors?$/i;
const ET_AL = /\s+et al\.?$/i;
const TRAILING_ELLIPSIS = /\s?(?:\.{3}|…)$/;

/**
 * A comma-separated list of person names as pages print it ("G Team, M Riviere, ...", "A, B, +4 authors, Z"),
 * or null when any part is not a name. A single name must have two words (see isPersonName).
 */
export function readNameList(line: string): NameList | null {
  if (line.length > 20_000) return null;
  let truncated = false;
  let text = line;
  if (ET_AL.test(text)) {
    truncated = true;
    text = text.replace(ET_AL, '');
  }
  const parts = text.split(',').map((p) => p.trim());
  const names: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (part === '' && i === parts.length - 1 && names.length > 0) continue; // a trailing comma
    if (ELLIPSIS.test(part) || MORE_AUTHORS.test(part)) {
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

const MAX_TITLE_LINES = 3;

/**
 * Where a title ending at line `last` starts. A copy puts a title on one line, but a wrapped paste breaks it; a
 * line that wrapped is long and does not end a sentence, which keeps short chrome labels ("Sort by", "Export")
 * and page sentences above the first paper out of the title. `floor` is the last line the title may not take.
 */
export function titleStart(lines: PageLine[], isText: (index: number) => boolean, last: number, floor: number): number {
  let start = last;
  const isWrapped = (i: number): boolean => i > floor && isText(i) && isWrapHead((lines[i] as PageLine).text);
  while (last - start < MAX_TITLE_LINES - 1 && isWrapped(start - 1)) start--;
  return start;
}

function isWrapHead(text: string): boolean {
  return text.length >= 30 && !/[.!?]$/.test(text);
}

/** The sum of detection signals, kept within [0, 1]. */
export function confidence(...signals: number[]): number {
  let sum = 0;
  for (const s of signals) sum += s;
  // Rounded so that 0.45 + 0.15 + 0.1 + 0.1 compares as 0.8, not 0.7999999999999999.
  return Math.max(0, Math.min(1, Math.round(sum * 100) / 100));
}

/** "1 paper" / "3 papers": the warnings name counts in plain words. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
