// Undo and redo set back only values that still hold what the step set. Every undoable action is on the stack, so
// undoing in order finds its values in place; a note is the exception: typing is not an undoable action, and a merge
// writes the kept paper's note. A note typed since is the user's newer word, so a step leaves it alone.
import type { JournalOp } from './schema.js';
import type { UserData } from './user-ops.js';

/** Paper id → the note a step left it with (read once the step is applied). */
export type NotesSet = ReadonlyMap<string, string>;

/** The notes `ops` set, as `state` holds them now that they are applied. */
export function notesSetBy(state: UserData, ops: readonly JournalOp[]): NotesSet {
  const notes = new Map<string, string>();
  for (const op of ops) if (op.o === 'note') notes.set(op.id, state.papers.get(op.id)?.note ?? '');
  return notes;
}

/** `ops` without the note ops whose paper's note is no longer what the step set (`notes`): it was typed since. */
export function withoutNotesTypedSince(state: UserData, ops: readonly JournalOp[], notes: NotesSet): JournalOp[] {
  return ops.filter((op) => op.o !== 'note' || !notes.has(op.id) || (state.papers.get(op.id)?.note ?? '') === notes.get(op.id));
}
