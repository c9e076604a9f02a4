// The operations devices exchange: issue 10's field-level journal ops (each sets one value or adds/removes set
// members, never read-modify-write), grouped as one user action per entry and stamped with a hybrid logical clock.
// The shapes mirror i10's journalOpSchema op for op (the legacy whole-record `paper` op is not synced: a library
// migrates into a snapshot); when issue 10 lands, these types come from library/schema.ts instead.
import { z } from 'zod';
import { READING_STATUSES } from '../model.js';
import { parseHlc } from './hlc.js';
import { isVersionVector, type VersionVector } from './version-vector.js';

export const EDITABLE_FIELDS = ['title', 'authors', 'date', 'category', 'venue', 'doi', 'url', 'abstract'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

const ids = z.array(z.string().min(1)).min(1);
const editsSchema = z
  .object({
    title: z.string(),
    authors: z.array(z.string()),
    date: z.string(),
    category: z.string().nullable(),
    venue: z.string().nullable(),
    doi: z.string().nullable(),
    url: z.string().nullable(),
    abstract: z.string(),
  })
  .partial()
  .strict();
const tagDefinition = z.object({ name: z.string().min(1), color: z.string(), key: z.number().int().min(1).max(9).optional() });
const savedSearch = z.object({ id: z.string().min(1), name: z.string().min(1), search: z.string(), scope: z.record(z.string(), z.unknown()) });

export const syncedOpSchema = z.discriminatedUnion('o', [
  z.object({ o: z.literal('tags-add'), ids, tag: z.string().min(1) }),
  z.object({ o: z.literal('tags-remove'), ids, tag: z.string().min(1) }),
  z.object({ o: z.literal('status'), ids, status: z.enum(READING_STATUSES) }),
  z.object({ o: z.literal('note'), id: z.string().min(1), text: z.string() }),
  z.object({ o: z.literal('trash'), ids, at: z.string() }),
  z.object({ o: z.literal('untrash'), ids }),
  z.object({ o: z.literal('delete'), ids, at: z.string() }),
  z.object({ o: z.literal('undelete'), ids }),
  z.object({ o: z.literal('edit'), id: z.string().min(1), set: editsSchema, unset: z.array(z.enum(EDITABLE_FIELDS)) }),
  z.object({ o: z.literal('merge'), keep: z.string().min(1), other: z.string().min(1) }),
  z.object({ o: z.literal('unmerge'), other: z.string().min(1) }),
  z.object({ o: z.literal('not-duplicate'), a: z.string().min(1), b: z.string().min(1), value: z.boolean() }),
  z.object({ o: z.literal('saved-searches'), list: z.array(savedSearch) }),
  z.object({ o: z.literal('tags'), tags: z.array(tagDefinition) }),
]);
export type SyncedOp = z.infer<typeof syncedOpSchema>;
export type SyncedOpKind = SyncedOp['o'];

/**
 * One line of a device's journal: one user action. `hlc` orders it (its ops apply in list order, so an op's own
 * position is `hlc` + index); `seen` is what the device had folded in from other devices when it acted (its own
 * earlier entries are implied), which is what makes a tag removal remove only the adds it saw, and tells a note
 * overwritten knowingly from one overwritten by a concurrent edit.
 */
export interface StampedEntry {
  hlc: string;
  seen?: VersionVector;
  ops: SyncedOp[];
}

export const stampedEntrySchema = z.object({
  hlc: z.string().refine((s) => parseHlc(s) !== null, 'not a clock stamp'),
  seen: z.custom<VersionVector>(isVersionVector, 'not a version vector').optional(),
  ops: z.array(syncedOpSchema).min(1),
});

/** The pair key of a "not a duplicate" answer: the same whichever paper is named first. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}
