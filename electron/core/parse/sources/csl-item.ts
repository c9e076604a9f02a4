// One CSL-JSON item → a SourcePaper. Shared by the CSL-JSON source and the BibTeX source (citation-js decodes
// BibTeX into CSL items). Reads defensively: an item comes from a file, so any field may be missing or of a wrong type.
import { emptyPaper, normalizeDoi, parseLooseDate, type LooseDate } from './fields.js';
import {
  arxivCategory,
  arxivIdIn,
  cleanParagraphs,
  cleanText,
  displayName,
  invertedName,
  stripMarkup,
} from './reference-fields.js';
import { isTruncationMarker } from './author-lists.js';
import type { SourcePaper } from './types.js';

export type CslItem = Record<string, unknown>;

export function isCslItem(value: unknown): value is CslItem {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The item as a paper, or null (with a warning naming it) when it has no title. */
export function paperFromCslItem(item: CslItem, label: string, warnings: string[]): SourcePaper | null {
  const title = richText(item.title);
  if (title === null) {
    warnings.push(`Skipped ${label}: it has no title.`);
    return null;
  }
  const paper = emptyPaper(title);
  const { authors, truncated } = cslAuthors(item.author);
  paper.authors = authors;
  paper.authorsTruncated = truncated;
  const date = cslDate(item.issued);
  if (date) {
    paper.date = date.date;
    paper.year = date.year;
  }
  paper.venue = richText(firstString(item['container-title'])) ?? (item.type === 'thesis' ? richText(firstString(item.publisher)) : null);
  paper.url = cleanText(item.URL);
  paper.doi = normalizeDoi(cleanText(item.DOI)) ?? (paper.url && /doi\.org\//i.test(paper.url) ? normalizeDoi(paper.url) : null);
  paper.arxivId = arxivIdIn([
    stringOf(item.number),
    paper.doi,
    paper.url,
    stringOf(item.archive_location),
    firstString(item['container-title']),
    stringOf(item.note),
  ]);
  paper.abstract = cleanParagraphs(typeof item.abstract === 'string' ? stripMarkup(item.abstract) : null);
  paper.category = arxivCategory(stringOf(item.keyword)?.split(/[,;]/)[0]);
  return paper;
}

function richText(value: unknown): string | null {
  return typeof value === 'string' ? cleanText(stripMarkup(value)) : null;
}

function stringOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' ? value : null;
}

function firstString(value: unknown): string | null {
  if (Array.isArray(value)) return stringOf(value.find((v) => typeof v === 'string'));
  return stringOf(value);
}

/** Names in print order; "others" (BibTeX's "and others", as citation-js passes it on) marks a cut list. */
export function cslAuthors(value: unknown): { authors: string[]; truncated: boolean } {
  const authors: string[] = [];
  let truncated = false;
  if (!Array.isArray(value)) return { authors, truncated };
  for (const name of value) {
    const printed = cslName(name);
    if (printed === null) continue;
    if (isTruncationMarker(printed)) truncated = true;
    else authors.push(printed);
  }
  return { authors, truncated };
}

function cslName(name: unknown): string | null {
  if (typeof name === 'string') return invertedName(stripMarkup(name));
  if (!isCslItem(name)) return null;
  const literal = richText(name.literal);
  if (literal !== null) return literal;
  const particles = [stringOf(name['dropping-particle']), stringOf(name['non-dropping-particle'])].filter(Boolean);
  const printed = displayName({
    given: stringOf(name.given),
    particle: particles.join(' ') || null,
    family: stringOf(name.family),
    suffix: stringOf(name.suffix),
  });
  return printed === null ? null : stripMarkup(printed);
}

/** A CSL date: the first of `date-parts` (a range keeps its start), else a `raw` or `literal` text. */
export function cslDate(value: unknown): LooseDate | null {
  if (!isCslItem(value)) return null;
  const parts = value['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const numbers: number[] = [];
    for (const part of (parts[0] as unknown[]).slice(0, 3)) {
      const n = Number(stringOf(part) ?? NaN);
      if (!Number.isInteger(n) || n <= 0) break;
      numbers.push(n);
    }
    // An impossible day or month ("2023-02-31") falls back to the precision that is real.
    for (; numbers.length > 0; numbers.pop()) {
      const date = parseLooseDate(numbers.map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join('-'));
      if (date) return date;
    }
  }
  for (const key of ['raw', 'literal']) {
    const text = stringOf(value[key]);
    const date = parseLooseDate(text) ?? yearIn(text);
    if (date) return date;
  }
  return null;
}

/** A lone year in free text ("2020a", "Spring 2021", "in press (2024)"). */
export function yearIn(text: string | null | undefined): LooseDate | null {
  const match = text ? /(?<!\d)(1[5-9]\d\d|2\d\d\d)(?!\d)/.exec(text) : null;
  return match ? parseLooseDate(match[1]) : null;
}
