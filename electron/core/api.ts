// The one contract between the UI and the core. Main implements it over IPC, the preload exposes it as
// `window.folio`, tests drive the same shape against the real core. Every method is async because in the
// app it crosses a process boundary.
import type {
  EditableField,
  MatchRange,
  MetricsSnapshot,
  PaperEdits,
  PaperRecord,
  ProfileMetrics,
  ProvenanceField,
  ReadingStatus,
  SavedScope,
  SavedSearch,
  StoredImportOptions,
  TagDefinition,
  TagKey,
} from './model.js';
import type { MatchReason } from './same-paper.js';
import type { SourceId, SourceMetrics, SourcePaper, SourceProfile } from './parse/sources/types.js';
import type { SortDirection, SortKey } from './sort-keys.js';
import type { ExportFormat } from './export/formats.js';

export type { MatchReason } from './same-paper.js';
export type { EditableField, PaperEdits, SavedScope, SavedSearch, TagKey } from './model.js';
export type { SourceId, SourceMetrics, SourcePaper, SourceProfile } from './parse/sources/types.js';

export type { SortDirection, SortKey } from './sort-keys.js';
export type { ExportFormat } from './export/formats.js';

/**
 * The sidebar's scope, combined with the search filters (AND): a status, a profile, a tag (with the tags under it:
 * `ml` covers `ml/rl`), or the Trash (`trash: true` lists only papers in the Trash; every other view hides them).
 */
export type ViewScope = SavedScope;

/** What the paper list shows: a search string in the core's query language plus the sidebar's scope. */
export interface ViewQuery {
  /**
   * Free text plus filters: tag:x author:name year:2021 year:2020..2024 cat:LG status:read profile:name saved:name;
   * `a OR b` (terms, or filters of one kind), `-word` and `-tag:x` exclude.
   */
  search: string;
  /** Sidebar scope, combined with the search filters (AND). */
  scope?: ViewScope;
  /** Default: 'relevance' when there is free text, else 'date' (effectiveSort in sort-keys.ts). */
  sort?: SortKey;
  /** Default: the order's own (SORT_ORDERS in sort-keys.ts): 'asc' for title, else 'desc'. */
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
  /** ISO at the precision known ("2024-07-31", "2024-07", "2024"); "" when unknown. */
  date: string;
  year: number | null;
  venue: string | null;
  category: string | null;
  addedAt: string;
  tags: string[];
  status: ReadingStatus;
  hasNote: boolean;
  /** In the Trash (rows show only there, unless a selection or duplicate pair names the paper). */
  trashed: boolean;
  /** Some field shows the user's correction instead of the imported value. */
  edited: boolean;
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

/**
 * A paper as the detail pane shows it: the imported record with the user's corrections applied (editedFields says
 * which; importedValues holds what each one replaced, which reverting brings back).
 */
export interface PaperDetail extends PaperRecord {
  /** Its citation key, as BibTeX and CSL-JSON exports use it (stored or computed; never changes). */
  citeKey: string;
  tags: string[];
  note: string;
  status: ReadingStatus;
  /** When it was moved to the Trash (ISO); null when it is not in the Trash. */
  trashedAt: string | null;
  /** Fields that show the user's correction, in EDITABLE_FIELDS order. */
  editedFields: EditableField[];
  /** The imported value of each edited field. */
  importedValues: PaperEdits;
  /**
   * Other ids merged into this paper (mergePapers): each still resolves to it (paper(otherId) answers this paper).
   * Empty when none.
   */
  mergedIds: string[];
  /** Profiles listing it (or a paper merged into it). */
  profiles: Array<{ id: string; name: string }>;
  /** Present when paper() was asked to highlight a query. */
  matches?: FieldMatches;
}

export interface ProfileSummary {
  id: string;
  name: string;
  category: string | null;
  affiliation: string | null;
  /** The latest import's metrics (its source's). */
  metrics: ProfileMetrics;
  /** Every source this profile was imported from, in the order they first were. */
  sources: SourceId[];
  paperCount: number;
  lastImportedAt: string;
}

/** One source's metrics over time: one series of a researcher's metric history. */
export interface MetricsSeries {
  source: SourceId;
  /** What the source is called ("Google Scholar profile"). */
  sourceLabel: string;
  /** Oldest first. */
  snapshots: Array<{ at: string; metrics: SourceMetrics }>;
}

export interface ProfileDetail extends ProfileSummary {
  /** Every snapshot, oldest first, each naming its source. */
  history: MetricsSnapshot[];
  /** The same snapshots as one series per source (in the order the sources first showed metrics). */
  series: MetricsSeries[];
  /** The latest metrics each source showed, with its own figures (Google Scholar's i10Index, …). */
  metricsBySource: Partial<Record<SourceId, SourceMetrics>>;
  firstImportedAt: string;
  paperIds: string[];
}

export interface TagSummary extends TagDefinition {
  /** Papers with this very tag (not counting the tags under it), outside the Trash. */
  count: number;
  /** The name split at `/` ("ml/rl" → ["ml", "rl"]): the UI builds the tree from it. */
  path: string[];
}

/** Everything the sidebar needs in one call. */
export interface LibraryOverview {
  /** Papers outside the Trash. */
  paperCount: number;
  /** Of the papers outside the Trash. */
  statusCounts: Record<ReadingStatus, number>;
  /** Papers in the Trash. */
  trashCount: number;
  profiles: ProfileSummary[];
  /** Sorted by name (so a parent comes before the tags under it). */
  tags: TagSummary[];
  /** Sorted by name; savedSearchCounts() gives their live counts. */
  savedSearches: SavedSearch[];
  /** Absolute path of the library folder. */
  libraryDir: string;
  /** Problems found when the library was opened (e.g. a corrupt file moved aside and a backup loaded). */
  problems: string[];
  /**
   * Stored imports read by an older version of their source's parser than Folio's: what "Re-read N stored imports
   * with the improved parser" offers (planReparse, commitReparse). 0 when every import is current.
   */
  staleImports: number;
}

/**
 * Choices the user made in the import preview; the preview and the commit take the same ones. Those the library
 * keeps with the import (StoredImportOptions: profileName, source, fileName) are what a later re-read uses.
 */
export interface ImportOptions extends StoredImportOptions {
  /**
   * Names this call's work: its progress arrives as 'import-progress' changes with this id (large texts are read
   * off the main thread), and cancelImport(jobId) stops it. Not kept with the import.
   */
  jobId?: string;
  /**
   * previewImport lists at most this many papers (newCount and presentCount still count every one): a window cannot
   * take 10,000 previewed papers in one reply without holding its thread. A commit ignores it; not kept either.
   */
  previewLimit?: number;
  /**
   * commitImport only: papers of the import that are in the Trash (ImportPreviewPaper.inTrash) to restore from it.
   * Without this an import leaves a trashed paper in the Trash: it is never silently brought back.
   */
  restoreFromTrash?: string[];
}

/** Which paper already in the library an incoming one is, and why ("same DOI", "same title", …). */
export interface PaperMatch {
  id: string;
  /** The stored paper's title as the library shows it now. */
  title: string;
  reason: MatchReason;
}

export interface ImportPreviewPaper extends SourcePaper {
  /** The id it has (or will have) in the library. */
  id: string;
  isNew: boolean;
  /** The stored paper it is; null for a new paper. */
  match: PaperMatch | null;
  /** The stored paper it matched is in the Trash: the import leaves it there unless restoreFromTrash names it. */
  inTrash: boolean;
}

/** The longest text previewImport and commitImport take (UTF-16 units): far above any real page or reference file. */
export const MAX_IMPORT_CHARS = 20_000_000;

/**
 * What restoring a Folio backup (a `folio-json` import) does, or did: the preview and the result carry it. Into an
 * empty library everything is new; into a library that has some of it, papers merge by the usual matching (the
 * library's ids kept), profiles' histories are unioned, tags added (existing colours kept), and user data is applied
 * only where the library has none for that paper (tags are unioned; a different existing note or status is kept).
 */
export interface RestoreCounts {
  papersNew: number;
  /** Backup papers that are papers already in the library (merged into them). */
  papersMerged: number;
  profilesNew: number;
  profilesMerged: number;
  /** Tags the library did not have (existing ones keep their colour). */
  tagsNew: number;
  /** Papers whose tags, note or status the backup changed. */
  userDataApplied: number;
  /** Papers whose existing note differs from the backup's: the library's note is kept. */
  notesKept: number;
  /** Papers whose existing reading status differs from the backup's: the library's status is kept. */
  statusesKept: number;
}

/** Why an import did not happen; `cancelled` when cancelImport stopped it (nothing was changed either way). */
export type ImportRefusal = { ok: false; error: string; cancelled?: true };

export type ImportPreview =
  | {
      ok: true;
      source: SourceId;
      /** What the source is called, for "Google Scholar profile · 20 papers". */
      sourceLabel: string;
      /** ImportOptions.fileName, when the text came from a file. */
      fileName: string | null;
      /** The person the text is about; null for a list without one (BibTeX, RIS, CSL-JSON, an arXiv listing). */
      profile: SourceProfile | null;
      /** Set when this profile is already in the library (the import will update it). */
      existingProfileId: string | null;
      metricsChanged: boolean;
      /**
       * The existing profile's latest metrics from this same source (sources count differently, so another source's
       * are no comparison): the preview shows "h-index 41 → 43". Null for a new profile or a source not seen for it.
       */
      previousMetrics: SourceMetrics | null;
      /** Every paper read, in the text's order; the first previewLimit of them when that option was given. */
      papers: ImportPreviewPaper[];
      newCount: number;
      presentCount: number;
      /** The parser's warnings, then the store's notices (papers merged or kept apart, a doubtful profile merge). */
      warnings: string[];
      /** Set for a Folio backup (source `folio-json`): what restoring it will do. */
      restore?: RestoreCounts;
    }
  | ImportRefusal;

export type ImportResult =
  | {
      ok: true;
      source: SourceId;
      /** The profile imported or updated; null for a list without a person. */
      profileId: string | null;
      profileName: string | null;
      /** Papers that were not in the library before. */
      added: number;
      /** Papers already in the library (from this or another source or profile). */
      present: number;
      /** Whether something already in the library changed: the profile's metrics or papers, a paper's fields. */
      updated: boolean;
      metricsChanged: boolean;
      /** As ImportPreview's: what the user was told in the preview, said again after the import. */
      warnings: string[];
      /** Papers of the import brought back from the Trash (restoreFromTrash). */
      restoredFromTrash: number;
      /** Papers of the import that stay in the Trash. */
      inTrash: number;
      /** Set for a Folio backup (source `folio-json`): what restoring it did. */
      restore?: RestoreCounts;
    }
  | ImportRefusal;

/** One field of a stored paper that re-reading an import corrects (it came from that import's source). */
export interface ReparseCorrection {
  paperId: string;
  /** The paper's title as the library shows it now. */
  title: string;
  field: ProvenanceField;
  /** The values as text ("" = none; authors joined with ", "). */
  before: string;
  after: string;
}

/** A profile metric that re-reading an import corrects (in the snapshot that import took). */
export interface ReparseMetricChange {
  profileId: string;
  profileName: string;
  metric: string;
  before: number | null;
  after: number | null;
}

/** What re-reading one stored import changes. Lists hold at most REPARSE_LIST_LIMIT items; the counts are exact. */
export interface ReparseImport {
  importId: string;
  source: SourceId;
  /** What the source is called ("Profile page"). */
  sourceLabel: string;
  /** What the UI names the import by: its file name, else its profile's name, else the source's label. */
  label: string;
  /** When it was imported (ISO). */
  importedAt: string;
  /** The parser version that read it, and the one that reads it now. */
  fromVersion: number;
  toVersion: number;
  newPaperCount: number;
  /** Titles of papers the old parse missed (they are added). */
  newPapers: string[];
  correctionCount: number;
  corrections: ReparseCorrection[];
  metricChanges: ReparseMetricChange[];
  /** Why the text could not be read again (it is missing, or the source refuses it now); null when it was. */
  error: string | null;
}

/** What re-reading every stale import would do (FolioApi.planReparse); nothing is written by planning. */
export interface ReparsePlan {
  /** Imports read by an older parser version (LibraryOverview.staleImports). */
  staleImports: number;
  newPapers: number;
  /** Stored papers with at least one corrected field, and the fields corrected. */
  correctedPapers: number;
  correctedFields: number;
  metricChanges: number;
  /** Imports that cannot be read again (see ReparseImport.error); committing marks them read all the same. */
  failedImports: number;
  imports: ReparseImport[];
}

/** What commitReparse did: the plan's counts, as applied. */
export interface ReparseResult {
  reread: number;
  added: number;
  correctedPapers: number;
  correctedFields: number;
  metricChanges: number;
  failedImports: number;
}

/** The most items a ReparseImport lists (newPapers, corrections); its counts are exact. */
export const REPARSE_LIST_LIMIT = 200;

/**
 * Papers a bulk action works on, resolved by the core when the action runs: either every paper a view lists (its
 * search and scope, against the same engine that answers query) except some, so that Ctrl+A over 100,000 rows sends
 * a query and not the ids; or the ids themselves (clicks, Shift+click ranges).
 */
export type Selection = { search: string; scope?: ViewScope; all: true; except: string[] } | { ids: string[] };

/**
 * What an undoable action did: `label` is what undo() will say ("Tag 3,000 papers with ml"), `done` the same in the
 * past tense, for a report of it ("Tagged 3,000 papers with ml"); `count` what it changed.
 */
export interface ActionResult {
  label: string;
  done: string;
  /** Papers (or items) actually changed: a paper that already had the tag is not counted. */
  count: number;
}

/** tagSelection's change: tags to add (created when new) and tags to remove. */
export interface TagChange {
  add?: string[];
  remove?: string[];
}

/** The undo and redo labels the menu shows ("Undo Tag 3,000 papers with ml"); null when there is nothing to undo or redo. */
export interface UndoState {
  undoLabel: string | null;
  redoLabel: string | null;
}

/** What undo() or redo() did; null when there was nothing to do. */
export type UndoOutcome = { label: string } | null;

/** A correction of a paper's fields: values to show (`set`) and fields to revert to the imported value (`unset`). */
export interface PaperEdit {
  set?: PaperEdits;
  unset?: EditableField[];
}

/** A paper typed in by hand (addPaper): only the title is required. */
export interface ManualPaper {
  title: string;
  authors?: string[];
  /** "2024", "2024-07" or "2024-07-31". */
  date?: string;
  category?: string;
  venue?: string;
  doi?: string;
  url?: string;
  abstract?: string;
}

export interface AddPaperResult {
  id: string;
  /** False when the library already had this paper (it matched by DOI or title): nothing new was added. */
  isNew: boolean;
  /** The paper it matched is in the Trash (it stays there; restoreSelection brings it back). */
  inTrash: boolean;
}

/** What removeProfile did. */
export interface RemovedProfile extends ActionResult {
  /** Its papers moved to the Trash (no other profile lists them and they had no tags, note, status or edits). */
  trashed: number;
  /** Its papers that stay (another profile lists them, or they hold the user's data). */
  kept: number;
}

/** renameTag's result: `merged` when the new name was an existing tag's (only with { merge: true }). */
export interface TagRenameResult {
  merged: boolean;
  /** The tag's name now (the existing tag's spelling after a merge). */
  name: string;
}

/**
 * Why two papers may be one: titles that differ by a typo or two; the same title with dates more than a year apart
 * (an import keeps those apart); the same DOI under different titles.
 */
export const DUPLICATE_REASONS = ['similar-title', 'same-title-other-date', 'same-doi'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export interface DuplicatePair {
  a: PaperRow;
  b: PaperRow;
  reason: DuplicateReason;
  /** The reason in words ("Titles differ by 2 characters", "Same DOI 10.1/x"). */
  detail: string;
}

export interface DuplicateList {
  /** Every candidate pair; `pairs` holds the first `limit` of them. */
  total: number;
  pairs: DuplicatePair[];
}

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

/** The two steps of an import a progress bar shows: reading the text, then writing the library. */
export const IMPORT_PHASES = ['parse', 'commit'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

export type LibraryChange =
  | { kind: 'import'; profileId: string | null; paperIds: string[] }
  /** How far a previewImport or commitImport called with a jobId has come (`done` of `total` entries or steps). */
  | { kind: 'import-progress'; jobId: string; phase: ImportPhase; done: number; total: number }
  | { kind: 'user-data'; paperIds: string[] }
  | { kind: 'tags' }
  /** Saved searches were added, renamed or deleted (their counts change with 'user-data' and 'import'). */
  | { kind: 'saved-searches' }
  /** A profile was removed or brought back (undo). */
  | { kind: 'profiles' }
  | { kind: 'undo-state'; state: UndoState }
  | { kind: 'save-status'; status: SaveStatus };

export interface FolioApi {
  /**
   * What importing `text` would do; writes nothing. Texts over 256 KB are read in a worker thread, which the first
   * preview of a session starts and warms ahead of need: a dialog that will offer a large file can preview "" first.
   */
  previewImport(text: string, options?: ImportOptions): Promise<ImportPreview>;
  commitImport(text: string, options?: ImportOptions): Promise<ImportResult>;
  /**
   * Stops the previewImport or commitImport running with this jobId, if any: it resolves with a refusal
   * (`cancelled: true`) and nothing is written. A commit already writing finishes (an import is one atomic write).
   * Resolves true when a job was stopped.
   */
  cancelImport(jobId: string): Promise<boolean>;
  overview(): Promise<LibraryOverview>;
  query(view: ViewQuery): Promise<ViewPage>;
  /** Throws when the id is unknown. highlight: a search string whose matches to mark. */
  paper(id: string, highlight?: string): Promise<PaperDetail>;
  profile(id: string): Promise<ProfileDetail>;
  /** Sets a paper's tags (new ones are created). Undoable, like every change below but notes. */
  setTags(id: string, tags: string[]): Promise<void>;
  /** Not on the undo stack: the note editor has its own undo. */
  setNote(id: string, markdown: string): Promise<void>;
  setStatus(id: string, status: ReadingStatus): Promise<void>;
  setTagColor(name: string, color: string): Promise<void>;
  /**
   * Renames a tag everywhere. When `to` is another existing tag it refuses (a TagError naming that tag) unless
   * `{ merge: true }`: the UI asks first, then merges the two. Undoable.
   */
  renameTag(from: string, to: string, options?: { merge?: boolean }): Promise<TagRenameResult>;
  /** Deletes a tag from every paper. Undoable with undo(); restoreTag(deletion) also still puts it back. */
  deleteTag(name: string): Promise<TagDeletion>;
  restoreTag(deletion: TagDeletion): Promise<void>;
  /** Assigns key 1–9 to a tag (taking it from the tag that had it), or removes its key (null). Undoable. */
  assignTagKey(name: string, key: TagKey | null): Promise<void>;
  /** Every paper outside the Trash, in `format`, with the user's corrections. */
  exportLibrary(format: ExportFormat): Promise<string>;
  /** The selected papers in `format` (a selection of the Trash exports those papers). */
  exportSelection(selection: Selection, format: ExportFormat): Promise<string>;
  /** How many papers the selection holds now. */
  countSelection(selection: Selection): Promise<number>;
  /** Adds and removes tags on every selected paper, as one undoable step and one journal write. */
  tagSelection(selection: Selection, change: TagChange): Promise<ActionResult>;
  setStatusOfSelection(selection: Selection, status: ReadingStatus): Promise<ActionResult>;
  /** Moves the selected papers to the Trash (hidden from every view but the Trash's). Undoable. */
  trashSelection(selection: Selection): Promise<ActionResult>;
  /** Brings the selected papers back from the Trash. Undoable. */
  restoreSelection(selection: Selection): Promise<ActionResult>;
  /**
   * Removes every paper in the Trash from what Folio shows, for good (the stored records are kept, marked deleted; a
   * later import of such a paper adds it as a new paper). Refuses unless `{ confirm: true }`. Undoable in this session.
   */
  emptyTrash(options: { confirm: boolean }): Promise<ActionResult>;
  /**
   * Removes a profile: its papers that another profile lists, or that hold the user's data (tags, a note, a status
   * other than unread, edits), stay; the others go to the Trash. Undoable (the profile comes back). Importing the
   * profile again shows it again (its trashed papers stay in the Trash).
   */
  removeProfile(profileId: string): Promise<RemovedProfile>;
  /** Corrects (or reverts) fields of a paper. Imports never overwrite an edit. Undoable. */
  editPaper(id: string, edit: PaperEdit): Promise<void>;
  /** Adds a paper typed in by hand (an import of the `manual` source, kept with the library's imports). */
  addPaper(fields: ManualPaper): Promise<AddPaperResult>;
  /**
   * Merges `otherId` into `keepId`: the user data of both combined (tags united, notes joined, the further reading
   * status, the kept paper's edits completed by the other's); both ids stay resolvable (paper(otherId) answers the kept
   * paper); lists show it once. Undoable.
   */
  mergePapers(keepId: string, otherId: string): Promise<ActionResult>;
  /** Remembers that two papers are not one: duplicates() never proposes the pair again. Undoable. */
  notDuplicate(a: string, b: string): Promise<void>;
  /** Pairs of papers that may be one (outside the Trash, not merged, not marked "not a duplicate"); first `limit` (default 200). */
  duplicates(options?: { limit?: number }): Promise<DuplicateList>;
  /** Saves a search under a name (unique, case-insensitively). Undoable. */
  saveSearch(search: { name: string; search: string; scope?: ViewScope }): Promise<SavedSearch>;
  renameSavedSearch(id: string, name: string): Promise<void>;
  deleteSavedSearch(id: string): Promise<void>;
  /** How many papers each saved search lists now, by id. */
  savedSearchCounts(): Promise<Record<string, number>>;
  /**
   * Undoes the latest undoable action of this session (tags, status, rename, merge, trash, restore, edits, bulk
   * actions, ...; not notes, whose editor has its own undo): it sets back, as one journal write, only the values that
   * action changed, so a note typed since survives. The stack does not outlive the session (closing the library).
   */
  undo(): Promise<UndoOutcome>;
  redo(): Promise<UndoOutcome>;
  undoState(): Promise<UndoState>;
  /**
   * What re-reading the stored texts of stale imports (their source's parser improved since) would change: papers
   * the old parse missed, fields that came from that source and now read differently, profile metrics. Writes
   * nothing. User data and fields that came from another source are never touched.
   */
  planReparse(): Promise<ReparsePlan>;
  /**
   * Applies what planReparse shows (planned again, against the library as it is now) as one atomic commit, and
   * marks the imports as read by the current parsers. Nothing stale: nothing is written.
   */
  commitReparse(): Promise<ReparseResult>;
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
  'cancelImport',
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
  'assignTagKey',
  'exportLibrary',
  'exportSelection',
  'countSelection',
  'tagSelection',
  'setStatusOfSelection',
  'trashSelection',
  'restoreSelection',
  'emptyTrash',
  'removeProfile',
  'editPaper',
  'addPaper',
  'mergePapers',
  'notDuplicate',
  'duplicates',
  'saveSearch',
  'renameSavedSearch',
  'deleteSavedSearch',
  'savedSearchCounts',
  'undo',
  'redo',
  'undoState',
  'planReparse',
  'commitReparse',
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
