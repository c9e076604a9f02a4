// The data Folio keeps: what the parser produces and what the library stores. Plain types, no behaviour.

export const READING_STATUSES = ['unread', 'reading', 'read'] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];

export function isReadingStatus(value: unknown): value is ReadingStatus {
  return typeof value === 'string' && (READING_STATUSES as readonly string[]).includes(value);
}

/** A profile's headline numbers. Each is null when the page did not show it. */
export interface ProfileMetrics {
  hIndex: number | null;
  /** The paper count the page declares (may differ from the papers actually listed). */
  papers: number | null;
  citations: number | null;
  /** A percentage, as a number: "Novelty45%" → 45. */
  novelty: number | null;
  aiScore: number | null;
}

export interface ParsedProfile {
  name: string;
  /** The short code under the name, e.g. "LG"; null when absent. */
  category: string | null;
  metrics: ProfileMetrics;
  /**
   * Why the parser is not sure `name` is the researcher's (e.g. unknown lines above it and the name is not among
   * the papers' authors); absent when it is sure. The preview shows it, and lets the user correct the name.
   */
  nameDoubt?: string;
}

export interface ParsedPaper {
  /** e.g. "CL", "cs.LG", "stat.ML"; null when the page had none. */
  category: string | null;
  /** ISO date YYYY-MM-DD. */
  date: string;
  title: string;
  authors: string[];
  /** True when the page cut the author list short with "et al.". */
  authorsTruncated: boolean;
  /** Organisations listed after " · " on the authors line; possibly empty. */
  orgs: string[];
  /** Paragraphs joined by a blank line; "" when the page showed none. */
  abstract: string;
}

export interface ParseResult {
  profile: ParsedProfile;
  papers: ParsedPaper[];
  warnings: string[];
}

/** A [start, end) range of UTF-16 code units in a field's text, for highlighting. */
export type MatchRange = readonly [start: number, end: number];

export interface PaperRecord extends ParsedPaper {
  /** Stable id derived from the dedup key, e.g. "p-3f9a1c2b7d10". */
  id: string;
  /**
   * The title's dedup key (titleKey in text.ts). Papers with the same key are one paper when their dates are
   * within a year (same-paper.ts); a library can hold several papers with one key, years apart.
   */
  key: string;
  /** ISO timestamp of the import that first brought this paper in. */
  addedAt: string;
}

export interface MetricsSnapshot {
  /** ISO timestamp of the import that saw these metrics. */
  at: string;
  metrics: ProfileMetrics;
}

export interface ProfileRecord {
  /** Stable id derived from the normalized profile name, e.g. "a-5b2c9d0e1f22". */
  id: string;
  name: string;
  category: string | null;
  /** The latest metrics (the last entry of history). */
  metrics: ProfileMetrics;
  /** Every distinct set of metrics seen, oldest first; a re-import with equal metrics adds nothing. */
  history: MetricsSnapshot[];
  /** Papers this profile lists, in the page order of the latest import, then older ones. */
  paperIds: string[];
  firstImportedAt: string;
  lastImportedAt: string;
}

/** One paste, kept losslessly so a better parser can re-run it later. */
export interface ImportRecord {
  id: string;
  at: string;
  parserVersion: number;
  profileId: string;
  /** File name (inside the library's imports/ folder) holding the exact pasted text. */
  file: string;
  sha256: string;
  chars: number;
  papersFound: number;
  papersAdded: number;
}

export interface UserPaperData {
  tags: string[];
  /** Markdown. */
  note: string;
  status: ReadingStatus;
}

export const EMPTY_USER_DATA: Readonly<UserPaperData> = Object.freeze({ tags: [], note: '', status: 'unread' });

export interface TagDefinition {
  name: string;
  /** CSS colour, "#rrggbb". */
  color: string;
}
