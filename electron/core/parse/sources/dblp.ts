// dblp person pages as pasted. A record is its key ("[c6]", "[j3]", "[i2]": a type letter and a number, alone on a
// line or leading the record's text), then "Author, Author:" and "Title. Venue Year" (dblp-record.ts). Records are
// found by their keys; the person is the author the records share, confirmed by a line holding just that name, so the
// order in which a browser copies the sidebar, person box, year headings and coauthor index does not matter.
import { buildRecord, dropHomonymNumber, hasVenue, isAuthorsLine, readRecordKey } from './dblp-record.js';
import { emptyMetrics, parseCount } from './fields.js';
import { DETECT_TEXT_LIMIT, textLines } from './page-lines.js';
import { NotThisSourceError, type ImportSource, type SourcePaper, type SourceProfile, type SourceResult } from './types.js';

const YEAR_HEADING = /^(?:19|20)\d{2}$/;
const GROUP_TOGGLE = /^\[[–+−-]\]$|^(?:19|20)\d{2} [–-] (?:today|(?:19|20)\d{2})$/;
const SECTION_END = /^(?:Coauthor Index|manage site settings|last updated on\b|see FAQ$|What is the meaning of the colors)/;
const SITE_LINE =
  /^(?:Person information$|Refine list$|showing (?:all )?\d[\d,]* (?:of \d[\d,]* )?records?$|Coauthor Index$|search dblp$|last updated on .* by the dblp team$|dblp was originally created in 1993|the dblp computer science bibliography is funded)/;
const EMPTY_PAGE = /^(?:showing all 0 records|no records found)/;
const DECLARED = /^showing (?:all (\d[\d,]*)|\d[\d,]* of (\d[\d,]*)) records?$/;
const AFFILIATION = /^affiliation(?: \(([^)]{1,40})\))?: (.{2,300})$/;
const PERSON_MARKER = /^(?:Person information|Visualization|affiliation\b|Refine list|showing (?:all )?\d)/;
// The record's hover menus, which some copies include between the key and the authors.
const RECORD_MENU =
  /^(?:view|electronic edition\b.{0,80}|unpaywalled version|references & citations|export record|BibTeX|RIS|RDF\b.{0,20}|XML|dblp key:?.{0,120}|ask others|Google(?: Scholar)?|Semantic Scholar|Internet Archive Scholar|CiteSeerX|ORKG|share record|Bluesky|Reddit|BibSonomy|LinkedIn|Mastodon|Twitter|persistent URL:?.{0,200}|https?:\/\/\S{1,300}|authority control:?.{0,80}|cite|load more)$/;
// Unrecognised lines tolerated before the authors, and lines a title + venue may wrap over.
const MAX_LEAD_IN = 4;
const MAX_BODY_LINES = 6;

interface Located {
  paper: SourcePaper;
  note: string | null;
}

interface Scan {
  records: Located[];
  keyLines: number;
  siteLines: number;
  isEmptyPage: boolean;
}

function isRecordEnd(line: string): boolean {
  return readRecordKey(line) !== null || YEAR_HEADING.test(line) || GROUP_TOGGLE.test(line) || SECTION_END.test(line);
}

/** Reads the record whose key is on lines[start]; null when what follows is not a record (a coauthor index key). */
function readRecord(lines: readonly string[], start: number, key: string, rest: string, headingYear: number | null): Located | null {
  const pending = rest === '' ? [] : [rest];
  let isDone = isComplete(pending);
  for (let i = start + 1; !isDone && i < lines.length && pending.length < MAX_LEAD_IN + MAX_BODY_LINES; i++) {
    const line = lines[i] as string;
    if (line === '' || RECORD_MENU.test(line)) continue;
    if (isRecordEnd(line)) break;
    pending.push(line);
    isDone = isComplete(pending);
  }
  const split = bodyStart(pending);
  const text = (split ? bodyText(pending, split) : pending.join(' ')).replace(/\s+/g, ' ').trim();
  if (text === '' || (split === null && !hasVenue(text))) return null;
  return buildRecord(key, split?.authors ?? null, text, headingYear);
}

function isComplete(pending: readonly string[]): boolean {
  const split = bodyStart(pending);
  return split !== null && hasVenue(bodyText(pending, split));
}

interface BodyStart {
  index: number;
  authors: string;
  firstBody: string;
}

function bodyText(pending: readonly string[], split: BodyStart): string {
  return [split.firstBody, ...pending.slice(split.index + 1)].join(' ').trim();
}

/**
 * The authors among the record's first lines: a line ending with ":", else "Authors: Title…" on the record's first
 * line (the one-line layout; only there, since a title such as "Auxiliary Tasks Are Not Enough: …" has that shape).
 */
function bodyStart(pending: readonly string[]): BodyStart | null {
  const limit = Math.min(pending.length, MAX_LEAD_IN + 1);
  for (let i = 0; i < limit; i++) {
    const line = pending[i] as string;
    if (isAuthorsLine(line)) return { index: i, authors: line, firstBody: '' };
  }
  const first = pending[0];
  const colon = first === undefined ? -1 : first.indexOf(': ');
  if (first !== undefined && colon > 0 && colon < 5000 && isAuthorsLine(first.slice(0, colon + 1))) {
    return { index: 0, authors: first.slice(0, colon + 1), firstBody: first.slice(colon + 2) };
  }
  return null;
}

function scan(lines: readonly string[]): Scan {
  const result: Scan = { records: [], keyLines: 0, siteLines: 0, isEmptyPage: false };
  const seen = new Set<string>();
  let headingYear: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (YEAR_HEADING.test(line)) headingYear = Number(line);
    if (SITE_LINE.test(line)) result.siteLines++;
    if (EMPTY_PAGE.test(line)) result.isEmptyPage = true;
    const key = readRecordKey(line);
    if (!key) continue;
    result.keyLines++;
    if (seen.has(key.key)) continue;
    const record = readRecord(lines, i, key.key, key.rest, headingYear);
    if (!record) continue;
    seen.add(key.key);
    result.records.push(record);
  }
  return result;
}

function confidence(s: Scan): number {
  const isSite = s.siteLines > 0;
  if (s.records.length >= 2) return isSite ? 0.97 : 0.9;
  if (s.records.length === 1) return isSite ? 0.9 : 0.6;
  if (s.isEmptyPage && s.siteLines >= 2) return 0.8;
  return isSite || s.keyLines > 0 ? 0.2 : 0;
}

/** The name every record shares, preferring one that also stands alone on a line near the person box. */
function personName(lines: readonly string[], records: readonly Located[]): string | null {
  if (records.length === 0) return nameAbovePersonBox(lines);
  const counts = new Map<string, number>();
  for (const { paper } of records) {
    for (const author of new Set(paper.authors)) counts.set(author, (counts.get(author) ?? 0) + 1);
  }
  let best = 0;
  for (const count of counts.values()) best = Math.max(best, count);
  const top = [...counts.keys()].filter((name) => counts.get(name) === best);
  const standalone = new Map<string, boolean>();
  for (let i = 0; i < lines.length; i++) {
    const name = dropHomonymNumber(lines[i] as string);
    if (!counts.has(name)) continue;
    standalone.set(name, standalone.get(name) === true || isAbovePersonBox(lines, i));
  }
  return (
    top.find((name) => standalone.get(name) === true) ??
    top.find((name) => standalone.has(name)) ??
    (best === records.length ? (top[0] ?? null) : null)
  );
}

function isAbovePersonBox(lines: readonly string[], i: number): boolean {
  for (let j = i + 1; j <= i + 3 && j < lines.length; j++) if (PERSON_MARKER.test(lines[j] as string)) return true;
  return false;
}

/** A page without records: the name is the line right above "Person information" (or the affiliation). */
function nameAbovePersonBox(lines: readonly string[]): string | null {
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '' || line.length > 80 || line.includes(':') || PERSON_MARKER.test(line)) continue;
    if (PERSON_MARKER.test(lines[i + 1] as string)) return dropHomonymNumber(line);
  }
  return null;
}

function affiliationOf(lines: readonly string[]): string | null {
  let fallback: string | null = null;
  for (const line of lines) {
    const match = AFFILIATION.exec(line);
    if (!match) continue;
    const qualifier = match[1];
    if (qualifier === undefined) return (match[2] as string).trim();
    if (!/former/i.test(qualifier)) fallback ??= (match[2] as string).trim();
  }
  return fallback;
}

function declaredCount(lines: readonly string[]): number | null {
  for (const line of lines) {
    const match = DECLARED.exec(line);
    if (match) return parseCount(match[1] ?? match[2]);
  }
  return null;
}

function parseDblp(text: string): SourceResult {
  const lines = textLines(text);
  const found = scan(lines);
  if (confidence(found) < 0.5) {
    throw new NotThisSourceError(
      'This is not a dblp person page: expected records with keys such as "[c6]" or "[j3]" followed by ' +
        '"Author, Author:" and "Title. Venue Year".',
    );
  }
  const warnings: string[] = [];
  for (const record of found.records) if (record.note) warnings.push(record.note);
  const declared = declaredCount(lines);
  if (declared !== null && declared > found.records.length) {
    warnings.push(
      `The page counts ${declared} records but the paste holds ${found.records.length}; expand every year group ` +
        'and paste again to import the rest.',
    );
  }
  if (found.records.length === 0) warnings.push('The dblp page lists no records.');
  const name = personName(lines, found.records);
  let profile: SourceProfile | null = null;
  if (name !== null) {
    const metrics = emptyMetrics();
    metrics.papers = declared;
    profile = { name, category: null, affiliation: affiliationOf(lines), metrics };
  } else {
    warnings.push('The person this dblp page is about was not found; the records are imported without a profile.');
  }
  return { source: 'dblp', profile, papers: found.records.map((r) => r.paper), warnings };
}

export const dblpSource: ImportSource = {
  id: 'dblp',
  label: 'dblp person page',
  version: 1,
  detect: (text) => (typeof text === 'string' ? confidence(scan(textLines(text.slice(0, DETECT_TEXT_LIMIT)))) : 0),
  parse: parseDblp,
};
