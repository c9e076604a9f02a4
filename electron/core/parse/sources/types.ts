// The contract every import source implements: a pasted page or a file's text in, papers (and maybe a person)
// out. One module per source under parse/sources/, listed once in the registry; the CLI's `parse` prints a
// SourceResult as it is (see the "CLI contract" in the README).
import type { FieldSources, ProfileMetrics, ReadingStatus } from '../../model.js';

/** Every source Folio reads, in the order the registry tries them on a tie of confidence. */
export const SOURCE_IDS = [
  'profile-page',
  'google-scholar',
  'arxiv',
  'dblp',
  'semantic-scholar',
  'openreview',
  'orcid',
  'bibtex',
  'ris',
  'csl-json',
  'folio-json',
] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

/** A profile's headline numbers (null when the source does not show one), plus the source's own figures. */
export interface SourceMetrics extends ProfileMetrics {
  /** Source-specific figures, e.g. Google Scholar's i10Index, Semantic Scholar's highlyInfluentialCitations. */
  [extra: string]: number | null;
}

export interface SourceProfile {
  name: string;
  /** A short field code under the name (the aggregator's "LG"); null when absent. */
  category: string | null;
  /** Employer or institution line, as printed; null when absent. */
  affiliation: string | null;
  metrics: SourceMetrics;
  /**
   * Why the parser is not sure `name` is the researcher's (profile-page only: e.g. unknown lines above it and the
   * name is not among the papers' authors); absent when it is sure. The preview shows it and lets the user correct
   * the name (ImportOptions.profileName).
   */
  nameDoubt?: string;
}

export interface SourcePaper {
  title: string;
  /** As the source prints them (Google Scholar's "M Riviere" stays abbreviated). */
  authors: string[];
  /** The source cut the list short ("…", "et al.", "+12 authors", BibTeX "and others"). */
  authorsTruncated: boolean;
  /** ISO date at the precision the source gives: "2024-07-31", "2024-07" or "2024"; null when none. */
  date: string | null;
  year: number | null;
  /** A subject code such as "cs.LG" or "CL"; null when none. */
  category: string | null;
  /** Organisations listed with the authors; [] when none. */
  orgs: string[];
  /** Paragraphs joined by a blank line; null when the source shows none. */
  abstract: string | null;
  /** Journal, proceedings or "arXiv preprint", as printed; null when none. */
  venue: string | null;
  /** Bare DOI in lower case ("10.1234/abc"); null when none. */
  doi: string | null;
  /** Bare arXiv id without version ("2408.00118", "hep-th/9901001"); null when none. */
  arxivId: string | null;
  /** A URL the source shows for the paper; null when none. */
  url: string | null;
}

export interface SourceResult {
  source: SourceId;
  /** The person the page is about; null for lists without a person (BibTeX, RIS, CSL-JSON, an arXiv listing). */
  profile: SourceProfile | null;
  papers: SourcePaper[];
  /** Things the user should know: skipped entries, guessed fields, cut lists. One sentence each. */
  warnings: string[];
  /** Only from `folio-json`: what a Folio backup holds beyond its papers, for a restore. */
  restore?: FolioRestore;
}

/**
 * The user data of a Folio backup (export/index.ts writes it). `papers[i]` belongs to `SourceResult.papers[i]`;
 * profiles name their papers by index into that same list, so nothing depends on the backup's paper ids.
 */
export interface FolioRestore {
  /** The backup's `version` (export/index.ts EXPORT_FORMAT_VERSION when it was written). */
  formatVersion: number;
  /** When the backup was written (ISO); null when it does not say. */
  exportedAt: string | null;
  profiles: RestoredProfile[];
  /** Tag definitions with their colours ("#rrggbb", lower case), in the backup's order. */
  tags: Array<{ name: string; color: string }>;
  papers: RestoredPaperData[];
}

export interface RestoredProfile {
  /** The profile's id in the backed-up library; null when the backup has none. */
  id: string | null;
  name: string;
  category: string | null;
  affiliation: string | null;
  /** The latest metrics (the backup's `metrics`). */
  metrics: SourceMetrics;
  /**
   * Every metrics snapshot the backup kept, oldest first, each with the source that showed it (a backup without
   * sources: the profile's first source); never empty (the latest metrics at least).
   */
  history: Array<{ at: string; source: SourceId; metrics: SourceMetrics }>;
  /** The latest metrics per source, as the backup kept them (older backups: none). */
  metricsBySource: Partial<Record<SourceId, SourceMetrics>>;
  /** The sources the profile was imported from; never empty. */
  sources: SourceId[];
  /** Indexes into SourceResult.papers, in the profile's page order. */
  paperIndexes: number[];
  firstImportedAt: string | null;
  lastImportedAt: string | null;
}

export interface RestoredPaperData {
  /** The paper's id in the backed-up library; null when the backup has none. */
  id: string | null;
  /** Its citation key there; null when the backup has none. */
  citeKey: string | null;
  /** The sources that listed it and where each field came from, as the library kept them; never empty. */
  sources: SourceId[];
  fieldSources: FieldSources;
  tags: string[];
  /** Markdown; "" when none. */
  note: string;
  status: ReadingStatus;
  /** When the paper first came into the backed-up library (ISO); null when the backup does not say. */
  addedAt: string | null;
}

/** Thrown by a source's parse() when the text is not of its kind (or too damaged to read); the message says why. */
export class NotThisSourceError extends Error {
  override name = 'NotThisSourceError';
}

export interface ImportSource {
  readonly id: SourceId;
  /** What the preview calls it: "Google Scholar profile", "BibTeX file". */
  readonly label: string;
  /** Bump when parse() gives a different result for the same text, so stored imports can be re-read. */
  readonly version: number;
  /**
   * How sure this source is that `text` is its kind, from 0 (not at all) to 1 (certain), from the text alone (no
   * file names). Cheap: looks at structure (labels, line shapes), never at one site's exact line order, and
   * must run in linear time on any input.
   */
  detect(text: string): number;
  /**
   * Parses the text, or throws NotThisSourceError. Pure; linear time; never crashes on any input. A source that reads
   * a long file in steps (BibTeX) reports them to `options.onProgress`.
   */
  parse(text: string, options?: ParseOptions): SourceResult;
}

export interface ParseOptions {
  /** Called as parsing advances: `done` of `total` entries read. Not every source calls it. */
  onProgress?: (done: number, total: number) => void;
}
