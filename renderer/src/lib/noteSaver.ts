// Autosave for paper notes, outside React so that no keystroke depends on a component staying mounted.
//
// - edit() keeps the latest text per paper and saves it DEBOUNCE_MS after the last keystroke.
// - Saves of one paper never overlap: an edit made while a save is in flight is saved right after it.
// - A failed save keeps the text and retries with backoff (1 s, 2 s, 4 s … 30 s); the UI shows it.
// - flush(id) saves now (switching papers, blur); flushAll() starts every pending save synchronously
//   (pagehide / beforeunload / visibilitychange), even when another save of that paper is in flight.
// - pendingText(id) returns text that is not saved yet, so reopening a paper shows what was typed.

export type NoteSaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

interface Entry {
  /** Text not yet confirmed saved; null when everything typed is saved. */
  text: string | null;
  timer: ReturnType<typeof setTimeout> | null;
  /** Saves started and not answered yet: at most 1, except after flushAll() overtook one in flight. */
  inFlight: number;
  /** A flush was asked for while a save was in flight: save again as soon as it ends. */
  flushRequested: boolean;
  failing: boolean;
  retryDelay: number;
  state: NoteSaveState;
}

export const DEBOUNCE_MS = 400;
const MAX_RETRY_MS = 30_000;

export class NoteSaver {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<(id: string) => void>();

  constructor(
    private readonly save: (id: string, text: string) => Promise<void>,
    private readonly delay = DEBOUNCE_MS,
  ) {}

  edit(id: string, text: string): void {
    const entry = this.entry(id);
    entry.text = text;
    if (!entry.failing) entry.state = 'pending';
    this.schedule(id, entry, this.delay);
    this.emit(id);
  }

  pendingText(id: string): string | undefined {
    return this.entries.get(id)?.text ?? undefined;
  }

  state(id: string): NoteSaveState {
    return this.entries.get(id)?.state ?? 'idle';
  }

  hasPending(): boolean {
    for (const entry of this.entries.values()) if (entry.text !== null) return true;
    return false;
  }

  flush(id: string): void {
    const entry = this.entries.get(id);
    if (!entry || entry.text === null) return;
    this.clearTimer(entry);
    if (entry.inFlight > 0) entry.flushRequested = true;
    else this.run(id, entry);
  }

  /** Starts every pending save now, synchronously (page is going away or hidden). */
  flushAll(): void {
    for (const [id, entry] of this.entries) {
      if (entry.text === null) continue;
      this.clearTimer(entry);
      // Even if a save is in flight: the newer text must reach the core before the window closes.
      // IPC calls arrive in order, so this later call wins.
      this.run(id, entry);
    }
  }

  subscribe(listener: (id: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private entry(id: string): Entry {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { text: null, timer: null, inFlight: 0, flushRequested: false, failing: false, retryDelay: 1000, state: 'idle' };
      this.entries.set(id, entry);
    }
    return entry;
  }

  private schedule(id: string, entry: Entry, delay: number): void {
    this.clearTimer(entry);
    entry.timer = setTimeout(() => {
      entry.timer = null;
      if (entry.inFlight > 0) entry.flushRequested = true;
      else this.run(id, entry);
    }, delay);
  }

  private clearTimer(entry: Entry): void {
    if (entry.timer !== null) clearTimeout(entry.timer);
    entry.timer = null;
  }

  private run(id: string, entry: Entry): void {
    const text = entry.text;
    if (text === null) return;
    entry.inFlight++;
    entry.flushRequested = false;
    if (!entry.failing) entry.state = 'saving';
    this.emit(id);
    let promise: Promise<void>;
    try {
      promise = this.save(id, text);
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise.then(
      () => {
        entry.inFlight--;
        entry.failing = false;
        entry.retryDelay = 1000;
        if (entry.text === text || entry.text === null) {
          // null: a later save (flushAll) already confirmed everything.
          entry.text = null;
          entry.state = 'saved';
        } else if (entry.inFlight > 0) {
          // A later save (flushAll) is still in flight: its answer decides what comes next.
          entry.state = 'saving';
        } else {
          entry.state = 'pending';
          if (entry.flushRequested) this.run(id, entry);
          else if (entry.timer === null) this.schedule(id, entry, this.delay);
        }
        this.emit(id);
      },
      () => {
        entry.inFlight--;
        // A later save still in flight carries newer text and retries itself if it fails; nothing left to save
        // when a later save already succeeded.
        if (entry.inFlight > 0 || entry.text === null) return;
        entry.failing = true;
        entry.state = 'error';
        this.schedule(id, entry, entry.retryDelay);
        entry.retryDelay = Math.min(entry.retryDelay * 2, MAX_RETRY_MS);
        this.emit(id);
      },
    );
  }

  private emit(id: string): void {
    for (const listener of this.listeners) listener(id);
  }
}
