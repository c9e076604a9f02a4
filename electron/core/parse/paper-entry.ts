// One paper entry: the lines between its header ("CLJul 31, 2024") and the next paper's header. Layout on the
// page: title, authors line, abstract paragraph(s); blank lines between them may or may not survive the copy.
import { emptyPaper } from './sources/fields.js';
import type { SourcePaper } from './sources/types.js';

/** A paper of this page: always dated (its header line gives the day). */
import { looksLikePaperHeader, type PaperHeader } from './paper-header.js';
import { authorsLineLikeness, isNameLike, parseAuthorsLine } from './authors.js';
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

/** How well lines[start, end) fit a paper entry; the result is handed back to parseEntryBlock. */
export function entryShape(lines: readonly string[], start: number, end: number): EntryShape {
  const l = layout(lines, start, end);
  if (!l || l.title.length > MAX_TITLE) return { fit: 'none', layout: null, hasAuthors: false };
  if (l.authorsIndex < 0) return { fit: 'strict', layout: l, hasAuthors: false };
  const hasAuthors = authorsLineLikeness(lines[l.authorsIndex] as string) !== 'none';
  return { fit: hasAuthors ? 'strict' : 'loose', layout: l, hasAuthors };
}

const TITLE_END_PUNCTUATION = /[.,;:]$/;

function isTitleShaped(line: string): boolean {
  return (
    line !== '' &&
    line.length <= MAX_TITLE &&
    !TITLE_END_PUNCTUATION.test(line) &&
    !isChromeLine(line) &&
    !looksLikePaperHeader(line) &&
    authorsLineLikeness(line) !== 'strong'
  );
}

export interface HeaderlessEntries {
  /** Where each entry whose category/date line is missing starts: its title and a clear authors line are intact. */
  starts: number[];
  /** Title-shaped lines followed by a single name: maybe a paper that lost its date line, too unsure to split off. */
  suspects: Array<{ title: string; authors: string }>;
}

/** Whether a blank line separates the entry's title from its authors line; null without an authors line. */
export function titleAuthorsGap(lines: readonly string[], shape: EntryShape): boolean | null {
  const l = shape.layout;
  if (!l || !shape.hasAuthors) return null;
  for (let i = l.titleEnd + 1; i < l.authorsIndex; i++) if (lines[i] === '') return true;
  return false;
}

/**
 * Papers hidden in lines[from, end) because their category/date line was lost (a damaged paste): without it the
 * entry's title, authors and abstract would read as the end of the previous paper's abstract. An entry is recovered
 * when a title-sized line opening a paragraph is followed by a clear authors line (several names, " · " orgs or
 * "et al.", as authorsLineLikeness says "strong"), laid out like the page's intact entries (`pageGap`: a blank
 * line between title and authors or not; null when unknown); a title followed by a lone name is only reported.
 */
export function findHeaderlessEntries(
  lines: readonly string[],
  from: number,
  end: number,
  blankLinesSeparateParagraphs: boolean,
  pageGap: boolean | null,
): HeaderlessEntries {
  const found: HeaderlessEntries = { starts: [], suspects: [] };
  for (let i = from; i < end; i++) {
    const line = lines[i] as string;
    // Inside a paragraph, unless the line above is a header whose date is impossible ("CLFeb 30, 2024").
    const above = lines[i - 1] as string;
    if (blankLinesSeparateParagraphs && i > from && above !== '' && !looksLikePaperHeader(above)) continue;
    if (!isTitleShaped(line)) continue;
    const shape = entryShape(lines, i, end);
    const authorsIndex = shape.layout?.authorsIndex ?? -1;
    if (!shape.hasAuthors || authorsIndex < 0) continue;
    // The page lays out every entry alike: a blank line between title and authors, or none.
    if (pageGap !== null && titleAuthorsGap(lines, shape) !== pageGap) continue;
    const authors = lines[authorsIndex] as string;
    if (authorsLineLikeness(authors) === 'strong') {
      found.starts.push(i > from && looksLikePaperHeader(above) ? i - 1 : i); // the broken header goes with its paper
      i = authorsIndex;
    } else if (isNameLike(authors) && authorsIndex + 1 < end) {
      found.suspects.push({ title: shape.layout?.title ?? line, authors });
    }
  }
  return found;
}

/**
 * The papers of one header's block: the entry the header opens, then any entry found inside it whose own header
 * was lost (findHeaderlessEntries). A recovered paper has no category and no date (its neighbour's would be invented
 * data); a warning names it so the user can check it.
 */
export function parseEntryBlock(
  header: PaperHeader,
  shapeFound: EntryShape,
  lines: readonly string[],
  start: number,
  end: number,
  blankLinesSeparateParagraphs: boolean,
  warnings: string[],
): SourcePaper[] {
  // The shape was found before footer chrome was cut off the end; if the footer reached into this entry's title
  // or authors slot (a last paper with no abstract), look again within the shortened range.
  const stale = (shapeFound.layout?.authorsIndex ?? -1) >= end || (shapeFound.layout?.titleEnd ?? -1) >= end;
  const shape = stale ? entryShape(lines, start, end) : shapeFound;
  const l = shape.layout;
  if (!l) return [];
  const abstractFrom = (shape.hasAuthors ? l.authorsIndex : l.titleEnd) + 1;
  const hidden = findHeaderlessEntries(lines, abstractFrom, end, blankLinesSeparateParagraphs, titleAuthorsGap(lines, shape));
  const first = buildPaper(header, shape, lines, hidden.starts[0] ?? end, blankLinesSeparateParagraphs, warnings);
  for (const suspect of hidden.suspects) {
    warnings.push(
      `Paper "${first.title}": its abstract contains "${suspect.title}" followed by "${suspect.authors}", which may be ` +
        'a paper whose category/date line is missing; check that abstract.',
    );
  }
  return [first].concat(recoverHeaderless(hidden.starts, lines, end, blankLinesSeparateParagraphs, warnings));
}

/**
 * Papers starting at each of `starts` (from findHeaderlessEntries), up to the next one or `end`. They have no
 * category and no date: the page did not show theirs, and a neighbour's would be a guess (the warning says so).
 */
export function recoverHeaderless(
  starts: readonly number[],
  lines: readonly string[],
  end: number,
  blankLinesSeparateParagraphs: boolean,
  warnings: string[],
): SourcePaper[] {
  const papers: SourcePaper[] = [];
  for (let k = 0; k < starts.length; k++) {
    const entryStart = starts[k] as number;
    const entryEnd = starts[k + 1] ?? end;
    const brokenHeader = looksLikePaperHeader(lines[entryStart] as string) ? (lines[entryStart] as string) : null;
    const shape = entryShape(lines, brokenHeader === null ? entryStart : entryStart + 1, entryEnd);
    if (shape.layout === null) continue; // cannot happen: findHeaderlessEntries saw a title and authors here
    const paper = buildPaper({ category: null, date: null }, shape, lines, entryEnd, blankLinesSeparateParagraphs, warnings);
    const problem = brokenHeader === null ? 'has no category/date line' : `has a date line with an impossible date ("${brokenHeader}")`;
    warnings.push(
      `Paper "${paper.title}" ${problem} (a damaged paste?): kept as its own paper, without a date (the page does not ` +
        'show it); check it.',
    );
    papers.push(paper);
  }
  return papers;
}

/**
 * Builds the paper from its header, its shape and the lines up to `end`. `blankLinesSeparateParagraphs` is decided
 * once per page: when the paste has blank lines, they separate abstract paragraphs and consecutive lines inside a
 * paragraph are the page's own wrapping (joined with a space); when the paste has none at all, every line is its
 * own paragraph.
 */
function buildPaper(
  header: PaperHeader | { category: null; date: null },
  shape: EntryShape,
  lines: readonly string[],
  end: number,
  blankLinesSeparateParagraphs: boolean,
  warnings: string[],
): SourcePaper {
  const l = shape.layout as Layout;
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
    ...emptyPaper(l.title),
    category: header.category,
    date: header.date,
    year: header.date === null ? null : Number(header.date.slice(0, 4)),
    authors,
    authorsTruncated: truncated,
    orgs,
    abstract: abstract === '' ? null : abstract,
  };
}
