// What each line of a pasted OpenReview profile is: a profile section heading, a year range, a publication's meta
// line ("Published: 22 Jan 2025, Last Modified: … ICLR 2025 poster Readers: Everyone"), chrome, or plain text.
import { parseLooseDate, type LooseDate } from './fields.js';

export type LineKind = 'text' | 'chrome' | 'section' | 'range' | 'meta' | 'person';

/** Profile section headings (current and older wordings), compared in lower case. */
export const SECTIONS = new Set([
  'names', 'emails', 'personal links', 'links', 'education & career history', 'career & education history',
  'education and career history', 'advisors, relations & conflicts', 'advisors & other relations', 'relations',
  'advisors, relations and conflicts', 'expertise', 'publications', 'recent publications', 'co-authors', 'coauthors',
]);
const CHROME = new Set([
  'toggle navigation', 'openreview.net', 'openreview', 'login', 'log in', 'sign up', 'logout', 'search', 'venues',
  'homepage', 'google scholar', 'dblp', 'orcid', 'semantic scholar', 'linkedin', 'twitter', 'github', 'wikipedia',
  'about openreview', 'hosting a venue', 'all venues', 'sponsors', 'donate', 'frequently asked questions', 'contact',
  'terms of use', 'privacy policy', 'feedback', 'show more', 'show less', 'edit profile', 'view profile', 'activity',
  'show all', 'hide',
]);
const CHROME_PATTERNS: readonly RegExp[] = [
  /^openreview is a long-term project\b/i,
  /^©/,
  /^view all \d{1,6} publications?$/i,
  /^pronouns:/i,
  /^joined [a-z]{3,9} \d{4}$/i,
  /^\*{2,}@\S+/, // masked emails
];
const YEAR_RANGE = /^(?:\d{4}|present)\s?[–—-]\s?(?:\d{4}|present)$|^\d{4}$/i;

// "Published: 22 Jan 2025, Last Modified: 28 Feb 2025 <venue> Readers: Everyone" and
// "17 May 2024 (modified: 06 Jun 2024) <venue> Readers: Everyone" (the date is the first thing on the line).
const META_PUBLISHED = /^published:\s*(\d{1,2} [A-Za-z]{3,9}\.? \d{4})\b,?\s*(.*)$/i;
const META_CREATED = /^(\d{1,2} [A-Za-z]{3,9}\.? \d{4})\s*(\(modified:.*)$/i;
const LAST_MODIFIED =
  /^(?:,\s*)?(?:last modified:\s*\d{1,2} [A-Za-z]{3,9}\.? \d{4}|\(modified:\s*\d{1,2} [A-Za-z]{3,9}\.? \d{4}\s?\)),?\s*/i;
const READERS = /\s*\breaders:.*$/i;

export function lineKind(text: string): LineKind {
  const lower = text.toLowerCase();
  if (SECTIONS.has(lower)) return 'section';
  if (CHROME.has(lower) || (text.length < 200 && CHROME_PATTERNS.some((p) => p.test(text)))) return 'chrome';
  if (YEAR_RANGE.test(text)) return 'range';
  if (readMetaStart(text) !== null) return 'meta';
  return 'text';
}

export interface MetaStart {
  date: LooseDate;
  /** What follows the dates on the same line: the venue, perhaps "Readers: …". */
  rest: string;
}

/** The publication date and the rest of a meta line, or null when the line does not open a publication's meta. */
export function readMetaStart(text: string): MetaStart | null {
  if (text.length > 1000) return null;
  const match = META_PUBLISHED.exec(text) ?? META_CREATED.exec(text);
  if (!match) return null;
  const date = parseLooseDate(match[1] as string);
  return date === null ? null : { date, rest: match[2] as string };
}

/** The venue in the meta text: what is left once the modification date and the readers list are removed. */
export function venueOf(metaRest: string): string | null {
  const venue = metaRest.replace(LAST_MODIFIED, '').replace(READERS, '').trim();
  return venue === '' ? null : venue;
}

export function hasReaders(text: string): boolean {
  return /\breaders:/i.test(text);
}
