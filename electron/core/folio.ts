// The core facade: the whole FolioApi over one library folder. The CLI, Electron main and the e2e bridge
// all drive the library through this class, so the three cannot disagree about behaviour.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  ActionResult,
  ManualPaper,
  PaperEdit,
  Selection,
  TagChange,
  TagKey,
  ViewScope,
  AddPaperResult,
  DuplicateList,
  RemovedProfile,
  SavedSearch,
  TagRenameResult,
  UndoOutcome,
  UndoState,
  ExportFormat,
  FolioApi,
  ImportOptions,
  ImportPhase,
  ImportPreview,
  ImportRefusal,
  ImportResult,
  LibraryChange,
  LibraryOverview,
  MetricsSeries,
  PaperDetail,
  PaperRow,
  ProfileDetail,
  ProfileSummary,
  ReparsePlan,
  ReparseResult,
  RestoreCounts,
  SaveStatus,
  TagDeletion,
  ViewPage,
  ViewQuery,
} from './api.js';
import { exportLibrary } from './export/index.js';
import { Library, UnknownPaperError, type StoredRead } from './library/index.js';
import type { ImportRecord, PaperRecord, ProfileRecord, ReadingStatus } from './model.js';
import { errorMessage } from './library/errors.js';
import { normalizeKey } from './text.js';
import { OFF_THREAD_CHARS, ParseCancelledError, ParseWorkers } from './parse/parse-off-thread.js';
import { SOURCES, UnreadableTextError, parseText } from './parse/sources/registry.js';
import { NotThisSourceError, type SourceResult } from './parse/sources/types.js';
import type { SearchEngine } from './search/index.js';
import { indexFileFor } from './index-cache.js';
import { IndexKeeper, type IndexBuildPlace, type IndexReport } from './index-keeper.js';
import { retryUnsavedWhileNeeded } from './save-retry.js';
import { editsOf, effectivePaper, isHiddenPaper } from './effective-paper.js';
import { findDuplicatePairs, type DuplicateCandidate } from './duplicates.js';
import { pairKey } from './library/user-ops.js';
import { SortFields } from './sort-fields.js';
import { SortedOrders } from './sorted-orders.js';
import { effectiveDirection, effectiveSort } from './sort-keys.js';

export interface FolioCoreOptions {
  /** Open without the writer lock (CLI reads while the app is running). Writes then throw. */
  readOnly?: boolean;
  /** The bundled sample profile page; the app passes its packaged path. */
  samplePath?: string;
  /**
   * Folder for caches (the persisted search index); see index-cache.ts. Without it the index is built from
   * the papers at every open. Never inside the library folder: the library stays byte-identical.
   */
  cacheDir?: string;
  /** The folder of local-only state (lock, backups, device id; see library/local-state.ts). Default: $FOLIO_STATE_DIR or the app's. */
  stateDir?: string;
  /** How often edits whose save failed are tried again (default SAVE_RETRY_MS). */
  saveRetryMs?: number;
  /**
   * When the repairs the open planned (a damaged file moved aside, a backup written back, ...; see
   * Library.prepareForWrites) run. 'at-open' (the app): right away, in the background, so a damaged library is
   * healed without waiting for an edit. 'before-first-write' (the CLI): only once a command writes, so a refused
   * command leaves the folder byte-identical.
   */
  repairs?: 'at-open' | 'before-first-write';
  /** Where the search index is built when there is no index file (default 'auto': a worker for large libraries). */
  indexBuild?: IndexBuildPlace;
}

/** The fields of a paper the CLI lists, in the order it prints them. */
const LISTED_FIELDS = [
  'id', 'addedAt', 'title', 'authors', 'authorsTruncated', 'date', 'year', 'category', 'orgs', 'abstract', 'venue', 'doi', 'arxivId', 'url', 'sources',
] as const satisfies ReadonlyArray<keyof PaperRecord>;

/**
 * A paper as the CLI lists it: imported fields (always in LISTED_FIELDS' order, however the record was stored), its
 * citation key, user data, and the names of the profiles listing it.
 */
export type PaperListing = Pick<PaperRecord, (typeof LISTED_FIELDS)[number]> & {
  /** Its citation key (stored, or computed for a paper stored before keys were kept; see library/cite-keys.ts). */
  citeKey: string;
  tags: string[];
  note: string;
  status: ReadingStatus;
  profiles: string[];
};

export type { IndexReport } from './index-keeper.js';

export class UnknownProfileError extends Error {
  override name = 'UnknownProfileError';
}

export class FolioCore implements Omit<FolioApi, 'onChanged'> {
  private readonly listeners = new Set<(change: LibraryChange) => void>();
  private readonly orders: SortedOrders;
  /** The titles and dates the orders sort by: corrections included (a correction invalidates the orders). */
  private readonly sortFields: SortFields;
  private readonly index: IndexKeeper;
  private readonly stopWatchingLibrary: () => void;
  private readonly stopRetryingSaves: () => void;

  private constructor(
    readonly library: Library,
    private readonly samplePath: string,
    cacheDir: string | undefined,
    saveRetryMs: number | undefined,
    indexBuild: IndexBuildPlace | undefined,
  ) {
    // The one place where the index cache's path comes in (named by the library's local key, like its lock and backups).
    const indexFile = cacheDir === undefined ? null : indexFileFor(cacheDir, library.local.key);
    this.index = new IndexKeeper(library, { indexFile, build: indexBuild, onRenumbered: () => this.orders.invalidate() });
    this.sortFields = new SortFields(library);
    this.orders = new SortedOrders(
      () => this.sortFields.sortables(),
      (id) => this.engine.numOf(id),
    );
    this.stopWatchingLibrary = library.onChange((change) => this.applyChange(change));
    this.stopRetryingSaves = library.isReadOnly ? () => undefined : retryUnsavedWhileNeeded(library, saveRetryMs);
  }

  static async open(dir: string, options: FolioCoreOptions = {}): Promise<FolioCore> {
    // Abstracts (three quarters of the bytes) load after open: the first rows need none of them, and a search
    // index read from its file needs none either. They start loading when the index is ready (or when a paper's
    // details, an import or an export asks for them first).
    const library = await Library.open(dir, { readOnly: options.readOnly ?? false, abstracts: 'on-demand', ...(options.stateDir === undefined ? {} : { stateDir: options.stateDir }) });
    try {
      const core = new FolioCore(library, options.samplePath ?? path.resolve('assets', 'sample-profile.txt'), options.cacheDir, options.saveRetryMs, options.indexBuild);
      // A failed repair is retried, and reported, by the first write that needs it.
      if (!library.isReadOnly && options.repairs !== 'before-first-write') library.prepareForWrites().catch(() => undefined);
      core.index.start();
      return core;
    } catch (error) {
      await library.close();
      throw error;
    }
  }

  get dir(): string {
    return this.library.dir;
  }

  onChanged(listener: (change: LibraryChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Settles once the search index covers the whole library. It is made in the background after open (read from
   * its cache file, or built); IPC stays responsive meanwhile, and queries that need it wait.
   */
  whenIndexed(): Promise<void> {
    return this.index.whenReady();
  }

  /** The search engine (owned by the index keeper, which may replace it while the index is made). */
  private get engine(): SearchEngine {
    return this.index.engine;
  }

  /** Settles when the index covers the library as it is now (made, and any imported papers added). */
  private searchable(): Promise<void> {
    return this.index.current();
  }

  /** How the search index was made (file or built), once it is ready. */
  get indexReport(): IndexReport | null {
    return this.index.report;
  }

  /** How long making the search index took (ms), once it is done; for diagnostics and the bench. */
  get indexMs(): number | null {
    return this.index.report?.ms ?? null;
  }

  async close(): Promise<void> {
    await this.index.stop();
    await this.parseWorkers.close();
    this.stopRetryingSaves();
    this.stopWatchingLibrary();
    this.listeners.clear();
    await this.library.close();
  }

  async previewImport(text: string, options: ImportOptions = {}): Promise<ImportPreview> {
    // Someone is importing: have a parsing worker ready (and warm) in case a large file follows this small text (a
    // large one starts its own, and keeps it).
    if (!this.library.isReadOnly && typeof text === 'string' && text.length <= OFF_THREAD_CHARS) this.parseWorkers.prewarm();
    return this.runImportJob(options.jobId, async (signal) => {
      const read = await this.readImport(text, options, signal);
      if (!read.ok) return read;
      const { result } = read;
      if (result.restore !== undefined) return this.previewRestore(result, options);
      const plan = await this.library.planImport(result);
      const papers = plan.papers.map(({ id, isNew, paper, match }) => ({ ...paper, id, isNew, match, inTrash: !isNew && this.isInTrash(id) }));
      const newCount = papers.filter((paper) => paper.isNew).length;
      return {
        ok: true,
        source: result.source,
        sourceLabel: SOURCES[result.source].label,
        fileName: options.fileName ?? null,
        profile: result.profile,
        existingProfileId: plan.existingProfileId,
        metricsChanged: plan.metricsChanged,
        previousMetrics: plan.previousMetrics,
        papers: options.previewLimit === undefined ? papers : papers.slice(0, options.previewLimit),
        newCount,
        presentCount: papers.length - newCount,
        warnings: result.warnings.concat(plan.notices),
      };
    });
  }

  async commitImport(text: string, options: ImportOptions = {}): Promise<ImportResult> {
    return this.runImportJob(options.jobId, async (signal) => {
      const read = await this.readImport(text, options, signal);
      if (!read.ok) return read;
      const { result } = read;
      const steps = result.papers.length;
      this.progress(options.jobId, 'commit', 0, steps);
      // The last moment to cancel: from here the import is one atomic write, and it finishes.
      if (signal.aborted) throw new ParseCancelledError('The import was cancelled.');
      const { jobId: _jobId, previewLimit: _limit, restoreFromTrash: restoring, ...kept } = options;
      if (result.restore !== undefined) {
        const restored = await this.library.commitRestore(text, result, SOURCES[result.source].version, kept);
        this.progress(options.jobId, 'commit', steps, steps);
        // A restore adds to papers in the Trash but leaves them there, as an import does.
        const inTrash = restored.entries.filter((entry) => !entry.isNew && this.isInTrash(entry.id)).length;
        return {
          ...restoreSummary(result, restored),
          updated: restored.counts.papersMerged > 0 || restored.counts.profilesMerged > 0,
          metricsChanged: false,
          restoredFromTrash: 0,
          inTrash,
        };
      }
      const outcome = await this.library.commitImport(text, result, SOURCES[result.source].version, kept);
      this.progress(options.jobId, 'commit', steps, steps);
      // An import never brings a paper back from the Trash by itself: only those the user chose in the preview.
      const trashed = outcome.presentIds.filter((id) => this.isInTrash(id));
      const chosen = new Set(restoring ?? []);
      const restored = trashed.filter((id) => chosen.has(id));
      if (restored.length > 0) await this.library.restorePapers(restored);
      return {
        ok: true,
        source: outcome.source,
        profileId: outcome.profileId,
        profileName: result.profile?.name ?? null,
        added: outcome.addedIds.length,
        present: outcome.presentIds.length,
        updated: outcome.updated,
        metricsChanged: outcome.metricsChanged,
        warnings: result.warnings.concat(outcome.notices),
        restoredFromTrash: restored.length,
        inTrash: trashed.length - restored.length,
      };
    });
  }

  /** The preview of restoring a Folio backup: every paper with its match, and what the restore will do. */
  private async previewRestore(result: SourceResult, options: ImportOptions): Promise<ImportPreview> {
    const plan = await this.library.planRestore(result);
    const papers = plan.entries.map(({ id, isNew, paper, match }) => ({ ...paper, id, isNew, match, inTrash: !isNew && this.isInTrash(id) }));
    const { added, present, warnings, restore } = restoreSummary(result, plan);
    return {
      ok: true,
      source: result.source,
      sourceLabel: SOURCES[result.source].label,
      fileName: options.fileName ?? null,
      profile: null,
      existingProfileId: null,
      metricsChanged: false,
      previousMetrics: null,
      papers,
      newCount: added,
      presentCount: present,
      warnings,
      restore,
    };
  }

  async cancelImport(jobId: string): Promise<boolean> {
    const job = this.importJobs.get(jobId);
    if (job === undefined || job.signal.aborted) return false;
    job.abort();
    return true;
  }

  /** Import calls running with a jobId, so that cancelImport can stop them. */
  private readonly importJobs = new Map<string, AbortController>();

  /** Runs an import call under its jobId (if any); a cancellation is the refusal the API promises, not an error. */
  private async runImportJob<T>(jobId: string | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T | ImportRefusal> {
    const controller = new AbortController();
    if (jobId !== undefined) {
      this.importJobs.get(jobId)?.abort(); // the same id again: the newer call replaces the older one
      this.importJobs.set(jobId, controller);
    }
    try {
      return await work(controller.signal);
    } catch (error) {
      if (error instanceof ParseCancelledError) return { ok: false, error: 'Import cancelled; nothing was changed.', cancelled: true };
      throw error;
    } finally {
      if (jobId !== undefined && this.importJobs.get(jobId) === controller) this.importJobs.delete(jobId);
    }
  }

  private progress(jobId: string | undefined, phase: ImportPhase, done: number, total: number): void {
    if (jobId !== undefined) this.applyChange({ kind: 'import-progress', jobId, phase, done, total });
  }

  /**
   * The text read by its source (the one forced, else the one detected) with the preview's choices applied, or why
   * it cannot be imported. A large text is read in a worker thread; the last one read is kept, so the commit that
   * follows its preview does not read it again.
   */
  private async readImport(text: string, options: ImportOptions, signal: AbortSignal): Promise<{ ok: true; result: SourceResult } | ImportRefusal> {
    let result: SourceResult;
    try {
      result = await this.parseImportText(text, options, signal);
    } catch (error) {
      if (error instanceof NotThisSourceError || error instanceof UnreadableTextError) return { ok: false, error: error.message };
      throw error;
    }
    if (options.profileName === undefined || result.profile === null) return { ok: true, result };
    const name = options.profileName.replace(/\s+/gu, ' ').trim();
    if (normalizeKey(name) === '') return { ok: false, error: `The name ${JSON.stringify(options.profileName)} has no letters or digits.` };
    // The user's name replaces the parser's, and with it the parser's doubt about it.
    const { nameDoubt: _doubt, ...profile } = result.profile;
    return { ok: true, result: { ...result, profile: { ...profile, name } } };
  }

  /** Reads large texts in a worker thread (kept between imports, see parse-off-thread.ts). */
  private readonly parseWorkers = new ParseWorkers();

  /** The last large text read off the main thread and what it gave (a preview's read, reused by its commit). */
  private lastOffThreadRead: { text: string; source: string | undefined; result: SourceResult } | null = null;

  private async parseImportText(text: string, options: ImportOptions, signal: AbortSignal): Promise<SourceResult> {
    if (typeof text !== 'string' || text.length <= OFF_THREAD_CHARS) return parseText(text, options.source);
    const cached = this.lastOffThreadRead;
    if (cached !== null && cached.source === options.source && cached.text === text) return cached.result;
    const result = await this.parseWorkers.parse(text, options.source, {
      signal,
      onProgress: (done, total) => this.progress(options.jobId, 'parse', done, total),
    });
    this.lastOffThreadRead = { text, source: options.source, result };
    return result;
  }

  async overview(): Promise<LibraryOverview> {
    const statusCounts: Record<ReadingStatus, number> = { unread: 0, reading: 0, read: 0 };
    const tagCounts = new Map<string, number>();
    let paperCount = 0;
    let trashCount = 0;
    const merges = this.library.merges();
    for (const paper of this.library.papers()) {
      const data = this.library.userDataView(paper.id);
      if (isHiddenPaper(paper.id, data, merges)) continue;
      if (data.trashedAt !== undefined) {
        trashCount += 1;
        continue;
      }
      paperCount += 1;
      statusCounts[data.status] += 1;
      for (const tag of data.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
    }
    return {
      paperCount,
      statusCounts,
      profiles: this.library.profiles().map(summarizeProfile),
      trashCount,
      tags: [...this.library.tagDefinitions()]
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((tag) => ({ ...tag, count: tagCounts.get(tag.name) ?? 0, path: tag.name.split('/') })),
      savedSearches: [...this.library.savedSearches()].sort((a, b) => a.name.localeCompare(b.name)).map((saved) => structuredClone(saved)),
      libraryDir: this.library.dir,
      problems: [...this.library.problems],
      staleImports: this.staleImports().length,
    };
  }

  /** Imports read by an older version of their source's parser than Folio has now. */
  private staleImports(): ImportRecord[] {
    return this.library.imports().filter((record) => SOURCES[record.source].version > record.parserVersion);
  }

  /**
   * Each stale import's stored text read again by its source (the one it was read as, not detected anew) with the
   * options it was imported with (a corrected profile name), or why it cannot be.
   */
  private async readStaleImports(): Promise<StoredRead[]> {
    const reads: StoredRead[] = [];
    for (const record of this.staleImports()) {
      const { version, label: sourceLabel } = SOURCES[record.source];
      const read = { record, version, sourceLabel };
      let text: string;
      try {
        text = await this.library.readImportText(record);
      } catch (error) {
        reads.push({ ...read, result: null, error: errorMessage(error) });
        continue;
      }
      const options: ImportOptions = { source: record.source };
      if (record.options.profileName !== undefined) options.profileName = record.options.profileName;
      const parsed = await this.readImport(text, options, new AbortController().signal);
      reads.push(parsed.ok ? { ...read, result: parsed.result, error: null } : { ...read, result: null, error: parsed.error });
    }
    return reads;
  }

  async planReparse(): Promise<ReparsePlan> {
    return this.library.planReparse(await this.readStaleImports());
  }

  async commitReparse(): Promise<ReparseResult> {
    return this.library.commitReparse(await this.readStaleImports());
  }

  async query(view: ViewQuery): Promise<ViewPage> {
    const scope = view.scope;
    // With papers in the Trash (or deleted, or merged) the engine, which knows them, answers every view.
    const constrained =
      view.search.trim() !== '' || (scope !== undefined && Object.values(scope).some((v) => v !== undefined)) || this.library.hasSetAside();
    if (!constrained) {
      // The whole library (the first screen after open): no search index needed, only a sort order.
      const sort = view.sort ?? effectiveSort(null, false);
      const direction = effectiveDirection(sort, view.direction);
      const total = this.library.papers().length;
      let pageIds: string[];
      if (sort === 'relevance') {
        // Without free text, "relevance" is library order (newest import last), as the engine lists it.
        const all = this.library.papers();
        const ordered = direction === 'asc' ? [...all].reverse() : all;
        pageIds = ordered.slice(view.offset, view.offset + view.limit).map((paper) => paper.id);
      } else {
        pageIds = this.orders.page(null, sort, direction, view.offset, view.limit);
      }
      return { total, offset: view.offset, rows: pageIds.map((id) => this.rowFor(id, null)), queryErrors: [] };
    }
    await this.searchable();
    const hasFreeText = this.engine.hasFreeText(view.search);
    const sort = view.sort ?? effectiveSort(null, hasFreeText);
    const direction = effectiveDirection(sort, view.direction);
    let total: number;
    let pageIds: string[];
    let errors: string[];
    if (sort === 'relevance' && direction === 'desc') {
      // Only the page's worth of hits is ranked; the rest is counted.
      const outcome = this.engine.search(view.search, scope, { limit: view.offset + view.limit });
      total = outcome.total;
      errors = outcome.errors;
      pageIds = outcome.ids.slice(view.offset, view.offset + view.limit);
    } else if (sort === 'relevance') {
      const outcome = this.engine.search(view.search, scope);
      total = outcome.total;
      errors = outcome.errors;
      pageIds = [...outcome.ids].reverse().slice(view.offset, view.offset + view.limit);
    } else {
      const outcome = this.engine.search(view.search, scope, { limit: 0, members: true });
      total = outcome.total;
      errors = outcome.errors;
      pageIds = this.orders.page(this.liveMembers(outcome.members ?? null), sort, direction, view.offset, view.limit);
    }
    const rows = pageIds.map((id) => this.rowFor(id, hasFreeText ? view.search : null));
    return { total, offset: view.offset, rows, queryErrors: errors };
  }

  /** Every paper matching `search` (all papers for ""), best first, with its user data: for the CLI. */
  async listPapers(search: string, options: { trashed?: boolean } = {}): Promise<{ papers: PaperListing[]; errors: string[] }> {
    await this.searchable();
    // A search index read from its cache file needs no abstracts, so they may not be loaded yet: the listing does.
    await this.library.whenAbstractsLoaded();
    const outcome = this.engine.search(search, options.trashed === true ? { trash: true } : undefined);
    const ids = outcome.hasFreeText ? outcome.ids : this.orders.arrange(outcome.ids, 'date', 'desc');
    const papers = ids.map((id) => {
      const data = this.library.userDataView(id);
      const record = this.requirePaper(id);
      const paper = effectivePaper(record, data);
      const imported = Object.fromEntries(LISTED_FIELDS.map((field) => [field, paper[field]])) as Pick<PaperRecord, (typeof LISTED_FIELDS)[number]>;
      return {
        ...imported,
        citeKey: this.library.citeKeyOf(record),
        tags: [...data.tags],
        note: data.note,
        status: data.status,
        trashed: data.trashedAt !== undefined,
        profiles: this.library.profilesOfPaper(id).map((profile) => profile.name),
      };
    });
    return { papers, errors: outcome.errors };
  }

  async paper(id: string, highlight?: string): Promise<PaperDetail> {
    // Only this paper's abstracts file, loaded ahead of the rest if they are still loading after open.
    this.requirePaper(id);
    // A merged id answers the paper it was merged into.
    id = this.library.resolveId(id);
    await this.library.whenAbstractLoaded(id);
    const record = this.requirePaper(id);
    const data = this.library.userDataView(id);
    if (data.deletedAt !== undefined) throw new UnknownPaperError(id);
    const mergedIds = [...this.library.merges()].filter(([, keep]) => keep === id).map(([other]) => other);
    const profiles = new Map<string, string>();
    for (const paperId of [id, ...mergedIds]) for (const profile of this.library.profilesOfPaper(paperId)) profiles.set(profile.id, profile.name);
    const detail: PaperDetail = {
      ...effectivePaper(record, data),
      citeKey: this.library.citeKeyOf(record),
      tags: [...data.tags],
      note: data.note,
      status: data.status,
      trashedAt: data.trashedAt ?? null,
      ...editsOf(record, data),
      mergedIds,
      profiles: [...profiles].map(([profileId, name]) => ({ id: profileId, name })),
    };
    if (highlight?.trim()) {
      await this.searchable();
      detail.matches = this.engine.matchesFor(id, highlight);
    }
    return detail;
  }

  async profile(id: string): Promise<ProfileDetail> {
    const profile = this.library.getProfile(id);
    if (!profile) throw new UnknownProfileError(`No profile with id "${id}" in this library.`);
    const history = profile.history.map((snapshot) => ({ at: snapshot.at, source: snapshot.source, metrics: { ...snapshot.metrics } }));
    const series = new Map<string, MetricsSeries>();
    for (const { at, source, metrics } of history) {
      let line = series.get(source);
      if (line === undefined) series.set(source, (line = { source, sourceLabel: SOURCES[source].label, snapshots: [] }));
      line.snapshots.push({ at, metrics });
    }
    const metricsBySource: ProfileDetail['metricsBySource'] = {};
    for (const source of profile.sources) {
      const metrics = profile.metricsBySource[source];
      if (metrics !== undefined) metricsBySource[source] = { ...metrics };
    }
    return {
      ...summarizeProfile(profile),
      history,
      series: [...series.values()],
      metricsBySource,
      firstImportedAt: profile.firstImportedAt,
      paperIds: [...profile.paperIds],
    };
  }

  setTags(id: string, tags: string[]): Promise<void> {
    return this.library.setTags(id, tags);
  }

  setNote(id: string, markdown: string): Promise<void> {
    return this.library.setNote(id, markdown);
  }

  setStatus(id: string, status: ReadingStatus): Promise<void> {
    return this.library.setStatus(id, status);
  }

  setTagColor(name: string, color: string): Promise<void> {
    return this.library.setTagColor(name, color);
  }

  renameTag(from: string, to: string, options?: { merge?: boolean }): Promise<TagRenameResult> {
    return this.library.renameTag(from, to, options);
  }

  deleteTag(name: string): Promise<TagDeletion> {
    return this.library.deleteTag(name);
  }

  restoreTag(deletion: TagDeletion): Promise<void> {
    return this.library.restoreTag(deletion);
  }

  async exportLibrary(format: ExportFormat): Promise<string> {
    await this.library.whenAbstractsLoaded();
    return this.exportPapers(this.shownPapers(), format);
  }

  private exportPapers(papers: readonly PaperRecord[], format: ExportFormat): string {
    const entries = papers.map((paper) => {
      const user = this.library.userDataView(paper.id);
      return {
        paper: effectivePaper(paper, user),
        citeKey: this.library.citeKeyOf(paper),
        user,
        profiles: this.library.profilesOfPaper(paper.id).map((profile) => profile.name),
      };
    });
    return exportLibrary(format, {
      papers: entries,
      profiles: this.library.profiles(),
      tags: this.library.tagDefinitions(),
      imports: this.library.imports(),
    });
  }

  sampleProfile(): Promise<string> {
    return readFile(this.samplePath, 'utf8');
  }

  async saveStatus(): Promise<SaveStatus> {
    return this.library.saveStatus;
  }

  async retryUnsaved(): Promise<SaveStatus> {
    // A failure is the status's error line; the caller shows the status either way.
    if (!this.library.isReadOnly) await this.library.retryUnsaved().catch(() => undefined);
    return this.library.saveStatus;
  }

  assignTagKey(name: string, key: TagKey | null): Promise<void> {
    return this.library.assignTagKey(name, key);
  }

  /** The ids a selection holds now: its ids, or every paper its view lists (the same engine as query) but the exceptions. */
  private async resolveSelection(selection: Selection): Promise<string[]> {
    if ('ids' in selection) {
      for (const id of selection.ids) this.requirePaper(id);
      return [...new Set(selection.ids)];
    }
    await this.searchable();
    const outcome = this.engine.search(selection.search, selection.scope, { limit: 0, members: true });
    if (outcome.errors.length > 0) throw new SelectionError(outcome.errors[0] as string);
    const except = new Set(selection.except);
    const ids: string[] = [];
    const members = outcome.members;
    for (let num = 0; num < this.engine.numLimit; num++) {
      if (members != null && members[num] !== 1) continue;
      const id = this.engine.idOf(num);
      if (id !== undefined && !except.has(id)) ids.push(id);
    }
    return ids;
  }

  async exportSelection(selection: Selection, format: ExportFormat): Promise<string> {
    const ids = await this.resolveSelection(selection);
    await this.library.whenAbstractsLoaded();
    return this.exportPapers(this.orders.arrange(ids, 'date', 'desc').map((id) => this.requirePaper(id)), format);
  }

  async countSelection(selection: Selection): Promise<number> {
    return (await this.resolveSelection(selection)).length;
  }

  async tagSelection(selection: Selection, change: TagChange): Promise<ActionResult> {
    return this.library.tagPapers(await this.resolveSelection(selection), change);
  }

  async setStatusOfSelection(selection: Selection, status: ReadingStatus): Promise<ActionResult> {
    return this.library.setStatusOf(await this.resolveSelection(selection), status);
  }

  async trashSelection(selection: Selection): Promise<ActionResult> {
    return this.library.trashPapers(await this.resolveSelection(selection));
  }

  async restoreSelection(selection: Selection): Promise<ActionResult> {
    return this.library.restorePapers(await this.resolveSelection(selection));
  }

  async emptyTrash(options: { confirm: boolean }): Promise<ActionResult> {
    if (options?.confirm !== true) throw new SelectionError('Emptying the Trash removes its papers for good: confirm it first.');
    return this.library.emptyTrash();
  }

  removeProfile(profileId: string): Promise<RemovedProfile> {
    return this.library.removeProfile(profileId);
  }

  editPaper(id: string, edit: PaperEdit): Promise<void> {
    return this.library.editPaper(id, edit);
  }

  /**
   * A paper typed in by hand is an import of one CSL-JSON item (a real import record; its stored text reads again
   * like any other), so it is matched like any import: an existing paper is not added twice.
   */
  async addPaper(fields: ManualPaper): Promise<AddPaperResult> {
    const title = fields.title.trim();
    if (title === '') throw new SelectionError('A paper needs a title.');
    const item: Record<string, unknown> = { type: 'article-journal', title };
    if (fields.authors !== undefined && fields.authors.length > 0) item.author = fields.authors.map((name) => ({ literal: name }));
    if (fields.date) item.issued = { 'date-parts': [fields.date.split('-').map(Number)] };
    if (fields.venue) item['container-title'] = fields.venue;
    if (fields.doi) item.DOI = fields.doi;
    if (fields.url) item.URL = fields.url;
    if (fields.abstract) item.abstract = fields.abstract;
    const text = `${JSON.stringify([item], null, 2)}\n`;
    const parsed = await this.readImport(text, { source: 'csl-json' }, new AbortController().signal);
    if (!parsed.ok) throw new SelectionError(parsed.error);
    const outcome = await this.library.commitImport(text, parsed.result, SOURCES['csl-json'].version, { source: 'csl-json', fileName: 'added by hand' });
    const id = outcome.addedIds[0] ?? outcome.presentIds[0];
    if (id === undefined) throw new Error('The paper was not stored.');
    if (fields.category && outcome.addedIds.length > 0) await this.library.editPaper(id, { set: { category: fields.category } });
    return { id, isNew: outcome.addedIds.length > 0, inTrash: this.isInTrash(id) };
  }

  private isInTrash(id: string): boolean {
    return this.library.userDataView(this.library.resolveId(id)).trashedAt !== undefined;
  }

  mergePapers(keepId: string, otherId: string): Promise<ActionResult> {
    return this.library.mergePapers(keepId, otherId);
  }

  notDuplicate(a: string, b: string): Promise<void> {
    return this.library.notDuplicate(a, b);
  }

  /** Candidate pairs over the shown values (edits applied), outside the Trash, not merged, not marked otherwise. */
  async duplicates(options: { limit?: number } = {}): Promise<DuplicateList> {
    const notDuplicates = this.library.notDuplicatePairs();
    // A record is a candidate as it is, with its stored key (titleKey of its title: computing 100,000 of them again
    // was a fifth of the finder's time); a corrected one as it shows, its key computed when the title changed.
    const candidates: DuplicateCandidate[] = [];
    for (const record of this.shownPapers()) {
      const data = this.library.userDataView(record.id);
      if (data.edits === undefined) {
        candidates.push(record);
        continue;
      }
      const paper = effectivePaper(record, data);
      candidates.push({ id: paper.id, title: paper.title, date: paper.date, doi: paper.doi, key: paper.title === record.title ? record.key : undefined });
    }
    const found = findDuplicatePairs(candidates, { isExcluded: (a, b) => notDuplicates.has(pairKey(a, b)), limit: options.limit ?? 200 });
    return {
      total: found.total,
      pairs: found.pairs.map((pair) => ({ a: this.rowFor(pair.a, null), b: this.rowFor(pair.b, null), reason: pair.reason, detail: pair.detail })),
    };
  }

  saveSearch(search: { name: string; search: string; scope?: ViewScope }): Promise<SavedSearch> {
    return this.library.saveSearch(search);
  }

  renameSavedSearch(id: string, name: string): Promise<void> {
    return this.library.renameSavedSearch(id, name);
  }

  deleteSavedSearch(id: string): Promise<void> {
    return this.library.deleteSavedSearch(id);
  }

  async savedSearchCounts(): Promise<Record<string, number>> {
    await this.searchable();
    const list = this.library.savedSearches();
    const counts = this.engine.countMany(list.map((saved) => ({ search: saved.search, scope: saved.scope })));
    return Object.fromEntries(list.map((saved, i) => [saved.id, counts[i] ?? 0]));
  }

  async undo(): Promise<UndoOutcome> {
    const label = await this.library.undo();
    return label === null ? null : { label };
  }

  async redo(): Promise<UndoOutcome> {
    const label = await this.library.redo();
    return label === null ? null : { label };
  }

  async undoState(): Promise<UndoState> {
    return this.library.undoState;
  }

  private requirePaper(id: string): PaperRecord {
    const paper = this.library.getPaper(id);
    if (!paper) throw new UnknownPaperError(id);
    return paper;
  }

  private rowFor(id: string, highlight: string | null): PaperRow {
    const data = this.library.userDataView(id);
    const paper = effectivePaper(this.requirePaper(id), data);
    const row: PaperRow = {
      id,
      title: paper.title,
      authors: paper.authors,
      authorsTruncated: paper.authorsTruncated,
      date: paper.date,
      year: paper.year,
      venue: paper.venue,
      category: paper.category,
      addedAt: paper.addedAt,
      tags: [...data.tags],
      status: data.status,
      hasNote: data.note.trim().length > 0,
      trashed: data.trashedAt !== undefined,
      edited: data.edits !== undefined,
    };
    if (highlight) row.matches = this.engine.matchesFor(id, highlight, 'row');
    return row;
  }

  private isHidden(id: string): boolean {
    return isHiddenPaper(id, this.library.userDataView(id), this.library.merges());
  }

  /** A hit mask for sorting: the engine's null ("every document") as the documents it holds, once papers left it. */
  private liveMembers(members: Uint8Array | null): Uint8Array | null {
    if (members !== null || !this.library.hasSetAside()) return members;
    const mask = new Uint8Array(this.engine.numLimit);
    for (let num = 0; num < mask.length; num++) if (this.engine.idOf(num) !== undefined) mask[num] = 1;
    return mask;
  }

  /** Papers that are neither hidden nor in the Trash: what an unscoped list shows. */
  private shownPapers(): PaperRecord[] {
    const papers = this.library.papers();
    if (!this.library.hasSetAside()) return papers as PaperRecord[];
    return papers.filter((paper) => !this.isHidden(paper.id) && this.library.userDataView(paper.id).trashedAt === undefined);
  }

  /** Keeps the search index and sort orders in step with the store, then tells subscribers. */
  private applyChange(change: LibraryChange): void {
    if (change.kind !== 'save-status' && change.kind !== 'import-progress') this.applyDataChange(change);
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A failing subscriber must not stop the others or the write that caused the change.
      }
    }
  }

  private applyDataChange(change: Exclude<LibraryChange, { kind: 'save-status' | 'import-progress' }>): void {
    if (change.kind === 'import') this.orders.invalidate();
    else if (change.kind === 'user-data' && this.sortFields.changedAmong(change.paperIds, (id) => this.library.getPaper(id))) this.orders.invalidate();
    this.index.apply(change);
  }
}

/** A selection or bulk request that cannot be done as asked (a query error, an unconfirmed emptying of the Trash). */
export class SelectionError extends Error {
  override name = 'SelectionError';
}

function summarizeProfile(profile: ProfileRecord): ProfileSummary {
  return {
    id: profile.id,
    name: profile.name,
    category: profile.category,
    affiliation: profile.affiliation,
    metrics: { ...profile.metrics },
    sources: [...profile.sources],
    paperCount: profile.paperIds.length,
    lastImportedAt: profile.lastImportedAt,
  };
}

/** What a restore's preview and result say: its counts, and notices for the user data it kept. */
function restoreSummary(result: SourceResult, plan: { entries: Array<{ isNew: boolean }>; counts: RestoreCounts }) {
  const { counts } = plan;
  const notices: string[] = [];
  if (counts.notesKept > 0) notices.push(`${counts.notesKept} paper(s) already have a different note in this library; their notes are kept, not the backup's.`);
  if (counts.statusesKept > 0) {
    notices.push(`${counts.statusesKept} paper(s) already have a different reading status in this library; their statuses are kept, not the backup's.`);
  }
  return {
    ok: true as const,
    source: result.source,
    profileId: null,
    profileName: null,
    added: counts.papersNew,
    present: counts.papersMerged,
    warnings: result.warnings.concat(notices),
    restore: counts,
  };
}
