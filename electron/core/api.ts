// The one contract between the UI and the core. Main implements it over IPC, the preload exposes it as
// `window.folio`, tests drive the same shape against the real core. Every method is async because in the
// app it crosses a process boundary.
import type {
  MatchRange,
  MetricsSnapshot,
  ParsedPaper,
  ParsedProfile,
  PaperRecord,
  ProfileMetrics,
  ReadingStatus,
  TagDefinition,
} from './model.js';

export type SortKey = 'relevance' | 'date' | 'title' | 'added';
export type SortDirection = 'asc' | 'desc';

/** What the paper list shows: a search string in the core's query language plus the sidebar's scope. */
export interface ViewQuery {
  /** Free text plus filters: tag:x author:name year:2021 year:2020..2024 cat:LG status:read profile:name */
  search: string;
  /** Sidebar scope, combined with the search filters (AND). */
  scope?: { status?: ReadingStatus; profileId?: string; tag?: string };
  /** Default: 'relevance' when there is free text, else 'date'. */
  sort?: SortKey;
  /** Default: 'desc' for date/added/relevance, 'asc' for title. */
  direction?: SortDirection;
  offset: number;
  limit: number;
}

/** Highlight ranges per field; authors/orgs/tags are per array item. */
export interface FieldMatches {
  title?: MatchRange[];
  authors?: Array<{ index: number; ranges: MatchRange[] }>;
  orgs?: Array<{ index: number; ranges: MatchRange[] }>;
  abstract?: MatchRange[];
  note?: MatchRange[];
  tags?: Array<{ index: number; ranges: MatchRange[] }>;
}

/** One row of the paper list: enough to draw it, not the abstract. */
export interface PaperRow {
  id: string;
  title: string;
  authors: string[];
  authorsTruncated: boolean;
  date: string;
  category: string | null;
  addedAt: string;
  tags: string[];
  status: ReadingStatus;
  hasNote: boolean;
  /** Ranges in the fields a row shows: title, authors and tags (the open paper gets all fields). */
  matches?: FieldMatches;
}

export interface ViewPage {
  /** Number of papers matching the whole query (not just this page). */
  total: number;
  offset: number;
  rows: PaperRow[];
  /** Problems with the query itself, e.g. "year:20x is not a year or range"; the rest still applies. */
  queryErrors: string[];
}

export interface PaperDetail extends PaperRecord {
  tags: string[];
  note: string;
  status: ReadingStatus;
  profiles: Array<{ id: string; name: string }>;
  /** Present when paper() was asked to highlight a query. */
  matches?: FieldMatches;
}

export interface ProfileSummary {
  id: string;
  name: string;
  category: string | null;
  metrics: ProfileMetrics;
  paperCount: number;
  lastImportedAt: string;
}

export interface ProfileDetail extends ProfileSummary {
  history: MetricsSnapshot[];
  firstImportedAt: string;
  paperIds: string[];
}

export interface TagSummary extends TagDefinition {
  count: number;
}

/** Everything the sidebar needs in one call. */
export interface LibraryOverview {
  paperCount: number;
  statusCounts: Record<ReadingStatus, number>;
  profiles: ProfileSummary[];
  tags: TagSummary[];
  /** Absolute path of the library folder. */
  libraryDir: string;
  /** Problems found when the library was opened (e.g. a corrupt file moved aside and a backup loaded). */
  problems: string[];
}

/** Choices the user made in the import preview; the preview and the commit take the same ones. */
export interface ImportOptions {
  /** The researcher's name to use instead of the one the parser found (when the preview doubts it). */
  profileName?: string;
}

export interface ImportPreviewPaper extends ParsedPaper {
  id: string;
  isNew: boolean;
}

export type ImportPreview =
  | {
      ok: true;
      profile: ParsedProfile;
      /** Set when this profile is already in the library (the import will update it). */
      existingProfileId: string | null;
      metricsChanged: boolean;
      papers: ImportPreviewPaper[];
      newCount: number;
      presentCount: number;
      /** The parser's warnings, then the store's notices (papers merged or kept apart, a doubtful profile merge). */
      warnings: string[];
    }
  | { ok: false; error: string };

export type ImportResult =
  | {
      ok: true;
      profileId: string;
      profileName: string;
      /** Papers that were not in the library before. */
      added: number;
      /** Papers already in the library (from this or another profile). */
      present: number;
      /** Whether the profile was already known and got new metrics or new papers. */
      updated: boolean;
      metricsChanged: boolean;
      /** As ImportPreview's: what the user was told in the preview, said again after the import. */
      warnings: string[];
    }
  | { ok: false; error: string };

export type ExportFormat = 'json' | 'bibtex' | 'csl-json' | 'ris' | 'markdown';

/** What deleteTag removed, so that restoreTag can put it back (undo). */
export interface TagDeletion {
  tag: TagDefinition;
  paperIds: string[];
}

/** Whether everything the library shows is on disk. */
export interface SaveStatus {
  /** Edits that are shown but not on disk (their save failed); Folio retries them. 0 when everything is saved. */
  unsavedEdits: number;
  /** Why they are not saved, one line ("Not saved: the disk holding … is full. …"); null when unsavedEdits is 0. */
  error: string | null;
  /** When the first of them failed (ISO time); null when unsavedEdits is 0. */
  since: string | null;
  /** Best-effort work that is failing (backups, folding the journal into user.json), one line each. */
  warnings: string[];
}

export type LibraryChange =
  | { kind: 'import'; profileId: string; paperIds: string[] }
  | { kind: 'user-data'; paperIds: string[] }
  | { kind: 'tags' }
  | { kind: 'save-status'; status: SaveStatus };

export interface FolioApi {
  previewImport(text: string, options?: ImportOptions): Promise<ImportPreview>;
  commitImport(text: string, options?: ImportOptions): Promise<ImportResult>;
  overview(): Promise<LibraryOverview>;
  query(view: ViewQuery): Promise<ViewPage>;
  /** Throws when the id is unknown. highlight: a search string whose matches to mark. */
  paper(id: string, highlight?: string): Promise<PaperDetail>;
  profile(id: string): Promise<ProfileDetail>;
  setTags(id: string, tags: string[]): Promise<void>;
  setNote(id: string, markdown: string): Promise<void>;
  setStatus(id: string, status: ReadingStatus): Promise<void>;
  setTagColor(name: string, color: string): Promise<void>;
  /** Renames a tag everywhere; when `to` already exists the two are merged. */
  renameTag(from: string, to: string): Promise<void>;
  deleteTag(name: string): Promise<TagDeletion>;
  restoreTag(deletion: TagDeletion): Promise<void>;
  exportLibrary(format: ExportFormat): Promise<string>;
  /** The bundled sample profile page text, for the empty library's "Try the sample profile". */
  sampleProfile(): Promise<string>;
  /** Whether every edit is on disk; changes arrive as 'save-status' changes. */
  saveStatus(): Promise<SaveStatus>;
  /** Tries to write the unsaved edits now (Folio also retries on its own); resolves with the status after it. */
  retryUnsaved(): Promise<SaveStatus>;
  /** Returns the unsubscribe function. */
  onChanged(listener: (change: LibraryChange) => void): () => void;
}

/** The request/response methods, i.e. everything but the onChanged event. */
export type FolioMethod = Exclude<keyof FolioApi, 'onChanged'>;

/** Listed once so main, preload and the wiring test cannot drift apart. */
export const FOLIO_METHODS = [
  'previewImport',
  'commitImport',
  'overview',
  'query',
  'paper',
  'profile',
  'setTags',
  'setNote',
  'setStatus',
  'setTagColor',
  'renameTag',
  'deleteTag',
  'restoreTag',
  'exportLibrary',
  'sampleProfile',
  'saveStatus',
  'retryUnsaved',
] as const satisfies readonly FolioMethod[];

// Compile-time proof that FOLIO_METHODS names every method.
type MissingMethods = Exclude<FolioMethod, (typeof FOLIO_METHODS)[number]>;
const everyMethodListed: MissingMethods extends never ? true : MissingMethods = true;
void everyMethodListed;

export const channelFor = (method: FolioMethod): string => `folio:${method}`;
export const CHANGED_CHANNEL = 'folio:changed';
