// What each line of a pasted Google Scholar profile is (site chrome, a metrics row, a bare number, the articles
// header, an article's closing row, plain text) and the person block found around the "Verified email" line.
import { isPersonName } from './author-lists.js';
import { hasOrganisationWord, readCount, readYear, type PageLine } from './page-lines.js';

export type LineKind = 'text' | 'chrome' | 'metric' | 'number' | 'header' | 'email' | 'person' | 'row';

/** Whole-line labels of Scholar's buttons, menus, box titles and footer (compared in lower case). */
const CHROME = new Set([
  'sign in', 'sign out', 'get my own profile', 'my profile', 'my library', 'alerts', 'metrics', 'advanced search',
  'settings', 'google scholar', 'scholar', 'cited by', 'view all', 'public access', 'based on funding mandates',
  'not available', 'available', 'co-authors', 'follow', 'following', 'show more', 'show less', 'help', 'privacy',
  'terms', 'help privacy terms', 'provide feedback', 'edit', 'export', 'merge', 'delete', 'sort by',
  'sort by citations', 'sort by year', 'sort by title', 'title', 'cited by year', 'year', 'all', 'homepage',
  'create alert', 'follow new articles', 'follow new citations', 'follow new articles related to this author',
  'cancel', 'done', 'add', 'add co-authors', 'no co-authors', 'loading...',
  "the system can't perform the operation now. try again later.",
]);
const CHROME_PATTERNS: readonly RegExp[] = [
  /^\d{1,6} articles?$/i, // public-access box: "2 articles"
  /^articles \d{1,6}\s?[–-]\s?\d{1,6}$/i, // "Articles 1–14"
  /^(?:all )?since \d{4}$/i, // the metrics table's column header
];

export const ARTICLES_HEADER = /^title cited by year$/i;
export const EMAIL_LINE = /^(?:verified email at \S|no verified email)/i;
const ARTICLES_SHOWN = /^articles (\d{1,6})\s?[–-]\s?(\d{1,6})$/i;
const SINCE = /^(?:all )?since (\d{4})$/i;
const METRIC_LABEL = /^(citations|h-index|i10-index)(?: (.*))?$/i;

export function isChrome(text: string): boolean {
  if (text.length > 120) return false;
  if (CHROME.has(text.toLowerCase())) return true;
  return CHROME_PATTERNS.some((p) => p.test(text));
}

/** Looks like an employer or position line rather than a person's name. */
export function isOrgLike(text: string): boolean {
  return text.includes(',') || hasOrganisationWord(text);
}

export type MetricKey = 'citations' | 'hIndex' | 'i10Index';
const METRIC_KEYS: Record<string, MetricKey> = { citations: 'citations', 'h-index': 'hIndex', 'i10-index': 'i10Index' };

export interface MetricRow {
  key: MetricKey;
  all: number | null;
  since: number | null;
}

export interface ScholarLines {
  lines: PageLine[];
  kinds: LineKind[];
  metrics: MetricRow[];
  sinceYear: number | null;
  hasArticlesHeader: boolean;
  /** "Articles 1–14" under the table: how many articles the page says it shows. */
  articlesShown: number | null;
  person: { name: string; affiliation: string | null } | null;
  hasEmailLine: boolean;
}

/**
 * Classifies every line, reads the metrics table (its rows may be tab-separated or one cell per line) and finds
 * the person. Lines used by the person or the metrics are marked so the article reader never takes them.
 */
export function classifyLines(lines: PageLine[]): ScholarLines {
  const kinds: LineKind[] = lines.map((line) => baseKind(line));
  markSplitHeader(lines, kinds);
  const metrics = readMetrics(lines, kinds);
  let sinceYear: number | null = null;
  let articlesShown: number | null = null;
  let hasArticlesHeader = false;
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] as PageLine).text;
    if (kinds[i] === 'header') hasArticlesHeader = true;
    const since = SINCE.exec(text);
    if (since && sinceYear === null) sinceYear = readYear(since[1] as string);
    const shown = ARTICLES_SHOWN.exec(text);
    if (shown) articlesShown = Number(shown[2]) - Number(shown[1]) + 1;
  }
  const hasEmailLine = kinds.includes('email');
  const person = findPerson(lines, kinds);
  return { lines, kinds, metrics, sinceYear, hasArticlesHeader, articlesShown, person, hasEmailLine };
}

/** A copy that puts each table cell on its own line splits the header into "Title", "Cited by", "Year". */
function markSplitHeader(lines: PageLine[], kinds: LineKind[]): void {
  for (let i = 0; i + 2 < lines.length; i++) {
    const three = [i, i + 1, i + 2].map((k) => (lines[k] as PageLine).text.toLowerCase()).join('|');
    if (three === 'title|cited by|year') kinds[i] = kinds[i + 1] = kinds[i + 2] = 'header';
  }
}

function baseKind(line: PageLine): LineKind {
  const text = line.text;
  if (ARTICLES_HEADER.test(text)) return 'header';
  if (EMAIL_LINE.test(text)) return 'email';
  if (isChrome(text)) return 'chrome';
  if (line.cells.length === 1 && (readCount(text) !== null || readYear(text) !== null)) return 'number';
  return 'text';
}

/** The Cited-by table: "Citations<TAB>3045<TAB>3045", or the label and its numbers on lines of their own. */
function readMetrics(lines: PageLine[], kinds: LineKind[]): MetricRow[] {
  const rows: MetricRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as PageLine;
    if (kinds[i] !== 'text' || line.text.length > 60) continue;
    const label = METRIC_LABEL.exec(line.text);
    if (!label) continue;
    const key = METRIC_KEYS[(label[1] as string).toLowerCase()] as MetricKey;
    if (rows.some((r) => r.key === key)) continue;
    let values: Array<number | null>;
    let used = 0;
    if (label[2] !== undefined) {
      values = label[2].split(' ').map(readCount);
      if (values.some((v) => v === null)) continue;
    } else {
      values = [];
      while (used < 2 && kinds[i + 1 + used] === 'number') {
        values.push(readCount((lines[i + 1 + used] as PageLine).text));
        used++;
      }
    }
    if (values.length === 0 || values.length > 2) continue;
    rows.push({ key, all: values[0] ?? null, since: values[1] ?? null });
    kinds[i] = 'metric';
    for (let k = 1; k <= used; k++) kinds[i + k] = 'metric';
  }
  return rows;
}

/**
 * The person is the block ending in the "Verified email at …" (or "No verified email") line: name, then the
 * affiliation. The co-author box may repeat that block per co-author, so an email line inside it is only used
 * when there is no other. Without any email line, the name is the line after the "Follow" button.
 */
function findPerson(lines: PageLine[], kinds: LineKind[]): ScholarLines['person'] {
  const coAuthors = coAuthorBox(lines, kinds);
  let chosen = -1;
  let fallback = -1;
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i] !== 'email' || kinds[i - 1] !== 'text') continue;
    if (i >= coAuthors.start && i < coAuthors.end) fallback = i;
    else if (chosen === -1) chosen = i;
  }
  const email = chosen !== -1 ? chosen : fallback;
  if (email !== -1) return personBefore(lines, kinds, email);
  for (let i = 0; i + 1 < lines.length; i++) {
    const next = lines[i + 1] as PageLine;
    if (lines[i]?.text.toLowerCase() === 'follow' && kinds[i + 1] === 'text' && isPersonName(next.text, 2)) {
      kinds[i + 1] = 'person';
      return { name: next.text, affiliation: null };
    }
  }
  return null;
}

function coAuthorBox(lines: PageLine[], kinds: LineKind[]): { start: number; end: number } {
  const start = lines.findIndex((l) => l.text.toLowerCase() === 'co-authors');
  if (start === -1) return { start: -1, end: -1 };
  let end = start + 1;
  while (end < lines.length && (kinds[end] !== 'chrome' || lines[end]?.text.toLowerCase() === 'view all')) {
    if (kinds[end] === 'header' || kinds[end] === 'metric') break;
    end++;
  }
  return { start, end };
}

function personBefore(lines: PageLine[], kinds: LineKind[], email: number): ScholarLines['person'] {
  const nearest = (lines[email - 1] as PageLine).text;
  const before = kinds[email - 2] === 'text' ? (lines[email - 2] as PageLine).text : null;
  const interests = email + 1;
  if (kinds[interests] === 'text' && (lines[interests] as PageLine).cells.length === 1) kinds[interests] = 'person';
  kinds[email - 1] = 'person';
  // Scholar asks every profile for an affiliation, so the name is normally two lines up; but when the line there
  // is an employer and the nearest one is a name, the affiliation was left empty.
  if (before !== null && !(isOrgLike(before) && !isOrgLike(nearest) && isPersonName(nearest, 2))) {
    kinds[email - 2] = 'person';
    return { name: before, affiliation: nearest };
  }
  return { name: nearest, affiliation: null };
}
