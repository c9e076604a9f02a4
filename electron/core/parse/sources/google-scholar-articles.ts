// The article table of a pasted Google Scholar profile. Each article is one table row: a title line and an author
// line, then the venue line that carries the Cited-by and Year cells ("venue<TAB>1384<TAB>2024" in a copy). When a
// copy drops the tabs, the cells arrive as bare numbers on their own lines or at the end of the venue line; then
// only rows with Scholar's abbreviated authors ("I Duclos-Varga") count, as plain text has no other row marks.
import { emptyPaper, normalizeArxivId } from './fields.js';
import { readNameList, type NameList } from './author-lists.js';
import { readCount, readYear, titleStart, type PageLine } from './page-lines.js';
import type { LineKind, ScholarLines } from './google-scholar-lines.js';
import type { SourcePaper } from './types.js';

interface RowEnd {
  /** The last line of the row (the venue line, or the last number cell). */
  end: number;
  /** The first line that belongs to the row's closing part; the title and authors come before it. */
  start: number;
  venue: string | null;
  year: number | null;
  /** Whether the venue is on the closing line (a tabbed row) rather than a line of its own before the numbers. */
  venueInRow: boolean;
}

export interface ArticleReading {
  papers: SourcePaper[];
  /** Articles whose author line is in Scholar's abbreviated form (a strong sign of the site). */
  abbreviatedRows: number;
  cutTitles: string[];
  truncatedAuthorLists: number;
  skippedRows: string[];
}

const MAX_AUTHOR_LINES = 3;
const TRAILING_CELLS = /^(.*\S) (\d[\d,]{0,12}\*?) (\d{4})$/;
const VENUE_YEAR = /,\s?(\d{4})$/;

/** Reads every article row. Runs after the person and the metrics are marked, so it never takes their lines. */
export function readArticles(scholar: ScholarLines): ArticleReading {
  const { lines, kinds } = scholar;
  const tabbed = findTabbedRows(lines, kinds);
  const isTabbed = tabbed.some((row) => kinds[row.start - 1] === 'text');
  const rows = isTabbed ? tabbed : findUntabbedRows(lines, kinds);
  const reading = emptyReading();
  let previousEnd = -1;
  for (const row of rows) {
    const article = articleAbove(lines, kinds, row, previousEnd);
    previousEnd = row.end;
    if (article === null) {
      if (row.venue !== null) reading.skippedRows.push(row.venue);
      continue;
    }
    if (!isTabbed && !article.names?.abbreviated) continue;
    if (article.names?.abbreviated) reading.abbreviatedRows++;
    reading.papers.push(toPaper(article, row, reading));
  }
  // One untabbed "row" can be a coincidence (a label such as "AI Score" above a number); a table has several.
  return isTabbed || reading.papers.length >= 2 ? reading : emptyReading();
}

function emptyReading(): ArticleReading {
  return { papers: [], abbreviatedRows: 0, cutTitles: [], truncatedAuthorLists: 0, skippedRows: [] };
}

/** Rows whose cells were copied with tabs: the last cell is the year (or empty), the one before it the count. */
function findTabbedRows(lines: PageLine[], kinds: LineKind[]): RowEnd[] {
  const rows: RowEnd[] = [];
  for (let i = 0; i < lines.length; i++) {
    const cells = (lines[i] as PageLine).cells;
    if (kinds[i] !== 'text' || cells.length < 2) continue;
    const last = cells[cells.length - 1] as string;
    const year = last === '' ? null : readYear(last);
    if (last !== '' && year === null) continue;
    let venueCells = cells.slice(0, -1);
    if (cells.length >= 3) {
      const count = cells[cells.length - 2] as string;
      if (count !== '' && readCount(count) === null) continue;
      venueCells = cells.slice(0, -2);
    }
    const venue = venueCells.filter((c) => c !== '').join(' ');
    if (year === null && cells.length < 3) continue;
    kinds[i] = 'row';
    rows.push({ start: i, end: i, venue: venue === '' ? null : venue, year, venueInRow: true });
  }
  return rows;
}

/**
 * Rows copied without tabs: the venue line ends in "… 1384 2024", or the count and year follow as bare numbers.
 * A bare-number run only closes a row when text comes right before it (the citation histogram has none).
 */
function findUntabbedRows(lines: PageLine[], kinds: LineKind[]): RowEnd[] {
  const rows: RowEnd[] = [];
  for (let i = 0; i < lines.length; i++) {
    const kind = kinds[i];
    const text = (lines[i] as PageLine).text;
    if (kind === 'text' && text.length < 500) {
      const cells = TRAILING_CELLS.exec(text);
      const year = cells ? readYear(cells[3] as string) : null;
      if (cells && year !== null && kinds[i - 1] === 'text') {
        kinds[i] = 'row';
        rows.push({ start: i, end: i, venue: cells[1] as string, year, venueInRow: true });
      }
      continue;
    }
    if (kind !== 'number' || kinds[i - 1] !== 'text') continue;
    let end = i;
    if (kinds[i + 1] === 'number' && readYear((lines[i + 1] as PageLine).text) !== null) end = i + 1;
    const last = (lines[end] as PageLine).text;
    const year = end > i || kinds[i + 1] !== 'number' ? readYear(last) : null;
    rows.push({ start: i, end, venue: null, year, venueInRow: false });
    i = end;
  }
  return rows;
}

interface Article {
  title: string;
  names: NameList | null;
  authors: string[];
  truncated: boolean;
  venueLine: string | null;
}

function nameScore(line: string): number {
  const names = readNameList(line);
  return names === null ? 0 : names.abbreviated ? 3 : names.names.length > 1 ? 2 : 1;
}

/**
 * The title and author lines above a row's closing part (and the venue line, when the cells came on lines of
 * their own: then the author line is the better name list of the two lowest lines). A wrapped author line ends
 * in a comma; a wrapped title is joined by titleStart. `floor` is the previous row's last line.
 */
function articleAbove(lines: PageLine[], kinds: LineKind[], row: RowEnd, floor: number): Article | null {
  const isText = (i: number): boolean => i > floor && kinds[i] === 'text';
  const textAt = (i: number): string => (lines[i] as PageLine).text;
  const bottom = row.start - 1;
  if (!isText(bottom)) return null;
  let authorsAt = bottom;
  let venueLine: string | null = null;
  if (!row.venueInRow && isText(bottom - 1) && nameScore(textAt(bottom - 1)) > nameScore(textAt(bottom))) {
    authorsAt = bottom - 1;
    venueLine = textAt(bottom);
  }
  if (!isText(authorsAt - 1)) {
    return { title: textAt(authorsAt), names: null, authors: [], truncated: false, venueLine };
  }
  let authorsStart = authorsAt;
  while (
    authorsAt - authorsStart < MAX_AUTHOR_LINES - 1 &&
    isText(authorsStart - 2) &&
    textAt(authorsStart - 1).endsWith(',') &&
    readNameList(textAt(authorsStart - 1))
  ) {
    authorsStart--;
  }
  const authorsLine = lines.slice(authorsStart, authorsAt + 1).map((l) => l.text).join(' ');
  const first = titleStart(lines, isText, authorsStart - 1, floor);
  const names = readNameList(authorsLine);
  const loose = looseNames(authorsLine);
  return {
    title: lines.slice(first, authorsStart).map((l) => l.text).join(' '),
    names,
    authors: names?.names ?? loose.names,
    truncated: names?.truncated ?? loose.truncated,
    venueLine,
  };
}

/** An author line that is not a clean name list (odd names, corporate authors): split on commas as printed. */
function looseNames(line: string): { names: string[]; truncated: boolean } {
  let truncated = false;
  const names: string[] = [];
  for (const part of line.split(',')) {
    const name = part.trim().replace(/\s?(?:\.{3}|…)$/, () => {
      truncated = true;
      return '';
    });
    if (name !== '') names.push(name);
  }
  return { names, truncated };
}

function toPaper(article: Article, row: RowEnd, reading: ArticleReading): SourcePaper {
  const paper = emptyPaper(article.title);
  paper.authors = article.authors;
  paper.authorsTruncated = article.truncated;
  if (article.truncated) reading.truncatedAuthorLists++;
  let venue = row.venue ?? article.venueLine;
  let year = row.year;
  // A narrow layout prints the year after the venue (", 2024") instead of in its own column.
  const venueYear = venue === null ? null : VENUE_YEAR.exec(venue);
  if (venue !== null && venueYear) {
    const printed = readYear(venueYear[1] as string);
    if (printed !== null && (year === null || year === printed)) {
      year = printed;
      venue = venue.slice(0, venueYear.index).trim() || null;
    }
  }
  paper.venue = venue;
  paper.year = year;
  paper.date = year === null ? null : String(year);
  if (venue !== null && /arxiv|corr/i.test(venue)) paper.arxivId = normalizeArxivId(venue);
  if (/(?:…|\.\.\.)$/.test(article.title)) reading.cutTitles.push(article.title);
  return paper;
}
