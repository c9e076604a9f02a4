// The data Folio keeps: what the library stores (parse results are SourceResult, parse/sources/types.ts). Plain
// types, no behaviour.
import type { SourceId, SourceMetrics } from './parse/sources/types.js';

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

/** A [start, end) range of UTF-16 code units in a field's text, for highlighting. */
export type MatchRange = readonly [start: number, end: number];

/** The fields of a stored paper whose shown value remembers the source it came from (`fieldSources`). */
export const PROVENANCE_FIELDS = ['title', 'authors', 'date', 'venue', 'abstract', 'doi', 'arxivId', 'url', 'category', 'orgs'] as const;
export type ProvenanceField = (typeof PROVENANCE_FIELDS)[number];
/** Which source each shown value came from; a field without a value has no entry. */
export type FieldSources = Partial<Record<ProvenanceField, SourceId>>;

/**
 * A paper as the library stores it: the richest value of each field over every source that listed it
 * (richest-fields.ts). Strings the search, sort and highlight read are never null: `abstract` is "" when none and
 * `date` "" when unknown.
 */
export interface PaperRecord {
  /** Stable id derived from the dedup key of the title it was first stored with, e.g. "p-3f9a1c2b7d10". Never changes. */
  id: string;
  /**
   * The shown title's dedup key (titleKey in text.ts); follows the title when a richer source replaces it. Papers
   * are matched on DOI, arXiv id, then this key with years within one (same-paper.ts); a library can hold several
   * papers with one key, years apart.
   */
  key: string;
  /** ISO timestamp of the import that first brought this paper in. */
  addedAt: string;
  title: string;
  /** Set (always true) when the shown title is one a source cut short with "…" (Google Scholar). */
  titleCut?: true;
  authors: string[];
  /** True when the source cut the author list short ("et al.", "…", "+12 authors"). */
  authorsTruncated: boolean;
  /** ISO at the precision known: "2024-07-31", "2024-07" or "2024"; "" when unknown. */
  date: string;
  /** The publication year; null when unknown. Always the year of `date` when there is one. */
  year: number | null;
  /** e.g. "CL", "cs.LG", "stat.ML"; null when no source gave one. */
  category: string | null;
  /** Organisations listed with the authors; possibly empty. */
  orgs: string[];
  /** Paragraphs joined by a blank line; "" when no source showed one. */
  abstract: string;
  /** Journal, proceedings or "arXiv preprint", as printed; null when none. */
  venue: string | null;
  /** Bare DOI in lower case; null when none. */
  doi: string | null;
  /** Bare arXiv id without version; null when none. */
  arxivId: string | null;
  url: string | null;
  /** Every source that listed this paper, in the order they first did. */
  sources: SourceId[];
  fieldSources: FieldSources;
  /**
   * The citation key given when the paper entered the library ("sessa2024bond"), unique in it and never changed.
   * Papers stored before keys were kept have none: theirs is computed in library order (library/cite-keys.ts).
   */
  citeKey?: string;
}

export interface MetricsSnapshot {
  /** ISO timestamp of the import that saw these metrics. */
  at: string;
  /** The source whose page showed them (each source's metrics form their own series). */
  source: SourceId;
  metrics: SourceMetrics;
}

export interface ProfileRecord {
  /** Stable id derived from the normalized profile name, e.g. "a-5b2c9d0e1f22": one profile per person, whatever the source. */
  id: string;
  name: string;
  category: string | null;
  /** Employer or institution, as the latest source that showed one printed it; null when none did. */
  affiliation: string | null;
  /** The metrics of the latest import (its source's); see metricsBySource for every source's. */
  metrics: ProfileMetrics;
  /** The latest metrics each source showed (a source's own figures, such as Google Scholar's i10Index, included). */
  metricsBySource: Partial<Record<SourceId, SourceMetrics>>;
  /** Every source this profile was imported from, in the order they first were. */
  sources: SourceId[];
  /** Every distinct set of metrics seen per source, oldest first; a re-import with equal metrics for its source adds nothing. */
  history: MetricsSnapshot[];
  /** Papers this profile lists, in the page order of the latest import, then older ones. */
  paperIds: string[];
  firstImportedAt: string;
  lastImportedAt: string;
}

/** The import options a paste was read with, kept so the stored text can be read again exactly. */
export interface StoredImportOptions {
  /** The researcher's name the user typed instead of the parsed one. */
  profileName?: string;
  /** The source the user forced instead of the detected one. */
  source?: SourceId;
  /** The name of the file the text came from. */
  fileName?: string;
}

/** One paste or file, kept losslessly so a better parser can re-run it later. */
export interface ImportRecord {
  id: string;
  at: string;
  /** The source the text was read as. */
  source: SourceId;
  /** That source's version (ImportSource.version) when it read the text. */
  parserVersion: number;
  /** The profile it updated; null for a text without a person (BibTeX, RIS, CSL-JSON, an arXiv listing). */
  profileId: string | null;
  options: StoredImportOptions;
  /** File name (inside the library's imports/ folder) holding the exact pasted text. */
  file: string;
  sha256: string;
  chars: number;
  papersFound: number;
  papersAdded: number;
}

/** The fields of a paper the user can correct; an edit overlays the imported value and no import ever touches it. */
export const EDITABLE_FIELDS = ['title', 'authors', 'date', 'category', 'venue', 'doi', 'url', 'abstract'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** The user's corrections of a paper: a field present here is shown instead of the imported one. */
export type PaperEdits = Partial<Pick<PaperRecord, EditableField>>;

export interface UserPaperData {
  /** Tag names as their definitions spell them, in the order they were added (a set: journal ops add and remove members). */
  tags: string[];
  /** Markdown. */
  note: string;
  status: ReadingStatus;
  /** When the paper was moved to the Trash (ISO); absent when it is not in the Trash. */
  trashedAt?: string;
  /** When the Trash holding it was emptied (ISO): the paper is gone from everything Folio shows. */
  deletedAt?: string;
  /** The user's corrections of the imported fields. */
  edits?: PaperEdits;
}

export const EMPTY_USER_DATA: Readonly<UserPaperData> = Object.freeze({ tags: [], note: '', status: 'unread' });

/** The keys 1–9 that act on tags (each assigned to at most one tag). */
export const TAG_KEYS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type TagKey = (typeof TAG_KEYS)[number];

export interface TagDefinition {
  /** A name with `/` is a path in the tag tree ("ml/rl" is "rl" under "ml"). */
  name: string;
  /** CSS colour, "#rrggbb". */
  color: string;
  /** The key 1–9 assigned to this tag, if any. */
  key?: TagKey;
}

/** A search the sidebar keeps under a name: a query in the search language plus the sidebar's scope. */
export interface SavedSearch {
  id: string;
  name: string;
  search: string;
  scope: SavedScope;
}

/** Where a view looks, besides its search: a reading status, a profile, a tag (and the tags under it), or the Trash. */
export interface SavedScope {
  status?: ReadingStatus;
  profileId?: string;
  tag?: string;
  /** Only papers in the Trash (without it, papers in the Trash are hidden). */
  trash?: boolean;
}
