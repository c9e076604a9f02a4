// On-disk shapes of a library folder, checked with zod when read. Types here are the *stored* documents;
// the public record types come from ../model.ts and the schemas are kept assignable to them.
import { z } from 'zod';
import { PROVENANCE_FIELDS, READING_STATUSES, TAG_KEYS } from '../model.js';
import type { ImportRecord, PaperRecord, ProfileRecord, SavedSearch, TagDefinition, UserPaperData } from '../model.js';
import { SOURCE_IDS, type SourceResult } from '../parse/sources/types.js';

/**
 * Format version of library.json written by this code; it also versions the papers/ files library.json lists.
 * Version 2 writes segments split into a records file and an abstracts file (see segments.ts); version 3 adds where
 * things came from: an import's source and options, a profile's metrics per source, and (in segments written from
 * then on) a paper's identifiers, venue, year and sources. An older Folio must refuse such a folder, and it does: it
 * reads library.json first and refuses a newer version before touching any segment. Version 4 changes nothing in
 * library.json: it is the gate for user.journal's field-level ops and user.json version 2, which a version-3 Folio
 * would skip as damaged lines and then compact away. See migrations.ts.
 */
export const LIBRARY_SCHEMA_VERSION = 4;
/**
 * Format version of user.json. Version 2 (with library version 4) adds a paper's Trash and deletion dates and field
 * edits, and the library-wide merges, "not a duplicate" pairs and saved searches.
 */
export const USER_SCHEMA_VERSION = 2;

export const SEGMENT_NAME = /^segment-(\d{6,})\.json$/;
export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
/** A stored date: ISO at any precision ("2024-07-31", "2024-07", "2024"), or "" when unknown. */
export const STORED_DATE = /^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/;

const sourceId = z.enum(SOURCE_IDS);
const count = z.number().nullable();

/** The five metrics every profile has, and whatever else a source adds (Google Scholar's i10Index, …). */
const metricsSchema = z
  .object({ hIndex: count, papers: count, citations: count, novelty: count, aiScore: count })
  .catchall(count);
/** The five metrics alone: a profile's `metrics` (the latest import's, as versions 1 and 2 stored them). */
const profileMetricsSchema = z.object({ hIndex: count, papers: count, citations: count, novelty: count, aiScore: count });

const sourcePaperSchema = z.object({
  title: z.string(),
  authors: z.array(z.string()),
  authorsTruncated: z.boolean(),
  date: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD').nullable(),
  year: z.number().int().nullable(),
  category: z.string().nullable(),
  orgs: z.array(z.string()),
  abstract: z.string().nullable(),
  venue: z.string().nullable(),
  doi: z.string().nullable(),
  arxivId: z.string().nullable(),
  url: z.string().nullable(),
});

/** What the store's planner accepts: a SourceResult (parse/sources/types.ts); a restore payload is not read here. */
export const sourceResultSchema = z.object({
  source: sourceId,
  profile: z
    .object({
      name: z.string(),
      category: z.string().nullable(),
      affiliation: z.string().nullable(),
      metrics: metricsSchema,
      nameDoubt: z.string().optional(),
    })
    .nullable(),
  papers: z.array(sourcePaperSchema),
  warnings: z.array(z.string()),
});

/** The fields every stored record has, in every version. */
const legacyRecordShape = {
  id: z.string().min(1),
  key: z.string().min(1),
  addedAt: z.string(),
  category: z.string().nullable(),
  date: z.string().regex(STORED_DATE, 'date must be YYYY, YYYY-MM, YYYY-MM-DD or ""'),
  title: z.string(),
  authors: z.array(z.string()),
  authorsTruncated: z.boolean(),
  orgs: z.array(z.string()),
  abstract: z.string(),
};

const fieldSourcesSchema = z.object(Object.fromEntries(PROVENANCE_FIELDS.map((field) => [field, sourceId.optional()]))).strict();

/**
 * What version 3 adds to a record (segments written before it lack these; load.ts reads them with defaults). `citeKey`
 * came later in the same version (format 3 had not been released), so a version-3 record may lack it.
 */
const sourcedRecordShape = {
  titleCut: z.literal(true).optional(),
  year: z.number().int().nullable(),
  venue: z.string().nullable(),
  doi: z.string().nullable(),
  arxivId: z.string().nullable(),
  url: z.string().nullable(),
  sources: z.array(sourceId).min(1),
  fieldSources: fieldSourcesSchema,
  citeKey: z.string().min(1).optional(),
};

/** A record as versions 0 to 2 stored it: no identifiers, no sources (all came from the profile page). */
export const legacyPaperRecordSchema = z.object(legacyRecordShape);
export const paperRecordSchema = z.object({ ...legacyRecordShape, ...sourcedRecordShape });
/** A record as any version stored it. */
const anyPaperRecordSchema = z.union([paperRecordSchema, legacyPaperRecordSchema]);

/** papers/segment-NNNNNN.json as version 1 wrote it (and any segment migrated from version 0): abstracts inline. */
export const segmentSchema = z.array(anyPaperRecordSchema);

/** A record of a split segment (versions 2 and 3): every field but `abstract`, which is in the abstracts file. */
export const splitRecordSchema = z.union([
  paperRecordSchema.omit({ abstract: true }).strict(),
  legacyPaperRecordSchema.omit({ abstract: true }).strict(),
]);
/** papers/segment-NNNNNN.json as version 2 writes it: the records without their abstracts. */
export const splitSegmentSchema = z.array(splitRecordSchema);
/** papers/segment-NNNNNN.abstracts.json: the abstracts of a split segment's records, in the same order. */
export const abstractsSchema = z.array(z.string());

const profileRecordSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  category: z.string().nullable(),
  affiliation: z.string().nullable(),
  metrics: profileMetricsSchema,
  metricsBySource: z.partialRecord(sourceId, metricsSchema),
  sources: z.array(sourceId),
  history: z.array(z.object({ at: z.string(), source: sourceId, metrics: metricsSchema })),
  paperIds: z.array(z.string()),
  firstImportedAt: z.string(),
  lastImportedAt: z.string(),
});

export const storedImportOptionsSchema = z
  .object({ profileName: z.string().optional(), source: sourceId.optional(), fileName: z.string().optional() })
  .strict();

const importRecordSchema = z.object({
  id: z.string().min(1),
  at: z.string(),
  source: sourceId,
  parserVersion: z.number(),
  profileId: z.string().nullable(),
  options: storedImportOptionsSchema,
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  chars: z.number(),
  papersFound: z.number(),
  papersAdded: z.number(),
});

/** A library's id (library.json `libraryId`, local-state.ts): a folder name under <state>/libraries/. */
export const LIBRARY_ID_PATTERN = '[A-Za-z0-9_-]{8,64}';

export const libraryDocSchema = z.object({
  schemaVersion: z.literal(LIBRARY_SCHEMA_VERSION),
  // A malformed id is dropped, not damage: the id is only a key for local state, and a new one is derived.
  libraryId: z.string().regex(new RegExp(`^${LIBRARY_ID_PATTERN}$`)).optional().catch(undefined),
  profiles: z.array(profileRecordSchema),
  imports: z.array(importRecordSchema),
  segments: z.array(z.string().regex(SEGMENT_NAME)),
});

const editsSchema = z
  .object({
    title: z.string(),
    authors: z.array(z.string()),
    date: z.string().regex(STORED_DATE),
    category: z.string().nullable(),
    venue: z.string().nullable(),
    doi: z.string().nullable(),
    url: z.string().nullable(),
    abstract: z.string(),
  })
  .partial()
  .strict();

const userPaperSchema = z.object({
  tags: z.array(z.string()),
  note: z.string(),
  status: z.enum(READING_STATUSES),
  trashedAt: z.string().optional(),
  deletedAt: z.string().optional(),
  edits: editsSchema.optional(),
});

const tagDefinitionSchema = z.object({ name: z.string().min(1), color: z.string().regex(HEX_COLOR), key: z.literal(TAG_KEYS).optional() });

const savedSearchSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  search: z.string(),
  scope: z.object({
    status: z.enum(READING_STATUSES).optional(),
    profileId: z.string().optional(),
    tag: z.string().optional(),
    trash: z.boolean().optional(),
  }),
});

export const userDocSchema = z.object({
  schemaVersion: z.literal(USER_SCHEMA_VERSION),
  papers: z.record(z.string(), userPaperSchema),
  tags: z.array(tagDefinitionSchema),
  /** A merged paper's id → the id of the paper it was merged into. */
  merges: z.record(z.string(), z.string()),
  /** pairKey(a, b) of pairs the user said are not duplicates. */
  notDuplicates: z.array(z.string()),
  savedSearches: z.array(savedSearchSchema),
  /** A removed profile's id → when it was removed (an import of it after that shows it again). */
  removedProfiles: z.record(z.string(), z.string()),
});

const ids = z.array(z.string().min(1)).min(1);
const editableField = z.enum(['title', 'authors', 'date', 'category', 'venue', 'doi', 'url', 'abstract']);

/**
 * One line of user.journal: one action, as operations that each set a value or add/remove set members, so that
 * replaying a line twice (e.g. after a crash between writing user.json and truncating the journal) gives the same
 * state. `paper` (a paper's whole user data) is what versions before 4 wrote: still replayed, no longer written.
 */
export const journalOpSchema = z.discriminatedUnion('o', [
  z.object({ o: z.literal('paper'), id: z.string().min(1), data: userPaperSchema }),
  z.object({ o: z.literal('tags'), tags: z.array(tagDefinitionSchema) }),
  z.object({ o: z.literal('tags-add'), ids, tag: z.string().min(1) }),
  z.object({ o: z.literal('tags-remove'), ids, tag: z.string().min(1) }),
  /** Each paper's `from` becomes `to` in place (removed when it has `to` already): a rename keeps a tag's position. */
  z.object({ o: z.literal('tags-rename'), ids, from: z.string().min(1), to: z.string().min(1) }),
  z.object({ o: z.literal('status'), ids, status: z.enum(READING_STATUSES) }),
  z.object({ o: z.literal('note'), id: z.string().min(1), text: z.string() }),
  z.object({ o: z.literal('trash'), ids, at: z.string() }),
  z.object({ o: z.literal('untrash'), ids }),
  z.object({ o: z.literal('delete'), ids, at: z.string() }),
  z.object({ o: z.literal('undelete'), ids }),
  z.object({ o: z.literal('edit'), id: z.string().min(1), set: editsSchema, unset: z.array(editableField) }),
  z.object({ o: z.literal('merge'), keep: z.string().min(1), other: z.string().min(1) }),
  z.object({ o: z.literal('unmerge'), other: z.string().min(1) }),
  z.object({ o: z.literal('not-duplicate'), a: z.string().min(1), b: z.string().min(1), value: z.boolean() }),
  z.object({ o: z.literal('saved-searches'), list: z.array(savedSearchSchema) }),
  z.object({ o: z.literal('profile-removed'), id: z.string().min(1), at: z.string().nullable() }),
]);
export const journalEntrySchema = z.object({ at: z.string(), ops: z.array(journalOpSchema).min(1) });

export interface LibraryDoc {
  schemaVersion: number;
  /** Names the library's local folder (lock, backups, index; local-state.ts). Written once; moves with the folder. */
  libraryId?: string | undefined;
  profiles: ProfileRecord[];
  imports: ImportRecord[];
  /** Segment file names under papers/, oldest first; later ones win per paper id. */
  segments: string[];
}

export interface UserDoc {
  schemaVersion: number;
  papers: Record<string, UserPaperData>;
  tags: TagDefinition[];
  merges: Record<string, string>;
  notDuplicates: string[];
  savedSearches: SavedSearch[];
  removedProfiles: Record<string, string>;
}

export type JournalOp = z.infer<typeof journalOpSchema>;
export interface JournalEntry {
  at: string;
  ops: JournalOp[];
}

// Compile-time checks that what zod accepts is what the rest of the code believes it holds.
type Assert<T extends true> = T;
type Is<A, B> = [A] extends [B] ? true : false;
export type SchemaChecks = [
  Assert<Is<z.infer<typeof paperRecordSchema>, PaperRecord>>,
  Assert<Is<z.infer<typeof sourceResultSchema>, SourceResult>>,
  Assert<Is<z.infer<typeof libraryDocSchema>, LibraryDoc>>,
  Assert<Is<z.infer<typeof userDocSchema>, UserDoc>>,
  Assert<Is<z.infer<typeof journalEntrySchema>, JournalEntry>>,
];

export function emptyLibraryDoc(): LibraryDoc {
  return { schemaVersion: LIBRARY_SCHEMA_VERSION, profiles: [], imports: [], segments: [] };
}

export function emptyUserDoc(): UserDoc {
  return { schemaVersion: USER_SCHEMA_VERSION, papers: {}, tags: [], merges: {}, notDuplicates: [], savedSearches: [], removedProfiles: {} };
}

/** "papers.3.title: expected string" — the first few zod issues, on one line. */
export function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : '';
  return parts.join('; ') + more;
}
