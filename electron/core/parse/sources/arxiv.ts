// arXiv pages as pasted: listings (/list/<cat>/new, /recent, a month, an author's /a/ page) and search results. Every
// paper is a block opened by its id line ("[3] arXiv:2506.16002 [pdf, html, other]" in a listing, "arXiv:2506.15904
// [pdf, other] cs.LG cs.AI" in search results) and read by its labels (arxiv-entry.ts). A block ends at the next id
// line or at a line that can only be page furniture (section headings, entry counts, footer links), so where a
// browser puts the header, footer or section headings does not matter.
import { readArxivEntry, ID_LINE } from './arxiv-entry.js';
import { emptyMetrics, parseCount } from './fields.js';
import { DETECT_TEXT_LIMIT, textLines } from './page-lines.js';
import { NotThisSourceError, type ImportSource, type SourcePaper, type SourceProfile, type SourceResult } from './types.js';

const SECTION_HEADING = /^(?:New submissions|Cross submissions|Cross-lists|Replacement submissions|Replacements)\b/;
const COUNT_LINE = /^(?:Total of \d|Showing (?:\d|new listings|up to|first)|\(showing )/;
const DAY_HEADING = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4}\b/;
const PAGINATION = /^(?:Previous|Next|Previous Next|(?:\d{1,4}|…)(?: (?:\d{1,4}|…))*)$/;
// "[2]" alone on a line: the next entry's index, copied on a line of its own.
const LONE_INDEX = /^\[\d{1,6}\]$/;
const FOOTER = new Set([
  'about', 'help', 'contact', 'subscribe', 'copyright', 'privacy policy', 'web accessibility assistance',
  'skip to main content', 'login', 'search', 'go', 'advanced search', 'help | advanced search',
]);
const SITE_LINE =
  /^(?:We gratefully acknowledge support from the Simons Foundation|contact arXiv|subscribe to arXiv mailings|arXiv Operational Status|Get status notifications via email|Cornell University$|The web address for this page and the arXiv author id|See author identifier help)/;
const EMPTY_PAGE =
  /^(?:Sorry, your query .{0,400}produced no results|No updates for this time period|Total of 0 entries|Showing 0 (?:of|results))/;
// "Showing 1–50 of 1,234 results for author: Ibarra, T" / "Total of 9 entries".
const DECLARED_RESULTS = /^Showing \d[\d,]* ?[–-] ?\d[\d,]* of (\d[\d,]*) results\b/;
const DECLARED_ENTRIES = /^Total of (\d[\d,]*) entries\b/;
const AUTHOR_PAGE = /^(.{2,120})['’]s articles on arXiv$/;
const LABELLED_FIELD = /^(?:Title|Authors?|Subjects) ?:|^Submitted \d/;
const LOOKAHEAD = 8;

/** A line that can only be page furniture: it ends the entry it follows. */
function isBoundary(line: string): boolean {
  return (
    SECTION_HEADING.test(line) ||
    COUNT_LINE.test(line) ||
    DAY_HEADING.test(line) ||
    SITE_LINE.test(line) ||
    EMPTY_PAGE.test(line) ||
    (line.length <= 40 && (FOOTER.has(line.toLowerCase()) || PAGINATION.test(line) || LONE_INDEX.test(line)))
  );
}

interface Scan {
  /** Indexes of id lines that are followed by labelled fields (real entries, not a stray "arXiv:…" line). */
  entries: number[];
  idLines: number;
  siteLines: number;
  isEmptyPage: boolean;
}

function scan(lines: readonly string[]): Scan {
  const result: Scan = { entries: [], idLines: 0, siteLines: 0, isEmptyPage: false };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (ID_LINE.test(line)) {
      result.idLines++;
      if (hasLabelledField(lines, i)) result.entries.push(i);
    } else if (SITE_LINE.test(line)) {
      result.siteLines++;
    } else if (EMPTY_PAGE.test(line)) {
      result.isEmptyPage = true;
    }
  }
  return result;
}

function hasLabelledField(lines: readonly string[], idLine: number): boolean {
  const end = Math.min(lines.length, idLine + 1 + LOOKAHEAD);
  for (let j = idLine + 1; j < end; j++) {
    const line = lines[j] as string;
    if (ID_LINE.test(line)) return false;
    if (LABELLED_FIELD.test(line)) return true;
  }
  return false;
}

function confidence(s: Scan): number {
  const isSite = s.siteLines > 0;
  if (s.entries.length >= 2) return isSite ? 0.97 : 0.92;
  if (s.entries.length === 1) return isSite ? 0.9 : 0.8;
  if (s.isEmptyPage && isSite) return 0.8;
  if (s.idLines > 0 || isSite) return 0.3;
  return 0;
}

function declaredCount(lines: readonly string[]): number | null {
  for (const line of lines) {
    const match = DECLARED_RESULTS.exec(line) ?? DECLARED_ENTRIES.exec(line);
    if (match) return parseCount(match[1]);
  }
  return null;
}

function authorPageProfile(lines: readonly string[]): SourceProfile | null {
  for (const line of lines) {
    const match = AUTHOR_PAGE.exec(line);
    if (match) return { name: (match[1] as string).trim(), category: null, affiliation: null, metrics: emptyMetrics() };
  }
  return null;
}

function blockEnd(lines: readonly string[], start: number, nextStart: number): number {
  for (let i = start + 1; i < nextStart; i++) if (isBoundary(lines[i] as string)) return i;
  return nextStart;
}

function parseArxiv(text: string): SourceResult {
  const lines = textLines(text);
  const found = scan(lines);
  if (confidence(found) < 0.5) {
    throw new NotThisSourceError(
      'This is not an arXiv listing or search results page: expected entries that start with an id line such as ' +
        '"[1] arXiv:2506.15904 [pdf, html, other]" followed by Title, Authors or Subjects lines.',
    );
  }
  const papers: SourcePaper[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  let cutAbstracts = 0;
  for (let k = 0; k < found.entries.length; k++) {
    const start = found.entries[k] as number;
    const end = blockEnd(lines, start, found.entries[k + 1] ?? lines.length);
    const entry = readArxivEntry(lines, start, end);
    if (!entry.paper) {
      warnings.push(`Skipped an entry: ${entry.skipped}.`);
      continue;
    }
    const id = entry.paper.arxivId as string;
    if (seen.has(id)) {
      warnings.push(`arXiv:${id} is listed twice; kept the first.`);
      continue;
    }
    seen.add(id);
    if (entry.abstractCut) cutAbstracts++;
    papers.push(entry.paper);
  }
  if (cutAbstracts > 0) {
    warnings.push(
      `${cutAbstracts} abstract${cutAbstracts === 1 ? ' is' : 's are'} only the preview the search page shows ` +
        '(cut at "▽ More"); a listing or the abstract page has the full text.',
    );
  }
  const declared = declaredCount(lines);
  if (declared !== null && declared > found.entries.length) {
    warnings.push(
      `The page counts ${declared} papers but the paste holds ${found.entries.length}; show all entries (or every page of ` +
        'results) and paste again to import the rest.',
    );
  }
  if (papers.length === 0) warnings.push('The arXiv page lists no papers.');
  return { source: 'arxiv', profile: authorPageProfile(lines), papers, warnings };
}

export const arxivSource: ImportSource = {
  id: 'arxiv',
  label: 'arXiv listing or search results',
  version: 1,
  detect: (text) => (typeof text === 'string' ? confidence(scan(textLines(text.slice(0, DETECT_TEXT_LIMIT)))) : 0),
  parse: parseArxiv,
};
