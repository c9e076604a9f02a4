// user.journal: an append-only JSON-lines log of user-data edits made since the last user.json snapshot.
// An edit is durable once its line is appended and fsync'd. Edits that arrive while an fsync is in flight are
// batched into the next single append + fsync (group commit), so N concurrent edits cost far fewer than N
// fsyncs. Past a threshold the journal is ROTATED: user.journal is renamed to user.journal.<n> (n = 1, 2, …),
// appends continue at once in a fresh user.journal, and user.json is written in the background from an
// in-memory copy; only once that snapshot is durable are the rotated files deleted. Open replays user.json,
// then every user.journal.<n> in ascending order, then user.journal. Ops are absolute, so replaying a rotated
// file over a snapshot that already contains it is harmless; every crash point leaves snapshot + files that
// replay to the durable state. An edit therefore never waits for the (multi-second at 100k) user.json write.
//
// An append that fails (a full disk) rejects its edits, and their lines are kept, in order, as UNSAVED: the next
// append writes them first, in the same write, and retryUnsaved() writes them on demand. Nothing is folded into
// user.json while lines are unsaved: the snapshot is taken from memory, which holds those edits, and they were
// reported as not saved.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FileHandle } from 'node:fs/promises';
import { appendDurably, fsyncDir, openForAppend, removeFile, renameFile, truncateDurably } from './disk.js';
import { errorMessage } from './errors.js';
import { journalEntrySchema, describeIssues } from './schema.js';
import type { JournalEntry } from './schema.js';
import { keysOf } from './user-ops.js';

export const JOURNAL_FILE = 'user.journal';
const ROTATED = /^user\.journal\.(\d+)$/;

/** Rotated journals (user.journal.<n>) in `dir`, oldest first. */
export async function listRotatedJournals(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => ROTATED.test(n))
    .sort((a, b) => Number(ROTATED.exec(a)?.[1]) - Number(ROTATED.exec(b)?.[1]));
}

export interface JournalReplay {
  entries: JournalEntry[];
  problems: string[];
  /** True when the file holds lines that must not stay (a torn tail would glue onto the next append). */
  damaged: boolean;
}

/** Parses journal text. Only newline-terminated lines count: a torn last line was never reported as saved. */
export function parseJournal(text: string, label = JOURNAL_FILE): JournalReplay {
  const entries: JournalEntry[] = [];
  const problems: string[] = [];
  const lines = text.split('\n');
  const tail = lines.pop() ?? '';
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let reason: string;
    try {
      const parsed = journalEntrySchema.safeParse(JSON.parse(line));
      if (parsed.success) {
        entries.push(parsed.data);
        return;
      }
      reason = describeIssues(parsed.error);
    } catch (error) {
      reason = errorMessage(error);
    }
    problems.push(`${label} line ${index + 1} is unreadable (${reason.slice(0, 120)}); skipped that edit.`);
  });
  if (tail.trim() !== '') {
    problems.push(
      `${label} ended with an incomplete edit (Folio stopped while saving it, before it was reported as saved); ignored it.`,
    );
  }
  return { entries, problems, damaged: problems.length > 0 };
}

export interface JournalThresholds {
  maxEntries: number;
  maxBytes: number;
}

/** An edit waiting for its append, or (edit null) a request to write the unsaved lines. */
interface Pending {
  edit: JournalLine | null;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface JournalLine {
  text: string;
  /**
   * What its ops set (user-ops.ts keysOf: "status:<id>", "tags", ...): each op sets values, so a later line setting
   * all of them supersedes it. Computed when asked (only unsaved lines are compared; a bulk op names 10,000 keys).
   */
  readonly keys: string[];
}

export function lineFor(entry: JournalEntry): JournalLine {
  return {
    text: `${JSON.stringify(entry)}\n`,
    get keys() {
      return entry.ops.flatMap(keysOf);
    },
  };
}

/**
 * The lines still needed, in order: one whose every key is set again by a later line changes nothing once that
 * one is replayed. So an edit retried over and over (a note the app keeps trying to save) counts once.
 */
export function withoutSuperseded(lines: readonly JournalLine[]): JournalLine[] {
  const later = new Set<string>();
  const kept: JournalLine[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as JournalLine;
    const keys = line.keys;
    if (keys.some((key) => !later.has(key))) kept.push(line);
    for (const key of keys) later.add(key);
  }
  return kept.reverse();
}

/** A background snapshot not written because memory holds edits that did not reach the journal (see rotate). */
export class SnapshotDeferred extends Error {
  override name = 'SnapshotDeferred';
}

export interface JournalWriterOptions {
  /** Entries in the file (replayed at open). */
  entries: number;
  /**
   * Writes user.json (atomically) from the state in memory. It calls `beforeWrite` between serializing and
   * writing, and writes nothing if that throws.
   */
  compactor: (beforeWrite: () => Promise<void>) => Promise<void>;
  thresholds: JournalThresholds;
  /** Rotated files not yet covered by a durable snapshot, oldest first (names in the same folder). */
  rotated?: readonly string[];
  /** Awaited before the file is renamed or user.json rewritten (the owner's session backup). Must not reject. */
  beforeRewrite?: () => Promise<unknown>;
  /** Told whenever the number of unsaved edits changes, with the error that left them unsaved (null at 0). */
  onUnsavedChange?: (count: number, error: unknown) => void;
  /** Told how each attempt to fold the journal into user.json ended: null when it did. */
  onSnapshot?: (error: unknown) => void;
}

const ROTATED_NUMBER = (name: string): number => Number(ROTATED.exec(path.basename(name))?.[1] ?? 0);

/** Offset just past the file's last newline: where its complete lines end (a torn tail follows it). */
async function endOfLastLine(handle: FileHandle, size: number): Promise<number> {
  const chunk = Buffer.alloc(64 * 1024);
  for (let end = size; end > 0; ) {
    const start = Math.max(0, end - chunk.length);
    const { bytesRead } = await handle.read(chunk, 0, end - start, start);
    const at = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (at >= 0) return start + at + 1;
    end = start;
  }
  return 0;
}

export class JournalWriter {
  /** Number of append+fsync batches written (for tests and stats). */
  writes = 0;
  /** Snapshots started (background rotations + in-lane compactions). */
  compactions = 0;
  compactionFailures = 0;
  /** Entries in the current file. */
  entries: number;
  /** Bytes of complete lines in the current file; the next append goes here (a failed one is truncated back to it). */
  bytes = 0;
  private queue: Pending[] = [];
  /** Edits whose append failed, oldest first: written before anything else by the next append. */
  private unsaved: JournalLine[] = [];
  /** Bytes past `bytes` may be on disk (a torn tail, or a failed append whose truncate failed too). */
  private tornTail = false;
  private compactWaiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  /** Appends (and retry requests) queued so far, and how many of them have been written or have failed. */
  private enqueued = 0;
  private settled = 0;
  /** Set while the lane waits for the background snapshot: queued appends cannot settle until it ends. */
  private laneWaitsForBackground = false;
  /** Called when `settled` or `laneWaitsForBackground` changes. */
  private progress = new Set<() => void>();
  private running: Promise<void> | null = null;
  /** The background snapshot after a rotation, if one is in flight. */
  private background: Promise<void> | null = null;
  private readonly dir: string;
  /**
   * The name of the file `handle` writes to: user.journal, except after a rotation whose undo failed (the file was
   * renamed to user.journal.<n> and no new one could be opened). It is never in `rotated`, so no snapshot drops it.
   */
  private livePath: string;
  /** Rotated files not yet covered by a durable snapshot, oldest first (names in the same folder). */
  private rotated: string[];

  private constructor(
    private readonly file: string,
    private handle: FileHandle,
    private readonly options: JournalWriterOptions,
  ) {
    this.dir = path.dirname(file);
    this.livePath = file;
    this.entries = options.entries;
    this.rotated = [...(options.rotated ?? [])];
  }

  static async open(file: string, options: JournalWriterOptions): Promise<JournalWriter> {
    const handle = await openForAppend(file, JOURNAL_FILE);
    const writer = new JournalWriter(file, handle, options);
    const { size } = await handle.stat();
    // A torn last line (the process died mid-append) is cut off before the next append, or that one would be
    // glued onto it and lost at the next replay; compaction at open usually removes it first, but may fail.
    writer.bytes = await endOfLastLine(handle, size);
    writer.tornTail = writer.bytes !== size;
    return writer;
  }

  /** True when rotated files wait for a snapshot (e.g. left by a crash mid-compaction). */
  get hasRotated(): boolean {
    return this.rotated.length > 0;
  }

  /** Edits applied in memory whose lines are not on disk (their append failed); written by the next append. */
  get unsavedCount(): number {
    return this.unsaved.length;
  }

  /** Resolves once `entry` is on disk (appended and fsync'd); rejects if that failed (the entry stays unsaved). */
  append(entry: JournalEntry): Promise<void> {
    return this.enqueue(lineFor(entry));
  }

  /** Writes the unsaved lines now; resolves once they are on disk (at once when there are none). */
  retryUnsaved(): Promise<void> {
    return this.enqueue(null);
  }

  private enqueue(edit: JournalLine | null): Promise<void> {
    this.enqueued++;
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ edit, resolve, reject });
      if (!this.running) this.running = this.pump();
    });
  }

  private async pump(): Promise<void> {
    while (this.queue.length > 0 || this.compactWaiters.length > 0) {
      if (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        await this.writeBatch(batch);
        this.settled += batch.length;
        this.notifyProgress();
      }
      const waiters = this.compactWaiters.splice(0);
      if (waiters.length > 0) {
        try {
          await this.compactLocked();
          for (const w of waiters) w.resolve();
        } catch (error) {
          this.compactionFailures++;
          for (const w of waiters) w.reject(error);
        }
      } else if (!this.background && this.unsaved.length === 0 && this.overThreshold()) {
        try {
          await this.rotate();
        } catch (error) {
          // The edits are safe in the current file; rotation is retried at the next append or close().
          this.compactionFailures++;
          this.options.onSnapshot?.(error);
        }
      }
    }
    this.running = null;
  }

  private notifyProgress(): void {
    for (const listener of [...this.progress]) listener();
  }

  /**
   * Before a background snapshot is written: every edit in memory must be in the journal. Each was queued when it
   * was applied, so this waits for the appends queued so far, and defers the snapshot (SnapshotDeferred) if one
   * failed: an edit reported as not saved must not become durable behind the user's back. Also deferred when the
   * lane waits for this snapshot to end (a compaction, which writes its own).
   */
  private async everyEditInJournal(): Promise<void> {
    const target = this.enqueued;
    await new Promise<void>((resolve) => {
      const check = (): void => {
        if (this.settled < target && !this.laneWaitsForBackground) return;
        this.progress.delete(check);
        resolve();
      };
      this.progress.add(check);
      check();
    });
    if (this.settled < target || this.unsaved.length > 0) throw new SnapshotDeferred('Edits are not saved; user.json is written later.');
  }

  private overThreshold(): boolean {
    return this.entries >= this.options.thresholds.maxEntries || this.bytes >= this.options.thresholds.maxBytes;
  }

  /**
   * One append + fsync of the unsaved lines followed by the batch's. On failure the batch's edits join the unsaved
   * ones and are rejected. Returns the error, or null.
   */
  private async writeBatch(batch: Pending[]): Promise<unknown> {
    const fresh = batch.flatMap((p) => (p.edit ? [p.edit] : []));
    const lines = [...this.unsaved, ...fresh];
    if (lines.length === 0) {
      for (const p of batch) p.resolve();
      return null;
    }
    const buffer = Buffer.from(lines.map((line) => line.text).join(''), 'utf8');
    try {
      // The file must end at a line boundary before anything is appended after it.
      if (this.tornTail) {
        await truncateDurably(this.handle, this.livePath, this.bytes, JOURNAL_FILE);
        this.tornTail = false;
      }
      await appendDurably(this.handle, this.livePath, this.bytes, buffer, JOURNAL_FILE);
    } catch (error) {
      // Cut off whatever part of the batch reached the file, so a torn line cannot glue onto the next append.
      this.tornTail = true;
      await truncateDurably(this.handle, this.livePath, this.bytes, JOURNAL_FILE).then(
        () => (this.tornTail = false),
        () => undefined,
      );
      this.unsaved = withoutSuperseded(lines);
      this.options.onUnsavedChange?.(this.unsaved.length, error);
      for (const p of batch) p.reject(error);
      return error;
    }
    this.writes++;
    this.entries += lines.length;
    this.bytes += buffer.length;
    if (this.unsaved.length > 0) {
      this.unsaved = [];
      this.options.onUnsavedChange?.(0, null);
    }
    for (const p of batch) p.resolve();
    return null;
  }

  /** user.journal.<n> with n above every rotated file (and the live file, if it has such a name). */
  private nextRotatedName(): string {
    const numbers = [...this.rotated, this.livePath].map(ROTATED_NUMBER);
    return `${path.basename(this.file)}.${Math.max(0, ...numbers) + 1}`;
  }

  /**
   * In the append lane: renames the current file to user.journal.<n> and continues in a fresh one, then starts
   * the snapshot in the background. Every edit already appended is in a rotated file; every later one goes to
   * the new file; the snapshot (taken synchronously from memory when the compactor starts) covers the former.
   */
  private async rotate(): Promise<void> {
    await this.options.beforeRewrite?.();
    const name = this.nextRotatedName();
    const target = path.join(this.dir, name);
    const from = this.livePath;
    await renameFile(from, target, 'journal-rotation'); // if this throws, nothing changed
    this.livePath = target;
    let next: FileHandle | null = null;
    try {
      next = await openForAppend(this.file, 'journal-rotation');
      await fsyncDir(this.dir, 'journal-rotation'); // the new file is durable before any append lands in it
    } catch (error) {
      await next?.close().catch(() => undefined);
      // Undo, so that appends go on into the same file under its old name. Should that fail too, they go on into
      // it under the new one, which is not in `rotated`: no snapshot drops it, and open replays it in order.
      await renameFile(target, from, 'journal-rotation').then(
        () => (this.livePath = from),
        () => undefined,
      );
      throw error;
    }
    this.rotated.push(name);
    const old = this.handle;
    this.handle = next;
    this.livePath = this.file;
    this.entries = 0;
    this.bytes = 0;
    this.tornTail = false;
    await old.close().catch(() => undefined);
    const covered = [...this.rotated];
    this.compactions++;
    this.background = this.snapshotThenDrop(covered).finally(() => {
      this.background = null;
    });
    this.background.catch(() => undefined);
  }

  private async snapshotThenDrop(covered: string[]): Promise<void> {
    try {
      // user.json from memory: holds every edit of the rotated files (and maybe later ones)
      await this.options.compactor(() => this.everyEditInJournal());
      await this.dropRotated(covered);
      this.options.onSnapshot?.(null);
    } catch (error) {
      this.compactionFailures++; // the rotated files stay and are replayed at open; retried next time
      this.options.onSnapshot?.(error);
    }
  }

  private async dropRotated(covered: readonly string[]): Promise<void> {
    for (const name of covered) {
      await removeFile(path.join(this.dir, name), 'journal-rotation');
      this.rotated = this.rotated.filter((n) => n !== name);
    }
    await fsyncDir(this.dir, 'journal-rotation');
  }

  /** Waits until every queued edit has been written (or failed), and any background snapshot has finished. */
  async drain(): Promise<void> {
    while (this.running || this.background) {
      if (this.running) await this.running;
      if (this.background) await this.background.catch(() => undefined);
    }
  }

  /**
   * Writes the snapshot and empties the journal (current and rotated files), in turn with the appends. With
   * unsaved edits it writes them first, and rejects without a snapshot if that fails.
   */
  compact(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.compactWaiters.push({ resolve, reject });
      if (!this.running) this.running = this.pump();
    });
  }

  private async compactLocked(): Promise<void> {
    if (this.background) {
      this.laneWaitsForBackground = true;
      this.notifyProgress();
      await this.background.catch(() => undefined);
      this.laneWaitsForBackground = false;
    }
    if (this.unsaved.length > 0) {
      const error = await this.writeBatch([]);
      if (error !== null) throw error;
    }
    await this.options.beforeRewrite?.();
    this.compactions++;
    try {
      // In the lane, with no unsaved line: every edit applied in memory so far is in the journal.
      await this.options.compactor(async () => undefined);
    } catch (error) {
      this.options.onSnapshot?.(error);
      throw error;
    }
    try {
      // Rotated files first: replayed over user.json they set older values, which is harmless only while every
      // later edit is replayed after them, from the current file. So that one is emptied last.
      await this.dropRotated([...this.rotated]);
      // user.json now holds every line of the file, so it may be emptied whether or not the truncate lands; if it
      // does not, the next append truncates first (writing at an offset past the end would leave a hole).
      this.entries = 0;
      this.bytes = 0;
      this.tornTail = true;
      await truncateDurably(this.handle, this.livePath, 0, JOURNAL_FILE);
      this.tornTail = false;
    } catch (error) {
      this.options.onSnapshot?.(error);
      throw error;
    }
    this.options.onSnapshot?.(null);
  }

  async close(): Promise<void> {
    await this.drain();
    await this.handle.close();
  }
}
