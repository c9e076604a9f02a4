// A folded sync state as JSON and back: what a device's compacted snapshot holds. It keeps every stamp the fold
// compares (so entries folded on top of a loaded snapshot merge exactly as on the full history) and `seen`, the
// version vector of the entries it contains, so that reading it with the devices' journals skips what it holds.
import { position, type NoteVersion, type PaperRegisters, type Register, type SyncState, type TagSet } from './fold.js';
import type { EditableField } from './ops.js';
import type { VersionVector } from './version-vector.js';

export const SNAPSHOT_FORMAT = 1;

/** An edit that reverted a field has no value: stored without one, as JSON has no undefined. */
type StoredRegister<T> = [hlc: string, index: number, value: T] | [hlc: string, index: number];
interface StoredPaper {
  s?: StoredRegister<string>;
  t?: StoredRegister<string | null>;
  d?: StoredRegister<string | null>;
  e?: Partial<Record<EditableField, StoredRegister<unknown>>>;
  /** tag identity → [device → [position, name]] of adds, [device → position] removed up to */
  g?: Record<string, [Record<string, [string, string]>, Record<string, string>]>;
  n?: Array<[hlc: string, index: number, text: string, seen: VersionVector, isOverwrittenConcurrently: 0 | 1]>;
}

export interface SyncSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  seen: VersionVector;
  papers: Record<string, StoredPaper>;
  merges: Record<string, StoredRegister<string | null>>;
  notDuplicates: Record<string, StoredRegister<boolean>>;
  savedSearches?: StoredRegister<unknown[]>;
  tagDefinitions?: StoredRegister<unknown[]>;
}

const store = <T>(r: Register<T>): StoredRegister<T> => (r.value === undefined ? [r.hlc, r.index] : [r.hlc, r.index, r.value]);
const load = <T>([hlc, index, value]: StoredRegister<T>): Register<T> => ({ hlc, index, value: value as T });

function storePaper(p: PaperRegisters): StoredPaper {
  const out: StoredPaper = {};
  if (p.status) out.s = store(p.status);
  if (p.trashedAt) out.t = store(p.trashedAt);
  if (p.deletedAt) out.d = store(p.deletedAt);
  if (p.edits?.size) out.e = Object.fromEntries([...p.edits].map(([f, r]) => [f, store(r)]));
  if (p.tags?.size) {
    out.g = {};
    for (const [key, set] of p.tags) {
      out.g[key] = [Object.fromEntries([...set.adds].map(([d, a]) => [d, [a.at, a.name]])), Object.fromEntries(set.removedUpTo)];
    }
  }
  if (p.notes?.size) out.n = [...p.notes.values()].map((v) => [v.hlc, v.index, v.text, v.seen, v.isOverwrittenConcurrently ? 1 : 0]);
  return out;
}

function loadPaper(p: StoredPaper): PaperRegisters {
  const out: PaperRegisters = {};
  if (p.s) out.status = load(p.s) as PaperRegisters['status'];
  if (p.t) out.trashedAt = load(p.t);
  if (p.d) out.deletedAt = load(p.d);
  if (p.e) out.edits = new Map(Object.entries(p.e).map(([f, r]) => [f as EditableField, load(r as StoredRegister<unknown>)]));
  if (p.g) {
    out.tags = new Map();
    for (const key in p.g) {
      const [adds, removed] = p.g[key] as [Record<string, [string, string]>, Record<string, string>];
      const set: TagSet = { adds: new Map(), removedUpTo: new Map(Object.entries(removed)) };
      for (const device in adds) {
        const [at, name] = adds[device] as [string, string];
        set.adds.set(device, { at, name });
      }
      out.tags.set(key, set);
    }
  }
  if (p.n) {
    out.notes = new Map();
    for (const [hlc, index, text, seen, lost] of p.n) {
      const version: NoteVersion = { hlc, index, text, seen, isOverwrittenConcurrently: lost === 1 };
      out.notes.set(position(hlc, index), version);
    }
  }
  return out;
}

export function snapshotOf(state: SyncState): SyncSnapshot {
  const papers: Record<string, StoredPaper> = {};
  for (const [id, paper] of state.papers) papers[id] = storePaper(paper);
  const snapshot: SyncSnapshot = {
    format: SNAPSHOT_FORMAT,
    seen: { ...state.seen },
    papers,
    merges: Object.fromEntries([...state.merges].map(([k, r]) => [k, store(r)])),
    notDuplicates: Object.fromEntries([...state.notDuplicates].map(([k, r]) => [k, store(r)])),
  };
  if (state.savedSearches) snapshot.savedSearches = store(state.savedSearches);
  if (state.tagDefinitions) snapshot.tagDefinitions = store(state.tagDefinitions);
  return snapshot;
}

export function stateFromSnapshot(snapshot: SyncSnapshot): SyncState {
  const papers = new Map<string, PaperRegisters>();
  for (const id in snapshot.papers) papers.set(id, loadPaper(snapshot.papers[id] as StoredPaper));
  const state: SyncState = {
    papers,
    merges: new Map(Object.entries(snapshot.merges).map(([k, r]) => [k, load(r)])),
    notDuplicates: new Map(Object.entries(snapshot.notDuplicates).map(([k, r]) => [k, load(r)])),
    seen: { ...snapshot.seen },
  };
  if (snapshot.savedSearches) state.savedSearches = load(snapshot.savedSearches);
  if (snapshot.tagDefinitions) state.tagDefinitions = load(snapshot.tagDefinitions);
  return state;
}
