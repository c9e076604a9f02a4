// user.journal: an append-only JSON-lines log of user-data edits made since the last user.json snapshot.
// An edit is durable once its line is appended and fsync'd. Edits that arrive while an fsync is in flight are
// batched into the next single append + fsync (group commit), so N concurrent edits cost far fewer than N
// fsyncs. Past a threshold the journal is ROTATED: user.journal is renamed to user.journal.<n> (n = 1, 2, …),
// appends continue at once in a fresh user.journal, and user.json is written in the background from an
// in-memory copy; only once that snapshot is durable are the rotated files deleted. Open replays user.json,
// then every user.journal.<n> in ascending order, then user.journal. Ops are absolute, so replaying a rotated
// file over a snapshot that already contains it is harmless; every crash point leaves snapshot + files that
// replay to the durable state. An edit therefore never waits for the (multi-second at 100k) user.json write.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FileHandle } from 'node:fs/promises';
import { appendDurably, fsyncDir, openForAppend, removeFile, renameDurably, truncateDurably } from './disk.js';
import { errorMessage } from './errors.js';
import { journalEntrySchema, describeIssues } from './schema.js';
import type { JournalEntry } from './schema.js';

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

interface Pending {
  line: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class JournalWriter {
  /** Number of append+fsync batches written (for tests and stats). */
  writes = 0;
  /** Snapshots started (background rotations + in-lane compactions). */
  compactions = 0;
  compactionFailures = 0;
  private queue: Pending[] = [];
  /** Bytes past `bytes` may be on disk (a failed append whose truncate failed too). */
  private tornTail = false;
  private compactWaiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private running: Promise<void> | null = null;
  /** The background snapshot after a rotation, if one is in flight. */
  private background: Promise<void> | null = null;
  private readonly dir: string;

  private constructor(
    private readonly file: string,
    private handle: FileHandle,
    /** Entries in the current file. */
    public entries: number,
    /** Bytes in the current file; a failed append is truncated back to this. */
    public bytes: number,
    private readonly compactor: () => Promise<void>,
    private readonly thresholds: JournalThresholds,
    /** Rotated files not yet covered by a durable snapshot, oldest first (names in the same folder). */
    private rotated: string[],
    /** Awaited before the file is renamed or user.json rewritten (the owner's session backup). */
    private readonly beforeRewrite: () => Promise<unknown>,
  ) {
    this.dir = path.dirname(file);
  }

  static async open(
    file: string,
    entries: number,
    compactor: () => Promise<void>,
    thresholds: JournalThresholds,
    rotated: string[] = [],
    beforeRewrite: () => Promise<unknown> = async () => undefined,
  ): Promise<JournalWriter> {
    const handle = await openForAppend(file, JOURNAL_FILE);
    const { size } = await handle.stat();
    return new JournalWriter(file, handle, entries, size, compactor, thresholds, [...rotated], beforeRewrite);
  }

  /** True when rotated files wait for a snapshot (e.g. left by a crash mid-compaction). */
  get hasRotated(): boolean {
    return this.rotated.length > 0;
  }

  /** Resolves once `entry` is on disk (appended and fsync'd). */
  append(entry: JournalEntry): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ line, resolve, reject });
      if (!this.running) this.running = this.pump();
    });
  }

  private async pump(): Promise<void> {
    while (this.queue.length > 0 || this.compactWaiters.length > 0) {
      if (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        const buffer = Buffer.from(batch.map((p) => p.line).join(''), 'utf8');
        try {
          // A failed append may have left bytes past the good length that its truncate could not remove: the
          // file must end at a line boundary before anything is appended after it.
          if (this.tornTail) {
            await truncateDurably(this.handle, this.file, this.bytes, JOURNAL_FILE);
            this.tornTail = false;
          }
          await appendDurably(this.handle, this.file, this.bytes, buffer, JOURNAL_FILE);
          this.writes++;
          this.entries += batch.length;
          this.bytes += buffer.length;
          for (const p of batch) p.resolve();
        } catch (error) {
          // Cut off whatever part of the batch reached the file, so a torn line cannot glue onto the next append.
          this.tornTail = true;
          await truncateDurably(this.handle, this.file, this.bytes, JOURNAL_FILE).then(
            () => (this.tornTail = false),
            () => undefined,
          );
          for (const p of batch) p.reject(error);
        }
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
      } else if (!this.background && (this.entries >= this.thresholds.maxEntries || this.bytes >= this.thresholds.maxBytes)) {
        try {
          await this.rotate();
        } catch {
          // The edits are safe in the current file; rotation is retried at the next append or close().
          this.compactionFailures++;
        }
      }
    }
    this.running = null;
  }

  /**
   * In the append lane: renames the current file to user.journal.<n> and continues in a fresh one, then starts
   * the snapshot in the background. Every edit already appended is in a rotated file; every later one goes to
   * the new file; the snapshot (taken synchronously from memory when the compactor starts) covers the former.
   */
  private async rotate(): Promise<void> {
    await this.beforeRewrite();
    const last = this.rotated[this.rotated.length - 1];
    const n = last ? Number(ROTATED.exec(last)?.[1]) + 1 : 1;
    const name = `${path.basename(this.file)}.${n}`;
    await renameDurably(this.file, path.join(this.dir, name), 'journal-rotation');
    this.rotated.push(name);
    const old = this.handle;
    this.handle = await openForAppend(this.file, 'journal-rotation');
    this.entries = 0;
    this.bytes = 0;
    await fsyncDir(this.dir, 'journal-rotation'); // the new file is durable before any append lands in it
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
      await this.compactor(); // user.json from memory: holds every edit of the rotated files (and maybe later ones)
      await this.dropRotated(covered);
    } catch {
      this.compactionFailures++; // the rotated files stay and are replayed at open; retried next time
    }
  }

  private async dropRotated(covered: readonly string[]): Promise<void> {
    for (const name of covered) await removeFile(path.join(this.dir, name), 'journal-rotation');
    this.rotated = this.rotated.filter((n) => !covered.includes(n));
    await fsyncDir(this.dir, 'journal-rotation');
  }

  /** Waits until every queued edit has been written (or failed), and any background snapshot has finished. */
  async drain(): Promise<void> {
    while (this.running || this.background) {
      if (this.running) await this.running;
      if (this.background) await this.background.catch(() => undefined);
    }
  }

  /** Writes the snapshot and empties the journal (current and rotated files), in turn with the appends. */
  compact(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.compactWaiters.push({ resolve, reject });
      if (!this.running) this.running = this.pump();
    });
  }

  private async compactLocked(): Promise<void> {
    if (this.background) await this.background.catch(() => undefined);
    await this.beforeRewrite();
    this.compactions++;
    await this.compactor(); // writes user.json (atomic) with every edit applied in memory so far
    await truncateDurably(this.handle, this.file, 0, JOURNAL_FILE);
    this.entries = 0;
    this.bytes = 0;
    await this.dropRotated([...this.rotated]);
  }

  async close(): Promise<void> {
    await this.drain();
    await this.handle.close();
  }
}
