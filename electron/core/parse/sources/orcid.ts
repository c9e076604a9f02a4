// ORCID records as pasted. The page is a list of sections headed "Employment (2)", "Works (9)", "Peer review (3)"…;
// the works are read inside the Works section (orcid-work.ts: each anchored on its "date | Type" line), the person's
// name from the lines above the ORCID iD, the affiliation from the current Employment item. Sections are found by
// their headings, so their order on the page (and the order of the header blocks) does not matter.
import { emptyMetrics, parseCount } from './fields.js';
import { buildWork, isAnchorAt, isListControl, isWorkDetailLine, workTailLength } from './orcid-work.js';
import { DETECT_TEXT_LIMIT, textLines } from './page-lines.js';
import { NotThisSourceError, type ImportSource, type SourcePaper, type SourceProfile, type SourceResult } from './types.js';

const SECTION =
  /^(Employment|Education and qualifications|Education|Qualifications|Invited positions and distinctions|Distinctions|Invited positions|Membership and service|Membership|Service|Funding|Works|Peer review|Research resources|Professional activities) \((\d[\d,]*)(?: of (\d[\d,]*))?\)$/;
const ORCID_ID = /^(?:https?:\/\/)?(?:www\.)?(?:orcid\.org\/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/;
const SITE_LINE =
  /^(?:ORCID logo|Connecting research and researchers|Record last modified|The text of this website is published under a CC0 license|About ORCID|ORCID Support)/;
const AFFILIATION_RANGE = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?) to (present|\d{4}(?:-\d{2}(?:-\d{2})?)?)\b/;
const NAME_LIKE = /^[\p{L}][\p{L}\p{M} .'’-]{0,98}$/u;
const NOT_A_NAME = new Set([
  'skip to main content', 'orcid logo', 'sign in/register', 'sign in', 'register', 'english', 'search', 'for researchers',
  'for organizations', 'about', 'help', 'print view', 'personal information', 'record last modified', 'activities',
  'keywords', 'countries', 'websites & social links', 'other ids', 'emails', 'biography', 'names', 'collapse all',
  'expand all', 'connecting research and researchers',
]);

interface Section {
  name: string;
  count: number;
  start: number;
  end: number;
}

function sectionsOf(lines: readonly string[]): Section[] {
  const sections: Section[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = SECTION.exec(lines[i] as string);
    if (!match) continue;
    const previous = sections[sections.length - 1];
    if (previous) previous.end = i;
    sections.push({ name: match[1] as string, count: parseCount(match[3] ?? match[2]) ?? 0, start: i + 1, end: lines.length });
  }
  return sections;
}

interface Scan {
  papers: SourcePaper[];
  notes: string[];
  works: Section | null;
  idLine: number;
  siteLines: number;
  detailLines: number;
}

/** The works between `start` and `end`: each anchor's head is the unlabelled lines since the previous work's tail. */
function readWorks(lines: readonly string[], start: number, end: number): { papers: SourcePaper[]; notes: string[] } {
  const papers: SourcePaper[] = [];
  const notes: string[] = [];
  let headStart = start;
  for (let i = start; i < end; i++) {
    if (!isAnchorAt(lines, i, end)) continue;
    const anchor = lines[i] as string;
    const head = lines.slice(headStart, i).filter((l) => !isListControl(l) && !isWorkDetailLine(l));
    const tailLength = workTailLength(lines, i + 1, end);
    const work = buildWork({ head, anchor, tail: lines.slice(i + 1, i + 1 + tailLength) });
    if (work.paper) papers.push(work.paper);
    if (work.note) notes.push(work.note);
    i += tailLength;
    headStart = i + 1;
  }
  return { papers, notes };
}

function scan(lines: readonly string[]): Scan {
  const sections = sectionsOf(lines);
  const works = sections.find((s) => s.name === 'Works') ?? null;
  const { papers, notes } = works ? readWorks(lines, works.start, works.end) : readWorks(lines, 0, lines.length);
  let idLine = -1;
  let siteLines = 0;
  let detailLines = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (idLine < 0 && ORCID_ID.test(line)) idLine = i;
    if (SITE_LINE.test(line)) siteLines++;
    if (line.startsWith('CONTRIBUTORS') || line.startsWith('Source:') || line === 'Show more detail') detailLines++;
  }
  return { papers, notes, works, idLine, siteLines, detailLines };
}

function confidence(s: Scan): number {
  const recordSigns = (s.works ? 1 : 0) + (s.idLine >= 0 ? 1 : 0) + (s.siteLines > 0 ? 1 : 0) + (s.detailLines > 0 ? 1 : 0);
  if (s.papers.length >= 2 && recordSigns >= 2) return 0.96;
  if (s.papers.length >= 1 && recordSigns >= 2) return 0.9;
  if (s.papers.length >= 1 && recordSigns === 1) return 0.6;
  if (s.idLine >= 0 && recordSigns >= 3) return 0.8; // a record with no works listed
  return recordSigns > 0 ? 0.2 : 0;
}

function isNameLike(line: string): boolean {
  return line.length <= 100 && NAME_LIKE.test(line) && !NOT_A_NAME.has(line.toLowerCase()) && !/^Also known as\b/i.test(line);
}

/** The record holder's name: the nearest name-like line above the iD ("Also known as …" skipped), else below it. */
function holderName(lines: readonly string[], idLine: number): string | null {
  if (idLine < 0) return null;
  for (let i = idLine - 1; i >= Math.max(0, idLine - 4); i--) {
    const line = lines[i] as string;
    if (isNameLike(line)) return line;
  }
  for (let i = idLine + 1; i < Math.min(lines.length, idLine + 4); i++) {
    const line = lines[i] as string;
    if (isNameLike(line)) return line;
  }
  return null;
}

/** The organisation of the current Employment item ("… to present"), else of the first one; location dropped. */
function affiliationOf(lines: readonly string[], sections: readonly Section[]): string | null {
  const employment = sections.find((s) => s.name === 'Employment');
  if (!employment) return null;
  let first: string | null = null;
  for (let i = employment.start; i < employment.end; i++) {
    const range = AFFILIATION_RANGE.exec(lines[i] as string);
    if (!range) continue;
    const org = organisationAbove(lines, i, employment.start);
    if (org === null) continue;
    if (range[2] === 'present') return org;
    first ??= org;
  }
  return first;
}

function organisationAbove(lines: readonly string[], i: number, floor: number): string | null {
  for (let j = i - 1; j >= floor && j >= i - 3; j--) {
    const line = lines[j] as string;
    if (isListControl(line)) continue;
    const colon = line.indexOf(': ');
    return colon > 0 ? line.slice(0, colon) : line;
  }
  return null;
}

function parseOrcid(text: string): SourceResult {
  const lines = textLines(text);
  const found = scan(lines);
  if (confidence(found) < 0.5) {
    throw new NotThisSourceError(
      'This is not an ORCID record: expected a "Works (N)" list whose works have a "2024-11 | Journal article" line, ' +
        'and the ORCID iD (https://orcid.org/0000-…).',
    );
  }
  const warnings = [...found.notes];
  const declared = found.works?.count ?? null;
  if (declared !== null && declared > found.papers.length) {
    warnings.push(
      `The record counts ${declared} works but the paste holds ${found.papers.length}; show every page of works and ` +
        'paste again to import the rest.',
    );
  }
  if (found.papers.length === 0) warnings.push('The ORCID record lists no works.');
  const name = holderName(lines, found.idLine);
  let profile: SourceProfile | null = null;
  if (name !== null) {
    const metrics = emptyMetrics();
    metrics.papers = declared;
    profile = { name, category: null, affiliation: affiliationOf(lines, sectionsOf(lines)), metrics };
  } else {
    warnings.push("The record holder's name was not found; the works are imported without a profile.");
  }
  return { source: 'orcid', profile, papers: found.papers, warnings };
}

export const orcidSource: ImportSource = {
  id: 'orcid',
  label: 'ORCID record',
  version: 1,
  detect: (text) => (typeof text === 'string' ? confidence(scan(textLines(text.slice(0, DETECT_TEXT_LIMIT)))) : 0),
  parse: parseOrcid,
};
