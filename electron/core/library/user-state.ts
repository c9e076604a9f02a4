// User data (tags, notes, reading status, tag colours) in memory, and the pure planning of each edit as a list
// of journal operations. Applying the same ops to user.json's snapshot on replay gives the same state.
import { EMPTY_USER_DATA } from '../model.js';
import type { ReadingStatus, TagDefinition, UserPaperData } from '../model.js';
import type { TagDeletion } from '../api.js';
import { TagError } from './errors.js';
import { asciiJson } from './fsx.js';
import { yieldToEventLoop } from '../slices.js';
import { singleLine } from '../text.js';
import { HEX_COLOR, USER_SCHEMA_VERSION } from './schema.js';
import type { JournalOp, UserDoc } from './schema.js';

/** Colours given to new tags: the least-used one, in this order on ties. */
export const TAG_PALETTE: readonly string[] = [
  '#e5484d', '#f76b15', '#ffc53d', '#46a758', '#12a594', '#0090ff', '#3e63dd', '#8e4ec6', '#d6409f', '#8d8d8d',
];

/** Longest tag name, in characters (code points), after normalizeTagName (the IPC schema also bounds the raw text). */
export const MAX_TAG_LENGTH = 100;

/**
 * The name a tag is stored and looked up under, for every caller (IPC, CLI, tests): one line (singleLine: line
 * breaks, tabs and other whitespace runs one space, control and format characters removed, trimmed, NFC), so a tag
 * can never break text output or inject lines into an export. Throws TagError when nothing is left or it is too long.
 */
export function normalizeTagName(raw: string): string {
  const name = singleLine(raw);
  if (name === '') {
    throw new TagError(raw.trim() === '' ? 'A tag name cannot be empty.' : `The tag ${JSON.stringify(raw)} has only invisible characters.`);
  }
  const length = [...name].length;
  if (length > MAX_TAG_LENGTH) throw new TagError(`A tag name can have at most ${MAX_TAG_LENGTH} characters; this one has ${length}.`);
  return name;
}

// Anything singleLine would change besides NFC: most names have none, and fold runs over every tagged paper.
const IRREGULAR_SPACING = /[^\S ]|[\p{Cc}\p{Cf}]| {2}|^ | $/u;

/**
 * Case-insensitive identity of a tag. Stored names are normalised too, so a tag an older Folio stored with a line
 * break ("a\nb") is found, renamed and deleted by its one-line name ("a b").
 */
const fold = (name: string): string => (IRREGULAR_SPACING.test(name) ? singleLine(name) : name.normalize('NFC')).toLowerCase();

function isEmpty(data: UserPaperData): boolean {
  return data.tags.length === 0 && data.note === '' && data.status === 'unread';
}

export class UserState {
  readonly papers = new Map<string, UserPaperData>();
  tags: TagDefinition[] = [];

  static fromDoc(doc: UserDoc): UserState {
    const state = new UserState();
    const papers = doc.papers;
    for (const id in papers) {
      if (!Object.prototype.hasOwnProperty.call(papers, id)) continue;
      const data = papers[id] as UserPaperData;
      if (!isEmpty(data)) state.papers.set(id, { tags: data.tags.slice(), note: data.note, status: data.status });
    }
    state.tags = doc.tags.map((t) => ({ name: t.name, color: t.color.toLowerCase() }));
    return state;
  }

  toDoc(): UserDoc {
    return { schemaVersion: USER_SCHEMA_VERSION, papers: Object.fromEntries(this.papers), tags: this.tags };
  }

  /**
   * user.json's text for the current state, built a slice of papers at a time with a yield to the event loop in
   * between, so that a 16 MB snapshot (100k papers) never stalls edits, IPC or the UI for the ~0.2 s a single
   * JSON.stringify takes (nor the ~50-100 ms of copying the map first). Edits made meanwhile may or may not be
   * in it; that is safe because journal ops are absolute and every edit that is not in the snapshot for sure
   * (any edit after the caller rotated the journal) is replayed from the journal on top of it. The tag list is
   * taken last, so a paper value in the snapshot never refers to a tag defined after it.
   */
  async serialize(papersPerSlice = 2000): Promise<string> {
    const parts: string[] = [`{\n "schemaVersion": ${USER_SCHEMA_VERSION},\n "papers": {`];
    let n = 0;
    for (const [id, data] of this.papers) {
      parts.push(asciiJson(`${n === 0 ? '' : ','}\n  ${JSON.stringify(id)}: ${JSON.stringify(data)}`));
      if (++n % papersPerSlice === 0) await yieldToEventLoop();
    }
    parts.push(asciiJson(`${n === 0 ? '' : '\n '}},\n "tags": ${JSON.stringify(this.tags)}\n}\n`));
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
    if (op.o === 'paper') {
      if (isEmpty(op.data)) this.papers.delete(op.id);
      else this.papers.set(op.id, { tags: [...op.data.tags], note: op.data.note, status: op.data.status });
    } else {
      this.tags = op.tags.map((t) => ({ ...t }));
    }
  }

  // ---- planning: each returns the ops of one edit (applied by the caller, then journaled) ----

  planSetTags(id: string, requested: string[]): JournalOp[] {
    const defs = [...this.tags];
    const byFold = new Map(defs.map((d) => [fold(d.name), d] as const));
    const tags: string[] = [];
    for (const raw of requested) {
      if (raw.trim() === '') continue; // a blank entry in a list ("a, , b") is no tag; invisible-only ones are refused
      const name = normalizeTagName(raw);
      let def = byFold.get(fold(name));
      if (!def) {
        def = { name, color: leastUsedColor(defs) };
        defs.push(def);
        byFold.set(fold(name), def);
      }
      if (!tags.includes(def.name)) tags.push(def.name);
    }
    const ops: JournalOp[] = [];
    if (defs.length !== this.tags.length) ops.push({ o: 'tags', tags: defs });
    ops.push({ o: 'paper', id, data: { ...this.get(id), tags } });
    return ops;
  }

  /**
   * The ops of a restore's user data (library/restore.ts): the backup's tag definitions the library lacks are added
   * with their colours (existing ones keep theirs), each paper's tags are unioned with the backup's, and a note or a
   * status is taken only where the paper has none ("" / unread): a different one is kept, and counted.
   */
  planRestore(
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
      ops.push({ o: 'paper', id: paper.id, data: { tags, note, status } });
      paperIds.push(paper.id);
    }
    const tagsNew = defs.length - this.tags.length;
    if (tagsNew > 0) ops.unshift({ o: 'tags', tags: defs });
    return { ops, paperIds, tagsNew, notesKept, statusesKept };
  }

  planSetNote(id: string, note: string): JournalOp[] {
    return [{ o: 'paper', id, data: { ...this.get(id), tags: [...this.get(id).tags], note } }];
  }

  planSetStatus(id: string, status: ReadingStatus): JournalOp[] {
    return [{ o: 'paper', id, data: { ...this.get(id), tags: [...this.get(id).tags], status } }];
  }

  planSetTagColor(name: string, color: string): JournalOp[] {
    if (!HEX_COLOR.test(color)) throw new TagError(`"${color}" is not a colour of the form #rrggbb.`);
    const def = this.requireTag(name);
    return [{ o: 'tags', tags: this.tags.map((t) => (t === def ? { name: t.name, color: color.toLowerCase() } : t)) }];
  }

  /** Renames `from` to `to` everywhere; when another tag is already called `to`, the two are merged. */
  planRenameTag(from: string, to: string): { ops: JournalOp[]; paperIds: string[] } {
    const source = this.requireTag(from);
    const newName = normalizeTagName(to);
    const target = this.findTag(newName);
    const merging = target !== undefined && target !== source;
    const finalName = merging ? target.name : newName;
    const tags = merging
      ? this.tags.filter((t) => t !== source)
      : this.tags.map((t) => (t === source ? { name: newName, color: t.color } : t));
    const ops: JournalOp[] = [{ o: 'tags', tags }];
    const paperIds: string[] = [];
    const sourceKey = fold(source.name);
    for (const [id, data] of this.papers) {
      if (!data.tags.some((t) => fold(t) === sourceKey)) continue;
      const next: string[] = [];
      for (const t of data.tags) {
        const name = fold(t) === sourceKey ? finalName : t;
        if (!next.some((n) => fold(n) === fold(name))) next.push(name);
      }
      ops.push({ o: 'paper', id, data: { ...data, tags: next } });
      paperIds.push(id);
    }
    return { ops, paperIds };
  }

  planDeleteTag(name: string): { ops: JournalOp[]; deletion: TagDeletion } {
    const def = this.requireTag(name);
    const ops: JournalOp[] = [{ o: 'tags', tags: this.tags.filter((t) => t !== def) }];
    const paperIds: string[] = [];
    const key = fold(def.name);
    for (const [id, data] of this.papers) {
      if (!data.tags.some((t) => fold(t) === key)) continue;
      ops.push({ o: 'paper', id, data: { ...data, tags: data.tags.filter((t) => fold(t) !== key) } });
      paperIds.push(id);
    }
    return { ops, deletion: { tag: { ...def }, paperIds } };
  }

  /** Undo of deleteTag: the definition comes back (unless re-created meanwhile) and the papers get the tag again. */
  planRestoreTag(deletion: TagDeletion, isKnownPaper: (id: string) => boolean): { ops: JournalOp[]; paperIds: string[] } {
    if (!HEX_COLOR.test(deletion.tag.color)) throw new TagError('Not a tag deletion that can be restored.');
    const name = normalizeTagName(deletion.tag.name);
    const ops: JournalOp[] = [];
    let def = this.findTag(name);
    if (!def) {
      def = { name, color: deletion.tag.color.toLowerCase() };
      ops.push({ o: 'tags', tags: [...this.tags, def] });
    }
    const paperIds: string[] = [];
    for (const id of new Set(deletion.paperIds)) {
      if (!isKnownPaper(id)) continue;
      const data = this.get(id);
      if (data.tags.some((t) => fold(t) === fold(name))) continue;
      ops.push({ o: 'paper', id, data: { ...data, tags: [...data.tags, def.name] } });
      paperIds.push(id);
    }
    return { ops, paperIds };
  }

  private requireTag(name: string): TagDefinition {
    const def = this.findTag(name);
    if (!def) throw new TagError(`No tag "${name}" in this library.`);
    return def;
  }
}

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
