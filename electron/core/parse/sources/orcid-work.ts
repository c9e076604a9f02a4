// One ORCID work. Each work has a "date | Type" line ("2024-11 | Conference paper", "2021 | Dissertation or Thesis",
// the date and a "| role" part optional) that anchors it: the one or two unlabelled lines right above it are the title
// and the journal; the labelled lines after it (DOI:, ARXIV:, CONTRIBUTORS:, Show more detail, Source: + the source's
// name, Preferred source) belong to it, in whatever order they come.
import { emptyPaper, normalizeArxivId, normalizeDoi, parseLooseDate } from './fields.js';
import { splitAuthorList } from './author-lists.js';
import type { SourcePaper } from './types.js';

// ORCID's work type labels, old and new ("Dissertation or Thesis" became "Dissertation/Thesis"; the record pages
// before 2021 printed the slugs, "journal-article", which read the same once hyphens are spaces).
const WORK_TYPES = new Set([
  'book', 'book chapter', 'book review', 'dictionary entry', 'dissertation or thesis', 'dissertation/thesis',
  'dissertation thesis',
  'dissertation', 'edited book', 'encyclopedia entry', 'journal article', 'journal issue', 'magazine article',
  'manual', 'newsletter article', 'newspaper article', 'online resource', 'preprint', 'report', 'research tool',
  'supervised student publication', 'test', 'translation', 'website', 'working paper', 'conference abstract',
  'conference paper', 'conference poster', 'conference output', 'conference presentation', 'conference proceedings',
  'disclosure', 'license', 'licence', 'patent', 'registered copyright', 'trademark', 'annotation',
  'artistic performance', 'data management plan', 'data set', 'dataset', 'invention', 'lecture speech', 'other',
  'physical object', 'research technique', 'software', 'spin off company', 'standards and policy',
  'technical standard', 'public speech', 'review', 'learning object',
]);
const ANCHOR = /^(?:(\d{4}(?:-\d{2}(?:-\d{2})?)?) ?\| ?)?([A-Za-z][A-Za-z /-]{1,40}?)(?: ?\| ?.{1,80})?$/;
// "DOI: 10.…", "ARXIV: 2405.12970", "Part of ISSN: 0891-2017", "Version of DOI: …": external identifiers. A title
// such as "SEA-MT: A Benchmark" or "HAL: Hierarchical …" has the same shape, so the type must be one of ORCID's and
// the value one token.
const IDENTIFIER = /^(Part of |Version of |Funded by )?([A-Z][A-Z0-9_-]{1,24}): ?(\S{1,500})$/;
const IDENTIFIER_TYPES = new Set([
  'AGR', 'ARXIV', 'ASIN', 'ASIN-TLD', 'AUTHENTICUSID', 'BIBCODE', 'CBA', 'CIENCIAIUL', 'CIT', 'CTX', 'DNB', 'DOI',
  'EID', 'EMDB', 'EMPIAR', 'ETHOS', 'GRANT_NUMBER', 'HAL', 'HANDLE', 'HIR', 'ISBN', 'ISMN', 'ISSN', 'JFM', 'JSTOR',
  'K10PLUS', 'KUID', 'LCCN', 'LENSID', 'MR', 'OCLC', 'OL', 'OSTI', 'OTHER-ID', 'PAT', 'PDB', 'PMC', 'PMID', 'PPR',
  'PROPOSAL-ID', 'RFC', 'RRID', 'SOURCE-WORK-ID', 'SSRN', 'URI', 'URN', 'URL', 'WOSUID', 'ZBL',
]);
const CONTRIBUTORS = /^CONTRIBUTORS ?: ?(.*)$/;
const SOURCE = /^Source ?:(.*)$/;
const PREFERRED = /^Preferred source\b/;
// Material Icons ligatures whose names land in the copied text ("Source: check_circle", "sort Sort").
const ICON_WORDS = /\b(?:check_circle|expand_less|expand_more|sort|star|info|open_in_new|content_copy|more_vert|done|edit|delete|visibility)\b/g;
const DETAIL_HEADINGS = new Set([
  'translated title', 'language', 'subtitle', 'url', 'contributors', 'description', 'country of publication', 'added',
  'last modified', 'citation',
]);

/** "2024-11 | Conference paper": the work's date (null when it has none), or null when the line is no anchor. */
export function readAnchor(line: string): { date: string | null } | null {
  if (line.length > 140) return null;
  const match = ANCHOR.exec(line);
  if (!match || !WORK_TYPES.has((match[2] as string).trim().toLowerCase().replaceAll('-', ' '))) return null;
  return { date: match[1] ?? null };
}

/**
 * Whether lines[i] anchors a work. A type without a date ("Preprint") could also be a one-word title or journal, so
 * it counts only when the work's labelled lines follow it.
 */
export function isAnchorAt(lines: readonly string[], i: number, end: number): boolean {
  const anchor = readAnchor(lines[i] as string);
  if (!anchor) return false;
  if (anchor.date !== null) return true;
  for (let j = i + 1; j < end && j <= i + 3; j++) {
    const line = lines[j] as string;
    if (line !== '') return isWorkDetailLine(line);
  }
  return false;
}

/** A line that belongs to the work above it, never to a title. */
export function isWorkDetailLine(line: string): boolean {
  return (
    CONTRIBUTORS.test(line) || SOURCE.test(line) || PREFERRED.test(line) || /^Show (?:more|less) detail$/.test(line) ||
    identifierOf(line) !== null
  );
}

/** The type and value of an identifier line; `related` for "Part of …", "Version of …" (not the work's own). */
function identifierOf(line: string): { type: string; value: string; related: boolean } | null {
  const match = line.length <= 600 ? IDENTIFIER.exec(line) : null;
  if (!match) return null;
  const type = (match[2] as string).toUpperCase();
  if (!IDENTIFIER_TYPES.has(type)) return null;
  return { type, value: match[3] as string, related: match[1] !== undefined };
}

const LIST_CONTROLS = new Set([
  'sort', 'select all', 'actions', 'add', 'collapse all', 'expand all', 'print view', 'show more detail',
  'show less detail', 'show all', 'combine', 'export', 'delete', 'visibility',
]);
const PAGE_CONTROL = /^(?:Show \d{1,4}|\d{1,6} ?[–-] ?\d{1,6} of \d{1,6}|Items per page:?.{0,20}|Page \d{1,4} of \d{1,4})$/;

function withoutIcons(line: string): string {
  return line.length > 2000 ? line : line.replace(ICON_WORDS, '').replace(/\s+/g, ' ').trim();
}

/** The Works list's own controls ("sort Sort", "Show 50", "1 - 50 of 120"): never a title. */
export function isListControl(line: string): boolean {
  const bare = withoutIcons(line);
  return bare === '' || LIST_CONTROLS.has(bare.toLowerCase()) || PAGE_CONTROL.test(bare);
}

export interface WorkLines {
  /** Unlabelled lines above the anchor, after the previous work's lines: [title] or [title, journal]. */
  head: string[];
  anchor: string;
  /** Lines from the anchor to where the next work's head begins. */
  tail: string[];
}

/** Reads the tail of a work: how many lines it spans (so the rest is the next work's head), and its fields. */
export function workTailLength(lines: readonly string[], from: number, end: number): number {
  let i = from;
  let inDetails = false;
  while (i < end) {
    const line = lines[i] as string;
    if (line === '' || withoutIcons(line) === '') {
      i++;
      continue;
    }
    if (isAnchorAt(lines, i, end)) break;
    const source = SOURCE.exec(line);
    if (source) {
      inDetails = false;
      i++;
      // "Source: check_circle" with the name on the next line, or "Source: Crossref" on one.
      if (withoutIcons(source[1] as string) === '' && i < end && !isWorkDetailLine(lines[i] as string)) i++;
      continue;
    }
    if (line === 'Show less detail') inDetails = true;
    if (inDetails || isWorkDetailLine(line)) {
      i++;
      continue;
    }
    break;
  }
  return i - from;
}

export interface OrcidWork {
  paper: SourcePaper | null;
  note: string | null;
}

/** Builds a work from its head, anchor and tail lines. */
export function buildWork({ head, anchor, tail }: WorkLines): OrcidWork {
  const title = head.length >= 2 ? (head[head.length - 2] as string) : (head[0] ?? '');
  if (title === '') return { paper: null, note: `A work dated "${anchor}" has no title; skipped it.` };
  const paper = emptyPaper(title);
  paper.venue = head.length >= 2 ? (head[head.length - 1] as string) : null;
  const date = parseLooseDate(readAnchor(anchor)?.date);
  if (date) {
    paper.date = date.date;
    paper.year = date.year;
  }
  readTail(tail, paper);
  paper.arxivId ??= paper.doi?.startsWith('10.48550/') ? normalizeArxivId(paper.doi) : null;
  const note = paper.authors.length === 0 ? `"${title}" shows no contributors; it is imported without authors.` : null;
  return { paper, note };
}

function readTail(tail: readonly string[], paper: SourcePaper): void {
  let heading: string | null = null;
  const description: string[] = [];
  for (const line of tail) {
    const contributors = CONTRIBUTORS.exec(line);
    if (contributors) {
      const { authors, truncated } = splitAuthorList(contributors[1] as string, ';');
      paper.authors = authors;
      paper.authorsTruncated = truncated;
      continue;
    }
    const id = identifierOf(line);
    if (id) {
      if (!id.related) readIdentifier(id.type, id.value, paper);
      continue;
    }
    const lower = line.length <= 80 ? line.toLowerCase().replace(/ \([^()]*\)$/, '') : '';
    if (DETAIL_HEADINGS.has(lower)) heading = lower;
    else if (heading === 'url') paper.url ??= /^https?:\/\/\S+$/.test(line) ? line : null;
    else if (heading === 'description') description.push(line);
  }
  if (description.length > 0) paper.abstract = description.join(' ');
}

function readIdentifier(type: string, value: string, paper: SourcePaper): void {
  if (type === 'DOI') paper.doi ??= normalizeDoi(value);
  else if (type === 'ARXIV') paper.arxivId ??= normalizeArxivId(value);
  else if ((type === 'URI' || type === 'URL') && /arxiv\.org\//i.test(value)) paper.arxivId ??= normalizeArxivId(value);
}
