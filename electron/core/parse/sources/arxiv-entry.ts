// One arXiv entry, from its id line to the next one: the id line's markers and category tags, then fields found by
// their labels. Two layouts share these labels: listings (Title:, an unlabelled or "Authors:" line, Comments:,
// Journal-ref:, Subjects:, then the abstract as an unlabelled paragraph) and search results (the title unlabelled,
// then Authors:, Abstract:, "Submitted …", Comments:, Journal ref:). Which lines are unlabelled decides the rest.
import { emptyPaper, normalizeArxivId, normalizeDoi, parseLooseDate } from './fields.js';
import { nameAndOrg, pushUnique, splitAuthorList } from './author-lists.js';
import type { SourcePaper } from './types.js';

const ARXIV_ID = String.raw`(\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?\/\d{7})(?:v\d{1,3})?`;
/** "[3] arXiv:2506.16002 (cross-list from cs.CL) [pdf, html, other]", "arXiv:2506.15904 [pdf, other] cs.LG cs.AI". */
export const ID_LINE = new RegExp(String.raw`^(\[\d{1,6}\] ?)?arXiv: ?${ARXIV_ID}(?![\w/]|\.\d)(.*)$`);

// Every archive that has had ids, so a category tag is told apart from a word.
const CATEGORY = /^(?:astro-ph|cond-mat|gr-qc|hep-(?:ex|lat|ph|th)|math-ph|nlin|nucl-(?:ex|th)|physics|quant-ph|math|cs|q-bio|q-fin|stat|eess|econ|chao-dyn|solv-int|patt-sol|adap-org|cmp-lg|comp-gas|dg-ga|alg-geom|funct-an|q-alg|chem-ph|supr-con|mtrl-th|atom-ph|plasm-ph|acc-phys|ao-sci|bayes-an)(?:\.[A-Za-z-]{2,})?$/;
const FORMAT_LINKS = /^\[?(?:pdf|ps|html|other|src|format)(?:, ?(?:pdf|ps|html|other|src|format))*\]?$/;
const DOI_ONLY = /^10\.\d{4,9}\/\S+$/;
const BRACKETED = /\[[^\]]*\]|\([^)]*\)/g;
const CODE_IN_PARENS = /\(([a-z-]+(?:\.[A-Za-z-]+)?)\)/;

const LABEL =
  /^(Title|Authors?|Comments|Journal[- ]ref|Subjects|Abstract|Report[- ](?:no|number)|ACM[- ]class(?:es)?|MSC[- ]class(?:es)?|DOI)\s?:\s?(.*)$/i;
const SUBMITTED = /^Submitted (\d{1,2} [A-Za-z]{3,9}\.?,? \d{4})/;
const FIRST_VERSION = /\bv1 submitted (\d{1,2} [A-Za-z]{3,9}\.?,? \d{4})/;
const LATEST_VERSION = /^Latest version:/;
const JS_NOTE = / ?You must enable JavaScript to view (?:the )?entire author list\.?$/i;
const JS_NOTE_LINE = /^You must enable JavaScript/i;
const MORE = '▽ More';
const LESS = '△ Less';

/** What a block yields: a paper, or the reason it was skipped; `abstractCut` when the site showed only a preview. */
export interface ArxivEntry {
  paper: SourcePaper | null;
  skipped: string | null;
  abstractCut: boolean;
}

interface Fields {
  id: string;
  hasIndex: boolean;
  tags: string[];
  doi: string | null;
  titleParts: string[];
  /** Unlabelled lines before any metadata label: the title (search) or title tail + authors (listing). */
  head: string[];
  authors: string | null;
  abstract: string[] | null;
  /** Unlabelled lines after the metadata: a listing's abstract paragraph. */
  tail: string[];
  journalRef: string | null;
  subjects: string | null;
  submitted: string | null;
}

type State = 'head' | 'authors' | 'abstract' | 'meta';

/** Reads lines[start] (an ID_LINE) up to `end` (exclusive). */
export function readArxivEntry(lines: readonly string[], start: number, end: number): ArxivEntry {
  const fields = readIdLine(lines[start] as string);
  if (!fields) return { paper: null, skipped: `line ${start + 1} is not an arXiv id line`, abstractCut: false };
  let i = start + 1;
  // Another browser puts the tags, and the "doi" tag's label and value, on lines of their own.
  let isAwaitingDoi = /(?:^| )doi$/i.test(lines[start] as string);
  for (; i < end; i++) {
    const line = lines[i] as string;
    if (isAwaitingDoi && DOI_ONLY.test(line)) {
      fields.doi ??= normalizeDoi(line);
      isAwaitingDoi = false;
      continue;
    }
    if (!isIdLineTail(line, fields)) break;
    isAwaitingDoi = /(?:^| )doi$/i.test(line);
  }
  collectFields(lines, i, end, fields);
  return toPaper(fields);
}

function readIdLine(line: string): Fields | null {
  const match = ID_LINE.exec(line);
  if (!match) return null;
  const fields: Fields = {
    id: normalizeArxivId(match[2]) ?? (match[2] as string),
    hasIndex: match[1] !== undefined,
    tags: [],
    doi: null,
    titleParts: [],
    head: [],
    authors: null,
    abstract: null,
    tail: [],
    journalRef: null,
    subjects: null,
    submitted: null,
  };
  addTags(fields, tagsIn(match[3] ?? ''));
  return fields;
}

interface Tags {
  tags: string[];
  doi: string | null;
  /** Every token was a tag (so a line holding only tags belongs to the id line). */
  complete: boolean;
}

/** Category tags and a "doi 10.…" tag, on the id line or (another browser) on the lines right after it. */
function tagsIn(text: string): Tags {
  // Tags follow the id within a few hundred characters; the cap keeps the bracket regex linear on any input.
  const tokens = text.slice(0, 400).replace(BRACKETED, ' ').split(' ').filter((t) => t !== '');
  const found: Tags = { tags: [], doi: null, complete: tokens.length > 0 };
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as string;
    if (CATEGORY.test(token)) pushUnique(found.tags, token);
    else if (token.toLowerCase() !== 'doi') found.complete = false;
    else if (k + 1 < tokens.length) found.doi ??= normalizeDoi(tokens[++k]);
  }
  return found;
}

function addTags(fields: Fields, found: Tags): void {
  for (const tag of found.tags) pushUnique(fields.tags, tag);
  fields.doi ??= found.doi;
}

function isIdLineTail(line: string, fields: Fields): boolean {
  if (line === '' || line.length > 400) return false;
  if (FORMAT_LINKS.test(line)) return true;
  const found = tagsIn(line);
  if (found.complete) addTags(fields, found);
  return found.complete;
}

function collectFields(lines: readonly string[], from: number, end: number, fields: Fields): void {
  let state: State = 'head';
  let tailClosed = false;
  for (let i = from; i < end; i++) {
    const line = lines[i] as string;
    if (line === '') {
      // A blank line closes the abstract, the title + authors block of a listing, and the listing's abstract.
      if (state === 'abstract' || (state === 'head' && fields.titleParts.length > 0 && fields.head.length > 0)) state = 'meta';
      if (fields.tail.length > 0) tailClosed = true;
      continue;
    }
    if (LATEST_VERSION.test(line) || JS_NOTE_LINE.test(line)) continue;
    const label = LABEL.exec(line);
    if (label) {
      state = storeLabel((label[1] as string).toLowerCase(), (label[2] as string).trim(), fields);
      continue;
    }
    const submitted = SUBMITTED.exec(line);
    if (submitted) {
      fields.submitted = FIRST_VERSION.exec(line)?.[1] ?? (submitted[1] as string);
      state = 'meta';
      continue;
    }
    if (state === 'head') fields.head.push(line);
    else if (state === 'authors' && fields.authors !== null && fields.authors.endsWith(',')) fields.authors += ` ${line}`;
    else if (state === 'abstract') fields.abstract?.push(line);
    else if (!tailClosed) fields.tail.push(line);
  }
}

function storeLabel(label: string, value: string, fields: Fields): State {
  if (label === 'title') {
    // Nothing of the entry comes before its title: unlabelled lines above it are stray page text.
    if (fields.titleParts.length === 0) fields.head = [];
    fields.titleParts.push(value);
    return 'head';
  }
  if (label === 'author' || label === 'authors') {
    fields.authors = value;
    return 'authors';
  }
  if (label === 'abstract') {
    fields.abstract = [value];
    return 'abstract';
  }
  // Comments, report numbers and classes have no field in the contract ("Accepted at UAI 2025" is not a venue).
  if (label.startsWith('journal')) fields.journalRef ??= value;
  else if (label === 'subjects') fields.subjects ??= value;
  else if (label === 'doi') fields.doi ??= normalizeDoi(value);
  return 'meta';
}

// An author list: comma-separated parts of a few words each (an abstract or a title has longer ones).
function looksLikeNames(line: string): boolean {
  return splitAuthorList(line.replace(JS_NOTE, ''), ',').authors.every((part) => part.length <= 80 && part.split(' ').length <= 6);
}

/**
 * Splits a listing's unlabelled lines into title tail, authors and (when the page had no Subjects line to separate
 * them) the start of the abstract: the authors are the last name-like line, plus lines before it that end with ",".
 */
function splitHead(head: readonly string[], titleNeedsALine: boolean): { title: string[]; authors: string | null; rest: string[] } {
  const floor = titleNeedsALine ? 1 : 0;
  let end = head.length;
  while (end > floor + 1 && !looksLikeNames(head[end - 1] as string)) end--;
  if (end <= floor) return { title: [...head], authors: null, rest: [] };
  let start = end - 1;
  while (start > floor && (head[start - 1] as string).endsWith(',')) start--;
  return { title: head.slice(0, start), authors: head.slice(start, end).join(' '), rest: head.slice(end) };
}

function toPaper(fields: Fields): ArxivEntry {
  const labelledTitle = fields.titleParts.filter((p) => p !== '');
  let titleLines: string[];
  let authorsText = fields.authors;
  if (authorsText !== null) {
    titleLines = [...labelledTitle, ...fields.head];
  } else if (fields.head.length > 0 && (labelledTitle.length > 0 || fields.head.length > 1)) {
    const split = splitHead(fields.head, labelledTitle.length === 0);
    titleLines = [...labelledTitle, ...split.title];
    authorsText = split.authors;
    if (fields.tail.length === 0) fields.tail = split.rest;
  } else {
    titleLines = [...labelledTitle, ...fields.head];
  }
  const title = titleLines.join(' ').replace(/\s+/g, ' ').trim();
  if (title === '') return { paper: null, skipped: `arXiv:${fields.id} has no title`, abstractCut: false };

  const paper = emptyPaper(title);
  paper.arxivId = fields.id;
  paper.doi = fields.doi;
  paper.venue = fields.journalRef;
  paper.category = primaryCategory(fields);
  setAuthors(paper, authorsText);
  setDate(paper, fields);
  const { text, cut } = abstractOf(fields);
  paper.abstract = text;
  return { paper, skipped: null, abstractCut: cut };
}

function setAuthors(paper: SourcePaper, text: string | null): void {
  if (text === null) return;
  const cleaned = text.replace(JS_NOTE, '').replace(/^\(author list is unavailable\)$/, '');
  const { authors, truncated } = splitAuthorList(cleaned, ',');
  paper.authorsTruncated = truncated;
  for (const entry of authors) {
    const { name, org } = nameAndOrg(entry);
    paper.authors.push(name);
    if (org !== null) pushUnique(paper.orgs, org);
  }
}

function primaryCategory(fields: Fields): string | null {
  if (fields.subjects !== null) {
    const code = CODE_IN_PARENS.exec(fields.subjects.slice(0, 300))?.[1];
    if (code && CATEGORY.test(code)) return code;
  }
  return fields.tags[0] ?? null;
}

/** The first version's date: "v1 submitted …" or the only "Submitted …"; else the id's year and month. */
function setDate(paper: SourcePaper, fields: Fields): void {
  const submitted = parseLooseDate(fields.submitted);
  if (submitted) {
    paper.date = submitted.date;
    paper.year = submitted.year;
    return;
  }
  const fromId = dateFromArxivId(fields.id);
  if (fromId) {
    paper.date = fromId.date;
    paper.year = fromId.year;
  }
}

/** "2506.15904" → 2025-06; "hep-th/9901001" → 1999-01 (ids carry the year and month of the first version). */
export function dateFromArxivId(id: string): { date: string; year: number } | null {
  const yymm = /^(\d{2})(\d{2})\./.exec(id) ?? /\/(\d{2})(\d{2})\d{3}$/.exec(id);
  if (!yymm) return null;
  const yy = Number(yymm[1]);
  const month = Number(yymm[2]);
  if (month < 1 || month > 12) return null;
  const year = id.includes('/') && yy >= 91 ? 1900 + yy : 2000 + yy;
  return { date: `${year}-${String(month).padStart(2, '0')}`, year };
}

/**
 * A search result's "Abstract: preview… ▽ More" (cut) or "… ▽ More full text △ Less" (both spans copied: the full
 * text wins); a listing's unlabelled paragraph otherwise.
 */
function abstractOf(fields: Fields): { text: string | null; cut: boolean } {
  const parts = fields.abstract ?? (fields.hasIndex || fields.subjects !== null ? fields.tail : []);
  let text = parts.join(' ').replace(/\s+/g, ' ').trim();
  let cut = false;
  const less = text.lastIndexOf(LESS);
  const more = text.indexOf(MORE);
  if (less >= 0) {
    text = text.slice(more >= 0 && more < less ? more + MORE.length : 0, less).trim();
  } else if (more >= 0) {
    text = text.slice(0, more).trim();
    cut = true;
  }
  return { text: text === '' ? null : text, cut };
}
