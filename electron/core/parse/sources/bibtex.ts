// BibTeX and biblatex files (JabRef, Zotero, Better BibTeX, Google Scholar's "Cite", Folio's own export): @type{key,
// field = {value}, ...} blocks, read by citation-js (bibtex-read.ts) with @string macros, LaTeX accents and commands
// decoded to Unicode and case-protecting braces dropped; titles are not re-cased. Blocks are found by their braces,
// never by line layout, and a malformed block is skipped with a warning while the rest is read.
import { normalizeDoi } from './fields.js';
import { decodeLeftovers, restoreAngles } from './bibtex-text.js';
import { describe, readBibtex, type DecodedBibEntry, type RawBibEntry } from './bibtex-read.js';
import { isCslItem, paperFromCslItem, type CslItem } from './csl-item.js';
import { jsonOpening } from './json-text.js';
import { arxivIdIn, capWarnings, cleanText } from './reference-fields.js';
import { NotThisSourceError, type ImportSource, type ParseOptions, type SourcePaper, type SourceResult } from './types.js';

// An entry opening ("@article{key," or "@misc(key,") and a field line ("  title = {", "year = 2021,").
const ENTRY_OPENING = /^[ \t]*@[ \t]*(?!string\b|comment\b|preamble\b)[A-Za-z]{2,30}[ \t]*[{(][ \t]*[^\s,{}()"=]{0,200}[ \t]*,/gim;
const OTHER_BLOCK = /^[ \t]*@[ \t]*(?:string|comment|preamble)[ \t]*[{(]/gim;
const FIELD_LINE = /^[ \t]*[A-Za-z][\w:.+-]{0,40}[ \t]*=[ \t]*["{\d\w]/gm;

function detect(text: string): number {
  if (jsonOpening(text) !== null) return 0;
  const entries = countMatches(ENTRY_OPENING, text);
  // A file of only @string/@comment/@preamble blocks (a JabRef database with no entries yet) is BibTeX, but says little.
  if (entries === 0) return countMatches(OTHER_BLOCK, text, 1) > 0 ? 0.6 : 0;
  const fields = countMatches(FIELD_LINE, text);
  // One-line entries ("@misc{k, title={T}, year=2020}") have no field lines but do have "= {" pairs.
  const pairs = fields > 0 ? fields : countMatches(/[A-Za-z][ \t]*=[ \t]*[{"\d]/g, text);
  if (pairs >= entries) return 0.97;
  return pairs > 0 ? 0.8 : 0.4;
}

function countMatches(pattern: RegExp, text: string, cap = 10_000): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (count < cap && pattern.exec(text)) count++;
  return count;
}

function parse(text: string, options: ParseOptions = {}): SourceResult {
  if (detect(text) < 0.5) {
    throw new NotThisSourceError('This is not BibTeX: expected entries such as "@article{key, title = {…}, …}".');
  }
  const reading = readBibtex(text, options.onProgress);
  const warnings = [...reading.warnings];
  const papers: SourcePaper[] = [];
  for (const entry of reading.entries) {
    const paper = paperFromEntry(entry, warnings);
    if (paper) papers.push(paper);
  }
  if (papers.length === 0 && reading.entryBlocks > 0) {
    throw new NotThisSourceError(`None of the ${reading.entryBlocks} BibTeX entries could be read: ${warnings[0] ?? 'no entry has a title'}`);
  }
  if (reading.entryBlocks === 0) warnings.push('The BibTeX file has no entries (only @string, @comment or @preamble blocks).');
  return { source: 'bibtex', profile: null, papers, warnings: capWarnings(warnings) };
}

function paperFromEntry({ raw, csl, line }: DecodedBibEntry, warnings: string[]): SourcePaper | null {
  const decoded = decodeCslItem(csl);
  const label = describe({ type: raw.type, key: raw.label, line });
  const paper = paperFromCslItem(decoded, label, warnings);
  if (!paper) return null;
  const field = (name: string): string | null => cleanText(String(raw.properties[name] ?? ''));
  const issued = decoded.issued;
  if (paper.year !== null && isCslItem(issued) && typeof issued.literal === 'string' && !/^\d{4}$/.test(issued.literal.trim())) {
    // citation-js keeps a year it cannot read ("2020a", "in press 2021") as literal text; cslDate took the year from it.
    warnings.push(`${label}: read the year ${paper.year} from "${issued.literal}".`);
  } else if (paper.date !== null && /^\d{4}-\d{2}$/.test(paper.date)) {
    paper.date = withDay(paper.date, field('day'));
  }
  paper.arxivId = eprintArxivId(raw.properties) ?? paper.arxivId ?? arxivIdIn([field('journal'), field('howpublished')]);
  paper.doi ??= normalizeDoi(field('doi'));
  paper.category = cleanText(field('primaryclass')) ?? paper.category;
  paper.orgs = entryOrgs(raw.properties, decoded);
  return withAngles(paper);
}

/** The paper with the literal angle brackets of its text back (see restoreAngles). */
function withAngles(paper: SourcePaper): SourcePaper {
  const text = <T extends string | null>(value: T): T => (value === null ? value : (restoreAngles(value) as T));
  return {
    ...paper,
    title: text(paper.title),
    authors: paper.authors.map(text),
    orgs: paper.orgs.map(text),
    venue: text(paper.venue),
    abstract: text(paper.abstract),
  };
}

/** "2021-07" + BibTeX's `day` field (which citation-js drops) → "2021-07-04" when that day exists. */
function withDay(yearMonth: string, day: string | null): string {
  if (!day || !/^\d{1,2}$/.test(day)) return yearMonth;
  const iso = `${yearMonth}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : yearMonth;
}

/** `eprint` is an arXiv id when the entry says arXiv (archivePrefix/eprinttype), or says nothing and it looks like one. */
function eprintArxivId(properties: RawBibEntry['properties']): string | null {
  const eprint = String(properties.eprint ?? '').trim();
  if (!eprint) return null;
  const archive = String(properties.archiveprefix ?? properties.eprinttype ?? '').trim().toLowerCase();
  if (archive && archive !== 'arxiv') return null;
  return arxivIdIn([`arXiv:${eprint}`]);
}


/**
 * The organisations an entry names for its authors: `institution` (a tech report's lab, Folio's export of the
 * orgs line). citation-js passes it on as the CSL publisher, so it is taken from there (decoded) unless the entry
 * also has a real publisher or is a thesis (its school).
 */
function entryOrgs(properties: RawBibEntry['properties'], csl: CslItem): string[] {
  if (!('institution' in properties) || 'publisher' in properties || 'school' in properties) return [];
  const publisher = csl.publisher;
  const names = Array.isArray(publisher) ? publisher : [publisher];
  return [...new Set(names.map(cleanText).filter((name): name is string => name !== null))];
}

// The CSL fields paperFromCslItem reads that hold decoded LaTeX (URL and DOI are verbatim and stay as they are).
const DECODED_FIELDS = ['title', 'container-title', 'publisher', 'abstract', 'author', 'note', 'number', 'keyword'];

/** The item with citation-js's leftovers decoded in the fields Folio reads (names included). */
function decodeCslItem(item: CslItem): CslItem {
  const decoded: CslItem = { ...item };
  for (const key of DECODED_FIELDS) if (key in item) decoded[key] = decodeValue(item[key], key === 'abstract');
  return decoded;
}

function decodeValue(value: unknown, keepParagraphs: boolean): unknown {
  if (typeof value === 'string') return decodeLeftovers(value, keepParagraphs);
  if (Array.isArray(value)) return value.map((element) => decodeValue(element, keepParagraphs));
  if (isCslItem(value)) {
    const decoded: CslItem = {};
    for (const [key, inner] of Object.entries(value)) decoded[key] = typeof inner === 'string' ? decodeLeftovers(inner, false) : inner;
    return decoded;
  }
  return value;
}

export const bibtexSource: ImportSource = {
  id: 'bibtex',
  label: 'BibTeX file',
  version: 1,
  detect,
  parse,
};
