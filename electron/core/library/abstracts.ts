// Loading the abstracts of split segments (papers/segment-NNNNNN.abstracts.json, see segments.ts) after open.
//
// Library.open returns once every records file is read, so the first rows show without parsing the ~75 % of the
// segment bytes that are abstracts. This loader then reads one abstracts file per step, yielding to the event loop
// between files (the Electron main process keeps answering IPC), and sets each record's `abstract` in place.
// Until `done` settles a split segment's records have no `abstract` property at all (not ""), so anything that
// would persist one fails loudly (serializeSplitSegment) instead of writing an empty abstract; the readers that
// need abstracts (import planning and commits, paper details, export, the search index) await `done` first.
//
// A damaged or missing abstracts file follows the segment conventions of load.ts: its copy in backups/segments/ is
// used if that one is good, otherwise its papers keep their metadata with an empty abstract, and a problem says
// so. Loading writes nothing: moving a damaged file aside as *.corrupt-<stamp> (never overwritten), copying the
// backup back, and the one-time backup copy of a good file are planned as repairs, run once the session writes
// (never in read-only mode).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PaperRecord } from '../model.js';
import { yieldToEventLoop } from '../slices.js';
import { backupSegment, backupsDirsOf, segmentBackupCandidates, segmentBackupPath } from './backups.js';
import { asError, errorMessage } from './errors.js';
import { copyFileAtomic } from './disk.js';
import { exists, moveAside } from './fsx.js';
import type { Repair } from './repairs.js';
import { describeRecovery, readJsonSafely } from './safe-json.js';
import { PAPERS_DIR, abstractsFileName, decodeAbstracts } from './segments.js';

/** A split segment whose records are loaded and whose abstracts are not (yet). */
export interface PendingAbstracts {
  /** The records file's name, `segment-NNNNNN.json`. */
  segment: string;
  /** The records as parsed from it (also the objects in the library's paper list, unless a later segment won). */
  records: PaperRecord[];
}

export interface AbstractsLoaderOptions {
  dir: string;
  /** The library's local backups folder (local-state.ts). */
  backupsDir: string;
  /** Plans a write for when the session writes (see repairs.ts); null in read-only mode. */
  planRepair: ((repair: Repair) => void) | null;
  now: () => Date;
  /** The library's problem list: what happened to a damaged or missing abstracts file is added to it. */
  problems: string[];
  /** Checked between files: once true, loading stops and `done` rejects (the library is closing). */
  stopped: () => boolean;
}


export class AbstractsLoader {
  /** Settles once every pending abstract is in place; rejects only if loading was stopped (library closed). */
  readonly done: Promise<void>;
  private finished = false;
  private running: Promise<void> | null = null;
  private resolveDone!: () => void;
  private rejectDone!: (error: Error) => void;

  constructor(
    private readonly options: AbstractsLoaderOptions,
    private readonly pending: PendingAbstracts[],
  ) {
    this.done = new Promise<void>((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
    this.done.catch(() => undefined); // a stopped load is not an unhandled rejection; awaiting callers still see it
    if (pending.length === 0) this.finish();
  }

  get complete(): boolean {
    return this.finished;
  }

  /** Index in `pending` of the file being loaded now (the run's position). */
  private cursor = 0;
  /** Set when prioritize() moved a file into the next position: the run's read-ahead is then of the wrong file. */
  private reordered = false;
  /** Per file, for prioritize(): settles when that file's abstracts are in place. */
  private readonly waiters = new Map<PendingAbstracts, { promise: Promise<void>; resolve: () => void }>();

  /**
   * Settles once `record`'s abstract is in place, loading its file next (before the others still waiting):
   * a paper opened right after a large library opens shows its abstract in one file's time, not all of them.
   */
  prioritize(record: PaperRecord): Promise<void> {
    if (this.finished || Object.hasOwn(record, 'abstract')) return Promise.resolve();
    const at = this.pending.findIndex((item, i) => i >= this.cursor && item.records.includes(record));
    if (at < 0) return this.done; // not in a waiting file (cannot happen for a listed paper): wait for all
    const item = this.pending[at] as PendingAbstracts;
    // Next after the file being loaded now; first of all if the run has not begun.
    const target = this.running === null ? this.cursor : this.cursor + 1;
    if (at > target) {
      this.pending.splice(at, 1);
      this.pending.splice(target, 0, item);
      this.reordered = true;
    }
    let waiter = this.waiters.get(item);
    if (waiter === undefined) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      waiter = { promise, resolve };
      this.waiters.set(item, waiter);
    }
    void this.start();
    // If loading stops (library closed) the file never loads: settle with `done`'s rejection then.
    return Promise.race([waiter.promise, this.done]);
  }

  /** Starts loading (once); the returned promise settles when this run ends (complete, stopped or failed). */
  start(): Promise<void> {
    this.running ??= this.run();
    return this.running;
  }

  /** Settles (never rejects) once a started run has ended; at once if none was started. */
  async settled(): Promise<void> {
    await this.running;
  }

  private finish(): void {
    this.finished = true;
    this.resolveDone();
  }

  private async run(): Promise<void> {
    if (this.finished) return;
    try {
      const { dir } = this.options;
      const fileOf = (i: number): string => path.join(dir, PAPERS_DIR, abstractsFileName((this.pending[i] as PendingAbstracts).segment));
      // Read file i+1 while file i is parsed (one read in flight: the reads are small and the parse is the cost).
      const readAhead = (i: number): Promise<Buffer> | undefined => {
        if (i >= this.pending.length) return undefined;
        const reading = readFile(fileOf(i));
        reading.catch(() => undefined); // handled by readJsonSafely when its turn comes
        return reading;
      };
      let next = readAhead(0);
      for (let i = 0; i < this.pending.length; i++) {
        if (this.options.stopped()) throw new Error('The library was closed before its abstracts were loaded.');
        this.cursor = i;
        let current = next;
        if (this.reordered) {
          // prioritize() put another file here: the read-ahead was of the one that used to be next.
          this.reordered = false;
          current = readAhead(i);
        }
        next = readAhead(i + 1);
        const item = this.pending[i] as PendingAbstracts;
        try {
          await this.loadOne(item, fileOf(i), current);
        } catch (error) {
          // An I/O failure other than a damaged file (e.g. moving it aside was refused): keep the library usable.
          this.options.problems.push(`${PAPERS_DIR}/${abstractsFileName(item.segment)} could not be read (${errorMessage(error)}), so ${lostText(item)}.`);
          fill(item, null);
        }
        this.waiters.get(item)?.resolve();
        if (i + 1 < this.pending.length) await yieldToEventLoop();
      }
      this.pending.length = 0;
      this.finish();
    } catch (error) {
      this.rejectDone(asError(error));
    }
  }

  private async loadOne(item: PendingAbstracts, file: string, preread: Promise<Buffer> | undefined): Promise<void> {
    const { planRepair, now, problems, backupsDir } = this.options;
    const name = abstractsFileName(item.segment);
    const label = `${PAPERS_DIR}/${name}`;
    const count = item.records.length;
    const result = await readJsonSafely<string[]>({
      file,
      decode: (raw) => decodeAbstracts(raw, count),
      candidates: () => segmentBackupCandidates(backupsDirsOf(this.options), name),
      preread,
    });
    if (result.status === 'ok') {
      planRepair?.({ what: `copy ${label} into ${path.dirname(segmentBackupPath(backupsDir, name))}/`, run: () => backupSegment(backupsDir, file) });
    } else {
      // A records file without its abstracts file was never written so by Folio: missing or damaged, it is reported.
      const lost = lostText(item);
      const at = problems.push(describeRecovery(label, result, lost, { kind: planRepair ? 'planned' : 'read-only' })) - 1;
      const restoredFrom = result.restoredFrom;
      if (planRepair && (result.status === 'damaged' || restoredFrom)) {
        planRepair({
          what: `repair ${label}`,
          run: async () => {
            const movedTo = result.status === 'damaged' && (await exists(file)) ? await moveAside(file, 'corrupt', now()) : null;
            if (restoredFrom) await copyFileAtomic(restoredFrom.file, file, 'restore');
            problems[at] = describeRecovery(label, result, lost, { kind: 'done', movedTo });
          },
        });
      }
    }
    fill(item, result.value);
  }
}

function lostText(item: PendingAbstracts): string {
  return `the abstracts of its ${item.records.length} paper(s) are empty (import their profiles again to get them back)`;
}

/** Sets every record's abstract: from `abstracts` (aligned by index), or "" when they are lost. */
function fill(item: PendingAbstracts, abstracts: readonly string[] | null): void {
  const { records } = item;
  for (let i = 0; i < records.length; i++) (records[i] as PaperRecord).abstract = abstracts?.[i] ?? '';
}
