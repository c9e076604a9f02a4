// Upgrading older library files. Each step takes a document of version `from` to `from + 1`; opening a file
// runs every step from its version up to the current one (LIBRARY_SCHEMA_VERSION for library.json,
// USER_SCHEMA_VERSION for user.json). A newer version is refused (NewerSchemaError): an older Folio must never
// rewrite — and so silently drop — what a newer one stored.
//
// Version 0 (the prototype, before this store existed; it had no `schemaVersion` field) kept everything in a
// single library.json:
//   {
//     "profiles": [{ "id", "name", "category", "metrics", "paperIds", "importedAt" }],   // no metrics history
//     "papers":   [{ ...PaperRecord, "tags": "ml, to read", "note": "…", "read": true }], // user data inline;
//                                                                                       // tags one comma-separated string
//     "tagColors": { "ml": "#aabbcc" },
//     "imports":  [ImportRecord…]                                                        // optional
//   }
// Version 1 splits it: profiles/imports stay in library.json, papers move to papers/segment-*.json, user data
// moves to user.json. A migration can therefore hand back papers and user data besides the migrated document
// (`MigrationSpill`); the library writes those out (segment first, library.json last) before anything else.
//
// Version 2 (library.json only; user.json stays at 1) changes what library.json lists, not library.json itself:
// segments written from then on are split into papers/segment-NNNNNN.json (the records without `abstract`) and
// papers/segment-NNNNNN.abstracts.json (their abstracts, in the same order), so that opening parses ~25 % of the
// bytes and the abstracts load in the background (see segments.ts, abstracts.ts). Version-1 segments (abstracts
// inline) stay readable as they are, so the step 1 -> 2 rewrites no data: it only raises the version, which makes an
// older Folio refuse the folder instead of taking the abstract-less records for damaged files.
//
// Version 3 records where things came from, since Folio reads more than the one profile page: each import its
// `source` and the `options` it was read with; each profile its `affiliation`, `sources`, the latest metrics per
// source (`metricsBySource`) and, in its history, each snapshot's `source`. The step 2 -> 3 fills these in for what
// was stored before (all of it read from a profile page; the options were not kept, so none are known). Paper records
// gained identifiers, a venue, a year and their sources too, but segments are never rewritten: a record without them
// is read with defaults (segments.ts), and an import that improves it writes it whole in a new segment.
//
// Version 4 (issue 10) changes nothing in library.json either: user.journal gains field-level ops (tags-add, trash,
// edit, merge, ...) and user.json version 2 (a paper's trashedAt, deletedAt, edits; merges, notDuplicates,
// savedSearches). A version-3 Folio would skip those journal lines as damaged and compact them away, so the step
// 3 -> 4 only raises library.json's version, the file an older Folio reads (and refuses) first.
import { z } from 'zod';
import { NewerSchemaError } from './errors.js';
import { HEX_COLOR, USER_SCHEMA_VERSION, describeIssues, legacyPaperRecordSchema } from './schema.js';
import type { PaperRecord, TagDefinition, UserPaperData } from '../model.js';
import { withSourcedFields } from './segments.js';
import type { UserDoc } from './schema.js';

type JsonObject = Record<string, unknown>;

/** What a migration moved out of the document it migrated. */
export interface MigrationSpill {
  papers: PaperRecord[];
  user: UserDoc | null;
}

export interface Migration {
  from: number;
  description: string;
  migrate(doc: JsonObject, spill: MigrationSpill): JsonObject;
}

const metricsV0 = z.object({
  hIndex: z.number().nullable(),
  papers: z.number().nullable(),
  citations: z.number().nullable(),
  novelty: z.number().nullable(),
  aiScore: z.number().nullable(),
});

const libraryV0Schema = z.object({
  profiles: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string(),
      category: z.string().nullable(),
      metrics: metricsV0,
      paperIds: z.array(z.string()),
      importedAt: z.string(),
    }),
  ),
  papers: z.array(
    legacyPaperRecordSchema.extend({
      tags: z.string().optional(),
      note: z.string().optional(),
      read: z.boolean().optional(),
    }),
  ),
  tagColors: z.record(z.string(), z.string().regex(HEX_COLOR)).optional(),
  imports: z.array(z.unknown()).optional(),
});

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mapIfList(value: unknown, map: (item: unknown) => unknown): unknown {
  return Array.isArray(value) ? value.map(map) : value;
}

/** Colours given to v0 tags that had none (v0 only stored colours the user picked). */
const V0_DEFAULT_COLOR = '#8a8f98';

export const LIBRARY_MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    description: 'split the single-file prototype library.json into library.json, paper segments and user.json',
    migrate(doc, spill) {
      const parsed = libraryV0Schema.safeParse(doc);
      if (!parsed.success) throw new Error(`not a valid version-0 library: ${describeIssues(parsed.error)}`);
      const v0 = parsed.data;
      const userPapers: Record<string, UserPaperData> = {};
      const tags: TagDefinition[] = [];
      const tagByFolded = new Map<string, TagDefinition>();
      const defineTag = (name: string, color: string): TagDefinition => {
        const existing = tagByFolded.get(name.toLowerCase());
        if (existing) return existing;
        const def = { name, color };
        tagByFolded.set(name.toLowerCase(), def);
        tags.push(def);
        return def;
      };
      for (const [name, color] of Object.entries(v0.tagColors ?? {})) {
        if (name.trim() !== '') defineTag(name.trim(), color.toLowerCase());
      }
      for (const paper of v0.papers) {
        const { tags: tagText, note, read, ...record } = paper;
        spill.papers.push(withSourcedFields([record as PaperRecord])[0] as PaperRecord);
        const paperTags: string[] = [];
        for (const raw of (tagText ?? '').split(',')) {
          const name = raw.trim();
          if (name === '') continue;
          const def = defineTag(name, V0_DEFAULT_COLOR);
          if (!paperTags.includes(def.name)) paperTags.push(def.name);
        }
        const data: UserPaperData = { tags: paperTags, note: note ?? '', status: read ? 'read' : 'unread' };
        if (data.tags.length > 0 || data.note !== '' || data.status !== 'unread') userPapers[record.id] = data;
      }
      spill.user = { schemaVersion: USER_SCHEMA_VERSION, papers: userPapers, tags, merges: {}, notDuplicates: [], savedSearches: [], removedProfiles: {} };
      return {
        schemaVersion: 1,
        profiles: v0.profiles.map(({ importedAt, ...profile }) => ({
          ...profile,
          history: [{ at: importedAt, metrics: profile.metrics }],
          firstImportedAt: importedAt,
          lastImportedAt: importedAt,
        })),
        imports: v0.imports ?? [],
        segments: [],
      };
    },
  },
  {
    from: 1,
    description: 'segments may be split into records and abstracts files (version-1 segments stay as they are)',
    migrate(doc) {
      return { ...doc, schemaVersion: 2 };
    },
  },
  {
    from: 2,
    description: 'imports and profiles say which source they came from (all from a profile page until now)',
    migrate(doc) {
      // Only what has the version-2 shape is filled in; anything else is left for the version-3 schema to refuse
      // (and the file is then treated as damaged), worded as for any damaged library.json.
      const fromProfilePage = (item: unknown): unknown => (isObject(item) ? { ...item, source: 'profile-page' } : item);
      return {
        ...doc,
        schemaVersion: 3,
        profiles: mapIfList(doc.profiles, (profile) =>
          isObject(profile)
            ? {
                ...profile,
                affiliation: null,
                metricsBySource: { 'profile-page': profile.metrics },
                sources: ['profile-page'],
                history: mapIfList(profile.history, fromProfilePage),
              }
            : profile,
        ),
        imports: mapIfList(doc.imports, (record) => (isObject(record) ? { ...record, source: 'profile-page', options: {} } : record)),
      };
    },
  },
  {
    from: 3,
    description: 'user data gains the Trash, edits, merges and saved searches (a gate: library.json itself is unchanged)',
    migrate(doc) {
      return { ...doc, schemaVersion: 4 };
    },
  },
];

/**
 * Version 1 had no tag keys: keys 1–9 toggled the first nine tags of the definitions list (creation order, as the
 * sidebar showed them). Version 2 assigns keys explicitly; its upgrade gives those nine tags the keys they had, so an
 * upgrade changes nothing under the user's fingers, and from then on keys move only when the user moves them.
 */
function withTheirOldKeys(tags: unknown): unknown {
  if (!Array.isArray(tags) || tags.some((tag) => typeof tag !== 'object' || tag === null || 'key' in tag)) return tags; // the check words anything odd
  return tags.map((tag: object, index) => (index < 9 ? { ...tag, key: index + 1 } : tag));
}

/** user.json first appeared in version 1; version 2 adds library-wide lists (empty until used) and optional paper fields. */
export const USER_MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    description: 'merges, "not a duplicate" pairs, saved searches and removed profiles (none yet); keys 1–9 for the first nine tags',
    migrate(doc) {
      return { merges: {}, notDuplicates: [], savedSearches: [], removedProfiles: {}, ...doc, ...('tags' in doc ? { tags: withTheirOldKeys(doc.tags) } : {}), schemaVersion: 2 };
    },
  },
];

export function versionOf(doc: unknown): number {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error('expected a JSON object');
  const version = (doc as JsonObject).schemaVersion;
  if (version === undefined) return 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new Error(`schemaVersion ${JSON.stringify(version)} is not a version number`);
  }
  return version;
}

/**
 * Brings `doc` up to `current`. Returns the document and the version it had. Throws NewerSchemaError for a
 * version this code does not know (the file is left untouched), a plain Error when a step cannot read the doc.
 */
export function migrate(
  doc: unknown,
  migrations: readonly Migration[],
  current: number,
  label: string,
  spill: MigrationSpill,
): { doc: unknown; fromVersion: number } {
  const fromVersion = versionOf(doc);
  if (fromVersion > current) {
    throw new NewerSchemaError(
      `${label} was written by a newer Folio (format version ${fromVersion}; this one reads up to ${current}). ` +
        'Update Folio to open this library; nothing was changed.',
    );
  }
  let upgraded = doc as JsonObject;
  for (let version = fromVersion; version < current; version++) {
    const step = migrations.find((m) => m.from === version);
    if (!step) throw new Error(`no upgrade from format version ${version}`);
    upgraded = step.migrate(upgraded, spill);
  }
  return { doc: upgraded, fromVersion };
}
