// What each user.journal op does to the user data: applying it, the ops that would set back what it changes
// (undo), and the keys it sets (a later line setting every key of an unsaved line supersedes it).
import type { EditableField, PaperEdits, SavedSearch, TagDefinition, UserPaperData } from '../model.js';
import { EDITABLE_FIELDS, EMPTY_USER_DATA } from '../model.js';
import type { JournalOp } from './schema.js';
import { foldTagName } from './tag-names.js';

/** The state ops act on (UserState implements it). */
export interface UserData {
  readonly papers: Map<string, UserPaperData>;
  tags: TagDefinition[];
  readonly merges: Map<string, string>;
  readonly notDuplicates: Set<string>;
  savedSearches: SavedSearch[];
  readonly removedProfiles: Map<string, string>;
}

/** The one key of an unordered pair of paper ids. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

export function isEmptyUserData(data: UserPaperData): boolean {
  return (
    data.tags.length === 0 &&
    data.note === '' &&
    data.status === 'unread' &&
    data.trashedAt === undefined &&
    data.deletedAt === undefined &&
    (data.edits === undefined || Object.keys(data.edits).length === 0)
  );
}

export function hasTag(data: UserPaperData, tag: string): boolean {
  const key = foldTagName(tag);
  return data.tags.some((t) => foldTagName(t) === key);
}

function copyData(data: UserPaperData): UserPaperData {
  const copy: UserPaperData = { tags: data.tags, note: data.note, status: data.status };
  if (data.trashedAt !== undefined) copy.trashedAt = data.trashedAt;
  if (data.deletedAt !== undefined) copy.deletedAt = data.deletedAt;
  if (data.edits !== undefined && Object.keys(data.edits).length > 0) copy.edits = { ...data.edits };
  return copy;
}

/** Replaces a paper's data by a changed copy (never in place: search documents hold the old arrays). */
function update(state: UserData, id: string, change: (data: UserPaperData) => void): void {
  const data = copyData(state.papers.get(id) ?? EMPTY_USER_DATA);
  change(data);
  if (data.edits !== undefined && Object.keys(data.edits).length === 0) delete data.edits;
  if (isEmptyUserData(data)) state.papers.delete(id);
  else state.papers.set(id, data);
}

function get(state: UserData, id: string): UserPaperData {
  return state.papers.get(id) ?? EMPTY_USER_DATA;
}

export function applyOp(state: UserData, op: JournalOp): void {
  switch (op.o) {
    case 'paper': {
      const data = copyData({ ...op.data, tags: [...op.data.tags] });
      if (isEmptyUserData(data)) state.papers.delete(op.id);
      else state.papers.set(op.id, data);
      return;
    }
    case 'tags':
      state.tags = op.tags.map((t) => ({ ...t }));
      return;
    case 'tags-add':
      for (const id of op.ids) {
        if (!hasTag(get(state, id), op.tag)) update(state, id, (data) => (data.tags = [...data.tags, op.tag]));
      }
      return;
    case 'tags-remove': {
      const key = foldTagName(op.tag);
      for (const id of op.ids) {
        if (hasTag(get(state, id), op.tag)) update(state, id, (data) => (data.tags = data.tags.filter((t) => foldTagName(t) !== key)));
      }
      return;
    }
    case 'tags-rename': {
      const from = foldTagName(op.from);
      for (const id of op.ids) {
        const data = get(state, id);
        if (!hasTag(data, op.from)) continue;
        // In place; a paper that had both keeps the first of the two (where an older Folio's rename left it).
        const seen = new Set<string>();
        const tags = data.tags.map((t) => (foldTagName(t) === from ? op.to : t)).filter((t) => !seen.has(foldTagName(t)) && seen.add(foldTagName(t)));
        update(state, id, (d) => (d.tags = tags));
      }
      return;
    }
    case 'status':
      for (const id of op.ids) if (get(state, id).status !== op.status) update(state, id, (data) => (data.status = op.status));
      return;
    case 'note':
      update(state, op.id, (data) => (data.note = op.text));
      return;
    case 'trash':
      for (const id of op.ids) update(state, id, (data) => (data.trashedAt = op.at));
      return;
    case 'untrash':
      for (const id of op.ids) if (get(state, id).trashedAt !== undefined) update(state, id, (data) => delete data.trashedAt);
      return;
    case 'delete':
      for (const id of op.ids) update(state, id, (data) => (data.deletedAt = op.at));
      return;
    case 'undelete':
      for (const id of op.ids) if (get(state, id).deletedAt !== undefined) update(state, id, (data) => delete data.deletedAt);
      return;
    case 'edit':
      update(state, op.id, (data) => {
        const edits: Record<string, unknown> = { ...data.edits, ...structuredClone(op.set) };
        for (const field of op.unset) delete edits[field];
        data.edits = edits as PaperEdits;
      });
      return;
    case 'merge':
      state.merges.set(op.other, op.keep);
      return;
    case 'unmerge':
      state.merges.delete(op.other);
      return;
    case 'not-duplicate':
      if (op.value) state.notDuplicates.add(pairKey(op.a, op.b));
      else state.notDuplicates.delete(pairKey(op.a, op.b));
      return;
    case 'saved-searches':
      state.savedSearches = structuredClone(op.list);
      return;
    case 'profile-removed':
      if (op.at === null) state.removedProfiles.delete(op.id);
      else state.removedProfiles.set(op.id, op.at);
      return;
  }
}

/** Groups ids by a value (undefined included), in first-seen order. */
function groupBy<V>(ids: readonly string[], keyOf: (id: string) => V): Map<V, string[]> {
  const groups = new Map<V, string[]>();
  for (const id of ids) {
    const value = keyOf(id);
    let group = groups.get(value);
    if (!group) groups.set(value, (group = []));
    group.push(id);
  }
  return groups;
}

/**
 * The ops that set every key `op` would change back to its value in `state` (taken before `op` is applied), and
 * nothing else: so undoing an action leaves alone what it did not touch (a note typed since a tag action).
 */
export function inverseOf(state: UserData, op: JournalOp): JournalOp[] {
  switch (op.o) {
    case 'paper':
      throw new Error('A whole-paper op is only replayed (versions before 4 wrote it), never undone.');
    case 'tags':
      return [{ o: 'tags', tags: state.tags.map((t) => ({ ...t })) }];
    case 'tags-add': {
      const ids = op.ids.filter((id) => !hasTag(get(state, id), op.tag));
      return ids.length > 0 ? [{ o: 'tags-remove', ids, tag: op.tag }] : [];
    }
    case 'tags-remove': {
      // Each paper gets back the spelling it had (an older library may hold variants of a tag's case).
      const key = foldTagName(op.tag);
      const byName = groupBy(
        op.ids.filter((id) => hasTag(get(state, id), op.tag)),
        (id) => get(state, id).tags.find((t) => foldTagName(t) === key) as string,
      );
      return [...byName].map(([tag, ids]) => ({ o: 'tags-add', ids, tag }));
    }
    case 'tags-rename': {
      // Papers that had both tags get `from` back beside `to`; the others have `to` renamed back in place.
      const having = op.ids.filter((id) => hasTag(get(state, id), op.from));
      const both = foldTagName(op.from) === foldTagName(op.to) ? [] : having.filter((id) => hasTag(get(state, id), op.to));
      const fromName = (id: string): string => get(state, id).tags.find((t) => foldTagName(t) === foldTagName(op.from)) as string;
      const renamed = groupBy(having.filter((id) => !both.includes(id)), fromName);
      const readded = groupBy(both, fromName);
      return [
        ...[...renamed].map(([tag, ids]): JournalOp => ({ o: 'tags-rename', ids, from: op.to, to: tag })),
        ...[...readded].map(([tag, ids]): JournalOp => ({ o: 'tags-add', ids, tag })),
      ];
    }
    case 'status':
      return [...groupBy(op.ids.filter((id) => get(state, id).status !== op.status), (id) => get(state, id).status)].map(
        ([status, ids]) => ({ o: 'status', ids, status }),
      );
    case 'note':
      return [{ o: 'note', id: op.id, text: get(state, op.id).note }];
    case 'trash':
    case 'untrash':
      return [...groupBy(op.ids, (id) => get(state, id).trashedAt)].map(([at, ids]) =>
        at === undefined ? { o: 'untrash', ids } : { o: 'trash', ids, at },
      );
    case 'delete':
    case 'undelete':
      return [...groupBy(op.ids, (id) => get(state, id).deletedAt)].map(([at, ids]) =>
        at === undefined ? { o: 'undelete', ids } : { o: 'delete', ids, at },
      );
    case 'edit': {
      const edits = get(state, op.id).edits ?? {};
      const set: Record<string, unknown> = {};
      const unset: EditableField[] = [];
      for (const field of EDITABLE_FIELDS) {
        if (!(field in op.set) && !op.unset.includes(field)) continue;
        if (field in edits) set[field] = structuredClone(edits[field]);
        else unset.push(field);
      }
      return [{ o: 'edit', id: op.id, set: set as PaperEdits, unset }];
    }
    case 'merge':
    case 'unmerge': {
      const keep = state.merges.get(op.other);
      return [keep === undefined ? { o: 'unmerge', other: op.other } : { o: 'merge', keep, other: op.other }];
    }
    case 'not-duplicate':
      return [{ o: 'not-duplicate', a: op.a, b: op.b, value: state.notDuplicates.has(pairKey(op.a, op.b)) }];
    case 'saved-searches':
      return [{ o: 'saved-searches', list: structuredClone(state.savedSearches) }];
    case 'profile-removed':
      return [{ o: 'profile-removed', id: op.id, at: state.removedProfiles.get(op.id) ?? null }];
  }
}

/** Applies `ops` in order and returns the ops that undo them (in the order to apply them). */
export function applyRecordingInverse(state: UserData, ops: readonly JournalOp[]): JournalOp[] {
  const inverse: JournalOp[][] = [];
  for (const op of ops) {
    inverse.push(inverseOf(state, op));
    applyOp(state, op);
  }
  return inverse.reverse().flat();
}

/** What an op sets, as keys (see journal.ts's withoutSuperseded). */
export function keysOf(op: JournalOp): string[] {
  switch (op.o) {
    case 'paper':
      return [`paper:${op.id}`];
    case 'tags':
      return ['tags'];
    case 'tags-add':
    case 'tags-remove': {
      const tag = foldTagName(op.tag);
      return op.ids.map((id) => `tag:${id}:${tag}`);
    }
    case 'tags-rename': {
      const from = foldTagName(op.from);
      const to = foldTagName(op.to);
      return op.ids.flatMap((id) => [`tag:${id}:${from}`, `tag:${id}:${to}`]);
    }
    case 'status':
      return op.ids.map((id) => `status:${id}`);
    case 'note':
      return [`note:${op.id}`];
    case 'trash':
    case 'untrash':
      return op.ids.map((id) => `trash:${id}`);
    case 'delete':
    case 'undelete':
      return op.ids.map((id) => `deleted:${id}`);
    case 'edit':
      return [...Object.keys(op.set), ...op.unset].map((field) => `edit:${op.id}:${field}`);
    case 'merge':
    case 'unmerge':
      return [`merge:${op.other}`];
    case 'not-duplicate':
      return [`not-duplicate:${pairKey(op.a, op.b)}`];
    case 'saved-searches':
      return ['saved-searches'];
    case 'profile-removed':
      return [`profile:${op.id}`];
  }
}

/** Papers whose user data an op changes (for the 'user-data' change and the search index). */
export function paperIdsOf(op: JournalOp): string[] {
  switch (op.o) {
    case 'paper':
    case 'note':
    case 'edit':
      return [op.id];
    case 'tags-add':
    case 'tags-remove':
    case 'tags-rename':
    case 'status':
    case 'trash':
    case 'untrash':
    case 'delete':
    case 'undelete':
      return op.ids;
    case 'merge':
    case 'unmerge':
      return [op.other];
    case 'not-duplicate':
    case 'tags':
    case 'saved-searches':
    case 'profile-removed':
      return [];
  }
}
