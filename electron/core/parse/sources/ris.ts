// RIS, as Zotero, Mendeley, EndNote and publishers' "Export citation" write it: records from a `TY  - TYPE` line
// to an `ER  -` line, one `XX  - value` line per field, repeatable tags (one AU line per author). Read by tag, so
// the order of fields inside a record does not matter; lines without a tag continue the previous value (long
// abstracts wrapped by some exporters). A small reader is enough here: RIS has no nesting, escapes or macros.
import { normalizeLines } from '../normalize-text.js';
import { emptyPaper, normalizeDoi, parseLooseDate, type LooseDate } from './fields.js';
import { isTruncationMarker } from './author-lists.js';
import { DETECT_TEXT_LIMIT } from './page-lines.js';
import { arxivCategory, arxivIdIn, capWarnings, cleanParagraphs, cleanText, invertedName } from './reference-fields.js';
import { NotThisSourceError, type ImportSource, type SourcePaper, type SourceResult } from './types.js';

// "TY  - JOUR": two characters, two spaces, a hyphen. Exporters in the wild also write one space, or none after
// the hyphen on an empty value ("ER  -").
const TAG_LINE = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/;

type RisRecord = Map<string, string[]>;

interface RisReading {
  records: Array<{ fields: RisRecord; line: number }>;
  unclosed: number;
}

function readRecords(text: string): RisReading {
  const lines = normalizeLines(text);
  const reading: RisReading = { records: [], unclosed: 0 };
  let current: RisRecord | null = null;
  let lastValues: string[] | null = null;
  lines.forEach((line, index) => {
    if (line === '') return;
    const match = TAG_LINE.exec(line);
    if (!match) {
      // A line without a tag continues the previous field's value.
      if (current && lastValues && lastValues.length > 0) lastValues[lastValues.length - 1] += ` ${line}`;
      return;
    }
    const tag = match[1] as string;
    const value = match[2]?.trim() ?? '';
    if (tag === 'TY') {
      if (current) reading.unclosed++;
      current = new Map([['TY', [value]]]);
      reading.records.push({ fields: current, line: index + 1 });
      lastValues = null;
      return;
    }
    if (tag === 'ER') {
      current = null;
      lastValues = null;
      return;
    }
    if (!current) return;
    const values = current.get(tag) ?? [];
    values.push(value);
    current.set(tag, values);
    lastValues = values;
  });
  if (current) reading.unclosed++;
  return reading;
}

/** Counts tag lines (of the start of the text) without building records: detect runs on every paste, whatever its kind. */
function detect(text: string): number {
  let content = 0;
  let tagged = 0;
  let opened = 0;
  let titled = 0;
  for (const line of normalizeLines(text.slice(0, DETECT_TEXT_LIMIT))) {
    if (line === '') continue;
    content++;
    const tag = TAG_LINE.exec(line)?.[1];
    if (tag === undefined) continue;
    tagged++;
    if (tag === 'TY') opened++;
    else if (tag === 'TI' || tag === 'T1') titled++;
  }
  if (opened === 0) return 0;
  const share = tagged / content;
  if (share >= 0.5 && titled > 0) return 0.9 + 0.09 * share;
  return Math.min(0.45, share);
}

const first = (record: RisRecord, ...tags: string[]): string | null => {
  for (const tag of tags) {
    for (const value of record.get(tag) ?? []) {
      const text = cleanText(value);
      if (text !== null) return text;
    }
  }
  return null;
};

const all = (record: RisRecord, ...tags: string[]): string[] =>
  tags.flatMap((tag) => record.get(tag) ?? []).map(cleanText).filter((v): v is string => v !== null);

/** "2023/12/10/", "2023///", "2023/12//Fall", "2023-12-10": the date at the precision given. */
function risDate(value: string | null): LooseDate | null {
  if (!value) return null;
  const parts = value.split(/[/-]/).map((part) => part.trim());
  while (parts.length > 1 && !/^\d{1,2}$/.test(parts[parts.length - 1] as string)) parts.pop();
  return parseLooseDate(parts.slice(0, 3).join('-')) ?? parseLooseDate(parts[0]) ?? parseLooseDate(value);
}

/** DA is the fuller date; PY/Y1 the publication year. When they disagree on the year, the publication year wins. */
function recordDate(record: RisRecord): LooseDate | null {
  const published = risDate(first(record, 'PY', 'Y1'));
  const dated = risDate(first(record, 'DA'));
  if (dated && (!published || published.year === dated.year)) return dated;
  return published;
}

/** Where the work appeared: the journal, book or proceedings title; a thesis's university. */
function recordVenue(record: RisRecord, type: string): string | null {
  const venue = first(record, 'JF', 'JO', 'T2', 'J2', 'JA', 'BT');
  if (venue) return venue;
  return type === 'THES' ? first(record, 'PB') : null;
}

function paperFromRecord(record: RisRecord, label: string, warnings: string[]): SourcePaper | null {
  const title = first(record, 'TI', 'T1', 'CT');
  if (title === null) {
    warnings.push(`Skipped ${label}: it has no title (TI line).`);
    return null;
  }
  const paper = emptyPaper(title);
  const type = (first(record, 'TY') ?? '').toUpperCase();
  for (const author of all(record, 'AU', 'A1')) {
    if (isTruncationMarker(author)) paper.authorsTruncated = true;
    else paper.authors.push(invertedName(author) ?? author);
  }
  const date = recordDate(record);
  if (date) {
    paper.date = date.date;
    paper.year = date.year;
  }
  paper.venue = recordVenue(record, type);
  paper.orgs = [...new Set(all(record, 'AD'))];
  paper.abstract = cleanParagraphs((record.get('AB') ?? record.get('N2') ?? []).join('\n\n'));
  const urls = all(record, 'UR', 'L2');
  paper.doi = normalizeDoi(first(record, 'DO', 'DI')) ?? normalizeDoi(urls.find((url) => /doi\.org\//i.test(url)));
  paper.url = urls.find((url) => /^https?:\/\//i.test(url)) ?? null;
  paper.arxivId = arxivIdIn([paper.doi, ...urls, ...all(record, 'N1', 'M1', 'M3', 'AN', 'ID', 'JO', 'T2', 'PB')]);
  paper.category = arxivCategory(first(record, 'KW'));
  return paper;
}

function parse(text: string): SourceResult {
  const reading = readRecords(text);
  if (reading.records.length === 0) {
    throw new NotThisSourceError('This is not RIS: expected records that open with a "TY  - " line and close with "ER  - ".');
  }
  const warnings: string[] = [];
  if (reading.unclosed > 0) {
    warnings.push(`${reading.unclosed} RIS record(s) had no closing "ER  - " line; each was read up to the next record.`);
  }
  const papers: SourcePaper[] = [];
  for (const { fields, line } of reading.records) {
    const paper = paperFromRecord(fields, `the RIS record at line ${line}`, warnings);
    if (paper) papers.push(paper);
  }
  if (papers.length === 0) throw new NotThisSourceError('This RIS text has no record with a title (TI line), so there is nothing to import.');
  return { source: 'ris', profile: null, papers, warnings: capWarnings(warnings) };
}

export const risSource: ImportSource = {
  id: 'ris',
  label: 'RIS file',
  version: 1,
  detect,
  parse,
};
