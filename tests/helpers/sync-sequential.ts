// The reference for "the same operations applied on one device in stamp order": a plain sequential replay of stamped
// entries, written separately from electron/core/sync/fold.ts so that each checks the other (the fold's property
// tests and the real store's sync tests compare against it).
import { tagIdentity } from '../../electron/core/sync/fold.js';
import { deviceOf } from '../../electron/core/sync/hlc.js';
import type { FoldedPaper, FoldedState } from '../../electron/core/sync/materialize.js';
import { pairKey, type EditableField, type StampedEntry } from '../../electron/core/sync/ops.js';
import { inStampOrder } from './sync-history.js';

/**
 * One device applying every entry in stamp order, written plainly and separately from fold.ts: tags are a list of
 * live adds and a removal deletes the adds it saw; a note's revisions are the versions a later one did not see.
 */
export function applyInStampOrder(entries: readonly StampedEntry[]): FoldedState {
  interface Add { device: string; hlc: string; index: number; name: string }
  interface Paper { status?: string; trashedAt?: string | null; deletedAt?: string | null; edits: Map<string, unknown>; tags: Map<string, Add[]>; notes: Array<{ hlc: string; text: string; seen: Record<string, string> }> }
  const papers = new Map<string, Paper>();
  const merges = new Map<string, string | null>();
  const notDuplicates = new Map<string, boolean>();
  let savedSearches: unknown[] = [];
  let tagDefinitions: unknown[] = [];
  const paper = (id: string): Paper => {
    if (!papers.has(id)) papers.set(id, { edits: new Map(), tags: new Map(), notes: [] });
    return papers.get(id) as Paper;
  };
  const unique = new Map(entries.map((e) => [e.hlc, e]));
  for (const entry of inStampOrder([...unique.values()])) {
    const device = deviceOf(entry.hlc);
    const sawAdd = (add: Add, index: number): boolean =>
      add.device === device
        ? add.hlc < entry.hlc || (add.hlc === entry.hlc && add.index < index)
        : entry.seen?.[add.device] !== undefined && add.hlc <= (entry.seen[add.device] as string);
    entry.ops.forEach((op, index) => {
      switch (op.o) {
        case 'tags-add':
          for (const id of op.ids) {
            const tags = paper(id).tags;
            tags.set(tagIdentity(op.tag), [...(tags.get(tagIdentity(op.tag)) ?? []), { device, hlc: entry.hlc, index, name: op.tag }]);
          }
          break;
        case 'tags-remove':
          for (const id of op.ids) {
            const tags = paper(id).tags;
            tags.set(tagIdentity(op.tag), (tags.get(tagIdentity(op.tag)) ?? []).filter((add) => !sawAdd(add, index)));
          }
          break;
        case 'status':
          for (const id of op.ids) paper(id).status = op.status;
          break;
        case 'trash': case 'untrash':
          for (const id of op.ids) paper(id).trashedAt = op.o === 'trash' ? op.at : null;
          break;
        case 'delete': case 'undelete':
          for (const id of op.ids) paper(id).deletedAt = op.o === 'delete' ? op.at : null;
          break;
        case 'note':
          paper(op.id).notes.push({ hlc: entry.hlc, text: op.text, seen: { ...entry.seen, [device]: entry.hlc } });
          break;
        case 'edit':
          for (const [field, value] of Object.entries(op.set)) paper(op.id).edits.set(field, value);
          for (const field of op.unset) paper(op.id).edits.set(field, undefined);
          break;
        case 'merge': case 'unmerge':
          merges.set(op.other, op.o === 'merge' ? op.keep : null);
          break;
        case 'not-duplicate':
          notDuplicates.set(pairKey(op.a, op.b), op.value);
          break;
        case 'saved-searches':
          savedSearches = op.list;
          break;
        case 'tags':
          tagDefinitions = op.tags;
          break;
      }
    });
  }
  const view: FoldedState = { papers: {}, merges: {}, notDuplicates: [], savedSearches, tagDefinitions };
  for (const id of [...papers.keys()].sort()) {
    const p = papers.get(id) as Paper;
    const live = [...p.tags.values()].flatMap((adds) => {
      const latest = adds.at(-1);
      return latest ? [latest] : [];
    }).sort((a, b) => (a.hlc !== b.hlc ? (a.hlc < b.hlc ? -1 : 1) : a.index - b.index));
    const note = p.notes.at(-1)?.text ?? '';
    const revisions: Array<{ hlc: string; text: string }> = [];
    const shown = new Set([note]);
    p.notes.forEach((x, i) => {
      const lost = p.notes.slice(i + 1).some((y) => !(y.seen[deviceOf(x.hlc)] !== undefined && x.hlc <= (y.seen[deviceOf(x.hlc)] as string)));
      if (lost && !shown.has(x.text)) {
        shown.add(x.text);
        revisions.push({ hlc: x.hlc, text: x.text });
      }
    });
    const folded: FoldedPaper = { tags: live.map((a) => a.name), note, status: (p.status ?? 'unread') as FoldedPaper['status'] };
    if (p.trashedAt) folded.trashedAt = p.trashedAt;
    if (p.deletedAt) folded.deletedAt = p.deletedAt;
    const edits = Object.fromEntries([...p.edits].filter(([, v]) => v !== undefined)) as Partial<Record<EditableField, unknown>>;
    if (Object.keys(edits).length > 0) folded.edits = edits;
    if (revisions.length > 0) folded.noteRevisions = revisions;
    if (folded.tags.length > 0 || note !== '' || folded.status !== 'unread' || Object.keys(folded).length > 3) view.papers[id] = folded;
  }
  for (const other of [...merges.keys()].sort()) if (merges.get(other)) view.merges[other] = merges.get(other) as string;
  view.notDuplicates = [...notDuplicates].filter(([, v]) => v).map(([k]) => k).sort();
  return view;
}
