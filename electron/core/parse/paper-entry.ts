// One paper entry: the lines between its header ("CLJul 31, 2024") and the next paper's header. Layout on the
// page: title, authors line, abstract paragraph(s); blank lines between them may or may not survive the copy.
import type { ParsedPaper } from '../model.js';
import type { PaperHeader } from './paper-header.js';
import { authorsLineLikeness, parseAuthorsLine } from './authors.js';
import { isChromeLine } from './chrome.js';

interface Entry {
  index: number;
  /** Number of blank-line gaps before this line within the block: lines with equal group share a paragraph. */
  group: number;
}

const MAX_TITLE = 400;
const DEFINITE_AUTHORS = / [·•] |(?:^|[\s,])(?:et\.? al\.?|and others)$/i;

/** The first `n` non-blank lines of lines[start, end), with their blank-line group. */
function firstEntries(lines: readonly string[], start: number, end: number, n: number): Entry[] {
  const out: Entry[] = [];
  let group = 0;
  for (let i = start; i < end && out.length < n; i++) {
    if (lines[i] === '') {
      if (out.length > 0) group++;
    } else out.push({ index: i, group });
  }
  return out;
}

export interface Layout {
  titleEnd: number; // index of the last title line
  title: string;
  /** Index of the authors line, or -1. */
  authorsIndex: number;
}

/**
 * Title and authors line. The line after the title is the authors line, except when the title wrapped: the
 * second line sits in the title's paragraph (no blank line between), is not itself marked as authors (" · ",
 * "et al."), and the third line is clearly an authors line.
 */
function layout(lines: readonly string[], start: number, end: number): Layout | null {
  const [e0, e1, e2] = firstEntries(lines, start, end, 3);
  if (!e0) return null;
  const first = lines[e0.index] as string;
  if (!e1) return { titleEnd: e0.index, title: first, authorsIndex: -1 };
  const second = lines[e1.index] as string;
  if (
    e2 &&
    e1.group === e0.group &&
    first.length + second.length < MAX_TITLE &&
    !DEFINITE_AUTHORS.test(second.slice(-40)) &&
    authorsLineLikeness(lines[e2.index] as string) === 'strong'
  ) {
    return { titleEnd: e1.index, title: `${first} ${second}`, authorsIndex: e2.index };
  }
  return { titleEnd: e0.index, title: first, authorsIndex: e1.index };
}

export interface EntryShape {
  /** "strict" = a title and a plausible authors line (or nothing after the title); "loose" = only a title-sized
   * first line (the next line is prose); "none" = not a paper (e.g. a date followed by a paragraph). */
  fit: 'strict' | 'loose' | 'none';
  layout: Layout | null;
  /** Whether layout.authorsIndex really holds an authors line. */
  hasAuthors: boolean;
}

/** How well lines[start, end) fit a paper entry; the result is handed back to parsePaperEntry. */
export function entryShape(lines: readonly string[], start: number, end: number): EntryShape {
  const l = layout(lines, start, end);
  if (!l || l.title.length > MAX_TITLE) return { fit: 'none', layout: null, hasAuthors: false };
  if (l.authorsIndex < 0) return { fit: 'strict', layout: l, hasAuthors: false };
  const hasAuthors = authorsLineLikeness(lines[l.authorsIndex] as string) !== 'none';
  return { fit: hasAuthors ? 'strict' : 'loose', layout: l, hasAuthors };
}

/**
 * Builds the paper from its header, the shape found by entryShape, and the lines up to `end`. `blankLinesSeparateParagraphs` is decided once per page:
 * when the paste has blank lines, they separate abstract paragraphs and consecutive lines inside a paragraph are
 * the page's own wrapping (joined with a space); when the paste has none at all, every line is its own paragraph.
 */
export function parsePaperEntry(
  header: PaperHeader,
  shapeFound: EntryShape,
  lines: readonly string[],
  start: number,
  end: number,
  blankLinesSeparateParagraphs: boolean,
  warnings: string[],
): ParsedPaper | null {
  // The shape was found before footer chrome was cut off the end; if the footer reached into this entry's title
  // or authors slot (a last paper with no abstract), look again within the shortened range.
  const stale = (shapeFound.layout?.authorsIndex ?? -1) >= end || (shapeFound.layout?.titleEnd ?? -1) >= end;
  const shape = stale ? entryShape(lines, start, end) : shapeFound;
  const l = shape.layout;
  if (!l) return null;
  let authors: string[] = [];
  let truncated = false;
  let orgs: string[] = [];
  let abstractFrom = l.titleEnd + 1;
  if (shape.hasAuthors) {
    ({ authors, truncated, orgs } = parseAuthorsLine(lines[l.authorsIndex] as string));
    abstractFrom = l.authorsIndex + 1;
  }
  if (authors.length === 0) warnings.push(`Paper "${l.title}" has no author line.`);

  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) paragraphs.push(current.join(' '));
    current = [];
  };
  for (let i = abstractFrom; i < end; i++) {
    const line = lines[i] as string;
    if (line === '') {
      flush();
      continue;
    }
    if (isChromeLine(line)) continue; // "Show more", "PDF", "Cite" buttons inside the entry
    current.push(line);
    if (!blankLinesSeparateParagraphs) flush();
  }
  flush();
  const abstract = paragraphs.join('\n\n');
  if (abstract === '') warnings.push(`Paper "${l.title}" has no abstract.`);

  return {
    category: header.category,
    date: header.date,
    title: l.title,
    authors,
    authorsTruncated: truncated,
    orgs,
    abstract,
  };
}
