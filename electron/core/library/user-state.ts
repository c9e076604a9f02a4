// User data (tags, notes, reading status, Trash, edits, merges, tag definitions, saved searches) in memory, and
// the pure planning of each action as a list of field-level journal ops (user-ops.ts applies and inverts them).
// Applying the same ops to user.json's snapshot on replay gives the same state.
import { EDITABLE_FIELDS, EMPTY_USER_DATA } from '../model.js';
import type { PaperEdit, TagChange, TagDeletion } from '../api.js';
import type { ReadingStatus, SavedSearch, SavedScope, TagDefinition, TagKey, UserPaperData } from '../model.js';
import { TagError, UserDataError } from './errors.js';
import { asciiJson } from './fsx.js';
import { yieldToEventLoop } from '../slices.js';
import { HEX_COLOR, USER_SCHEMA_VERSION } from './schema.js';
import type { JournalOp, UserDoc } from './schema.js';
import { foldTagName, normalizeTagName } from './tag-names.js';
import { applyOp, hasTag, isEmptyUserData, pairKey, type UserData } from './user-ops.js';

export { MAX_TAG_LENGTH, normalizeTagName } from './tag-names.js';

/** Colours given to new tags: the least-used one, in this order on ties. */
export const TAG_PALETTE: readonly string[] = [
  '#e5484d', '#f76b15', '#ffc53d', '#46a758', '#12a594', '#0090ff', '#3e63dd', '#8e4ec6', '#d6409f', '#8d8d8d',
];

const fold = foldTagName;

export class UserState implements UserData {
  readonly papers = new Map<string, UserPaperData>();
  tags: TagDefinition[] = [];
  /** A merged paper's id → the paper it was merged into. */
  readonly merges = new Map<string, string>();
  readonly notDuplicates = new Set<string>();
  savedSearches: SavedSearch[] = [];
  /** A removed profile's id → when (ISO); hidden unless imported again after that. */
  readonly removedProfiles = new Map<string, string>();

  static fromDoc(doc: UserDoc): UserState {
    const state = new UserState();
    const papers = doc.papers;
    for (const id in papers) {
      if (!Object.hasOwn(papers, id)) continue;
      applyOp(state, { o: 'paper', id, data: papers[id] as UserPaperData });
    }
    state.tags = doc.tags.map((t) => ({ ...t, color: t.color.toLowerCase() }));
    for (const [other, keep] of Object.entries(doc.merges)) state.merges.set(other, keep);
    for (const key of doc.notDuplicates) state.notDuplicates.add(key);
    state.savedSearches = structuredClone(doc.savedSearches);
    for (const [id, at] of Object.entries(doc.removedProfiles)) state.removedProfiles.set(id, at);
    return state;
  }

  toDoc(): UserDoc {
    return {
      schemaVersion: USER_SCHEMA_VERSION,
      papers: Object.fromEntries(this.papers),
      tags: this.tags,
      merges: Object.fromEntries(this.merges),
      notDuplicates: [...this.notDuplicates],
      savedSearches: this.savedSearches,
      removedProfiles: Object.fromEntries(this.removedProfiles),
    };
  }

  /**
   * user.json's text for the current state, built a slice of papers at a time with a yield to the event loop in
   * between, so that a 16 MB snapshot (100k papers) never stalls edits, IPC or the UI for the ~0.2 s a single
   * JSON.stringify takes (nor the ~50-100 ms of copying the map first). Edits made meanwhile may or may not be
   * in it; that is safe because every journal op sets values (or set members) and every edit that is not in the
   * snapshot for sure (any edit after the caller rotated the journal) is replayed from the journal on top of it.
   * The library-wide lists are taken last, so a paper value in the snapshot never refers to a tag defined after it.
   */
  async serialize(papersPerSlice = 2000): Promise<string> {
    const parts: string[] = [`{\n "schemaVersion": ${USER_SCHEMA_VERSION},\n "papers": {`];
    let n = 0;
    for (const [id, data] of this.papers) {
      parts.push(asciiJson(`${n === 0 ? '' : ','}\n  ${JSON.stringify(id)}: ${JSON.stringify(data)}`));
      if (++n % papersPerSlice === 0) await yieldToEventLoop();
    }
    const lists =
      `\n "tags": ${JSON.stringify(this.tags)},\n "merges": ${JSON.stringify(Object.fromEntries(this.merges))},` +
      `\n "notDuplicates": ${JSON.stringify([...this.notDuplicates])},\n "savedSearches": ${JSON.stringify(this.savedSearches)},` +
      `\n "removedProfiles": ${JSON.stringify(Object.fromEntries(this.removedProfiles))}\n}\n`;
    parts.push(asciiJson(`${n === 0 ? '' : '\n '}},${lists}`));
    return parts.join('');
  }

  get(id: string): UserPaperData {
    return this.papers.get(id) ?? EMPTY_USER_DATA;
  }

  findTag(name: string): TagDefinition | undefined {
    const key = fold(name);
    return this.tags.find((t) => fold(t.name) === key);
  }

  apply(op: JournalOp): void {
    applyOp(this, op);
  }

  /** The paper an id stands for: itself, or the paper it was merged into (followed through merges of merges). */
  resolve(id: string): string {
    let current = id;
    for (let hops = 0; hops < 100; hops++) {
      const next = this.merges.get(current);
      if (next === undefined) return current;
      current = next;
    }
    return current;
  }

  /** Definitions for `names`, created (with the least-used colour) when new; `defs` gets the new ones. */
  private definitionsFor(names: readonly string[], defs: TagDefinition[]): string[] {
    const byFold = new Map(defs.map((d) => [fold(d.name), d] as const));
    const result: string[] = [];
    for (const raw of names) {
      if (raw.trim() === '') continue; // a blank entry in a list ("a, , b") is no tag; invisible-only ones are refused
      const name = normalizeTagName(raw);
      let def = byFold.get(fold(name));
      if (!def) {
        def = { name, color: leastUsedColor(defs) };
        defs.push(def);
        byFold.set(fold(name), def);
      }
      if (!result.includes(def.name)) result.push(def.name);
    }
    return result;
  }

  planSetTags(id: string, requested: string[]): JournalOp[] {
    const defs = [...this.tags];
    const wanted = this.definitionsFor(requested, defs);
    const ops: JournalOp[] = [];
    if (defs.length !== this.tags.length) ops.push({ o: 'tags', tags: defs });
    const data = this.get(id);
    for (const tag of data.tags) if (!wanted.some((w) => fold(w) === fold(tag))) ops.push({ o: 'tags-remove', ids: [id], tag });
    for (const tag of wanted) if (!hasTag(data, tag)) ops.push({ o: 'tags-add', ids: [id], tag });
    return ops;
  }

  /**
   * The ops of a restore's user data (library/restore.ts): the backup's tag definitions the library lacks are added
   * with their colours (existing ones keep theirs), each paper's tags are unioned with the backup's, and a note or a
   * status is taken only where the paper has none ("" / unread): a different one is kept, and counted.
   */
  planBackupRestore(
    papers: ReadonlyArray<{ id: string } & UserPaperData>,
    definitions: readonly TagDefinition[],
  ): { ops: JournalOp[]; paperIds: string[]; tagsNew: number; notesKept: number; statusesKept: number } {
    const defs = [...this.tags];
    const byFold = new Map(defs.map((d) => [fold(d.name), d] as const));
    const define = (raw: string, color?: string): TagDefinition | null => {
      let name: string;
      try {
        name = normalizeTagName(raw);
      } catch {
        return null; // a name no tag can have (blank, too long): left out, as setTags would refuse it
      }
      let def = byFold.get(fold(name));
      if (!def) {
        def = { name, color: color !== undefined && HEX_COLOR.test(color) ? color.toLowerCase() : leastUsedColor(defs) };
        defs.push(def);
        byFold.set(fold(name), def);
      }
      return def;
    };
    for (const def of definitions) define(def.name, def.color);
    const ops: JournalOp[] = [];
    const tagged = new Map<string, string[]>();
    const statused = new Map<ReadingStatus, string[]>();
    const paperIds: string[] = [];
    let notesKept = 0;
    let statusesKept = 0;
    for (const paper of papers) {
      const current = this.get(paper.id);
      const tags = [...current.tags];
      for (const raw of paper.tags) {
        const def = define(raw);
        if (def && !tags.some((t) => fold(t) === fold(def.name))) tags.push(def.name);
      }
      let { note, status } = current;
      if (paper.note !== '' && paper.note !== note) {
        if (note === '') note = paper.note;
        else notesKept++;
      }
      if (paper.status !== 'unread' && paper.status !== status) {
        if (status === 'unread') status = paper.status;
        else statusesKept++;
      }
      if (tags.length === current.tags.length && note === current.note && status === current.status) continue;
      // Field-level ops, like every other change: a restore never replaces what it does not restore (Trash, edits).
      for (const tag of tags.slice(current.tags.length)) tagged.set(tag, [...(tagged.get(tag) ?? []), paper.id]);
      if (note !== current.note) ops.push({ o: 'note', id: paper.id, text: note });
      if (status !== current.status) statused.set(status, [...(statused.get(status) ?? []), paper.id]);
      paperIds.push(paper.id);
    }
    for (const [tag, ids] of tagged) ops.push({ o: 'tags-add', ids, tag });
    for (const [status, ids] of statused) ops.push({ o: 'status', ids, status });
    const tagsNew = defs.length - this.tags.length;
    if (tagsNew > 0) ops.unshift({ o: 'tags', tags: defs });
    return { ops, paperIds, tagsNew, notesKept, statusesKept };
  }


  /** Adds and removes tags on many papers: only the papers each op changes are named. */
  planTagPapers(ids: readonly string[], change: TagChange): { ops: JournalOp[]; changed: Set<string> } {
    const defs = [...this.tags];
    const add = this.definitionsFor(change.add ?? [], defs);
    const remove = (change.remove ?? []).filter((t) => t.trim() !== '').map((t) => this.requireTag(normalizeTagName(t)).name);
    const ops: JournalOp[] = [];
    if (defs.length !== this.tags.length) ops.push({ o: 'tags', tags: defs });
    const changed = new Set<string>();
    for (const tag of remove) {
      if (add.some((a) => fold(a) === fold(tag))) continue;
      const having = ids.filter((id) => hasTag(this.get(id), tag));
      if (having.length > 0) ops.push({ o: 'tags-remove', ids: having, tag });
      having.forEach((id) => changed.add(id));
    }
    for (const tag of add) {
      const lacking = ids.filter((id) => !hasTag(this.get(id), tag));
      if (lacking.length > 0) ops.push({ o: 'tags-add', ids: lacking, tag });
      lacking.forEach((id) => changed.add(id));
    }
    return { ops, changed };
  }

  planSetNote(id: string, note: string): JournalOp[] {
    return [{ o: 'note', id, text: note }];
  }

  planSetStatus(ids: readonly string[], status: ReadingStatus): JournalOp[] {
    const changing = ids.filter((id) => this.get(id).status !== status);
    return changing.length > 0 ? [{ o: 'status', ids: changing, status }] : [];
  }

  planTrash(ids: readonly string[], at: string): JournalOp[] {
    const changing = ids.filter((id) => this.get(id).trashedAt === undefined);
    return changing.length > 0 ? [{ o: 'trash', ids: changing, at }] : [];
  }

  planRestore(ids: readonly string[]): JournalOp[] {
    const changing = ids.filter((id) => this.get(id).trashedAt !== undefined);
    return changing.length > 0 ? [{ o: 'untrash', ids: changing }] : [];
  }

  hasTrashOrDeleted(): boolean {
    for (const data of this.papers.values()) if (data.trashedAt !== undefined || data.deletedAt !== undefined) return true;
    return false;
  }

  /** Papers in the Trash and not yet deleted for good. */
  trashedIds(): string[] {
    const ids: string[] = [];
    for (const [id, data] of this.papers) if (data.trashedAt !== undefined && data.deletedAt === undefined) ids.push(id);
    return ids;
  }

  planEmptyTrash(at: string): JournalOp[] {
    const ids = this.trashedIds();
    return ids.length > 0 ? [{ o: 'delete', ids, at }] : [];
  }

  /** A correction: `set` values shown instead of the imported ones, `unset` fields back to the imported value. */
  planEdit(id: string, edit: PaperEdit): JournalOp[] {
    const set = { ...edit.set };
    for (const field of Object.keys(set)) {
      if (!(EDITABLE_FIELDS as readonly string[]).includes(field)) throw new UserDataError(`"${field}" is not a field that can be edited.`);
    }
    const unset = (edit.unset ?? []).filter((field) => !(field in set));
    if (Object.keys(set).length === 0 && unset.length === 0) return [];
    return [{ o: 'edit', id, set, unset }];
  }

  planSetTagColor(name: string, color: string): JournalOp[] {
    if (!HEX_COLOR.test(color)) throw new TagError(`"${color}" is not a colour of the form #rrggbb.`);
    const def = this.requireTag(name);
    return [{ o: 'tags', tags: this.tags.map((t) => (t === def ? { ...t, color: color.toLowerCase() } : t)) }];
  }

  /** Gives `key` to the tag (taking it from the tag that had it), or takes its key away (null). */
  planAssignTagKey(name: string, key: TagKey | null): JournalOp[] {
    const def = this.requireTag(name);
    if (key !== null && (!Number.isInteger(key) || key < 1 || key > 9)) throw new TagError(`Key ${String(key)} is not one of 1-9.`);
    if ((def.key ?? null) === key) return [];
    const tags = this.tags.map((t) => {
      if (t !== def && (key === null || t.key !== key)) return t;
      const { key: _old, ...rest } = t;
      return t === def && key !== null ? { ...rest, key } : rest;
    });
    return [{ o: 'tags', tags }];
  }

  /**
   * Renames `from` to `to` everywhere. When another tag is already called `to` the two are merged, but only when
   * asked to (`merge`): else it refuses, naming that tag, so the UI can ask first.
   */
  planRenameTag(from: string, to: string, merge = false): { ops: JournalOp[]; paperIds: string[]; merged: boolean; name: string } {
    const source = this.requireTag(from);
    const newName = normalizeTagName(to);
    const target = this.findTag(newName);
    const merging = target !== undefined && target !== source;
    if (merging && !merge) throw new TagError(`A tag "${target.name}" already exists; rename with merge to combine the two.`);
    const finalName = merging ? target.name : newName;
    const tags = merging
      ? this.tags.filter((t) => t !== source).map((t) => (t === target && target.key === undefined && source.key !== undefined ? { ...t, key: source.key } : t))
      : this.tags.map((t) => (t === source ? { ...t, name: newName } : t));
    const ops: JournalOp[] = [{ o: 'tags', tags }];
    const paperIds = this.idsWithTag(source.name);
    if (paperIds.length > 0 && source.name !== finalName) ops.push({ o: 'tags-rename', ids: paperIds, from: source.name, to: finalName });
    return { ops, paperIds, merged: merging, name: finalName };
  }

  planDeleteTag(name: string): { ops: JournalOp[]; deletion: TagDeletion } {
    const def = this.requireTag(name);
    const ops: JournalOp[] = [{ o: 'tags', tags: this.tags.filter((t) => t !== def) }];
    const paperIds = this.idsWithTag(def.name);
    if (paperIds.length > 0) ops.push({ o: 'tags-remove', ids: paperIds, tag: def.name });
    return { ops, deletion: { tag: { ...def }, paperIds } };
  }

  /** deleteTag's own undo (kept for callers of restoreTag): the definition comes back and the papers get the tag again. */
  planRestoreTag(deletion: TagDeletion, isKnownPaper: (id: string) => boolean): { ops: JournalOp[]; paperIds: string[] } {
    if (!HEX_COLOR.test(deletion.tag.color)) throw new TagError('Not a tag deletion that can be restored.');
    const name = normalizeTagName(deletion.tag.name);
    const ops: JournalOp[] = [];
    let def = this.findTag(name);
    if (!def) {
      def = { ...deletion.tag, name, color: deletion.tag.color.toLowerCase() };
      if (def.key !== undefined && this.tags.some((t) => t.key === def?.key)) delete def.key;
      ops.push({ o: 'tags', tags: [...this.tags, def] });
    }
    const tag = def.name;
    const paperIds = [...new Set(deletion.paperIds)].filter((id) => isKnownPaper(id) && !hasTag(this.get(id), tag));
    if (paperIds.length > 0) ops.push({ o: 'tags-add', ids: paperIds, tag });
    return { ops, paperIds };
  }

  /**
   * Merges `other` into `keep`: tags united, notes joined (a separator line between), the further reading status,
   * `keep`'s edits completed by `other`'s. `other`'s own data stays as it was (an unmerge shows it again).
   */
  planMerge(keep: string, other: string): JournalOp[] {
    const a = this.get(keep);
    const b = this.get(other);
    const ops: JournalOp[] = [{ o: 'merge', keep, other }];
    for (const tag of b.tags) if (!hasTag(a, tag)) ops.push({ o: 'tags-add', ids: [keep], tag });
    if (b.note.trim() !== '' && b.note !== a.note) {
      ops.push({ o: 'note', id: keep, text: a.note.trim() === '' ? b.note : `${a.note.trimEnd()}\n\n---\n\n${b.note}` });
    }
    const order: readonly ReadingStatus[] = ['unread', 'reading', 'read'];
    if (order.indexOf(b.status) > order.indexOf(a.status)) ops.push({ o: 'status', ids: [keep], status: b.status });
    const set: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(b.edits ?? {})) if (!(field in (a.edits ?? {}))) set[field] = value;
    if (Object.keys(set).length > 0) ops.push({ o: 'edit', id: keep, set, unset: [] });
    if (b.trashedAt === undefined && a.trashedAt !== undefined) ops.push({ o: 'untrash', ids: [keep] });
    return ops;
  }

  planNotDuplicate(a: string, b: string): JournalOp[] {
    return this.notDuplicates.has(pairKey(a, b)) ? [] : [{ o: 'not-duplicate', a, b, value: true }];
  }

  planSaveSearch(search: { name: string; search: string; scope?: SavedScope }, id: string): { ops: JournalOp[]; saved: SavedSearch } {
    const name = this.freeSearchName(search.name);
    const saved: SavedSearch = { id, name, search: search.search, scope: { ...search.scope } };
    return { ops: [{ o: 'saved-searches', list: [...this.savedSearches, saved] }], saved };
  }

  planRenameSavedSearch(id: string, name: string): JournalOp[] {
    const saved = this.requireSavedSearch(id);
    const newName = this.freeSearchName(name, saved);
    return [{ o: 'saved-searches', list: this.savedSearches.map((s) => (s === saved ? { ...s, name: newName } : s)) }];
  }

  planDeleteSavedSearch(id: string): JournalOp[] {
    const saved = this.requireSavedSearch(id);
    return [{ o: 'saved-searches', list: this.savedSearches.filter((s) => s !== saved) }];
  }

  private freeSearchName(raw: string, self?: SavedSearch): string {
    const name = raw.trim();
    if (name === '') throw new UserDataError('A saved search needs a name.');
    const clash = this.savedSearches.find((s) => s !== self && s.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new UserDataError(`A saved search is already called "${clash.name}".`);
    return name;
  }

  private requireSavedSearch(id: string): SavedSearch {
    const saved = this.savedSearches.find((s) => s.id === id);
    if (!saved) throw new UserDataError(`No saved search ${JSON.stringify(id)} in this library.`);
    return saved;
  }

  private idsWithTag(name: string): string[] {
    const ids: string[] = [];
    for (const [id, data] of this.papers) if (hasTag(data, name)) ids.push(id);
    return ids;
  }

  private requireTag(name: string): TagDefinition {
    const def = this.findTag(name);
    if (!def) throw new TagError(`No tag "${name}" in this library.`);
    return def;
  }
}

/** Whether a paper's data holds anything the user made (what removeProfile keeps a paper for). */
export function holdsUserData(data: UserPaperData): boolean {
  return data.tags.length > 0 || data.note !== '' || data.status !== 'unread' || (data.edits !== undefined && Object.keys(data.edits).length > 0);
}

export { isEmptyUserData };

function leastUsedColor(defs: readonly TagDefinition[]): string {
  const uses = new Map<string, number>(TAG_PALETTE.map((c) => [c, 0]));
  for (const d of defs) {
    const n = uses.get(d.color.toLowerCase());
    if (n !== undefined) uses.set(d.color.toLowerCase(), n + 1);
  }
  let best = TAG_PALETTE[0] ?? '#8d8d8d';
  let bestUses = Infinity;
  for (const [color, n] of uses) {
    if (n < bestUses) {
      best = color;
      bestUses = n;
    }
  }
  return best;
}
