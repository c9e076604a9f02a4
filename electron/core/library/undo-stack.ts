// The session's undo and redo stacks: each entry is one action's ops and the ops that set back what it changed.
// It lives in memory only (one per open library); the journal holds every step, undos and redos included.
import type { UndoState } from '../api.js';
import type { JournalOp } from './schema.js';
import type { NotesSet } from './undo-guard.js';

export interface UndoEntry {
  /** What the UI says: "Tag 3,000 papers with ml". */
  label: string;
  /** The action's ops (what redo applies). */
  forward: JournalOp[];
  /** Ops that set every value the action changed back (what undo applies). */
  backward: JournalOp[];
  /** The notes the latest direction applied (forward, or backward once undone) left: see undo-guard.ts. */
  notes: NotesSet;
}

/** Deep enough for a working session; the oldest entries go first (a bulk entry can hold 100,000 ids). */
const MAX_ENTRIES = 200;

export class UndoStack {
  private readonly done: UndoEntry[] = [];
  private readonly undone: UndoEntry[] = [];

  /** A new action: it clears what could be redone. */
  push(entry: UndoEntry): void {
    this.done.push(entry);
    if (this.done.length > MAX_ENTRIES) this.done.shift();
    this.undone.length = 0;
  }

  popUndo(): UndoEntry | undefined {
    return this.done.pop();
  }

  popRedo(): UndoEntry | undefined {
    return this.undone.pop();
  }

  /** After an undo: `entry` is redone later (a redo's own entry goes back with pushRedone). */
  pushUndone(entry: UndoEntry): void {
    this.undone.push(entry);
  }

  pushRedone(entry: UndoEntry): void {
    this.done.push(entry);
  }

  get state(): UndoState {
    return { undoLabel: this.done.at(-1)?.label ?? null, redoLabel: this.undone.at(-1)?.label ?? null };
  }
}
