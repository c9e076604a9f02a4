// The library store: one folder, one writer (folio.lock), everything durable before a promise resolves.
// See README.md in this folder for the on-disk layout and the reasoning behind it.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Low } from 'lowdb';
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { imperative, pastTense, wording, type ActionWording } from './action-labels.js';
import type { ActionResult, LibraryChange, PaperEdit, ReparsePlan, ReparseResult, RestoreCounts, SaveStatus, TagChange, TagDeletion, UndoState } from '../api.js';
import { isReadingStatus } from '../model.js';
import type {
  ImportRecord,
  PaperRecord,
  ProfileRecord,
  ReadingStatus,
  SavedScope,
  SavedSearch,
  StoredImportOptions,
  TagDefinition,
  TagKey,
  UserPaperData,
} from '../model.js';
import type { FolioRestore, SourceResult } from '../parse/sources/types.js';
import { identityOf } from '../same-paper.js';
import { AbstractsLoader } from './abstracts.js';
import { backupSegment, backupSession, backupsDirsOf, rotateBackups, segmentBackupCandidates, segmentBackupPath } from './backups.js';
import {
  InvalidImportError,
  ReadOnlyLibraryError,
  UnknownPaperError,
  UserDataError,
  asNotSaved,
  errorCode,
  errorMessage,
  writeFailureCause,
} from './errors.js';
import { copyFileAtomic, failedAfterRename, makeDir, removeFile, renameDurably, writeFileAtomic } from './disk.js';
import { exists, fileStamp, freshPath } from './fsx.js';
import { IdentityIndex } from './identity-index.js';
import { CiteKeys } from './cite-keys.js';
import { buildImport, planImportDetailed, storedOptions } from './importer.js';
import { planReparse, type ReparseView, type StoredRead } from './reparse.js';
import { planRestore, type RestoreDraft, type RestoredEntry, type RestoreView } from './restore.js';
import type { CatalogView, ImportOutcome, ImportPlan } from './importer.js';
import { JOURNAL_FILE, JournalWriter, SnapshotDeferred } from './journal.js';
import type { JournalThresholds } from './journal.js';
import { LIBRARY_FILE, USER_FILE, isUsableCopy, loadLibrary } from './load.js';
import type { LoadedLibrary } from './load.js';
import { acquireLock } from './lock.js';
import { claimLocalDir, defaultStateDir, deviceIdentity, resolveLocalPaths } from './local-state.js';
import type { DeviceIdentity, LocalPaths } from './local-state.js';
import type { HeldLock } from './lock.js';
import { RepairPlan } from './repairs.js';
import { LIBRARY_SCHEMA_VERSION } from './schema.js';
import type { JournalEntry, JournalOp, LibraryDoc, UserDoc } from './schema.js';
import { PAPERS_DIR, abstractsFileName, segmentFileName, serializeSplitSegment } from './segments.js';
import { LOCAL_WRITTEN_FOLDERS, removeTempFiles } from './temp-files.js';
import { holdsUserData, type UserState } from './user-state.js';
import { applyRecordingInverse, paperIdsOf } from './user-ops.js';
import { notesSetBy, withoutNotesTypedSince } from './undo-guard.js';
import { UndoStack } from './undo-stack.js';

export const IMPORTS_DIR = 'imports';

export interface OpenLibraryOptions {
  /** No lock, no writes, no backups; writing methods throw ReadOnlyLibraryError. For the CLI while the app runs. */
  readOnly?: boolean;
  /** Session backups to keep in the local backups/ (default 5, at least 1). */
  backupsToKeep?: number;
  /**
   * The folder of local-only state (local-state.ts: the lock, backups, this computer's device id); default
   * $FOLIO_STATE_DIR, else the app's userData folder.
   */
  stateDir?: string;
  /** Clock for every stored timestamp and file stamp (tests). */
  now?: () => Date;
  /** When the journal is compacted into user.json (default 500 entries or 1 MB). */
  journalThresholds?: Partial<JournalThresholds>;
  /**
   * When the abstracts of split segments are loaded. 'eager' (the default): open returns with every abstract in
   * place. 'background': open returns with every paper's metadata (a cold open parses ~25 % of the segment
   * bytes) and the abstracts load after it, one file per event-loop turn; until whenAbstractsLoaded settles,
   * records of split segments have no `abstract`. Opt in only where everything that reads abstracts awaits it
   * (the app's FolioCore, once its search index build does); synchronous readers such as the CLI's listing
   * must keep the default. 'on-demand': like 'background', but loading starts only when something asks for
   * abstracts (whenAbstractsLoaded, whenAbstractLoaded), so a caller with more urgent work after open (the
   * search index from its file) gets the CPU first.
   */
  abstracts?: 'background' | 'eager' | 'on-demand';
}

export interface LibraryStats {
  /** append+fsync batches written to user.journal this session (coalesced edits share one). */
  readonly journalWrites: number;
  /** Edits in user.journal since the last user.json snapshot. */
  readonly journalEntries: number;
  /** Times a user.json snapshot of the journal was started this session (past the threshold it runs in the background). */
  readonly compactions: number;
  /** Milliseconds Library.open took. */
  readonly openMs: number;
  /** Milliseconds from the start of Library.open until every abstract was loaded (null until then). */
  readonly abstractsLoadedMs: number | null;
}

const DEFAULT_THRESHOLDS: JournalThresholds = { maxEntries: 500, maxBytes: 1024 * 1024 };

/**
 * Writes that may fail without failing the edit, import or close that started them (what they protect is safe
 * without them), each with the start of the line the save status shows while it fails.
 */
const BEST_EFFORT_WORK = {
  backups: 'Backups are not being made',
  'backup-rotation': 'Old backups are not being removed',
  'segment-backups': 'Paper files are not being backed up',
  snapshot: 'Saved changes are not being folded into user.json (they are safe in user.journal)',
  // Not best-effort (the next change waits for it), but shown the same way: the app starts the repairs right after
  // open, and a failure there must not wait for the next change to be told.
  repairs: 'The library could not be repaired yet (Folio tries again at the next change)',
} as const;
type BestEffortWork = keyof typeof BEST_EFFORT_WORK;

export class Library {
  readonly dir: string;
  /** This library's local folder: its lock and backups (never in the synced library folder). */
  readonly local: LocalPaths;
  /** Written into library.json (`libraryId`); names the local folder. */
  readonly libraryId: string;
  /** This computer as a writer of the library (settings.json, FOLIO_DEVICE_ID); null when read-only. */
  readonly device: DeviceIdentity | null;
  readonly problems: readonly string[];
  readonly isReadOnly: boolean;

  private readonly now: () => Date;
  private readonly libraryDb: Low<LibraryDoc>;
  private readonly userDb: Low<UserDoc>;
  private paperList: readonly PaperRecord[];
  private paperIndex: Map<string, number>;
  /** This session's undo and redo (in memory only). */
  private readonly undoStack = new UndoStack();
  /**
   * The stored papers by DOI, arXiv id and title key (IdentityIndex), for matching imports. Built after open in the
   * background, 5,000 papers per event-loop turn (opening stays cheap, and the first import does not pay ~0.2 s for
   * 100k papers); an import plan before it is done finishes it synchronously. Papers before `identitiesBuiltTo` in
   * paperList are in it.
   */
  private identities: IdentityIndex | null = null;
  private identitiesBuiltTo = 0;
  private profileList: readonly ProfileRecord[] = [];
  private readonly profileById = new Map<string, ProfileRecord>();
  /** Paper id -> ids of the profiles listing it; built on first use, then kept up to date. */
  private profileIdsByPaperMap: Map<string, Set<string>> | null = null;
  private readonly user: UserState;
  /**
   * Edits applied in memory whose repairs before the first write failed (the journal could not even be opened):
   * unsaved like a failed append, and appended first, in order, once the repairs succeed (the next edit, or a retry).
   */
  private waitingForRepairs: JournalEntry[] = [];
  private journal: JournalWriter | null = null;
  private journalEntriesAtOpen: number;
  private readonly thresholds: JournalThresholds;
  private lock: HeldLock | null;
  private nextSegment: number;
  private readonly listeners = new Set<(change: LibraryChange) => void>();
  private commitLane: Promise<unknown> = Promise.resolve();
  private closing: Promise<void> | null = null;
  private openMs = 0;
  private abstractsLoadedMs: number | null = null;
  /** The writes this open found necessary, run before the session's first write (see planRepairs). */
  private readonly repairs = new RepairPlan();
  /** The root files that loaded fine at open: their copies in this session's backup are good (see backups.ts). */
  private loadedFine = new Set<string>();
  /** Loads the abstracts of split segments after open (see abstracts.ts). */
  private readonly abstractsLoader: AbstractsLoader;
  private backupsToKeep = 5;
  /** The session backup, taken lazily before this session's first write (see ensureSessionBackup). */
  private sessionBackup: Promise<unknown> | null = null;
  /** user.journal's size when this session's writing began: the session backup copies exactly that prefix. */
  private journalBytesAtOpen: number | undefined;
  /** Set once a file was rewritten without the session backup (it failed): a later one would mix two states. */
  private sessionBackupAbandoned = false;
  /** Why the unsaved edits are not saved ("Not saved: …") and since when; null while everything is saved. */
  private unsavedSince: { error: string; since: string } | null = null;
  /** Best-effort work that is failing, with its status line. */
  private readonly failingWork = new Map<BestEffortWork, string>();
  /** The save status last announced (as JSON), so that only a change is emitted. */
  private announcedStatus = JSON.stringify(this.saveStatus);

  private constructor(
    dir: string,
    local: LocalPaths & { libraryId: string; device: DeviceIdentity | null },
    readOnly: boolean,
    now: () => Date,
    problems: string[],
    lock: HeldLock | null,
    loaded: LoadedLibrary,
    thresholds: JournalThresholds,
  ) {
    this.dir = dir;
    this.local = { key: local.key, dir: local.dir, lockFile: local.lockFile, backupsDir: local.backupsDir };
    this.libraryId = local.libraryId;
    this.device = local.device;
    this.isReadOnly = readOnly;
    this.now = now;
    this.problems = problems;
    this.lock = lock;
    this.libraryDb = loaded.libraryDb;
    this.userDb = loaded.userDb;
    this.paperList = loaded.papers;
    this.paperIndex = loaded.paperIndex;
    this.user = loaded.user;
    this.journalEntriesAtOpen = loaded.journalEntries;
    this.nextSegment = loaded.nextSegment;
    this.thresholds = thresholds;
    this.setProfiles(loaded.libraryDb.data.profiles);
    this.abstractsLoader = new AbstractsLoader(
      {
        dir,
        backupsDir: local.backupsDir,
        planRepair: readOnly ? null : (repair) => this.repairs.planLater(repair),
        now,
        problems,
        stopped: () => this.closing !== null,
      },
      loaded.pendingAbstracts,
    );
  }

  /** Opens (creating if needed) the library in `dir`. Throws LibraryLockedError, NotSavedError, NewerSchemaError. */
  static async open(dir: string, options: OpenLibraryOptions = {}): Promise<Library> {
    const started = performance.now();
    const root = path.resolve(dir);
    const readOnly = options.readOnly === true;
    const now = options.now ?? (() => new Date());
    const keep = options.backupsToKeep ?? 5;
    if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`backupsToKeep must be a whole number ≥ 1, not ${keep}.`);
    const thresholds = { ...DEFAULT_THRESHOLDS, ...options.journalThresholds };
    const problems: string[] = [];
    if (readOnly && !(await exists(root))) {
      problems.push(`There is no library folder at ${root}; showing an empty library (read-only: nothing was created).`);
    } else if (!readOnly) {
      await makeDir(root, 'folder').catch((error: unknown) => {
        throw asNotSaved(error, root);
      });
    }
    const stateDir = options.stateDir ?? defaultStateDir(process.platform, process.env);
    const local = await resolveLocalPaths(stateDir, root);
    let device: DeviceIdentity | null = null;
    let lock: HeldLock | null = null;
    if (!readOnly) {
      // Local state is written only by a writable open (outside the library folder, which stays untouched). The
      // owner record only tells a moved library from a copy: without it (a full disk) the lock still excludes.
      await claimLocalDir(local).catch(() => undefined);
      const taken = await acquireLock(root, { now: now(), file: local.lockFile });
      lock = taken.lock;
      if (taken.problem) problems.push(taken.problem);
    }
    try {
      if (!readOnly) device = await deviceIdentity(stateDir, process.env, now());
      // Loading writes nothing; what it found to write is planned (planRepairs) and done before the first write.
      // It throws (NewerSchemaError) for a file from a newer Folio, before anything is planned.
      const loaded = await loadLibrary({ dir: root, backupsDir: local.backupsDir, readOnly, now, problems });
      // Kept in memory, so the next write of library.json records it (a derived id then moves with the folder).
      loaded.libraryDb.data.libraryId = local.libraryId;
      const library = new Library(root, { ...local, device }, readOnly, now, problems, lock, loaded, thresholds);
      if (!readOnly) {
        library.backupsToKeep = keep;
        library.loadedFine = loaded.loadedFine;
        library.planRepairs(loaded);
      }
      void library.abstractsLoader.done.then(() => {
        library.abstractsLoadedMs = performance.now() - started;
      }, () => undefined);
      if ((options.abstracts ?? 'eager') === 'eager') {
        await library.whenAbstractsLoaded();
      } else if (options.abstracts === 'background') {
        // After the caller's first turn (its first rows), not before.
        setImmediate(() => void library.abstractsLoader.start());
      }
      library.openMs = performance.now() - started;
      if (!readOnly) setImmediate(() => library.buildIdentitiesSlice());
      setImmediate(() => library.buildProfileLinksSlice());
      return library;
    } catch (error) {
      lock?.release();
      // A writable open that cannot write (its folders, the journal, a repair) saved nothing: say why in one line.
      throw readOnly ? error : asNotSaved(error, root);
    }
  }

  /**
   * Plans the writes loading found necessary, in an order where a crash at any point leaves a library that opens
   * with its data: temp files of a crash removed; damaged files moved aside (a moved file is then missing, and a
   * missing file is restored from a backup just as a damaged one is); the session backup before anything is
   * rewritten; a migration; restored segments copied back before library.json, which lists them, is rewritten;
   * then the journal, compacted if it must be. Then, best effort, one-time backup copies of segments that lack one.
   */
  private planRepairs(loaded: LoadedLibrary): void {
    const { pending } = loaded;
    const plan = (what: string, run: () => Promise<unknown>): void => this.repairs.planRequired({ what, run: async () => void (await run()) });
    // Only before this session writes: its own temp files look the same. A file that cannot be removed is harmless.
    plan('remove temp files left by a crash', async () => {
      await removeTempFiles(this.dir).catch(() => undefined);
      await removeTempFiles(this.local.backupsDir, LOCAL_WRITTEN_FOLDERS).catch(() => undefined);
    });
    plan('create the library folders', async () => {
      await makeDir(path.join(this.dir, PAPERS_DIR), 'folder');
      await makeDir(path.join(this.dir, IMPORTS_DIR), 'folder');
    });
    for (const damaged of pending.damagedFiles) {
      plan(`move the damaged ${path.relative(this.dir, damaged.file)} aside`, async () => {
        if (!(await exists(damaged.file))) return; // moved by an earlier try whose folder fsync failed
        damaged.movedTo = await freshPath(`${damaged.file}.corrupt-${fileStamp(this.now())}`);
        await renameDurably(damaged.file, damaged.movedTo, 'move-aside');
      });
    }
    const writeLibrary = pending.libraryNeedsWrite || pending.migratedFrom !== null;
    if (writeLibrary || pending.userNeedsWrite || pending.restoredSegments.length > 0) plan('back up the library', () => this.ensureSessionBackup());
    if (pending.migratedFrom !== null) this.planMigration(pending.migratedFrom, pending);
    for (const name of pending.restoredSegments) {
      plan(`restore ${PAPERS_DIR}/${name} from its backup copy`, async () => {
        const [copy] = await segmentBackupCandidates(backupsDirsOf({ dir: this.dir, backupsDir: this.local.backupsDir }), name);
        if (copy) await copyFileAtomic(copy.file, path.join(this.dir, PAPERS_DIR, name), 'restore');
      });
    }
    if (writeLibrary) plan(`write ${LIBRARY_FILE}`, () => this.libraryDb.write());
    plan(`open ${JOURNAL_FILE}`, async () => {
      this.journal ??= await JournalWriter.open(path.join(this.dir, JOURNAL_FILE), {
        entries: this.journalEntriesAtOpen,
        compactor: (beforeWrite) => this.writeUserSnapshot(beforeWrite),
        thresholds: this.thresholds,
        rotated: loaded.rotatedJournals,
        beforeRewrite: () => this.backupBeforeRewrite(), // before user.json or user.journal is rewritten or renamed
        onUnsavedChange: (count, error) => this.unsavedChanged(count, error),
        onSnapshot: (error) => {
          if (!(error instanceof SnapshotDeferred)) this.workEnded('snapshot', error);
        },
      });
      this.journalBytesAtOpen = this.journal.bytes;
    });
    plan(`fold ${JOURNAL_FILE} into ${USER_FILE}`, async () => {
      const journal = this.journal as JournalWriter;
      const overThreshold = journal.entries >= this.thresholds.maxEntries || journal.bytes >= this.thresholds.maxBytes;
      if (pending.userNeedsWrite) {
        // The user data in memory was recovered (from a backup, or a migration): user.json must hold it now.
        await this.ensureSessionBackup();
        await journal.compact();
      } else if (pending.journalDamaged || overThreshold || journal.hasRotated) {
        // Best-effort: the journal replays as it is at the next open (a torn tail is cut before the next append).
        await journal.compact().catch(() => undefined);
      }
    });
    plan('report the repairs', async () => pending.onRepaired.forEach((done) => done()));
    // Segments without a copy in backups/segments/ (older ones, or a copy that failed) get one, best effort.
    for (const name of pending.goodSegments) {
      this.repairs.planLater({
        what: `copy ${PAPERS_DIR}/${name} into backups`,
        run: async () => void (await this.bestEffort('segment-backups', backupSegment(this.local.backupsDir, path.join(this.dir, PAPERS_DIR, name)))),
      });
    }
  }

  /**
   * The writes of a migration: the original library.json kept beside it, papers moved out of it as a new segment,
   * user data moved out of it into user.json; library.json itself is rewritten later (see planRepairs). Until
   * then the old file is still what opens (and migrates again), and the half-written new files are ignored or merged.
   */
  private planMigration(from: number, { spilledPapers, userNeedsWrite, onRepaired }: LoadedLibrary['pending']): void {
    const problems = this.problems as string[];
    const at =
      problems.push(
        `${LIBRARY_FILE} is in the older format version ${from}; it is upgraded to version ${LIBRARY_SCHEMA_VERSION} when the library is next changed (the original is kept beside it).`,
      ) - 1;
    let keptAs = '';
    this.repairs.planRequired({
      what: `keep the original ${LIBRARY_FILE} before upgrading it`,
      run: async () => {
        const original = path.join(this.dir, LIBRARY_FILE);
        if (!(await exists(original))) return;
        const copy = await freshPath(`${original}.v${from}-${fileStamp(this.now())}`);
        await copyFileAtomic(original, copy, 'migration');
        keptAs = `; the original is kept as ${path.basename(copy)}`;
      },
    });
    if (spilledPapers.length > 0) {
      this.repairs.planRequired({
        what: `write the papers of the old ${LIBRARY_FILE} as a segment`,
        run: async () => {
          const name = await this.writeSegment(spilledPapers);
          this.libraryDb.data.segments = [name, ...this.libraryDb.data.segments];
        },
      });
    }
    // Only a migration that moved user data out of library.json (0 -> 1) has some to write before library.json;
    // 1 -> 2 changes no data (user.json is still compacted later if it needs to be).
    if (userNeedsWrite) this.repairs.planRequired({ what: `write ${USER_FILE}`, run: () => this.writeUserSnapshot() });
    onRepaired.push(() => {
      problems[at] = `Upgraded ${LIBRARY_FILE} from format version ${from} to ${LIBRARY_SCHEMA_VERSION}${keptAs}.`;
    });
  }

  /**
   * Runs the repairs this open planned (see planRepairs), once. Every writing method awaits it after checking its
   * input and before it writes, so a refused call writes nothing. FolioCore starts it right after open, so that a
   * damaged library is healed without waiting for an edit. Rejects if a repair fails (NotSavedError when the disk
   * refused it, like any other write; RepairError otherwise); the next call tries again from that repair.
   */
  async prepareForWrites(): Promise<void> {
    this.assertWritable('change anything');
    try {
      await this.repairs.start();
      if (this.failingWork.has('repairs')) this.workEnded('repairs', null);
    } catch (error) {
      this.workEnded('repairs', error);
      throw asNotSaved(error, this.dir);
    }
  }

  /**
   * Copies the small files into backups/<stamp>/ once per writable session, just before its first write.
   * Taken lazily so that a session that changes nothing (a refused junk import, a lookup of an unknown id,
   * a CLI read) leaves the folder byte-identical and does not rotate an older, possibly precious, backup out.
   */
  private ensureSessionBackup(): Promise<unknown> {
    if (this.sessionBackupAbandoned) return Promise.resolve();
    if (!this.sessionBackup) {
      const taking = backupSession(this.dir, this.local.backupsDir, this.now(), {
        journalBytes: this.journalBytesAtOpen,
        loadedFine: (name) => this.loadedFine.has(name),
      }).then(async (folder) => {
        this.workEnded('backups', null);
        if (folder !== null) await this.bestEffort('backup-rotation', rotateBackups(this.local.backupsDir, this.backupsToKeep, isUsableCopy));
      });
      // A failed backup is tried again by the next write that needs it (nothing was rewritten meanwhile).
      this.sessionBackup = taking.catch((error: unknown) => {
        this.sessionBackup = null;
        this.workEnded('backups', error);
        throw error;
      });
      this.sessionBackup.catch(() => undefined);
    }
    return this.sessionBackup;
  }

  /**
   * The session backup, before a file is rewritten. Backups are best-effort: when it cannot be made (a full disk)
   * the rewrite goes ahead without it, and no backup is taken later this session (it would mix two states).
   */
  private async backupBeforeRewrite(): Promise<void> {
    try {
      await this.ensureSessionBackup();
    } catch {
      this.sessionBackupAbandoned = true;
    }
  }

  private async writeUserSnapshot(beforeWrite?: () => Promise<void>): Promise<void> {
    // Serialized in slices from the live state (see UserState.serialize); user.json written atomically as before.
    const text = await this.user.serialize();
    await beforeWrite?.();
    await writeFileAtomic(path.join(this.dir, USER_FILE), text, USER_FILE);
  }

  /** What is not on disk, and which best-effort work is failing. Announced as a 'save-status' change when it changes. */
  get saveStatus(): SaveStatus {
    const unsaved = this.unsavedCount();
    return {
      unsavedEdits: unsaved,
      error: unsaved > 0 ? (this.unsavedSince?.error ?? null) : null,
      since: unsaved > 0 ? (this.unsavedSince?.since ?? null) : null,
      warnings: [...this.failingWork.values()],
    };
  }

  /**
   * Writes the edits whose save failed (see saveStatus) now. Resolves once they are on disk; rejects with
   * NotSavedError when the disk still refuses them (they stay in memory, to be retried again).
   */
  async retryUnsaved(): Promise<void> {
    if (this.closing) throw new Error(`Library ${this.dir} is closed; cannot save.`);
    await this.saveUnsaved();
  }

  private async saveUnsaved(): Promise<void> {
    if (this.waitingForRepairs.length > 0) {
      await this.repairs.start().catch((error: unknown) => {
        throw asNotSaved(error, this.dir);
      });
      await this.appendWaiting(this.journal as JournalWriter);
    }
    try {
      await this.journal?.retryUnsaved();
    } catch (error) {
      throw asNotSaved(error, this.dir);
    }
  }

  private unsavedCount(): number {
    return this.waitingForRepairs.length + (this.journal?.unsavedCount ?? 0);
  }

  /** Hands the edits waiting for the repairs to the journal; a failed append keeps them there as unsaved lines. */
  private async appendWaiting(journal: JournalWriter): Promise<void> {
    const waiting = this.waitingForRepairs.splice(0);
    if (waiting.length === 0) return;
    const appends = waiting.map((entry) => journal.append(entry));
    const results = await Promise.allSettled(appends);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw asNotSaved(failed.reason, this.dir);
    this.unsavedChanged(this.unsavedCount(), null);
  }

  private unsavedChanged(journalCount: number, error: unknown): void {
    const count = journalCount + this.waitingForRepairs.length;
    if (count === 0) this.unsavedSince = null;
    else this.unsavedSince = { error: errorMessage(asNotSaved(error, this.dir)), since: this.unsavedSince?.since ?? this.now().toISOString() };
    this.announceStatus();
  }

  /** Runs best-effort work: its failure is shown in the save status (until it succeeds) and never rethrown. */
  private async bestEffort(work: BestEffortWork, running: Promise<unknown>): Promise<boolean> {
    try {
      await running;
      this.workEnded(work, null);
      return true;
    } catch (error) {
      this.workEnded(work, error);
      return false;
    }
  }

  private workEnded(work: BestEffortWork, error: unknown): void {
    if (error === null) this.failingWork.delete(work);
    else this.failingWork.set(work, `${BEST_EFFORT_WORK[work]}: ${writeFailureCause(error, this.dir)}.`);
    this.announceStatus();
  }

  private announceStatus(): void {
    const status = this.saveStatus;
    const text = JSON.stringify(status);
    if (text === this.announcedStatus) return;
    this.announcedStatus = text;
    this.emit({ kind: 'save-status', status });
  }

  /**
   * Writes a split segment: the abstracts file, then the records file, each atomically; library.json lists it
   * only after both are durable (the caller's job). Abstracts first, so that a records file never exists without
   * its abstracts: an interrupted write leaves at most an orphan abstracts file, which nothing reads (and whose
   * number is never reused), and a records file adopted after library.json was lost always has its abstracts.
   * Throws MissingAbstractError (before writing anything) for a record whose abstract is not loaded.
   */
  private async writeSegment(records: readonly PaperRecord[], backups?: Array<Promise<void>>, written?: string[]): Promise<string> {
    const text = serializeSplitSegment(records);
    const name = segmentFileName(this.nextSegment);
    this.nextSegment++; // even if the write fails: a number whose file may exist is never reused
    const file = path.join(this.dir, PAPERS_DIR, name);
    const abstractsFile = path.join(this.dir, PAPERS_DIR, abstractsFileName(name));
    // (A new number has no copies in backups/segments/ yet: any there are this import's, made by `backup` below.)
    written?.push(abstractsFile, file, segmentBackupPath(this.local.backupsDir, path.basename(abstractsFile)), segmentBackupPath(this.local.backupsDir, name));
    await writeFileAtomic(abstractsFile, text.abstracts, 'abstracts');
    await writeFileAtomic(file, text.records, 'segment');
    // Abstracts copy first here too: a backup of a records file is only ever used with its abstracts beside it.
    const backup = backupSegment(this.local.backupsDir, abstractsFile).then(() => backupSegment(this.local.backupsDir, file));
    if (backups) {
      // The caller awaits it alongside its next writes (the raw text, library.json) instead of before them:
      // the copy only needs the segment to be durable, and the fsyncs overlap. Marked handled now: it may fail
      // before the caller gets to await it (an unhandled rejection otherwise, seen under load).
      backup.catch(() => undefined);
      backups.push(backup);
    } else {
      await backup;
    }
    return name;
  }

  // ---------------------------------------------------------------- reading

  /** Counters for tests and diagnostics. */
  get stats(): LibraryStats {
    return {
      journalWrites: this.journal?.writes ?? 0,
      journalEntries: this.journal?.entries ?? this.journalEntriesAtOpen,
      compactions: this.journal?.compactions ?? 0,
      openMs: this.openMs,
      abstractsLoadedMs: this.abstractsLoadedMs,
    };
  }

  /**
   * Settles once every paper's `abstract` is loaded. Until then (after a 'background' open, see OpenLibraryOptions)
   * the records of split segments have no `abstract` property: whatever reads abstracts (the search index build,
   * paper details, export) must await this first. Import planning and commits await it themselves. Rejects only
   * if the library is closed before the abstracts are loaded. A damaged or missing abstracts file does not make
   * it reject: its papers get "" and `problems` says so.
   */
  whenAbstractsLoaded(): Promise<void> {
    void this.abstractsLoader.start();
    return this.abstractsLoader.done;
  }

  /**
   * Settles once one paper's abstract is loaded, loading its file before the others still waiting (a paper
   * opened right after a large library opens). Like whenAbstractsLoaded it rejects only if the library closes.
   */
  whenAbstractLoaded(id: string): Promise<void> {
    const paper = this.getPaper(id);
    if (paper === undefined) return Promise.resolve();
    return this.abstractsLoader.prioritize(paper);
  }

  /** True once every abstract is loaded (whenAbstractsLoaded has settled successfully). */
  get abstractsLoaded(): boolean {
    return this.abstractsLoader.complete;
  }

  /**
   * Every paper, in the order they were first added. The array is replaced (not mutated) by imports. Until
   * whenAbstractsLoaded settles, papers of split segments have no `abstract` yet (see there).
   */
  papers(): readonly PaperRecord[] {
    return this.paperList;
  }

  getPaper(id: string): PaperRecord | undefined {
    const at = this.paperIndex.get(id);
    return at === undefined ? undefined : this.paperList[at];
  }

  /** The profiles shown: a removed one is not, until it is imported again. */
  profiles(): readonly ProfileRecord[] {
    return this.user.removedProfiles.size === 0 ? this.profileList : this.profileList.filter((profile) => this.isShown(profile));
  }

  getProfile(id: string): ProfileRecord | undefined {
    const profile = this.profileById.get(id);
    return profile !== undefined && this.isShown(profile) ? profile : undefined;
  }

  profilesOfPaper(id: string): ProfileRecord[] {
    const ids = this.profileIdsByPaper().get(id);
    if (!ids) return [];
    const result: ProfileRecord[] = [];
    for (const profileId of ids) {
      const profile = this.profileById.get(profileId);
      if (profile && this.isShown(profile)) result.push(profile);
    }
    return result;
  }

  /** Removal is user data (library.json is not rewritten): an import of the profile after it shows the profile again. */
  private isShown(profile: ProfileRecord): boolean {
    const removedAt = this.user.removedProfiles.get(profile.id);
    return removedAt === undefined || profile.lastImportedAt > removedAt;
  }

  imports(): readonly ImportRecord[] {
    return this.libraryDb.data.imports;
  }

  /** The user's data for a paper (EMPTY_USER_DATA's values when none). A copy. */
  userData(id: string): UserPaperData {
    return structuredClone(this.user.get(id));
  }

  /**
   * The stored user data itself, not a copy (reads of 100k papers: a sort, the index, counts). Never changed in
   * place: every op replaces a paper's data and its arrays, so a reader may keep what it got.
   */
  userDataView(id: string): Readonly<UserPaperData> {
    return this.user.get(id);
  }

  /** The paper an id stands for now: itself, or the paper it was merged into. */
  resolveId(id: string): string {
    return this.user.resolve(id);
  }

  /** A short hash of every edit, deletion and merge: what a search index cache must have been built with. */
  overlayKey(): string {
    const hash = createHash('sha256');
    for (const [id, data] of this.user.papers) {
      if (data.edits !== undefined || data.deletedAt !== undefined) hash.update(`${id}\u0000${JSON.stringify(data.edits ?? null)}\u0000${data.deletedAt ?? ''}\n`);
    }
    for (const [other, keep] of this.user.merges) hash.update(`${other}>${keep}\n`);
    return hash.digest('hex').slice(0, 12);
  }

  /** Whether any paper is in the Trash, deleted for good or merged away (else every paper shows). */
  hasSetAside(): boolean {
    return this.user.merges.size > 0 || this.user.hasTrashOrDeleted();
  }

  /** Merged ids → the kept paper's id. */
  merges(): ReadonlyMap<string, string> {
    return this.user.merges;
  }

  notDuplicatePairs(): ReadonlySet<string> {
    return this.user.notDuplicates;
  }

  savedSearches(): readonly SavedSearch[] {
    return this.user.savedSearches;
  }

  tagDefinitions(): readonly TagDefinition[] {
    return this.user.tags;
  }

  onChange(listener: (change: LibraryChange) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  // ---------------------------------------------------------------- imports

  /** Every paper's citation key (see cite-keys.ts); completed in the background after open, like the identities. */
  private readonly citeKeys = new CiteKeys(() => this.paperList);

  /** The citation key of a stored paper (unique in the library; see cite-keys.ts). */
  citeKeyOf(paper: PaperRecord): string {
    return this.citeKeys.keyOf(paper);
  }

  private readonly view: CatalogView = {
    paper: (id) => this.getPaper(id),
    candidateIds: (identity) => this.identityIndex().candidates(identity),
    profile: (id) => this.profileById.get(id),
  };

  /**
   * What an import matches against: a paper deleted for good (an emptied Trash, or merged into one) is gone, so listed
   * again it is a new paper, without the user data that went with the old one. Re-reads and restores keep matching it
   * (a better parser must not bring back what the user deleted). Its record stays, so the new paper takes another id.
   */
  private readonly importView: CatalogView = {
    ...this.view,
    candidateIds: (identity) => [...this.identityIndex().candidates(identity)].filter((id) => this.user.get(this.user.resolve(id)).deletedAt === undefined),
  };

  /**
   * What commitImport would do with `parsed`. Pure: reads only. Rejects with InvalidImportError for a bad
   * SourceResult. Waits for the abstracts (whether a paper's abstract improves depends on the stored one).
   */
  async planImport(parsed: SourceResult): Promise<ImportPlan> {
    await this.whenAbstractsLoaded();
    return planImportDetailed(parsed, this.importView).plan;
  }

  /**
   * Stores the text and its papers, as one import: `parsed` is what the source (`parsed.source`, at `parserVersion`)
   * read from `rawText` with `options`, which the import record keeps so the text can be read again exactly. Writes,
   * each atomic and in this order: the new segment (if any paper is new or improved), the raw text, library.json. A
   * crash or error before library.json leaves only unreferenced files behind, and library.json (and memory) exactly
   * as before.
   */
  async commitImport(rawText: string, parsed: SourceResult, parserVersion: number, options: StoredImportOptions = {}): Promise<ImportOutcome> {
    this.assertWritable('import');
    return this.inCommitLane(() => this.doCommitImport(rawText, parsed, parserVersion, options));
  }

  private async doCommitImport(rawText: string, parsed: SourceResult, parserVersion: number, options: StoredImportOptions): Promise<ImportOutcome> {
    this.assertWritable('import');
    if (typeof rawText !== 'string') throw new InvalidImportError('The pasted text must be a string.');
    if (!Number.isFinite(parserVersion)) throw new InvalidImportError(`Parser version must be a number, not ${String(parserVersion)}.`);
    // An improved record is the stored one plus better fields: it must carry its real abstract, never a missing one.
    await this.whenAbstractsLoaded();
    const detail = planImportDetailed(parsed, this.importView);
    const atDate = this.now();
    const at = atDate.toISOString();
    const built = buildImport(detail, this.view, at);
    // The input is good: now the repairs open planned (a no-op when done), before this import writes anything.
    await this.prepareForWrites();
    const bytes = Buffer.from(rawText, 'utf8');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const records = this.citeKeys.assign(built.added, built.improved);
    const profile = built.profile;
    const existed = profile !== null && this.profileById.has(profile.id);
    let importId = '';
    const next = await this.writeCommit(
      records,
      (written) => this.storeRawText(bytes, sha256, atDate, written),
      (before, segments, file): LibraryDoc => {
        const record = importRecord(before, atDate, {
          source: detail.result.source,
          parserVersion,
          profileId: profile?.id ?? null,
          options: storedOptions(options),
          file,
          sha256,
          chars: rawText.length,
          papersFound: detail.entries.length,
          papersAdded: built.added.length,
        });
        importId = record.id;
        return {
          schemaVersion: LIBRARY_SCHEMA_VERSION,
          profiles:
            profile === null ? before.profiles : existed ? before.profiles.map((p) => (p.id === profile.id ? profile : p)) : [...before.profiles, profile],
          imports: [...before.imports, record],
          segments,
        };
      },
    );
    this.showCommitted(next, records, profile === null ? 'none' : profile);
    const ids = detail.entries.map((e) => e.id);
    this.emit({ kind: 'import', profileId: profile?.id ?? null, paperIds: ids });
    const addedIds = built.added.map((p) => p.id);
    const added = new Set(addedIds);
    return {
      source: detail.result.source,
      profileId: profile?.id ?? null,
      addedIds,
      presentIds: ids.filter((id) => !added.has(id)),
      // "Updated" a profile already there; an import without a person updates what it improved.
      updated: profile === null ? built.improved.length > 0 : existed && (detail.plan.metricsChanged || built.newlyLinked > 0 || built.improved.length > 0),
      metricsChanged: detail.plan.metricsChanged,
      importId,
      notices: detail.plan.notices,
    };
  }

  /** The view re-reading plans against: the library's papers, profiles and import log. */
  private readonly reparseView: ReparseView = {
    ...this.view,
    profiles: () => this.profileList,
    imports: () => this.libraryDb.data.imports,
  };

  /**
   * The exact text an import stored (imports/<file>), checked against its sha256. Rejects with a one-line Error
   * saying why it cannot be read again: the file is missing, or it changed since.
   */
  async readImportText(record: ImportRecord): Promise<string> {
    const file = path.join(this.dir, IMPORTS_DIR, record.file);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') throw new Error(`Its stored text ${IMPORTS_DIR}/${record.file} is missing.`);
      throw new Error(`Its stored text ${IMPORTS_DIR}/${record.file} cannot be read (${errorMessage(error)}).`);
    }
    if (createHash('sha256').update(bytes).digest('hex') !== record.sha256) {
      throw new Error(`Its stored text ${IMPORTS_DIR}/${record.file} changed since it was imported.`);
    }
    return bytes.toString('utf8');
  }

  /**
   * What re-reading `reads` (stale imports and what their sources' current parsers read from them) would change.
   * Pure: reads only (see reparse.ts). Waits for the abstracts, like an import plan.
   */
  async planReparse(reads: readonly StoredRead[]): Promise<ReparsePlan> {
    await this.whenAbstractsLoaded();
    return planReparse(this.stillStale(reads), this.reparseView, this.now().toISOString()).summary;
  }

  /**
   * Applies the re-reads as one commit (planned again in the commit lane, against the library as it is then): a
   * segment of the new and corrected papers, then library.json with the profiles corrected and the imports marked
   * as read by `version`; crash-safe like an import (writeCommit). Reads of imports that are no longer stale (another
   * commit re-read them meanwhile) are left out; with none left nothing is written.
   */
  async commitReparse(reads: readonly StoredRead[]): Promise<ReparseResult> {
    this.assertWritable('re-read imports');
    return this.inCommitLane(async () => {
      this.assertWritable('re-read imports');
      const current = this.stillStale(reads);
      if (current.length === 0) return { reread: 0, added: 0, correctedPapers: 0, correctedFields: 0, metricChanges: 0, failedImports: 0 };
      await this.whenAbstractsLoaded();
      const draft = planReparse(current, this.reparseView, this.now().toISOString());
      await this.prepareForWrites();
      const records = this.citeKeys.assign(draft.added, draft.improved);
      const next = await this.writeCommit(records, null, (_before, segments) => ({
        schemaVersion: LIBRARY_SCHEMA_VERSION,
        profiles: draft.profiles,
        imports: draft.imports,
        segments,
      }));
      this.showCommitted(next, records, draft.profilesChanged ? 'all' : 'none');
      if (records.length > 0 || draft.profilesChanged) this.emit({ kind: 'import', profileId: null, paperIds: records.map((r) => r.id) });
      const { summary } = draft;
      return {
        reread: current.length,
        added: summary.newPapers,
        correctedPapers: summary.correctedPapers,
        correctedFields: summary.correctedFields,
        metricChanges: summary.metricChanges,
        failedImports: summary.failedImports,
      };
    });
  }

  /** The reads whose import is still stored with an older parser version than the read's. */
  private stillStale(reads: readonly StoredRead[]): StoredRead[] {
    const stored = new Map(this.libraryDb.data.imports.map((record) => [record.id, record]));
    return reads.filter((read) => (stored.get(read.record.id)?.parserVersion ?? Infinity) < read.version);
  }

  /**
   * What restoring a Folio backup (`parsed`, read by the folio-json source, with its restore payload) would do: its
   * papers' ids in the library and matches, and the counts the preview shows. Pure: reads only.
   */
  async planRestore(parsed: SourceResult): Promise<{ entries: RestoredEntry[]; counts: RestoreCounts }> {
    await this.whenAbstractsLoaded();
    const draft = planRestore(parsed.papers, requireRestore(parsed), this.restoreView, this.now().toISOString());
    const user = this.user.planBackupRestore(draft.userData, requireRestore(parsed).tags);
    return { entries: draft.entries, counts: restoreCounts(draft, user) };
  }

  /**
   * Restores a Folio backup (see restore.ts) as one import of `rawText`: a segment of its new and merged papers, the
   * text, then library.json with the profiles and the import record (writeCommit: crash-safe like any import); then
   * the user data, as one journal entry. A crash between the two leaves the papers without their user data, which
   * restoring the same backup again adds (it applies only where the library has none). Rejects with NotSavedError if
   * the user data could not be saved (the papers are; the edits are kept and retried like any unsaved edit).
   */
  async commitRestore(
    rawText: string,
    parsed: SourceResult,
    parserVersion: number,
    options: StoredImportOptions = {},
  ): Promise<{ importId: string; entries: RestoredEntry[]; counts: RestoreCounts }> {
    this.assertWritable('restore a backup');
    return this.inCommitLane(async () => {
      this.assertWritable('restore a backup');
      const restore = requireRestore(parsed);
      await this.whenAbstractsLoaded();
      const atDate = this.now();
      const draft = planRestore(parsed.papers, restore, this.restoreView, atDate.toISOString());
      await this.prepareForWrites();
      const bytes = Buffer.from(rawText, 'utf8');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const records = this.citeKeys.assign(draft.added, draft.improved, (paper) => draft.wantedKeys.get(paper.id));
      let importId = '';
      const next = await this.writeCommit(
        records,
        (written) => this.storeRawText(bytes, sha256, atDate, written),
        (before, segments, file): LibraryDoc => {
          const record = importRecord(before, atDate, {
            source: parsed.source,
            parserVersion,
            profileId: null,
            options: storedOptions(options),
            file,
            sha256,
            chars: rawText.length,
            papersFound: draft.entries.length,
            papersAdded: draft.added.length,
          });
          importId = record.id;
          return { schemaVersion: LIBRARY_SCHEMA_VERSION, profiles: draft.profiles, imports: [...before.imports, record], segments };
        },
      );
      this.showCommitted(next, records, 'all');
      this.emit({ kind: 'import', profileId: null, paperIds: draft.entries.map((entry) => entry.id) });
      // Planned now, against the user data as it is after the papers are in (edits do not wait for the commit lane).
      const user = this.user.planBackupRestore(draft.userData, restore.tags);
      if (user.ops.length > 0) {
        const changes: LibraryChange[] = [{ kind: 'user-data', paperIds: user.paperIds }];
        if (user.tagsNew > 0) changes.unshift({ kind: 'tags' });
        await this.edit(user.ops, changes);
      }
      return { importId, entries: draft.entries, counts: restoreCounts(draft, user) };
    });
  }

  /** The view a restore plans against: the library's papers and profiles. */
  private readonly restoreView: RestoreView = { ...this.view, profiles: () => this.profileList };

  /**
   * Writes one commit, each file atomic and in this order: `records` (new and changed papers) as a new segment and
   * whatever `alongside` writes (the raw text; both unreferenced until library.json lists them, so in parallel),
   * then library.json as `nextDoc` makes it from the current one. A crash or error before library.json leaves only
   * unreferenced files behind (removed on an error), and library.json and memory exactly as before. The caller shows
   * the result (showCommitted) once this resolves.
   */
  private async writeCommit<T>(
    records: readonly PaperRecord[],
    alongside: ((written: string[]) => Promise<T>) | null,
    nextDoc: (before: LibraryDoc, segments: string[], extra: T) => LibraryDoc,
  ): Promise<LibraryDoc> {
    // Only library.json is replaced by a commit (the segment and the raw text are new files), so the session backup
    // is started now and awaited just before library.json is written: the copies overlap those writes.
    const sessionBackup = this.backupBeforeRewrite();
    const before = this.libraryDb.data;
    const backups: Array<Promise<void>> = [];
    /** Files this commit creates: removed again if it fails before library.json lists them. */
    const written: string[] = [];
    // The segment and the raw text are both unreferenced until library.json lists them, so they are written in
    // parallel (their fsyncs overlap); library.json is written only once both are durable.
    const writes = await Promise.allSettled([
      records.length > 0 ? this.writeSegment(records, backups, written) : Promise.resolve(null),
      alongside === null ? Promise.resolve(undefined as T) : alongside(written),
    ]);
    backups.forEach((b) => b.catch(() => undefined)); // awaited below; not an unhandled rejection meanwhile
    const [segmentWrite, otherWrite] = writes;
    if (segmentWrite.status === 'rejected' || otherWrite.status === 'rejected') {
      await Promise.allSettled(backups);
      await this.removeUnlisted(written);
      throw asNotSaved(segmentWrite.status === 'rejected' ? segmentWrite.reason : (otherWrite as PromiseRejectedResult).reason, this.dir);
    }
    const segments = segmentWrite.value === null ? before.segments : [...before.segments, segmentWrite.value];
    await sessionBackup;
    const next = { ...nextDoc(before, segments, otherWrite.value), libraryId: this.libraryId };
    this.libraryDb.data = next;
    try {
      await this.libraryDb.write();
    } catch (error) {
      this.libraryDb.data = before;
      await Promise.allSettled(backups);
      // Unless the new library.json made it into place (only its folder's fsync failed), nothing lists the files.
      if (!failedAfterRename(error)) await this.removeUnlisted(written);
      throw asNotSaved(error, this.dir);
    }
    // A failed copy is made again at the next open (missing backups are).
    if (backups.length > 0) await this.bestEffort('segment-backups', Promise.all(backups));
    return next;
  }

  /**
   * Makes a durable commit visible: its records (papers new to the library are appended to the order, changed ones
   * replace theirs) and its profiles (`changed`: the one profile it changed, 'none', or 'all' to rebuild).
   */
  private showCommitted(next: LibraryDoc, records: readonly PaperRecord[], changed: ProfileRecord | 'none' | 'all'): void {
    if (records.length > 0) {
      const papers = this.paperList.slice();
      for (const record of records) {
        const at = this.paperIndex.get(record.id);
        if (at === undefined) {
          this.paperIndex.set(record.id, papers.length);
          papers.push(record); // indexed by the background build or extendIdentities when its turn comes
          continue;
        }
        papers[at] = record;
        // Already indexed: index its identity again (a richer title has a new key; the old entry is only a candidate).
        if (at < this.identitiesBuiltTo) this.identities?.add(record.id, identityOf(record, record.key));
      }
      this.paperList = papers;
      this.citeKeys.committed(records);
    }
    if (changed === 'all') this.setProfiles(next.profiles);
    else if (changed !== 'none') this.setProfiles(next.profiles, changed);
  }

  /**
   * Writes imports/<stamp>-<sha8>.txt with the exact bytes pasted. Identical text already stored (same sha256,
   * file still there) is not written again: the new ImportRecord points at the existing file.
   */
  private async storeRawText(bytes: Buffer, sha256: string, at: Date, written: string[]): Promise<string> {
    const dir = path.join(this.dir, IMPORTS_DIR);
    for (const record of this.libraryDb.data.imports) {
      if (record.sha256 === sha256 && (await exists(path.join(dir, record.file)))) return record.file;
    }
    const base = `${fileStamp(at)}-${sha256.slice(0, 8)}`;
    let name = `${base}.txt`;
    for (let n = 2; await exists(path.join(dir, name)); n++) name = `${base}-${n}.txt`;
    await makeDir(dir, 'raw-text');
    written.push(path.join(dir, name));
    await writeFileAtomic(path.join(dir, name), bytes, 'raw-text');
    return name;
  }

  /**
   * Removes what a failed import wrote (nothing lists it): on a nearly full disk each retry would otherwise leave
   * more orphans behind and fill it further. Best-effort: an orphan left over is ignored at open, as before.
   */
  private async removeUnlisted(files: readonly string[]): Promise<void> {
    for (const file of files) await removeFile(file, 'import-cleanup').catch(() => undefined);
  }

  private identityIndex(): IdentityIndex {
    return this.extendIdentities(Infinity);
  }

  private extendIdentities(count: number): IdentityIndex {
    const index = (this.identities ??= new IdentityIndex());
    const papers = this.paperList;
    const end = Math.min(papers.length, this.identitiesBuiltTo + count);
    for (let i = this.identitiesBuiltTo; i < end; i++) {
      const paper = papers[i] as PaperRecord;
      index.add(paper.id, identityOf(paper, paper.key));
    }
    this.identitiesBuiltTo = Math.max(this.identitiesBuiltTo, end);
    return index;
  }

  private buildIdentitiesSlice(): void {
    if (this.closing || (this.identitiesBuiltTo >= this.paperList.length && this.citeKeys.isComplete)) return;
    this.extendIdentities(5000);
    this.citeKeys.extend(5000);
    setImmediate(() => this.buildIdentitiesSlice());
  }

  private profileIdsByPaper(): Map<string, Set<string>> {
    if (!this.profileIdsByPaperMap) {
      // Finish the background build if it is for the current profile list, else build it here.
      const draft = this.profileLinksDraft?.profiles === this.profileList ? this.profileLinksDraft : null;
      const map = draft?.map ?? new Map<string, Set<string>>();
      for (let i = draft?.next ?? 0; i < this.profileList.length; i++) this.linkPapers(map, this.profileList[i] as ProfileRecord);
      this.profileLinksDraft = null;
      this.profileIdsByPaperMap = map;
    }
    return this.profileIdsByPaperMap;
  }

  /**
   * The paper -> profiles map built in ~8 ms slices after open, published when complete. At 100k papers it is
   * 100k Sets: built in one go on first use (the search index's first slice asks for it) it stalled the event
   * loop for 0.1-0.15 s right after the first rows.
   */
  private profileLinksDraft: { profiles: readonly ProfileRecord[]; map: Map<string, Set<string>>; next: number } | null = null;

  private buildProfileLinksSlice(): void {
    if (this.closing || this.profileIdsByPaperMap) return;
    let draft = this.profileLinksDraft;
    if (draft?.profiles !== this.profileList) draft = this.profileLinksDraft = { profiles: this.profileList, map: new Map(), next: 0 };
    // At most 8 ms or 8 profiles per turn (a profile lists ~1,000 papers in the 100k bench: ~4 ms per slice).
    const until = performance.now() + 8;
    const stop = draft.next + 8;
    while (draft.next < Math.min(stop, draft.profiles.length) && performance.now() < until) {
      this.linkPapers(draft.map, draft.profiles[draft.next++] as ProfileRecord);
    }
    if (draft.next < draft.profiles.length) {
      setImmediate(() => this.buildProfileLinksSlice());
    } else {
      this.profileIdsByPaperMap = draft.map;
      this.profileLinksDraft = null;
    }
  }

  private setProfiles(profiles: readonly ProfileRecord[], changed?: ProfileRecord): void {
    this.profileList = profiles;
    if (changed) {
      const previous = this.profileById.get(changed.id);
      const reverse = this.profileIdsByPaperMap;
      if (reverse) {
        if (previous) for (const id of previous.paperIds) reverse.get(id)?.delete(changed.id);
        this.linkPapers(reverse, changed);
      }
      this.profileById.set(changed.id, changed);
      return;
    }
    this.profileById.clear();
    this.profileIdsByPaperMap = null;
    this.profileLinksDraft = null;
    for (const profile of profiles) this.profileById.set(profile.id, profile);
  }

  private linkPapers(reverse: Map<string, Set<string>>, profile: ProfileRecord): void {
    for (const id of profile.paperIds) {
      let set = reverse.get(id);
      if (!set) reverse.set(id, (set = new Set()));
      set.add(profile.id);
    }
  }

  // ---------------------------------------------------------------- user data

  async setTags(id: string, tags: string[]): Promise<void> {
    this.assertWritable('change tags');
    this.requirePaper(id);
    if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string')) throw new TypeError('tags must be an array of strings.');
    return this.act(wording('Change', 'tags'), this.user.planSetTags(this.user.resolve(id), tags));
  }

  async setNote(id: string, markdown: string): Promise<void> {
    this.assertWritable('change a note');
    this.requirePaper(id);
    if (typeof markdown !== 'string') throw new TypeError('A note must be a string.');
    const ops = this.user.planSetNote(this.user.resolve(id), markdown);
    return this.edit(ops, changesOf(ops));
  }

  async setStatus(id: string, status: ReadingStatus): Promise<void> {
    await this.setStatusOf([id], status);
  }

  async setTagColor(name: string, color: string): Promise<void> {
    this.assertWritable('change a tag colour');
    return this.act(wording('Change', `the colour of ${name}`), this.user.planSetTagColor(name, color));
  }

  async renameTag(from: string, to: string, options: { merge?: boolean } = {}): Promise<{ merged: boolean; name: string }> {
    this.assertWritable('rename a tag');
    const { ops, merged, name } = this.user.planRenameTag(from, to, options.merge === true);
    await this.act(merged ? wording('Merge', `tag ${from} into ${name}`) : wording('Rename', `tag ${from} to ${name}`), ops);
    return { merged, name };
  }

  async deleteTag(name: string): Promise<TagDeletion> {
    this.assertWritable('delete a tag');
    const { ops, deletion } = this.user.planDeleteTag(name);
    await this.act(wording('Delete', `tag ${deletion.tag.name}`), ops);
    return deletion;
  }

  async restoreTag(deletion: TagDeletion): Promise<void> {
    this.assertWritable('restore a tag');
    const { ops } = this.user.planRestoreTag(deletion, (id) => this.paperIndex.has(id));
    return this.act(wording('Restore', `tag ${deletion.tag.name}`), ops);
  }

  async assignTagKey(name: string, key: TagKey | null): Promise<void> {
    this.assertWritable('assign a key to a tag');
    return this.act(key === null ? wording('Remove', `the key of ${name}`) : wording('Assign', `${name} to key ${key}`), this.user.planAssignTagKey(name, key));
  }

  /** Adds and removes tags on many papers: one undo step, one journal line. */
  async tagPapers(ids: readonly string[], change: TagChange): Promise<ActionResult> {
    this.assertWritable('change tags');
    const { ops, changed } = this.user.planTagPapers(this.resolveAll(ids), change);
    const said = tagChangeWording(change, changed.size);
    await this.act(said, ops);
    return { label: imperative(said), done: pastTense(said), count: changed.size };
  }

  async setStatusOf(ids: readonly string[], status: ReadingStatus): Promise<ActionResult> {
    this.assertWritable('change a reading status');
    if (!isReadingStatus(status)) throw new TypeError(`"${String(status)}" is not a reading status (unread, reading, read).`);
    const ops = this.user.planSetStatus(this.resolveAll(ids), status);
    const count = ops[0]?.o === 'status' ? ops[0].ids.length : 0;
    const said = wording('Mark', `${papers(count)} ${status}`);
    await this.act(said, ops);
    return { label: imperative(said), done: pastTense(said), count };
  }

  async trashPapers(ids: readonly string[]): Promise<ActionResult> {
    this.assertWritable('move papers to the Trash');
    const ops = this.user.planTrash(this.resolveAll(ids), this.now().toISOString());
    return this.bulk(wording('Move', `${papers(idCount(ops))} to the Trash`), ops);
  }

  async restorePapers(ids: readonly string[]): Promise<ActionResult> {
    this.assertWritable('restore papers from the Trash');
    const ops = this.user.planRestore(this.resolveAll(ids));
    return this.bulk(wording('Restore', `${papers(idCount(ops))} from the Trash`), ops);
  }

  /** Deletes every paper in the Trash for good (marked deleted in the user data: segments are never rewritten). */
  async emptyTrash(): Promise<ActionResult> {
    this.assertWritable('empty the Trash');
    const ops = this.user.planEmptyTrash(this.now().toISOString());
    return this.bulk(wording('Empty', `the Trash (${papers(idCount(ops))})`), ops);
  }

  /**
   * Removes a profile: its papers that another shown profile lists, or that hold the user's data, stay; the others
   * go to the Trash. One undoable step (the profile and those papers come back).
   */
  async removeProfile(profileId: string): Promise<ActionResult & { trashed: number; kept: number }> {
    this.assertWritable('remove a profile');
    const profile = this.getProfile(profileId);
    if (!profile) throw new UserDataError(`No profile with id "${profileId}" in this library.`);
    const at = this.now().toISOString();
    const toTrash: string[] = [];
    let kept = 0;
    for (const id of new Set(profile.paperIds.filter((id) => this.paperIndex.has(id)).map((id) => this.user.resolve(id)))) {
      const data = this.user.get(id);
      if (data.trashedAt !== undefined || data.deletedAt !== undefined) continue;
      const listedElsewhere = this.profilesOfPaper(id).some((other) => other.id !== profile.id);
      if (listedElsewhere || holdsUserData(data)) kept++;
      else toTrash.push(id);
    }
    const ops: JournalOp[] = [{ o: 'profile-removed', id: profile.id, at }];
    if (toTrash.length > 0) ops.push({ o: 'trash', ids: toTrash, at });
    const said = wording('Remove', `profile ${profile.name}`);
    await this.act(said, ops);
    return { label: imperative(said), done: pastTense(said), count: toTrash.length, trashed: toTrash.length, kept };
  }

  async editPaper(id: string, edit: PaperEdit): Promise<void> {
    this.assertWritable('edit a paper');
    this.requirePaper(id);
    return this.act(wording('Edit', 'paper'), this.user.planEdit(this.user.resolve(id), edit));
  }

  /** Merges `otherId` into `keepId` (see UserState.planMerge); both ids resolve to the kept paper from then on. */
  async mergePapers(keepId: string, otherId: string): Promise<ActionResult> {
    this.assertWritable('merge papers');
    this.requirePaper(keepId);
    this.requirePaper(otherId);
    const keep = this.user.resolve(keepId);
    const other = this.user.resolve(otherId);
    if (keep === other) throw new UserDataError('These are one paper already.');
    return this.bulk(wording('Merge', '2 papers'), this.user.planMerge(keep, other));
  }

  async notDuplicate(a: string, b: string): Promise<void> {
    this.assertWritable('mark papers as not duplicates');
    this.requirePaper(a);
    this.requirePaper(b);
    if (a === b) throw new UserDataError('A paper is always a duplicate of itself.');
    return this.act(wording('Mark', '2 papers as not duplicates'), this.user.planNotDuplicate(a, b));
  }

  async saveSearch(search: { name: string; search: string; scope?: SavedScope }): Promise<SavedSearch> {
    this.assertWritable('save a search');
    const { ops, saved } = this.user.planSaveSearch(search, `s-${randomBytes(6).toString('hex')}`);
    await this.act(wording('Save', `search ${saved.name}`), ops);
    return saved;
  }

  async renameSavedSearch(id: string, name: string): Promise<void> {
    this.assertWritable('rename a saved search');
    return this.act(wording('Rename', `saved search to ${name.trim()}`), this.user.planRenameSavedSearch(id, name));
  }

  async deleteSavedSearch(id: string): Promise<void> {
    this.assertWritable('delete a saved search');
    return this.act(wording('Delete', 'saved search'), this.user.planDeleteSavedSearch(id));
  }

  get undoState(): UndoState {
    return this.undoStack.state;
  }

  /** Sets back, as one journal line, only the values the latest action changed (a note typed since stays). Null when there is none. */
  async undo(): Promise<string | null> {
    this.assertWritable('undo');
    const entry = this.undoStack.popUndo();
    if (!entry) return null;
    const backward = withoutNotesTypedSince(this.user, entry.backward, entry.notes);
    const forward = applyRecordingInverse(this.user, backward);
    this.undoStack.pushUndone({ label: entry.label, forward, backward, notes: notesSetBy(this.user, backward) });
    await this.record(backward, this.changesOf(backward));
    return entry.label;
  }

  async redo(): Promise<string | null> {
    this.assertWritable('redo');
    const entry = this.undoStack.popRedo();
    if (!entry) return null;
    const forward = withoutNotesTypedSince(this.user, entry.forward, entry.notes);
    const backward = applyRecordingInverse(this.user, forward);
    this.undoStack.pushRedone({ label: entry.label, forward, backward, notes: notesSetBy(this.user, forward) });
    await this.record(forward, this.changesOf(forward));
    return entry.label;
  }

  /** Ids as the papers they stand for now (a merged id is its kept paper), each once; unknown ids are refused. */
  private resolveAll(ids: readonly string[]): string[] {
    if (!Array.isArray(ids)) throw new TypeError('ids must be an array of paper ids.');
    for (const id of ids) this.requirePaper(id);
    return [...new Set(ids.map((id) => this.user.resolve(id)))];
  }

  private async bulk(said: ActionWording, ops: JournalOp[]): Promise<ActionResult> {
    await this.act(said, ops);
    return { label: imperative(said), done: pastTense(said), count: idCount(ops) };
  }

  /** One undoable action: applied now, one journal line, one undo entry (nothing when there is nothing to change). */
  private async act(said: ActionWording, ops: JournalOp[]): Promise<void> {
    if (ops.length === 0) return;
    const backward = applyRecordingInverse(this.user, ops);
    this.undoStack.push({ label: imperative(said), forward: ops, backward, notes: notesSetBy(this.user, ops) });
    return this.record(ops, this.changesOf(ops));
  }

  /** What a step changed, for the listeners: the papers, the tag definitions, saved searches, and the undo state. */
  private changesOf(ops: readonly JournalOp[]): LibraryChange[] {
    const changes = changesOf(ops);
    const removals = ops.filter((op) => op.o === 'profile-removed');
    if (removals.length > 0) {
      // Its papers' documents name the profile (the profile: filter): they change with it.
      const paperIds = removals.flatMap((op) => this.profileById.get(op.id)?.paperIds ?? []);
      changes.unshift({ kind: 'profiles' }, { kind: 'user-data', paperIds });
    }
    return [...changes, { kind: 'undo-state', state: this.undoStack.state }];
  }

  /** Applies the ops in memory now (so reads see them at once), resolves once they are in the fsync'd journal. */
  private async edit(ops: JournalOp[], changes: LibraryChange[]): Promise<void> {
    for (const op of ops) this.user.apply(op);
    return this.record(ops, changes);
  }

  /** Journals ops already applied in memory; resolves once they are in the fsync'd journal. */
  private async record(ops: JournalOp[], changes: LibraryChange[]): Promise<void> {
    const entry: JournalEntry = { at: this.now().toISOString(), ops };
    // Edits called together still append in call order: each resumes from the same settled promise, in turn.
    try {
      await this.prepareForWrites();
    } catch (error) {
      // The ops stay applied (a later edit may build on them, e.g. on a tag this one defined) and wait, in order,
      // for the repairs to succeed; like a failed append they are reported as not saved and retried.
      this.waitingForRepairs.push(entry);
      this.unsavedChanged(this.journal?.unsavedCount ?? 0, error);
      for (const change of changes) this.emit(change);
      throw error;
    }
    const journal = this.journal;
    if (!journal) throw new Error(`Library ${this.dir} is not open for writing.`);
    // An append only adds bytes after the journal's size at open, which is all the backup copies of it; user.json
    // is rewritten (and user.journal renamed) only after the backup is complete (the journal's beforeRewrite).
    // So an edit starts the session backup but does not wait for it (it copies 16 MB at 100k papers).
    void this.ensureSessionBackup().catch(() => undefined);
    try {
      const earlier = this.appendWaiting(journal); // queued before this edit's line: call order is kept
      await Promise.all([earlier, journal.append(entry)]);
    } catch (error) {
      // Reported as not saved, yet the ops stay applied (reads show them) and their line waits in the journal,
      // written before the next edit or by retryUnsaved(); the save status says so.
      throw asNotSaved(error, this.dir);
    } finally {
      for (const change of changes) this.emit(change);
    }
  }

  // ---------------------------------------------------------------- lifecycle

  /** Resolves when every import and edit started so far is on disk. */
  async flush(): Promise<void> {
    await this.settleCommitLane();
    await this.repairs.settled();
    await this.journal?.drain();
    await this.sessionBackup?.catch(() => undefined);
  }

  /** Waits for the commit lane, including work a commit appended to it while it ran (segment backups). */
  private async settleCommitLane(): Promise<void> {
    let lane: Promise<unknown>;
    do {
      lane = this.commitLane;
      await lane;
    } while (lane !== this.commitLane);
  }

  /** Flushes, folds the journal into user.json, releases the lock. Safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= this.doClose();
    return this.closing;
  }

  private async doClose(): Promise<void> {
    try {
      await this.settleCommitLane();
      // The loader stops at its next file (closing is set) and may be restoring or backing up the current one.
      await this.abstractsLoader.settled();
      // Repairs not started stay undone (a session that wrote nothing leaves the folder as it found it); best-effort
      // ones still waiting are planned again by the next open.
      // Edits still waiting for the repairs get one more try; if it fails they are lost with this session (they were
      // reported as not saved), and nothing below writes them: the journal never opened.
      if (this.waitingForRepairs.length > 0) await this.saveUnsaved().catch(() => undefined);
      await this.repairs.stop();
      const journal = this.journal;
      if (journal) {
        await journal.drain();
        // Unsaved edits get one more try. If that fails too they are lost with this session (they were reported as
        // not saved), and nothing is compacted: user.json, written from memory, would hold them.
        if (journal.unsavedCount > 0) await journal.retryUnsaved().catch(() => undefined);
        if (journal.unsavedCount === 0 && (journal.entries > 0 || journal.hasRotated)) {
          await journal.compact().catch(() => undefined); // best-effort: the journal replays at the next open
        }
        await journal.close().catch(() => undefined);
      }
      await this.sessionBackup?.catch(() => undefined);
    } finally {
      this.lock?.release();
      this.lock = null;
      this.listeners.clear();
    }
  }

  private inCommitLane<T>(task: () => Promise<T>): Promise<T> {
    const run = this.commitLane.then(task, task);
    this.commitLane = run.catch(() => undefined);
    return run;
  }

  private assertWritable(action: string): void {
    if (this.isReadOnly) throw new ReadOnlyLibraryError(`Library ${this.dir} is open read-only; cannot ${action}.`);
    if (this.closing) throw new Error(`Library ${this.dir} is closed; cannot ${action}.`);
  }

  private requirePaper(id: string): void {
    if (!this.paperIndex.has(id)) throw new UnknownPaperError(id);
  }

  private emit(change: LibraryChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch {
        // A failing listener must not break the store or the other listeners.
      }
    }
  }
}

/** A new import record for the log `before`: its id from the time and the text's hash, unique in the log. */
function importRecord(before: LibraryDoc, at: Date, fields: Omit<ImportRecord, 'id' | 'at'>): ImportRecord {
  const taken = new Set(before.imports.map((r) => r.id));
  const base = `imp-${fileStamp(at)}-${fields.sha256.slice(0, 8)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return { id, at: at.toISOString(), ...fields };
}

function requireRestore(parsed: SourceResult): FolioRestore {
  if (parsed.source !== 'folio-json' || parsed.restore === undefined) throw new InvalidImportError('Only a Folio backup can be restored.');
  return parsed.restore;
}

function restoreCounts(draft: RestoreDraft, user: { tagsNew: number; paperIds: string[]; notesKept: number; statusesKept: number }): RestoreCounts {
  return { ...draft.counts, tagsNew: user.tagsNew, userDataApplied: user.paperIds.length, notesKept: user.notesKept, statusesKept: user.statusesKept };
}

/** What a tag change did, as undo() and its toast say it: "Tag 3 papers with ml", "Remove tag ml from 1 paper". */
function tagChangeWording(change: TagChange, count: number): ActionWording {
  const add = change.add ?? [];
  const remove = change.remove ?? [];
  if (remove.length === 0) return wording('Tag', `${papers(count)} with ${add.join(', ')}`);
  if (add.length === 0) return wording('Remove', `tag ${remove.join(', ')} from ${papers(count)}`);
  return wording('Change', `tags of ${papers(count)} (${[...add.map((t) => `+${t}`), ...remove.map((t) => `-${t}`)].join(' ')})`);
}

/** "1 paper", "3,000 papers". */
function papers(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'paper' : 'papers'}`;
}

/** Papers an action's ops name (an action's first op names them; merges count as the two papers). */
function idCount(ops: readonly JournalOp[]): number {
  const op = ops[0];
  if (!op) return 0;
  if (op.o === 'merge') return 2;
  return 'ids' in op ? op.ids.length : 1;
}

function changesOf(ops: readonly JournalOp[]): LibraryChange[] {
  const changes: LibraryChange[] = [];
  const paperIds = new Set<string>();
  for (const op of ops) {
    for (const id of paperIdsOf(op)) paperIds.add(id);
    if (op.o === 'merge' || op.o === 'unmerge') paperIds.add(op.o === 'merge' ? op.keep : op.other);
  }
  if (paperIds.size > 0) changes.push({ kind: 'user-data', paperIds: [...paperIds] });
  if (ops.some((op) => op.o === 'tags')) changes.push({ kind: 'tags' });
  if (ops.some((op) => op.o === 'saved-searches')) changes.push({ kind: 'saved-searches' });
  return changes;
}
