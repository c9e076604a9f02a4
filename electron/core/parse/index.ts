// Parser for a researcher's profile page copied from a scholar-aggregator site (select all, copy, paste).
// Pure: text in, data out; no Electron, no I/O. The pipeline:
//   1. normalize-text: line ends, Unicode spaces, invisible characters → plain trimmed lines;
//   2. paper-header: find the lines that open paper entries ("CLJul 31, 2024"), keep those followed by a title and
//      an authors line (paper-entry.entryShape);
//   3. chrome + pagination: drop footer chrome after the last paper and page numbers glued to the last sentence;
//   4. paper-entry: title, authors, orgs, abstract of each entry, and entries whose date line was lost;
//   5. head: metrics, then the name (by where it stands, and whether it is among the authors) and category;
//   6. same-paper: repeats of a paper merged by the store's rule, each merge named in a warning.
// Everything is a constant number of passes over the lines with bounded-length regexes, so parsing is linear.
import { mergeRichest } from '../richest-fields.js';
import { findKeptApart, findSamePaper, identityOf, keptApartNotice, mergedNotice, type PaperIdentity } from '../same-paper.js';
import { normalizeKey, titleKey } from '../text.js';
import { isFooterLine } from './chrome.js';
import { normalizeLines } from './normalize-text.js';
import { NotAProfileError } from './errors.js';
import { parseHead, type Head, type PaperAuthors } from './head.js';
import { stripGluedPagination } from './pagination.js';
import { entryShape, findHeaderlessEntries, parseEntryBlock, recoverHeaderless, titleAuthorsGap, type EntryShape, } from './paper-entry.js';
import { parsePaperHeader, type PaperHeader } from './paper-header.js';
import type { SourcePaper, SourceProfile, SourceResult } from './sources/types.js';

export { NotAProfileError } from './errors.js';

/** Bump when the output for the same input changes, so stored imports can be re-parsed. */
export const PARSER_VERSION = 4;

const EXPECTED =
  'an author name followed by metrics (such as "h-index 117") or paper entries (a category and date line such as ' +
  '"CLJul 31, 2024", then a title and an author line)';

interface Located {
  index: number;
  header: PaperHeader;
  shape?: EntryShape;
}

/**
 * Parses pasted profile-page text. Minimum for a profile: a name line plus at least one metric or one paper entry
 * (a name with metrics and zero papers is valid). Throws NotAProfileError otherwise.
 */
export function parseProfilePage(text: string): SourceResult & { profile: SourceProfile; papers: SourcePaper[] } {
  const lines = pastedLines(text);
  const { candidates, headers } = findPaperHeaders(lines);
  const warnings: string[] = [];
  const firstPaper = headers[0]?.index ?? lines.length;
  const end = trimPageFooter(lines, headers, warnings);

  // Papers before the head: the head looks for the researcher's name among their authors.
  const firstBlank = lines.indexOf('', firstPaper);
  const blankLinesSeparateParagraphs = firstBlank >= 0 && firstBlank < end;
  const paperWarnings: string[] = [];
  let listings = parseListings(lines, headers, end, blankLinesSeparateParagraphs, paperWarnings);

  const head = parseHead(lines.slice(0, firstPaper), paperAuthors(listings));
  const name = requireProfile(head, headers.length, candidates.length);
  for (const warning of head.warnings) warnings.push(warning);

  const first = headers[0];
  if (first && head.metricsEnd >= 0) {
    listings = recoverAboveFirstHeader(lines, first, head.metricsEnd + 1, blankLinesSeparateParagraphs, warnings).concat(listings);
  }
  for (const warning of paperWarnings) warnings.push(warning);
  const papers = mergeSamePapers(listings, warnings);

  const declared = head.metrics.papers;
  if (declared !== null && declared !== papers.length) {
    warnings.push(`Page declares ${declared} paper${declared === 1 ? '' : 's'}; found ${papers.length}.`);
  }

  return {
    source: 'profile-page',
    profile: {
      name,
      category: head.category,
      affiliation: null,
      metrics: head.metrics,
      ...(head.nameDoubt === null ? {} : { nameDoubt: head.nameDoubt }),
    },
    papers,
    warnings,
  };
}

/** The paste as normalized lines; refuses what is not text, or is only blank lines. */
function pastedLines(text: string): string[] {
  if (typeof text !== 'string') {
    throw new NotAProfileError(`Expected the pasted text of a profile page, but got ${typeof text}.`);
  }
  const lines = normalizeLines(text);
  if (lines.every((l) => l === '')) {
    throw new NotAProfileError(
      'The pasted text is empty: expected the text of a researcher\'s profile page (select all on the page, copy, paste).',
    );
  }
  return lines;
}

/**
 * Every line that reads as a paper header (`candidates`), and those that open a paper (`headers`). A header only
 * counts when its entry has a title and an authors line ("strict"); once the page has at least one such entry,
 * title-only entries ("loose") are accepted too, so one paper missing its authors line is not lost. A date followed
 * by prose is never a paper.
 */
function findPaperHeaders(lines: readonly string[]): { candidates: Located[]; headers: Located[] } {
  const candidates: Located[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = parsePaperHeader(lines[i] as string);
    if (header) candidates.push({ index: i, header });
  }
  let anyStrict = false;
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k] as Located;
    c.shape = entryShape(lines, c.index + 1, candidates[k + 1]?.index ?? lines.length);
    if (c.shape.fit === 'strict') anyStrict = true;
  }
  const headers = candidates.filter((c) => c.shape?.fit === 'strict' || (anyStrict && c.shape?.fit === 'loose'));
  return { candidates, headers };
}

/**
 * Where the papers end: footer chrome after the last paper is left out, and page numbers glued to the last sentence
 * are removed from its line (in `lines`, with a warning). The last paper's title line is never treated as footer.
 */
function trimPageFooter(lines: string[], headers: readonly Located[], warnings: string[]): number {
  let end = lines.length;
  const last = headers[headers.length - 1];
  if (!last) return end;
  let titleIndex = last.index + 1;
  while (titleIndex < end && lines[titleIndex] === '') titleIndex++;
  while (end > titleIndex + 1 && (lines[end - 1] === '' || isFooterLine(lines[end - 1] as string))) end--;
  const stripped = stripGluedPagination(lines[end - 1] as string);
  if (stripped.removed !== null) {
    lines[end - 1] = stripped.line;
    warnings.push(`Removed page numbers "${stripped.removed}" glued to the end of the last paper's text.`);
  }
  return end;
}

/** The researcher's name, once the page has shown it is a profile (papers or metrics, and a name); else why not. */
function requireProfile(head: Head, paperCount: number, dateLineCount: number): string {
  if (paperCount === 0 && !head.hasMetrics) {
    if (dateLineCount > 0) {
      throw new NotAProfileError(
        `This does not look like a profile page: expected ${EXPECTED}, but found ${dateLineCount} date ` +
          `line${dateLineCount === 1 ? '' : 's'} with no paper title and author line after ${dateLineCount === 1 ? 'it' : 'them'}, and no metrics.`,
      );
    }
    throw new NotAProfileError(
      `This does not look like a profile page: expected ${EXPECTED}, but found neither metrics nor paper entries.`,
    );
  }
  if (head.name === null) {
    const found = paperCount > 0 ? `${paperCount} paper entr${paperCount === 1 ? 'y' : 'ies'}` : 'metrics';
    throw new NotAProfileError(
      `This does not look like a profile page: expected the researcher's name at the top, but found ${found} with no name line before them.`,
    );
  }
  return head.name;
}

/** Every paper listed under `headers`, in page order, with those recovered inside their blocks. */
function parseListings(
  lines: readonly string[],
  headers: readonly Located[],
  end: number,
  blankLinesSeparateParagraphs: boolean,
  warnings: string[],
): SourcePaper[] {
  const listings: SourcePaper[] = [];
  for (let k = 0; k < headers.length; k++) {
    const h = headers[k] as Located;
    const blockEnd = Math.min(headers[k + 1]?.index ?? end, end);
    if (!h.shape) continue;
    const block = parseEntryBlock(h.header, h.shape, lines, h.index + 1, blockEnd, blankLinesSeparateParagraphs, warnings);
    for (const paper of block) listings.push(paper);
  }
  return listings;
}

/**
 * A first paper whose date line was lost: it sits between the metrics block (ending before `from`) and the first
 * header.
 */
function recoverAboveFirstHeader(
  lines: readonly string[],
  first: Located,
  from: number,
  blankLinesSeparateParagraphs: boolean,
  warnings: string[],
): SourcePaper[] {
  const pageGap = first.shape ? titleAuthorsGap(lines, first.shape) : null;
  const hidden = findHeaderlessEntries(lines, from, first.index, false, pageGap);
  return recoverHeaderless(hidden.starts, lines, first.index, blankLinesSeparateParagraphs, warnings);
}

/** The papers' authors, matched as spelled, else by normalizeKey (computed only when a spelling misses). */
function paperAuthors(papers: readonly SourcePaper[]): PaperAuthors {
  const spelled = new Set<string>();
  for (const paper of papers) for (const author of paper.authors) spelled.add(author);
  let keys: Set<string> | null = null;
  return {
    isEmpty: spelled.size === 0,
    includes: (name) => spelled.has(name) || (keys ??= new Set([...spelled].map(normalizeKey))).has(normalizeKey(name)),
  };
}

/**
 * The listings with every repeat of a paper merged into its first listing (same-paper.ts: the rule the store applies
 * against the library), keeping the richest value of each field. Each merge, and each title kept as two papers
 * because their years are too far apart, is named in a warning. A title with nothing visible is skipped.
 */
function mergeSamePapers(listings: readonly SourcePaper[], warnings: string[]): SourcePaper[] {
  const papers: SourcePaper[] = [];
  const identities: PaperIdentity[] = [];
  const byKey = new Map<string, number[]>();
  const describe = (i: number) => ({ identity: identities[i] as PaperIdentity, date: (papers[i] as SourcePaper).date ?? '', authors: (papers[i] as SourcePaper).authors });
  for (const paper of listings) {
    const key = titleKey(paper.title);
    if (key === '') {
      warnings.push(`Skipped a paper${paper.date === null ? '' : ` dated ${paper.date}`} whose title has nothing visible.`);
      continue;
    }
    // A page has no identifiers, so only papers with its title key can be the same one.
    const identity = identityOf(paper, key);
    const same = byKey.get(key) ?? [];
    const date = paper.date ?? '';
    const twin = findSamePaper(identity, date, paper.authors, same, describe);
    if (twin !== undefined) {
      const kept = papers[twin.candidate] as SourcePaper;
      papers[twin.candidate] = mergeRichest(kept, {}, 'profile-page', paper, 'profile-page')?.paper ?? kept;
      warnings.push(mergedNotice(kept.title, kept.date ?? '', date));
      continue;
    }
    const apart = findKeptApart(identity, date, same, describe);
    if (apart !== undefined) warnings.push(keptApartNotice(paper.title, (papers[apart] as SourcePaper).date ?? '', date));
    same.push(papers.length);
    byKey.set(key, same);
    papers.push(paper);
    identities.push(identity);
  }
  return papers;
}
