// The search index's lifecycle over one open library: made at start (read from its cache file, or built: in a
// worker thread for a large library, so main's event loop never runs the tokenizer), kept in step with imports and
// edits, saved back to the cache file, stopped at close. FolioCore asks it for the engine and when it is current.
import type { Library } from './library/index.js';
import type { LibraryChange } from './api.js';
import type { PaperRecord } from './model.js';
import { errorMessage } from './library/errors.js';
import { SearchEngine, type EngineSnapshot, type SearchDoc } from './search/index.js';
import type { RestoreOutcome } from './search/engine.js';
import { readIndexFile, writeIndexFile } from './search/index-file.js';
import { buildInWorker } from './index-build-off-thread.js';
import { inSlices } from './slices.js';
import { searchDocFor } from './search-doc.js';
import { isHiddenPaper } from './effective-paper.js';

/** How the search index came to be, for diagnostics and the bench. */
export interface IndexReport {
  source: 'file' | 'built';
  ms: number;
  /** Why the index file was not used (source 'built'), e.g. "no index file yet". */
  fileProblem?: string;
  /** Papers indexed afresh on top of a loaded file (new, or tags/notes edited after it was written). */
  reindexed?: number;
  /** Where a build ran: a worker thread (large libraries) or main's event loop, in slices. */
  builtIn?: 'worker' | 'main';
}

/** Where a build without an index file runs: 'auto' uses a worker from WORKER_BUILD_MIN_PAPERS papers on. */
export type IndexBuildPlace = 'auto' | 'worker' | 'main';

export interface IndexKeeperOptions {
  /** The cache file of this library's index (index-cache.ts), or null to build it at every start. */
  indexFile: string | null;
  build?: IndexBuildPlace;
  /** A paper entered or left the index: its numbering changed (the sort orders cache it). */
  onRenumbered: () => void;
}

/** After an import, the index file is rewritten this long after the last change (imports come in bursts). */
const SAVE_AFTER_IMPORT_MS = 3000;
/** Tag and note edits are re-indexed at load from the file; only this many justify rewriting ~100 MB. */
const RESAVE_AFTER_EDITS = 1000;
const SAVE_AFTER_EDITS_MS = 10_000;
/** Imports of up to this many papers are indexed inside the commit; larger ones just after it. */
const IMPORT_INDEXED_INLINE = 50;
/** Below this, building in main's slices (~0.1 s per 1,000 papers) beats starting a worker (~0.5 s from source). */
const WORKER_BUILD_MIN_PAPERS = 5000;

export class IndexKeeper {
  private engineNow = new SearchEngine();
  private readonly indexFile: string | null;
  private readonly buildPlace: IndexBuildPlace;
  private readonly onRenumbered: () => void;
  /** The index file's key when it was last written (or read): equal to indexKey() means nothing to save. */
  private savedKey: string | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> | null = null;
  /** Papers whose tags or note changed since the index file was written (re-indexed at the next load). */
  private editsSinceSave = 0;
  /** Settles when the search index holds every paper (made in the background after start). */
  private ready: Promise<void> = Promise.resolve();
  private built = false;
  /**
   * Set once the index build or restore begins in this thread. Before that, edits need no re-indexing: the
   * build reads every paper as it is when its turn comes.
   */
  private started = false;
  /**
   * While a worker builds and its snapshot (or the index file) is restored: papers changed meanwhile, indexed afresh
   * after the restore (their text in the snapshot may predate the change).
   */
  private changedDuringBuild: Set<string> | null = null;
  /** Queued papers whose text must be re-tokenized even if their document looks unchanged (see restoreFrom). */
  private readonly retokenize = new Set<string>();
  private stopped = false;
  /** Aborted by stop(): ends a worker build at once. */
  private readonly stopping = new AbortController();
  /** Papers waiting to be indexed (in slices, after the import or bulk action returned). */
  private readonly queue: string[] = [];
  private catchingUp: Promise<void> | null = null;
  /** How the index was made, once it is ready. */
  report: IndexReport | null = null;

  constructor(
    private readonly library: Library,
    options: IndexKeeperOptions,
  ) {
    this.indexFile = options.indexFile;
    this.buildPlace = options.build ?? 'auto';
    this.onRenumbered = options.onRenumbered;
    this.engineNow.setSavedSearches(library.savedSearches());
  }

  /** The engine (replaced once, if an index file turns out unusable midway). */
  get engine(): SearchEngine {
    return this.engineNow;
  }

  start(): void {
    // Abstracts (146 MB of text at 100k papers) are not loaded after a restore: the index holds their words, and a
    // paper's own abstract is read when it is shown or re-indexed (whenAbstractLoaded loads its segment's file).
    this.ready = this.loadOrBuild().then((report) => {
      this.built = true;
      this.report = report;
    });
    // A failure here would surface on the next query that awaits it; never as an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  /** Writes what is pending (an import since the file was written would make the next start rebuild it), then stops. */
  async stop(): Promise<void> {
    if (this.saveTimer !== null) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
      if (this.built && this.savedKey !== this.indexKey()) await this.save();
    }
    await this.saving;
    this.stopped = true;
    this.stopping.abort();
  }

  /** Settles once the index covers the whole library as opened. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Settles when the index covers the library as it is now (made, and any imported papers added). */
  async current(): Promise<void> {
    if (!this.built) await this.ready;
    while (this.catchingUp !== null) await this.catchingUp;
  }

  /** Keeps the index in step with a change of the store (called before subscribers hear of it). */
  apply(change: Exclude<LibraryChange, { kind: 'save-status' | 'import-progress' }>): void {
    if (change.kind === 'saved-searches') this.engineNow.setSavedSearches(this.library.savedSearches());
    // The store reports every paper whose tags changed (also for a rename, merge, delete or restore) as a
    // 'user-data' change; 'tags' alone means tag definitions (names, colours), which no search document holds.
    // Re-indexing every tagged paper on 'tags' cost 1.1-1.3 s per new tag at 100k.
    const changed = change.kind === 'import' || change.kind === 'user-data' ? change.paperIds : [];
    if (this.changedDuringBuild !== null) {
      for (const id of changed) this.changedDuringBuild.add(id);
      return;
    }
    const ids = this.started ? changed : [];
    // A bulk action re-indexes like an import: after its promise resolves (it is durable then), in slices.
    if (ids.length > IMPORT_INDEXED_INLINE || (ids.length > 0 && !this.library.abstractsLoaded)) {
      // Indexed right after the import returns, or once the abstracts are in (an edit in the first seconds
      // after open: indexing it now would leave its abstract out); searches meanwhile wait (current()).
      this.enqueue(ids);
    } else {
      for (const id of ids) {
        const paper = this.library.getPaper(id);
        if (paper) this.indexPaper(paper);
      }
    }
    if (change.kind === 'user-data') this.editsSinceSave += ids.length;
    this.maybeScheduleSave();
  }

  private enqueue(ids: Iterable<string>): void {
    for (const id of ids) this.queue.push(id); // not push(...ids): 100k arguments overflow the stack
    void this.catchUp();
  }

  /** These papers as they are when their turn comes (an id merged or deleted for good meanwhile is skipped). */
  private *papersOf(ids: readonly string[]): Generator<PaperRecord> {
    for (const id of ids) {
      const paper = this.library.getPaper(id);
      if (paper) yield paper;
    }
  }

  /**
   * Indexes queued papers in ~8 ms slices. An import of 1,000 papers takes ~0.1 s to tokenize; done inside
   * the commit it counted against the import (issue 4: committed within 300 ms) and held the event loop.
   */
  private catchUp(): Promise<void> {
    this.catchingUp ??= (async () => {
      try {
        // In batches: papers queued while one is indexed wait for their abstracts in the next.
        while (this.queue.length > 0 && !this.stopped) {
          const batch = this.queue.splice(0);
          await this.abstractsOf(batch);
          await inSlices(this.papersOf(batch), (paper) => this.indexPaper(paper), () => this.stopped);
        }
      } finally {
        this.catchingUp = null;
      }
      this.maybeScheduleSave();
    })();
    return this.catchingUp;
  }

  /** Loads the abstracts of these papers (their segments' files), if not loaded yet; a failure leaves them out. */
  private async abstractsOf(ids: readonly string[]): Promise<void> {
    if (this.library.abstractsLoaded) return;
    await Promise.all([...new Set(ids)].map((id) => this.library.whenAbstractLoaded(id).catch(() => undefined)));
  }

  /** Indexes a paper as it is now; a paper deleted for good or merged into another leaves the index. */
  private indexPaper(paper: PaperRecord): void {
    const wasIndexed = this.engineNow.numOf(paper.id) >= 0;
    const hidden = this.isHidden(paper.id);
    if (hidden) this.engineNow.remove(paper.id);
    else this.engineNow.upsert(searchDocFor(this.library, paper), this.retokenize.delete(paper.id));
    if (hidden === wasIndexed) this.onRenumbered();
  }

  private isHidden(id: string): boolean {
    return isHiddenPaper(id, this.library.userDataView(id), this.library.merges());
  }

  /** Each paper's document, made when its turn comes, so user data edited meanwhile is current. */
  private *searchDocs(): Generator<SearchDoc> {
    for (const paper of this.library.papers()) if (!this.isHidden(paper.id)) yield searchDocFor(this.library, paper);
  }

  /**
   * The index from the cache file when it matches the library, else built from the papers (then written to
   * the cache). Main's event loop is held at most a slice (~8 ms) at a time either way.
   */
  private async loadOrBuild(): Promise<IndexReport> {
    const t0 = performance.now();
    const stop = (): boolean => this.stopped;
    let fileProblem = 'no cache folder';
    // The file is read while the abstracts load (the index needs them, for new or edited papers and for
    // highlighting); whatever changed meanwhile shows in the key, or reaches the engine as an edit.
    // If they cannot be loaded at all (reported as a problem), the index goes without them.
    const abstractsLoaded = (): Promise<void> => this.library.whenAbstractsLoaded().catch(() => undefined);
    const abstractsOf = (ids: readonly string[]): Promise<void> => this.abstractsOf(ids);
    const key = this.indexKey();
    const read = this.indexFile === null ? null : await readIndexFile(this.indexFile, key);
    if (read !== null) {
      if (read.ok && this.indexKey() !== key) {
        fileProblem = 'the library changed while the file was read';
      } else if (read.ok && !this.stopped) {
        try {
          // The restore needs no abstracts (only new or edited papers do, and it waits for them then).
          const outcome = await this.restoreFrom(read.snapshot, new Set(), stop, abstractsOf);
          if (outcome !== null) {
            // Searches work from here; filters (tag:, year:, …) fill in behind, or on the first that needs them.
            void this.engineNow.completeFiltersAsync(stop);
            this.savedKey = key;
            this.editsSinceSave = outcome.reindexed;
            this.maybeScheduleSave();
            return { source: 'file', ms: performance.now() - t0, reindexed: outcome.reindexed };
          }
        } catch (error) {
          // An inconsistent file: start over from the papers with a fresh engine.
          this.freshEngine();
          this.started = false;
          fileProblem = `unusable (${errorMessage(error)})`;
        }
      } else if (!read.ok) {
        fileProblem = read.reason;
      }
    }
    await abstractsLoaded();
    if (this.shouldBuildInWorker()) {
      const built = await this.buildOffThread(stop, abstractsOf);
      if (built || this.stopped) {
        if (this.indexFile !== null && !this.stopped) this.scheduleSave(0);
        return { source: 'built', ms: performance.now() - t0, fileProblem, builtIn: 'worker' };
      }
    }
    this.started = true;
    await this.engineNow.addAllAsync(this.searchDocs(), stop);
    if (this.indexFile !== null && !this.stopped) this.scheduleSave(0);
    return { source: 'built', ms: performance.now() - t0, fileProblem, builtIn: 'main' };
  }

  private shouldBuildInWorker(): boolean {
    return this.buildPlace === 'worker' || (this.buildPlace === 'auto' && this.library.papers().length >= WORKER_BUILD_MIN_PAPERS);
  }

  /**
   * Builds in a worker thread from the documents as they are now, then restores that snapshot here, as from the
   * file, with the papers changed meanwhile indexed afresh. False (engine still empty) when the worker failed:
   * the caller builds here instead.
   */
  private async buildOffThread(stop: () => boolean, abstractsOf: (ids: readonly string[]) => Promise<void>): Promise<boolean> {
    const changed = new Set<string>();
    this.changedDuringBuild = changed;
    const key = this.indexKey();
    let snapshot: EngineSnapshot | null;
    try {
      snapshot = await buildInWorker(this.searchDocs(), this.stopping.signal);
    } catch {
      snapshot = null;
    }
    if (snapshot === null || this.stopped) {
      // Edits made meanwhile are read by the build that follows (it makes every document afresh).
      this.changedDuringBuild = null;
      return false;
    }
    const outcome = await this.restoreFrom(snapshot, changed, stop, abstractsOf);
    if (outcome === null) return true; // stopped
    void this.engineNow.completeFiltersAsync(stop);
    if (this.indexKey() === key) this.editsSinceSave = 0;
    return true;
  }

  /**
   * Restores a snapshot (the index file's, or a worker's) with papers changed meanwhile indexed afresh: those
   * changed before it (`changed`) lose their slots, so the restore indexes them from the paper as it is; those
   * changed during it are re-tokenized after it. A restore alone compares only tags and notes (userTextHash).
   */
  private async restoreFrom(
    snapshot: EngineSnapshot,
    changed: Set<string>,
    stop: () => boolean,
    abstractsOf: (ids: readonly string[]) => Promise<void>,
  ): Promise<RestoreOutcome | null> {
    this.changedDuringBuild = changed;
    try {
      if (changed.size > 0) snapshot.slotIds.forEach((id, slot) => id !== null && changed.has(id) && (snapshot.slotIds[slot] = null));
      changed.clear();
      this.started = true;
      const outcome = await this.engineNow.restoreAsync(snapshot, this.searchDocs(), stop, abstractsOf);
      if (outcome !== null && changed.size > 0) {
        for (const id of changed) this.retokenize.add(id);
        this.enqueue(changed);
      }
      return outcome;
    } finally {
      this.changedDuringBuild = null;
    }
  }

  private freshEngine(): void {
    this.engineNow = new SearchEngine();
    this.engineNow.setSavedSearches(this.library.savedSearches());
  }

  /**
   * What the imported text of the index depends on: papers only change through imports (segments are
   * append-only, each import is logged), so the import log's length and last entry plus the paper count
   * identify it. Tags and notes are checked per paper at load instead (userTextHash).
   */
  private indexKey(): string {
    const imports = this.library.imports();
    const last = imports[imports.length - 1];
    // Edits, deletions and merges change documents beyond what a restore compares (tags and notes): a new key.
    return `imports=${imports.length}:${last?.id ?? '-'};papers=${this.library.papers().length};overlay=${this.library.overlayKey()}`;
  }

  /** After an import the file is stale for every paper: save soon. Edits alone: only once they add up. */
  private maybeScheduleSave(): void {
    if (this.indexFile === null || !this.built || this.stopped) return;
    if (this.savedKey !== this.indexKey()) this.scheduleSave(SAVE_AFTER_IMPORT_MS);
    else if (this.editsSinceSave >= RESAVE_AFTER_EDITS) this.scheduleSave(SAVE_AFTER_EDITS_MS);
  }

  private scheduleSave(delayMs: number): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      if (!this.stopped) void this.save();
    }, delayMs);
    // A pending save must not keep a CLI process alive; stop() writes what is pending.
    this.saveTimer.unref?.();
  }

  /** Writes the index file (one save at a time). Failures are ignored: it is a cache. */
  private async save(): Promise<void> {
    // Imported papers still being indexed would be missing from the file (correct, as a restore re-indexes
    // papers the file lacks, but slower): let them in first.
    await this.current();
    if (this.saving !== null) return this.saving.then(() => this.save());
    const file = this.indexFile;
    const snapshot = this.engineNow.snapshot();
    if (file === null || snapshot === null) return Promise.resolve();
    const key = this.indexKey();
    const edits = this.editsSinceSave;
    this.saving = writeIndexFile(file, key, snapshot)
      .then(() => {
        this.savedKey = key;
        this.editsSinceSave -= edits;
      })
      .catch(() => undefined)
      .finally(() => {
        this.saving = null;
      });
    return this.saving;
  }
}
