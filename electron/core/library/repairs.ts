// The writes that opening a library planned (moving a damaged file aside, writing back what a backup restored, a
// migration, a journal compaction, ...), run in order once, before the session's first write: a session that
// changes nothing (a refused command, a read) leaves the folder byte-identical, even right after a crash.
import { SimulatedCrash } from './disk.js';
import { RepairError } from './errors.js';

export interface Repair {
  /** Said when it fails: "move library.json aside". */
  what: string;
  run: () => Promise<void>;
}

/**
 * Two lanes. `required` repairs are planned while opening and must all be done before anything else is written
 * (start() settles when they are; after a failure the next start() resumes at the failed one). `later` repairs are
 * best effort (one-time backup copies, restoring an abstracts file): they run one by one after the required ones,
 * a failure is skipped (the next open plans it again), and they may be planned at any time.
 */
export class RepairPlan {
  private readonly required: Repair[] = [];
  private readonly later: Repair[] = [];
  private requiredRun: Promise<void> | null = null;
  private laterRun: Promise<void> | null = null;
  private requiredDone = false;
  private stopped = false;

  /** True once start() was called: writing has begun (or is about to). */
  get started(): boolean {
    return this.requiredRun !== null || this.requiredDone;
  }

  planRequired(repair: Repair): void {
    if (this.started) throw new Error(`Repair planned after the repairs started: ${repair.what}`);
    this.required.push(repair);
  }

  planLater(repair: Repair): void {
    if (this.stopped) return; // the next open plans it again
    this.later.push(repair);
    if (this.requiredDone) this.runLater();
  }

  /**
   * Runs the required repairs (once); settles when they are done. Then the later ones start. Every caller gets the
   * same promise, also once it has settled: callers resume in the order they called (edits append in call order).
   */
  start(): Promise<void> {
    this.requiredRun ??= this.runRequired().catch((error: unknown) => {
      this.requiredRun = null; // the next write tries again, from the repair that failed
      throw error;
    });
    return this.requiredRun;
  }

  /** Stops taking later repairs (the library is closing) and settles once none is running. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.later.length = 0;
    await this.requiredRun?.catch(() => undefined);
    await this.laterRun;
  }

  /** Settles once every repair planned so far has run (a failed required one ends the wait). */
  async settled(): Promise<void> {
    await this.requiredRun?.catch(() => undefined);
    while (this.laterRun) await this.laterRun;
  }

  private async runRequired(): Promise<void> {
    while (this.required.length > 0) {
      const next = this.required[0] as Repair;
      try {
        await next.run();
      } catch (error) {
        throw error instanceof SimulatedCrash ? error : new RepairError(next.what, error);
      }
      this.required.shift();
    }
    this.requiredDone = true;
    this.runLater();
  }

  private runLater(): void {
    if (this.laterRun || this.later.length === 0 || this.stopped) return;
    this.laterRun = (async () => {
      while (this.later.length > 0 && !this.stopped) {
        const next = this.later.shift() as Repair;
        await next.run().catch(() => undefined); // planned again by the next open
      }
    })().finally(() => {
      this.laterRun = null;
      this.runLater(); // one planned after the loop ended
    });
  }
}
