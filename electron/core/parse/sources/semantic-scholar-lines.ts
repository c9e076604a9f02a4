// What each line of a pasted Semantic Scholar author page is (chrome, a card button, a bare number, a TLDR, a
// fields-of-study line, a date, plain text), the author card's metrics and the person above them.
import { parseLooseDate } from './fields.js';
import { isPersonName } from './author-lists.js';
import { hasOrganisationWord, readCount, type PageLine } from './page-lines.js';

export type LineKind =
  | 'text' | 'chrome' | 'button' | 'number' | 'date' | 'fields' | 'tldr' | 'snippet' | 'metric' | 'person';

const CHROME = new Set([
  'skip to search form', 'skip to main content', 'skip to account menu', "semantic scholar's logo", 'semantic scholar',
  'search', 'sign in', 'sign up', 'create free account', 'follow author', 'claim author page', 'publications',
  'citing authors', 'referenced authors', 'co-authors', 'co-author papers', 'has pdf', 'publication type', 'author',
  'authors', 'more filters', 'filters', 'clear', 'date range', 'fields of study', 'journals & conferences',
  'view all', 'next', 'previous', 'prev', 'expand', 'collapse', 'more', 'less', 'stay connected with semantic scholar',
  'what is semantic scholar?', 'learn more', 'about', 'about us', 'meet the team', 'publishers', 'product',
  'product overview', 'semantic reader', "scholar's hub", 'beta program', 'release notes', 'api', 'overview',
  'api tutorials', 'api gallery', 'research', 'resources', 'help', 'faq', 'librarians', 'tutorials', 'contact',
  'accept & continue', 'highly influential', 'citations', 'h-index',
]);
const CHROME_PATTERNS: readonly RegExp[] = [
  /\(opens in a new tab\)/i,
  /^search [\d,]{1,20} papers\b/i,
  /^sort(?:ed)? by\b/i,
  /^author pages are created from\b/i,
  /^semantic scholar is a free\b/i,
  /^by clicking accept\b/i,
  /^collaborators & attributions\b/i,
  /^(?:©|copyright\b)/i,
  /^(?:(?:\d{1,4}|next|previous|prev|…)(?: |$)){2,30}$/i, // pagination on one line: "1 2 3 4 Next"
];
const BUTTONS = new Set([
  'pdf', 'view pdf', 'view via publisher', 'cite', 'save', 'save to library', 'alert', 'create alert', 'share',
  'publisher', 'view on acm', 'view on ieee', 'view on pubmed', 'view on arxiv', 'view paper',
]);

/** Semantic Scholar's fields of study (its s2FieldsOfStudy list), printed comma-separated on each card. */
const FIELDS_OF_STUDY = new Set([
  'computer science', 'medicine', 'chemistry', 'biology', 'materials science', 'physics', 'geology', 'psychology',
  'art', 'history', 'geography', 'sociology', 'business', 'political science', 'economics', 'philosophy',
  'mathematics', 'engineering', 'environmental science', 'agricultural and food sciences', 'education', 'law',
  'linguistics',
]);

const TLDR = /^TLDR\b/;
const EXPAND = /\s?Expand$/;

export function isChrome(text: string): boolean {
  if (text.length > 300) return false;
  if (CHROME.has(text.toLowerCase())) return true;
  return CHROME_PATTERNS.some((p) => p.test(text));
}

function isFieldsLine(text: string): boolean {
  if (text.length > 200) return false;
  return text.split(',').every((part) => FIELDS_OF_STUDY.has(part.trim().toLowerCase()));
}

export function lineKind(text: string): LineKind {
  if (BUTTONS.has(text.toLowerCase())) return 'button';
  if (TLDR.test(text)) return 'tldr';
  if (isChrome(text)) return 'chrome';
  if (readCount(text) !== null) return 'number';
  if (text.length < 40 && parseLooseDate(text) !== null) return 'date';
  if (isFieldsLine(text)) return 'fields';
  if (EXPAND.test(text) && text.length > 40) return 'snippet';
  return 'text';
}

/** "TLDR This work … Expand" or an abstract snippet "We revisit … Expand" → the sentence(s) without the labels. */
export function summaryText(text: string): string {
  return text.replace(TLDR, '').replace(EXPAND, '').trim();
}

export type MetricKey = 'papers' | 'hIndex' | 'citations' | 'highlyInfluentialCitations';
const METRIC_LABEL = /^(publications|h-index|citations|highly influential citations)(?:[ :]*([\d,]{1,15}))?$/i;
const METRIC_KEYS: Record<string, MetricKey> = {
  publications: 'papers',
  'h-index': 'hIndex',
  citations: 'citations',
  'highly influential citations': 'highlyInfluentialCitations',
};

const METRIC_PAIR = /(highly influential citations|publications|h-index|citations)[ :]*(\d[\d,]{0,14})(?![\d,])/gi;

/** "Publications 27 h-index 11 Citations 1,904 …": a copy that keeps the whole figure row on one line. */
function metricRow(text: string): Array<[MetricKey, number | null]> {
  const pairs: Array<[MetricKey, number | null]> = [];
  for (const match of text.matchAll(METRIC_PAIR)) {
    pairs.push([METRIC_KEYS[(match[1] as string).toLowerCase()] as MetricKey, readCount(match[2] as string)]);
  }
  return pairs.length >= 2 && text.replace(METRIC_PAIR, '').trim() === '' ? pairs : [];
}

export interface AuthorCard {
  metrics: Partial<Record<MetricKey, number>>;
  person: { name: string; affiliation: string | null } | null;
}

/**
 * The author card: metric labels with their values (on the same line, the next line, or, in a copy that puts
 * values first, the line before: the side with more numbers wins), and the name and affiliation above them.
 */
export function readAuthorCard(lines: PageLine[], kinds: LineKind[]): AuthorCard {
  const labels: Array<{ index: number; key: MetricKey; inline: number | null }> = [];
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] as PageLine).text;
    if (text.length > 200) continue;
    const match = METRIC_LABEL.exec(text);
    if (match) {
      const inline = match[2] === undefined ? null : readCount(match[2]);
      labels.push({ index: i, key: METRIC_KEYS[(match[1] as string).toLowerCase()] as MetricKey, inline });
    } else {
      for (const [key, value] of metricRow(text)) labels.push({ index: i, key, inline: value });
    }
  }
  const after = labels.filter((l) => kinds[l.index + 1] === 'number').length;
  const before = labels.filter((l) => kinds[l.index - 1] === 'number').length;
  const offset = before > after ? -1 : 1;
  const metrics: AuthorCard['metrics'] = {};
  let first = -1;
  for (const label of labels) {
    if (metrics[label.key] !== undefined) continue;
    const valueIndex = label.index + offset;
    const value = label.inline ?? (kinds[valueIndex] === 'number' ? readCount((lines[valueIndex] as PageLine).text) : null);
    if (value === null) continue;
    metrics[label.key] = value;
    kinds[label.index] = 'metric';
    if (label.inline === null) kinds[valueIndex] = 'metric';
    const top = label.inline === null ? Math.min(label.index, valueIndex) : label.index;
    if (first === -1 || top < first) first = top;
  }
  if (first === -1) first = lines.findIndex((l) => /^(?:follow author|claim author page)$/i.test(l.text));
  return { metrics, person: first === -1 ? null : personAbove(lines, kinds, first) };
}

/** Up to three text lines right above the metrics: the name, then the affiliation when there is one. */
function personAbove(lines: PageLine[], kinds: LineKind[], anchor: number): AuthorCard['person'] {
  let from = anchor;
  while (from > 0 && kinds[from - 1] === 'text' && anchor - from < 3) from--;
  const block = lines.slice(from, anchor).map((l) => l.text);
  if (block.length === 0) return null;
  const last = block[block.length - 1] as string;
  const second = block[block.length - 2];
  const lastIsName = isPersonName(last, 2) && !hasOrganisationWord(last);
  if (second === undefined || (lastIsName && (!isPersonName(second, 2) || hasOrganisationWord(second)))) {
    kinds[anchor - 1] = 'person';
    return { name: last, affiliation: null };
  }
  kinds[anchor - 1] = 'person';
  kinds[anchor - 2] = 'person';
  return { name: second, affiliation: last };
}
