// Line readers shared by the sources that read a pasted web page (Google Scholar, Semantic Scholar, OpenReview, arXiv,
// dblp, ORCID): the page as lines (with blank lines, or as non-blank lines with their table cells kept apart), wrapped
// titles, small number shapes, and how sure a detector is. Person names and author lists are in author-lists.ts.
import { normalizeLines } from '../normalize-text.js';
import { parseCount } from './fields.js';

/**
 * Detection reads at most this much of a text: a page shows its structure in far less (a Scholar profile is ~30 KB),
 * and every source rates every text, so a 5 MB BibTeX file must not cost each page source a full read.
 */
export const DETECT_TEXT_LIMIT = 256 * 1024;

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
 * The pasted text as trimmed lines, blank ones kept (normalizeLines: line ends, odd spaces, invisible and bidi marks);
 * [] for anything but a string.
 */
export function textLines(text: unknown): string[] {
  return typeof text === 'string' ? normalizeLines(text) : [];
}

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
