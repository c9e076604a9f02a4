// user.journal: an append-only JSON-lines log of user-data edits made since the last user.json snapshot.
// An edit is durable once its line is appended and fsync'd. Edits that arrive while an fsync is in flight are
// batched into the next single append + fsync (group commit), so N concurrent edits cost far fewer than N
// fsyncs. Past a threshold the owner's compactor writes user.json and the journal is truncated.
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { errorMessage } from './errors.js';
import { journalEntrySchema, describeIssues } from './schema.js';
import type { JournalEntry } from './schema.js';

export const JOURNAL_FILE = 'user.journal';

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
  compactions = 0;
  compactionFailures = 0;
  private queue: Pending[] = [];
  private compactWaiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private running: Promise<void> | null = null;

  private constructor(
    private readonly handle: FileHandle,
    /** Entries in the file since the last snapshot. */
    public entries: number,
    /** Bytes in the file; a failed append is truncated back to this. */
    public bytes: number,
    private readonly compactor: () => Promise<void>,
    private readonly thresholds: JournalThresholds,
  ) {}

  static async open(
    file: string,
    entries: number,
    compactor: () => Promise<void>,
    thresholds: JournalThresholds,
  ): Promise<JournalWriter> {
    const handle = await open(file, 'a');
    const { size } = await handle.stat();
    return new JournalWriter(handle, entries, size, compactor, thresholds);
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
          await this.handle.appendFile(buffer);
          await this.handle.sync();
          this.writes++;
          this.entries += batch.length;
          this.bytes += buffer.length;
          for (const p of batch) p.resolve();
        } catch (error) {
          // Cut off whatever part of the batch reached the file, so a torn line cannot glue onto the next append.
          await this.handle.truncate(this.bytes).catch(() => undefined);
          for (const p of batch) p.reject(error);
        }
      }
      const waiters = this.compactWaiters.splice(0);
      const overThreshold = this.entries >= this.thresholds.maxEntries || this.bytes >= this.thresholds.maxBytes;
      if (waiters.length > 0 || overThreshold) {
        try {
          await this.compactLocked();
          for (const w of waiters) w.resolve();
        } catch (error) {
          // The edits are safe in the journal; compaction is retried at the next threshold or close().
          this.compactionFailures++;
          for (const w of waiters) w.reject(error);
        }
      }
    }
    this.running = null;
  }

  /** Waits until every queued edit has been written (or failed). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Writes the snapshot (via the compactor) and truncates the journal, in turn with the appends. */
  compact(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.compactWaiters.push({ resolve, reject });
      if (!this.running) this.running = this.pump();
    });
  }

  private async compactLocked(): Promise<void> {
    await this.compactor(); // writes user.json (atomic) with every edit applied in memory so far
    await this.handle.truncate(0);
    await this.handle.sync();
    this.entries = 0;
    this.bytes = 0;
    this.compactions++;
  }

  async close(): Promise<void> {
    await this.drain();
    await this.handle.close();
  }
}
