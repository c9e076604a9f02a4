// One dblp record: "Author, Author:" then "Title. Venue Year" (on one line or several). dblp ends every title with a
// "." unless it already ends in "?" or "!", so the title ends at the last such sentence end that still leaves a venue
// holding a year; periods of journal abbreviations ("J. Mach. Learn. Res.") and initials are not sentence ends.
import { emptyPaper, normalizeArxivId } from './fields.js';
import { splitAuthorList } from './author-lists.js';
import type { SourcePaper } from './types.js';

/** "[c6]", "[j3]", "[i2]": a record's type letter and number. */
export const RECORD_KEY = /^\[([a-z])(\d{1,5})\](?: (.*))?$/;

// ISO 4 abbreviations that dblp prints in venue names, and Latin ones in titles: a period after them does not end a
// title. Lower case, without the period. Common English words are left out on purpose (a title may end in "Graph."
// only when no other sentence end qualifies; see splitTitleAndVenue).
const ABBREVIATIONS = new Set([
  'acad', 'adapt', 'adv', 'aerosp', 'al', 'algebr', 'am', 'anal', 'ann', 'appl', 'approx', 'archit', 'artif', 'assoc',
  'astron', 'autom', 'auton', 'behav', 'bioinform', 'biol', 'biomed', 'bull', 'cf', 'chem', 'circ', 'clin', 'co',
  'cogn', 'combin', 'commun', 'comput', 'conf', 'corp', 'cryptogr', 'cybern', 'decis', 'dept', 'dev', 'discov',
  'discret', 'distrib', 'dr', 'dyn', 'e.g', 'ecol', 'econ', 'educ', 'electr', 'electron', 'embed', 'endow', 'eng',
  'environ', 'eq', 'etc', 'eur', 'eval', 'evol', 'exp', 'fig', 'financ', 'found', 'fundam', 'geosci', 'graph', 'hum',
  'i.e', 'ind', 'inf', 'inform', 'infrastruct', 'innov', 'instrum', 'int', 'integr', 'intell', 'interact', 'interdiscip',
  'j', 'jr', 'knowl', 'lang', 'learn', 'lect', 'lett', 'linguist', 'ltd', 'mach', 'manag', 'manuf', 'mater', 'math',
  'meas', 'mech', 'med', 'methodol', 'min', 'mob', 'mol', 'mr', 'mrs', 'ms', 'multim', 'multimed', 'nat', 'natl',
  'netw', 'neurosci', 'no', 'nos', 'numer', 'oper', 'optim', 'organ', 'perform', 'pers', 'philos', 'phys', 'pp',
  'pract', 'proc', 'prof', 'psychol', 'publ', 'quant', 'recognit', 'reliab', 'rep', 'represent', 'res', 'resour',
  'resp', 'rev', 'sci', 'secur', 'sel', 'semant', 'sens', 'simul', 'soc', 'softw', 'spat', 'sr', 'st', 'stat', 'stoch',
  'struct', 'surv', 'symb', 'symp', 'syst', 'tech', 'technol', 'telecommun', 'theor', 'trans', 'transp', 'univ',
  'vehic', 'vis', 'visual', 'viz', 'vol', 'vs', 'wirel',
]);
const YEAR = /(?:^|[^\d])((?:19|20)\d{2})(?![\d])/;
const YEAR_IN_PARENS_AT_END = /\(((?:19|20)\d{2})\)$/;
const HOMONYM_NUMBER = / \d{4}$/;
const EDITORS = / ?\((?:Eds?|eds?)\.\)$/;
const NAME_START = /^[\p{Lu}\p{Lo}]/u;
const WORD_BEFORE = /(\S+)$/;

/** The key of a record line, and any text on the same line after it. */
export function readRecordKey(line: string): { key: string; rest: string } | null {
  const match = line.length <= 2000 ? RECORD_KEY.exec(line) : null;
  if (!match) return null;
  return { key: `[${match[1]}${match[2]}]`, rest: (match[3] ?? '').trim() };
}

/** "Zoë Lindqvist, Wei Zhang 0112:" — a comma list of names, each starting with a capital (or a CJK character). */
export function isAuthorsLine(text: string): boolean {
  if (!text.endsWith(':') || text.length > 5000) return false;
  const { authors } = splitAuthorList(text.slice(0, -1).replace(EDITORS, ''), ',');
  return authors.length > 0 && authors.every((name) => name.length <= 80 && NAME_START.test(name));
}

/** dblp's homonym numbers ("Wei Zhang 0112") are not part of the name. */
export function dropHomonymNumber(name: string): string {
  return name.replace(HOMONYM_NUMBER, '');
}

export interface TitleAndVenue {
  title: string;
  venue: string | null;
}

function wordBefore(text: string, i: number): string {
  const word = WORD_BEFORE.exec(text.slice(Math.max(0, i - 40), i))?.[1] ?? '';
  return word.replace(/^[("'“‘]+/, '');
}

/** A "?", "!" or "." that can end a title; `strict` also rules out a period after a known abbreviation. */
function isSentenceEnd(text: string, i: number, strict: boolean): boolean {
  const ch = text[i];
  if (ch === '?' || ch === '!') return true;
  if (ch !== '.') return false;
  const word = wordBefore(text, i);
  if (word.length <= 1) return false; // an initial or a lone letter
  return !strict || !ABBREVIATIONS.has(word.toLowerCase());
}

const YEARS = /(?:^|[^\d])((?:19|20)\d{2})(?![\d])/g;
const VENUE_REACH = 400;

/** Where each 19xx/20xx year starts in the text, in order. */
function yearPositions(text: string): number[] {
  const positions: number[] = [];
  for (const match of text.matchAll(YEARS)) positions.push((match.index ?? 0) + match[0].length - 4);
  return positions;
}

/** Sentence ends followed by a space and a letter, with a year (the venue's) within reach after them. */
function venueSplits(text: string, years: readonly number[], strict: boolean): number[] {
  const splits: number[] = [];
  let nextYear = 0;
  for (let i = 0; i < text.length - 2; i++) {
    if (text[i + 1] !== ' ' || !/\p{L}/u.test(text[i + 2] as string) || !isSentenceEnd(text, i, strict)) continue;
    while (nextYear < years.length && (years[nextYear] as number) < i + 2) nextYear++;
    if (nextYear < years.length && (years[nextYear] as number) < i + 2 + VENUE_REACH) splits.push(i);
  }
  return splits;
}

/**
 * Splits "Title. Venue Year…" at the sentence end before the venue: the last one when periods after abbreviations
 * are ruled out (so "What Matters? A Study. J. Mach. Learn. Res. 22 (2021)" splits after "Study"), else the first
 * of any kind (a title that ends in an abbreviation-like word: "Learning to Learn. NeurIPS 2016"). A trailing "."
 * with no venue after it is dropped from the title. Venue null when no split qualifies.
 */
export function splitTitleAndVenue(text: string): TitleAndVenue {
  const years = yearPositions(text);
  const strict = venueSplits(text, years, true);
  const best = strict.length > 0 ? strict[strict.length - 1] : venueSplits(text, years, false)[0];
  if (best === undefined) return { title: text.replace(/\.$/, '').trim(), venue: null };
  const end = text[best] === '.' ? best : best + 1;
  return { title: text.slice(0, end).trim(), venue: text.slice(best + 2).replace(/\.$/, '').trim() };
}

/** The year of a venue: "(2024)" at its end, else its first 19xx/20xx token ("AISTATS 2025: 2214-2231"). */
export function venueYear(venue: string): number | null {
  const match = YEAR_IN_PARENS_AT_END.exec(venue) ?? YEAR.exec(venue);
  return match ? Number(match[1]) : null;
}

/** Whether the joined text already holds a complete "Title. Venue Year". */
export function hasVenue(text: string): boolean {
  return splitTitleAndVenue(text).venue !== null;
}

export interface DblpRecord {
  paper: SourcePaper;
  /** Something the user should know about this record (no authors, no year). */
  note: string | null;
}

/** Builds the paper from its authors line (or null) and its "Title. Venue" text; null when there is no title. */
export function buildRecord(key: string, authorsLine: string | null, body: string, headingYear: number | null): DblpRecord | null {
  const { title, venue } = splitTitleAndVenue(body);
  if (title === '') return null;
  const paper = emptyPaper(title);
  paper.venue = venue;
  if (authorsLine !== null) {
    const { authors, truncated } = splitAuthorList(authorsLine.slice(0, -1).replace(EDITORS, ''), ',');
    paper.authors = authors.map(dropHomonymNumber);
    paper.authorsTruncated = truncated;
  }
  const year = (venue !== null ? venueYear(venue) : null) ?? headingYear;
  if (year !== null) {
    paper.year = year;
    paper.date = String(year);
  }
  paper.arxivId = venue !== null && /\bCoRR\b|arXiv/i.test(venue) ? normalizeArxivId(venue) : null;
  let note: string | null = null;
  if (authorsLine === null) note = `dblp record ${key} ("${title}") shows no authors.`;
  else if (venue === null) note = `dblp record ${key} ("${title}") shows no venue and year; kept the whole text as its title.`;
  return { paper, note };
}
