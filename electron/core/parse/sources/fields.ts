// Field readers every source shares: DOIs, arXiv ids, dates in the forms sites print, and the empty shapes.
import type { SourceMetrics, SourcePaper } from './types.js';

/** A paper with every field absent; sources fill in what they read. */
export function emptyPaper(title: string): SourcePaper {
  return {
    title,
    authors: [],
    authorsTruncated: false,
    date: null,
    year: null,
    category: null,
    orgs: [],
    abstract: null,
    venue: null,
    doi: null,
    arxivId: null,
    url: null,
  };
}

export function emptyMetrics(): SourceMetrics {
  return { hIndex: null, papers: null, citations: null, novelty: null, aiScore: null };
}

// A DOI is "10.<registrant>/<suffix>"; the suffix may hold almost anything but whitespace. Trailing sentence
// punctuation is not part of it.
const DOI_IN_TEXT = /\b10\.\d{4,9}\/[^\s"<>]+/i;
const DOI_TRAILING = /[.,;:)\]}>'"]+$/;

/**
 * The bare DOI in lower case from a DOI, a "doi:" form or a doi.org URL ("https://doi.org/10.1145/ABC." →
 * "10.1145/abc"); null when there is none. DOIs are case-insensitive by definition, so lower case is canonical.
 */
export function normalizeDoi(text: string | null | undefined): string | null {
  if (!text) return null;
  const match = DOI_IN_TEXT.exec(decodeUriSafely(text));
  if (!match) return null;
  return match[0].replace(DOI_TRAILING, '').toLowerCase();
}

function decodeUriSafely(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// New-style ids (since 2007): YYMM.NNNN or YYMM.NNNNN, optional version. Old style: archive(.SUBJ)/YYMMNNN.
const ARXIV_NEW = /(?<!\d)(?<!\d\.)(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])/;
const ARXIV_OLD = /\b([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?\b/;

/**
 * The bare arXiv id without version from an id, "arXiv:2408.00118v2", an arxiv.org URL or a DOI
 * "10.48550/arXiv.2408.00118"; null when there is none. Old-style ids keep their archive ("hep-th/9901001").
 */
export function normalizeArxivId(text: string | null | undefined): string | null {
  if (!text) return null;
  const fromNew = ARXIV_NEW.exec(text);
  if (fromNew) {
    const month = Number((fromNew[1] as string).slice(2, 4));
    if (month >= 1 && month <= 12) return fromNew[1] as string;
  }
  const fromOld = ARXIV_OLD.exec(text);
  return fromOld ? (fromOld[1] as string) : null;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

/** 1-12 for an English month name or abbreviation ("Sept", "sep.", "September"), else null. */
export function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? null;
}

export interface LooseDate {
  /** ISO at the precision found: "2024-07-31", "2024-07" or "2024". */
  date: string;
  year: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function isRealDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function build(year: number, month: number | null, day: number | null): LooseDate | null {
  if (year < 1000 || year > 2999) return null;
  if (month === null) return { date: String(year), year };
  if (month < 1 || month > 12) return null;
  if (day === null) return { date: `${year}-${pad(month)}`, year };
  if (!isRealDay(year, month, day)) return null;
  return { date: `${year}-${pad(month)}-${pad(day)}`, year };
}

const ISO = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?$/;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]{3,9})\.?,? (\d{4})$/;
const MONTH_DAY_YEAR = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/;
const MONTH_YEAR = /^([A-Za-z]{3,9})\.?,? (\d{4})$/;

/**
 * A date as sites and files print it, at the precision given: "2024-07-31", "2024/03/25", "2024-11", "2024",
 * "12 November 2024", "22 Jan 2025", "Jul 31, 2024", "July 2022", "Sept 2023". Null for anything else (or an
 * impossible day such as "31 Feb 2024").
 */
export function parseLooseDate(text: string | null | undefined): LooseDate | null {
  if (!text) return null;
  const t = text.trim().replace(/\s+/g, ' ');
  let m = ISO.exec(t);
  if (m) return build(Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null);
  m = DAY_MONTH_YEAR.exec(t);
  if (m) {
    const month = monthNumber(m[2] as string);
    return month === null ? null : build(Number(m[3]), month, Number(m[1]));
  }
  m = MONTH_DAY_YEAR.exec(t);
  if (m) {
    const month = monthNumber(m[1] as string);
    return month === null ? null : build(Number(m[3]), month, Number(m[2]));
  }
  m = MONTH_YEAR.exec(t);
  if (m) {
    const month = monthNumber(m[1] as string);
    return month === null ? null : build(Number(m[2]), month, null);
  }
  return null;
}

/** "9,233" / "9 233" / "9233" → 9233; null for anything that is not a whole number. */
export function parseCount(text: string | null | undefined): number | null {
  if (!text) return null;
  const digits = text.trim().replace(/(?<=\d)[,\u00a0\u202f ](?=\d{3}\b)/g, '');
  return /^\d{1,12}$/.test(digits) ? Number(digits) : null;
}
