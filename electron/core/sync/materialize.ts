// The user data a folded sync state stands for, as plain sorted data: what the store shows, what tests compare.
import type { ReadingStatus } from '../model.js';
import type { NoteVersion, PaperRegisters, SyncState, TagSet } from './fold.js';
import type { EditableField } from './ops.js';

export interface NoteRevision {
  /** The stamp of the edit that wrote it. */
  hlc: string;
  text: string;
}

export interface FoldedPaper {
  tags: string[];
  note: string;
  status: ReadingStatus;
  trashedAt?: string;
  deletedAt?: string;
  edits?: Partial<Record<EditableField, unknown>>;
  /** Versions of the note that lost to an edit made without seeing them, oldest first (none equal to the note). */
  noteRevisions?: NoteRevision[];
}

export interface FoldedState {
  papers: Record<string, FoldedPaper>;
  merges: Record<string, string>;
  /** Pair keys (ops.ts pairKey), sorted. */
  notDuplicates: string[];
  savedSearches: unknown[];
  tagDefinitions: unknown[];
}

/** The tag's shown name when present: the name of its latest add that no removal saw. */
function survivingName(set: TagSet): { at: string; name: string } | null {
  let best: { at: string; name: string } | null = null;
  for (const [device, add] of set.adds) {
    const removed = set.removedUpTo.get(device);
    if (removed !== undefined && add.at <= removed) continue;
    if (best === null || add.at > best.at) best = add;
  }
  return best;
}

function tagsOf(paper: PaperRegisters): string[] {
  const present: Array<{ at: string; name: string }> = [];
  for (const set of paper.tags?.values() ?? []) {
    const add = survivingName(set);
    if (add) present.push(add);
  }
  // Devices differ in the order they learnt of tags, so the order is that of the stamps that put them there.
  return present.sort((a, b) => (a.at < b.at ? -1 : 1)).map((add) => add.name);
}

function notesOf(paper: PaperRegisters): { note: string; revisions: NoteRevision[] } {
  const versions = [...(paper.notes?.entries() ?? [])].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
  const note = versions.at(-1)?.text ?? '';
  const shown = new Set([note]);
  const revisions: NoteRevision[] = [];
  for (const version of versions as NoteVersion[]) {
    if (!version.isOverwrittenConcurrently || shown.has(version.text)) continue;
    shown.add(version.text);
    revisions.push({ hlc: version.hlc, text: version.text });
  }
  return { note, revisions };
}

function paperView(paper: PaperRegisters): FoldedPaper | null {
  const { note, revisions } = notesOf(paper);
  const view: FoldedPaper = { tags: tagsOf(paper), note, status: paper.status?.value ?? 'unread' };
  if (paper.trashedAt?.value) view.trashedAt = paper.trashedAt.value;
  if (paper.deletedAt?.value) view.deletedAt = paper.deletedAt.value;
  const edits: Partial<Record<EditableField, unknown>> = {};
  let hasEdits = false;
  for (const [field, register] of paper.edits ?? []) {
    if (register.value === undefined) continue;
    edits[field] = register.value;
    hasEdits = true;
  }
  if (hasEdits) view.edits = edits;
  if (revisions.length > 0) view.noteRevisions = revisions;
  const isDefault = view.tags.length === 0 && note === '' && view.status === 'unread' && Object.keys(view).length === 3;
  return isDefault ? null : view;
}

export function materialize(state: SyncState): FoldedState {
  const papers: Record<string, FoldedPaper> = {};
  for (const id of [...state.papers.keys()].sort()) {
    const view = paperView(state.papers.get(id) as PaperRegisters);
    if (view) papers[id] = view;
  }
  const merges: Record<string, string> = {};
  for (const other of [...state.merges.keys()].sort()) {
    const keep = state.merges.get(other)?.value;
    if (keep) merges[other] = keep;
  }
  const notDuplicates = [...state.notDuplicates].filter(([, r]) => r.value).map(([key]) => key).sort();
  return {
    papers,
    merges,
    notDuplicates,
    savedSearches: state.savedSearches?.value ?? [],
    tagDefinitions: state.tagDefinitions?.value ?? [],
  };
}
