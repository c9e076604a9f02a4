// Folds stamped entries from any number of devices into one state. The state is a function of the SET of entries:
// any order, any duplicates, give the same result, which equals applying them one by one in stamp order. Rules: a
// last-writer-wins register (by stamp, then position in the entry) per paper × field, per merge, per "not a
// duplicate" pair and for each small library-wide list; an observed-remove set per paper for tags (a removal takes
// away only the adds its device had seen, so an add it had not seen survives); a note keeps every version that
// lost to a concurrent edit as a revision the user can open.
import { deviceOf } from './hlc.js';
import { pairKey, type EditableField, type StampedEntry, type SyncedOp } from './ops.js';
import { hasSeen, type VersionVector } from './version-vector.js';
import type { ReadingStatus } from '../model.js';

/** A value and the position of the op that set it: its entry's stamp, then its index in the entry. */
export interface Register<T> {
  hlc: string;
  index: number;
  value: T;
}

/** Where an op sits in the total order, as a string: comparable among one device's positions. */
export type Position = string;
export const position = (hlc: string, index: number): Position => `${hlc} ${index.toString(36).padStart(6, '0')}`;
/** Past every position of a stamp (' ' sorts before every device-id character, '~' after every index digit). */
const allOf = (hlc: string): Position => `${hlc} ~`;

/** One tag on one paper: the latest add of each device, and per device the last position its removals saw. */
export interface TagSet {
  adds: Map<string, { at: Position; name: string }>;
  removedUpTo: Map<string, Position>;
}

export interface NoteVersion {
  hlc: string;
  index: number;
  text: string;
  /** What the writing device had seen (its own entries up to this one included). */
  seen: VersionVector;
  /** True once some later version was written without having seen this one. */
  isOverwrittenConcurrently: boolean;
}

export interface PaperRegisters {
  status?: Register<ReadingStatus>;
  trashedAt?: Register<string | null>;
  deletedAt?: Register<string | null>;
  edits?: Map<EditableField, Register<unknown>>;
  /** Keyed by the tag's case-insensitive identity. */
  tags?: Map<string, TagSet>;
  notes?: Map<Position, NoteVersion>;
}

export interface SyncState {
  papers: Map<string, PaperRegisters>;
  /** A merged paper's id → the id it was merged into (null once unmerged). */
  merges: Map<string, Register<string | null>>;
  notDuplicates: Map<string, Register<boolean>>;
  savedSearches?: Register<unknown[]>;
  tagDefinitions?: Register<unknown[]>;
  /** The latest stamp folded in of each device. */
  seen: Record<string, string>;
}

export function emptySyncState(): SyncState {
  return { papers: new Map(), merges: new Map(), notDuplicates: new Map(), seen: {} };
}

/** Case-insensitive identity of a tag (names arrive normalised by normalizeTagName). */
export const tagIdentity = (name: string): string => name.normalize('NFC').toLowerCase();

function isLater(hlc: string, index: number, current: Register<unknown> | undefined): boolean {
  return current === undefined || hlc > current.hlc || (hlc === current.hlc && index > current.index);
}

function paperOf(state: SyncState, id: string, touched: Set<string>): PaperRegisters {
  touched.add(id);
  let paper = state.papers.get(id);
  if (!paper) {
    paper = {};
    state.papers.set(id, paper);
  }
  return paper;
}

type PaperField = 'status' | 'trashedAt' | 'deletedAt';

function setPaperRegister<F extends PaperField>(
  paper: PaperRegisters,
  field: F,
  hlc: string,
  index: number,
  value: NonNullable<PaperRegisters[F]>['value'],
): void {
  if (isLater(hlc, index, paper[field])) (paper as Record<PaperField, Register<unknown>>)[field] = { hlc, index, value };
}

function tagSetOf(paper: PaperRegisters, tag: string): TagSet {
  paper.tags ??= new Map();
  const key = tagIdentity(tag);
  let set = paper.tags.get(key);
  if (!set) {
    set = { adds: new Map(), removedUpTo: new Map() };
    paper.tags.set(key, set);
  }
  return set;
}

function addTag(paper: PaperRegisters, tag: string, device: string, at: Position): void {
  const set = tagSetOf(paper, tag);
  const latest = set.adds.get(device);
  if (latest === undefined || at > latest.at) set.adds.set(device, { at, name: tag });
}

function removeTag(paper: PaperRegisters, tag: string, bounds: ReadonlyMap<string, Position>): void {
  const set = tagSetOf(paper, tag);
  for (const [device, bound] of bounds) {
    const current = set.removedUpTo.get(device);
    if (current === undefined || bound > current) set.removedUpTo.set(device, bound);
  }
}

/** What a removal at `index` of an entry saw, per device: its own device up to that op, others up to `seen`. */
function removalBounds(entry: StampedEntry, index: number): Map<string, Position> {
  const bounds = new Map<string, Position>();
  for (const device in entry.seen ?? {}) bounds.set(device, allOf((entry.seen as VersionVector)[device] as string));
  bounds.set(deviceOf(entry.hlc), position(entry.hlc, index));
  return bounds;
}

function seenBy(entry: StampedEntry): VersionVector {
  return { ...entry.seen, [deviceOf(entry.hlc)]: entry.hlc };
}

function addNoteVersion(paper: PaperRegisters, version: NoteVersion): void {
  paper.notes ??= new Map();
  const at = position(version.hlc, version.index);
  if (paper.notes.has(at)) return;
  for (const [otherAt, other] of paper.notes) {
    if (otherAt < at ? !hasSeen(version.seen, other.hlc) : !hasSeen(other.seen, version.hlc)) {
      if (otherAt < at) other.isOverwrittenConcurrently = true;
      else version.isOverwrittenConcurrently = true;
    }
  }
  paper.notes.set(at, version);
}

function setEdits(paper: PaperRegisters, hlc: string, index: number, set: Partial<Record<EditableField, unknown>>, unset: readonly EditableField[]): void {
  paper.edits ??= new Map();
  const write = (field: EditableField, value: unknown): void => {
    if (isLater(hlc, index, paper.edits?.get(field))) paper.edits?.set(field, { hlc, index, value });
  };
  for (const field of Object.keys(set) as EditableField[]) write(field, set[field]);
  for (const field of unset) write(field, undefined);
}

function applyOp(state: SyncState, entry: StampedEntry, op: SyncedOp, index: number, touched: Set<string>): void {
  const { hlc } = entry;
  switch (op.o) {
    case 'tags-add': {
      const at = position(hlc, index);
      const device = deviceOf(hlc);
      for (const id of op.ids) addTag(paperOf(state, id, touched), op.tag, device, at);
      return;
    }
    case 'tags-remove': {
      const bounds = removalBounds(entry, index);
      for (const id of op.ids) removeTag(paperOf(state, id, touched), op.tag, bounds);
      return;
    }
    case 'status':
      for (const id of op.ids) setPaperRegister(paperOf(state, id, touched), 'status', hlc, index, op.status);
      return;
    case 'trash':
    case 'untrash': {
      const value = op.o === 'trash' ? op.at : null;
      for (const id of op.ids) setPaperRegister(paperOf(state, id, touched), 'trashedAt', hlc, index, value);
      return;
    }
    case 'delete':
    case 'undelete': {
      const value = op.o === 'delete' ? op.at : null;
      for (const id of op.ids) setPaperRegister(paperOf(state, id, touched), 'deletedAt', hlc, index, value);
      return;
    }
    case 'note':
      addNoteVersion(paperOf(state, op.id, touched), { hlc, index, text: op.text, seen: seenBy(entry), isOverwrittenConcurrently: false });
      return;
    case 'edit':
      setEdits(paperOf(state, op.id, touched), hlc, index, op.set, op.unset);
      return;
    case 'merge':
    case 'unmerge': {
      const current = state.merges.get(op.other);
      if (isLater(hlc, index, current)) state.merges.set(op.other, { hlc, index, value: op.o === 'merge' ? op.keep : null });
      touched.add(op.other);
      if (op.o === 'merge') touched.add(op.keep);
      return;
    }
    case 'not-duplicate': {
      const key = pairKey(op.a, op.b);
      if (isLater(hlc, index, state.notDuplicates.get(key))) state.notDuplicates.set(key, { hlc, index, value: op.value });
      return;
    }
    case 'saved-searches':
      if (isLater(hlc, index, state.savedSearches)) state.savedSearches = { hlc, index, value: op.list };
      return;
    case 'tags':
      if (isLater(hlc, index, state.tagDefinitions)) state.tagDefinitions = { hlc, index, value: op.tags };
      return;
  }
}

/**
 * Folds `entries` into `state` (in place) and returns the ids of the papers whose user data they may have changed,
 * so the caller re-indexes and announces only those. Folding an entry twice, or entries in any order, changes
 * nothing more.
 */
export function foldEntries(state: SyncState, entries: Iterable<StampedEntry>): Set<string> {
  const touched = new Set<string>();
  for (const entry of entries) {
    entry.ops.forEach((op, index) => applyOp(state, entry, op, index, touched));
    const device = deviceOf(entry.hlc);
    const latest = state.seen[device];
    if (latest === undefined || entry.hlc > latest) state.seen[device] = entry.hlc;
  }
  return touched;
}
