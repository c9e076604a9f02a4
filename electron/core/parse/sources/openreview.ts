// OpenReview profile page, pasted after select-all + copy. A header (name, pronouns, position, "Joined …"), profile
// sections (Names with the "(Preferred)" one, Emails, Personal Links, Education & Career History, Advisors,
// Expertise), then publications: title, authors, and a meta line with the date, the venue and "Readers: …". No
// metrics; "View all 12 publications" is the declared count. Publications are found at their meta lines and the
// person by the preferred name, so the order of the blocks does not matter.
import { emptyMetrics, emptyPaper } from './fields.js';
import { readMetaStart, hasReaders, lineKind, venueOf, type LineKind, type MetaStart } from './openreview-lines.js';
import { isPersonName, readNameList } from './author-lists.js';
import { confidence, DETECT_TEXT_LIMIT, pageLines, plural, titleStart, type PageLine } from './page-lines.js';
import { NotThisSourceError, type ImportSource, type SourcePaper, type SourceProfile, type SourceResult } from './types.js';

interface Reading {
  papers: SourcePaper[];
  person: { name: string; affiliation: string | null } | null;
  declared: number | null;
  sections: number;
  hasBrand: boolean;
  hasPreferred: boolean;
  /** The header's "Joined October 2021" line. */
  hasJoined: boolean;
  warnings: string[];
}

const MAX_META_LINES = 3;
const BRAND = /^(?:openreview(?:\.net)?|about openreview|© ?\d{4} openreview|openreview is a long-term project\b.*)$/i;
const DECLARED = /^view all (\d{1,6}) publications?$/i;
const PREFERRED = /\s*\(preferred\)\s*/i;
const VENUE_WORD =
  /\b(?:submission|submitted|withdrawn|rejected|accepted|poster|oral|spotlight|workshop|conference|journal|transactions|corr)\b/i;
const isVenueLike = (text: string): boolean => /\b(?:19|20)\d{2}\b/.test(text) || VENUE_WORD.test(text);
const ANONYMOUS = /^anonymous(?: authors?)?$/i;
const JOINED = /^joined [a-z]{3,9} \d{4}$/i;
const HEADER_MARK = /^(?:pronouns:|joined [a-z]{3,9} \d{4}$)/i;
const READER_LIST = /^(?:everyone|[\p{L} ,/&-]{1,80}(?:chairs|reviewers|authors|committee)[\p{L} ,/&-]{0,80})$/iu;

function read(text: string): Reading {
  const lines = pageLines(text);
  const kinds = lines.map((line) => lineKind(line.text));
  const reading: Reading = {
    papers: [],
    person: null,
    declared: null,
    sections: new Set(lines.filter((_, i) => kinds[i] === 'section').map((l) => l.text.toLowerCase())).size,
    hasBrand: lines.some((l) => l.text.length < 200 && BRAND.test(l.text)),
    hasPreferred: false,
    hasJoined: lines.some((l) => JOINED.test(l.text)),
    warnings: [],
  };
  for (const line of lines) {
    const declared = DECLARED.exec(line.text);
    if (declared) reading.declared = Number(declared[1]);
  }
  reading.person = findPerson(lines, kinds, reading);
  readPublications(lines, kinds, reading);
  return reading;
}

function readPublications(lines: PageLine[], kinds: LineKind[], reading: Reading): void {
  let previousEnd = -1;
  for (let m = 0; m < lines.length; m++) {
    if (kinds[m] !== 'meta') continue;
    const start = readMetaStart((lines[m] as PageLine).text) as MetaStart;
    const metaEnd = metaExtent(lines, kinds, m, start.rest);
    const metaText = [start.rest, ...lines.slice(m + 1, metaEnd + 1).map((l) => l.text)].join(' ');
    const chunk = textRunBefore(lines, kinds, m, previousEnd);
    previousEnd = metaEnd;
    if (chunk.length === 0) {
      reading.warnings.push(`Skipped a publication dated ${start.date.date} with no title above its date line.`);
      m = metaEnd;
      continue;
    }
    reading.papers.push(toPaper(chunk, start, venueOf(metaText), reading));
    m = metaEnd;
  }
}

/**
 * The meta may continue on up to three more lines ("ICLR 2025 poster", "Readers:", "Everyone"). Without a
 * "Readers:" line, a venue-like line right below the dates is the venue when a title and authors still follow it.
 */
function metaExtent(lines: PageLine[], kinds: LineKind[], m: number, rest: string): number {
  let end = m;
  if (!hasReaders(rest)) {
    for (let j = m + 1; j <= m + MAX_META_LINES && kinds[j] === 'text'; j++) {
      if (hasReaders((lines[j] as PageLine).text)) {
        end = j;
        break;
      }
    }
    if (end === m && venueOf(rest) === null && kinds[m + 1] === 'text' && isVenueLike((lines[m + 1] as PageLine).text)) {
      let run = 1;
      while (run < 3 && kinds[m + 1 + run] === 'text') run++;
      if (run >= 3 || kinds[m + 1 + run] !== 'meta') end = m + 1;
    }
  }
  const last = (lines[end] as PageLine).text;
  const next = lines[end + 1];
  if (/readers:$/i.test(last) && next !== undefined && kinds[end + 1] === 'text' && READER_LIST.test(next.text)) end++;
  for (let j = m + 1; j <= end; j++) kinds[j] = 'meta';
  return end;
}

/** The title (perhaps wrapped) and author lines above a meta line, after the previous publication. */
function textRunBefore(lines: PageLine[], kinds: LineKind[], m: number, previousEnd: number): string[] {
  const isText = (i: number): boolean => i > previousEnd && kinds[i] === 'text';
  if (!isText(m - 1)) return [];
  if (!isText(m - 2)) return [(lines[m - 1] as PageLine).text];
  const first = titleStart(lines, isText, m - 2, previousEnd);
  return lines.slice(first, m).map((l) => l.text);
}

function toPaper(chunk: string[], start: MetaStart, venue: string | null, reading: Reading): SourcePaper {
  const authorsLine = chunk.length > 1 ? (chunk[chunk.length - 1] as string) : null;
  const paper = emptyPaper((authorsLine === null ? chunk : chunk.slice(0, -1)).join(' '));
  if (authorsLine !== null && ANONYMOUS.test(authorsLine)) {
    reading.warnings.push(`"${paper.title}" is an anonymous submission; it is imported without authors.`);
  } else if (authorsLine !== null) {
    const names = readNameList(authorsLine);
    paper.authors = names?.names ?? authorsLine.split(',').map((n) => n.trim()).filter((n) => n !== '');
    paper.authorsTruncated = names?.truncated ?? false;
  } else {
    reading.warnings.push(`"${paper.title}" has no author line; it is imported without authors.`);
  }
  paper.venue = venue;
  paper.year = start.date.year;
  paper.date = start.date.date;
  // OpenReview dates the papers it imports from dblp 1 January of their year: that day is not known.
  if (/-01-01$/.test(start.date.date)) {
    paper.date = String(start.date.year);
    reading.warnings.push(
      `"${paper.title}" is dated 01 Jan ${start.date.year}, the date OpenReview gives papers imported from dblp; ` +
        'only the year is kept.',
    );
  }
  return paper;
}

/**
 * The person: the name marked "(Preferred)" in the Names section, else the text above the pronouns / "Joined"
 * lines of the header. The affiliation is the header's position line just below the name.
 */
function findPerson(lines: PageLine[], kinds: LineKind[], reading: Reading): Reading['person'] {
  let name: string | null = null;
  for (const line of lines) {
    if (!PREFERRED.test(line.text) || line.text.length > 500) continue;
    const preferred = line.text.split(',').find((part) => PREFERRED.test(part));
    name = preferred?.replace(PREFERRED, ' ').trim() ?? null;
    reading.hasPreferred = name !== null && name !== '';
    break;
  }
  // The header's name line, not a single-author line above a publication's meta line.
  const isHeaderName = (line: PageLine, i: number): boolean =>
    kinds[i] === 'text' && kinds[i + 1] !== 'meta' && line.text === name;
  let nameIndex = name === null ? -1 : lines.findIndex(isHeaderName);
  if (nameIndex === -1) {
    const mark = lines.findIndex((l) => HEADER_MARK.test(l.text));
    nameIndex = mark > 0 ? headerNameAbove(lines, kinds, mark) : -1;
    if (name === null && nameIndex !== -1) name = (lines[nameIndex] as PageLine).text;
  }
  if (name === null || name === '') return null;
  if (nameIndex === -1) return { name, affiliation: null };
  kinds[nameIndex] = 'person';
  let below = nameIndex + 1;
  while (below < lines.length && /^pronouns:/i.test((lines[below] as PageLine).text)) below++;
  if (kinds[below] !== 'text' || /^joined /i.test((lines[below] as PageLine).text)) return { name, affiliation: null };
  kinds[below] = 'person';
  return { name, affiliation: (lines[below] as PageLine).text };
}

/** Above "Pronouns:" or "Joined …": [name] or [name, position]; the name is the one that reads as a name. */
function headerNameAbove(lines: PageLine[], kinds: LineKind[], mark: number): number {
  let top = mark;
  const isHeaderLine = (i: number): boolean => kinds[i] === 'text' || /^pronouns:/i.test((lines[i] as PageLine).text);
  while (top > 0 && mark - top < 3 && isHeaderLine(top - 1)) top--;
  for (let i = top; i < mark; i++) if (kinds[i] === 'text' && isPersonName((lines[i] as PageLine).text, 2)) return i;
  return -1;
}

function score(reading: Reading): number {
  const metas = reading.papers.length;
  return confidence(
    reading.hasBrand ? 0.15 : 0,
    reading.sections >= 5 ? 0.45 : reading.sections >= 3 ? 0.3 : reading.sections === 2 ? 0.15 : 0,
    metas >= 3 ? 0.5 : metas > 0 ? 0.3 : 0,
    reading.hasPreferred ? 0.1 : 0,
    reading.declared !== null ? 0.05 : 0,
    reading.hasJoined ? 0.1 : 0,
  );
}

export const openReviewSource: ImportSource = {
  id: 'openreview',
  label: 'OpenReview profile',
  version: 1,
  detect(text: string): number {
    if (typeof text !== 'string') return 0;
    return score(read(text.slice(0, DETECT_TEXT_LIMIT)));
  },
  parse(text: string): SourceResult {
    if (typeof text !== 'string') {
      throw new NotThisSourceError(`Expected the text of an OpenReview profile, got ${typeof text}.`);
    }
    const reading = read(text);
    if (score(reading) < 0.3 || (reading.papers.length === 0 && reading.person === null)) {
      throw new NotThisSourceError(
        'This is not an OpenReview profile: expected profile sections (Names, Education & Career History, ' +
          'Expertise) or publications with a "Published: …, Last Modified: … Readers: …" line.',
      );
    }
    const warnings = [...reading.warnings];
    const profile: SourceProfile | null =
      reading.person === null
        ? null
        : {
            name: reading.person.name,
            category: null,
            affiliation: reading.person.affiliation,
            metrics: { ...emptyMetrics(), papers: reading.declared },
          };
    if (profile === null) {
      warnings.unshift('Found no profile name (the one marked "(Preferred)"), so only the publications are imported.');
    }
    if (reading.declared !== null && reading.declared !== reading.papers.length) {
      warnings.push(
        `The page declares ${plural(reading.declared, 'publication')}; found ${reading.papers.length} ` +
          '(the profile lists the most recent; "View all" shows the rest).',
      );
    }
    return { source: 'openreview', profile, papers: reading.papers, warnings };
  },
};
