// Runtime validation of contract calls. Main runs every IPC payload through here before it touches the
// library (a compromised or buggy renderer must not be able to write garbage), and the browser test
// bridge uses the same path so the e2e suite exercises it too.
import { z } from 'zod';
import { FOLIO_METHODS, MAX_IMPORT_CHARS, type FolioApi, type FolioMethod } from './api.js';
import { EDITABLE_FIELDS, READING_STATUSES, TAG_KEYS } from './model.js';
import { SOURCE_IDS } from './parse/sources/types.js';
import { EXPORT_FORMAT_IDS } from './export/formats.js';
import { SORT_DIRECTIONS, SORT_KEYS } from './sort-keys.js';

const MAX_NOTE_CHARS = 2_000_000;
const paperId = z.string().min(1).max(64);
const tagName = z.string().trim().min(1).max(100);
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #3a7bd5');
const status = z.enum(READING_STATUSES);
const paste = z.string().max(MAX_IMPORT_CHARS);
const jobId = z.string().min(1).max(100);
/** A selection or a list of ids may name every paper of a large library, and no more. */
const MAX_IDS = 500_000;
const paperIds = z.array(paperId).max(MAX_IDS);
const importOptions = z
  .object({
    profileName: z.string().max(200).optional(),
    source: z.enum(SOURCE_IDS).optional(),
    fileName: z.string().max(1000).optional(),
    jobId: jobId.optional(),
    previewLimit: z.number().int().min(0).optional(),
    restoreFromTrash: paperIds.optional(),
  })
  .strict();

const search = z.string().max(2000);
const viewScope = z
  .object({
    status: status.optional(),
    profileId: z.string().max(64).optional(),
    tag: z.string().max(100).optional(),
    trash: z.boolean().optional(),
  })
  .strict();

const selection = z.union([
  z.object({ search, scope: viewScope.optional(), all: z.literal(true), except: paperIds }).strict(),
  z.object({ ids: paperIds }).strict(),
]);

const exportFormat = z.enum(EXPORT_FORMAT_IDS);
const savedSearchId = z.string().min(1).max(64);
const savedSearchName = z.string().trim().min(1).max(100);
const tagKey = z.literal(TAG_KEYS);

const shortText = z.string().max(2000);
const editedValues = z
  .object({
    title: z.string().max(2000).optional(),
    authors: z.array(z.string().max(500)).max(5000).optional(),
    date: z.string().max(10).optional(),
    category: z.string().max(100).nullable().optional(),
    venue: shortText.nullable().optional(),
    doi: z.string().max(300).nullable().optional(),
    url: shortText.nullable().optional(),
    abstract: z.string().max(200_000).optional(),
  })
  .strict();
const paperEdit = z.object({ set: editedValues.optional(), unset: z.array(z.enum(EDITABLE_FIELDS)).max(EDITABLE_FIELDS.length).optional() }).strict();
const manualPaper = z
  .object({
    title: z.string().max(2000),
    authors: z.array(z.string().max(500)).max(5000).optional(),
    date: z.string().max(10).optional(),
    category: z.string().max(100).optional(),
    venue: shortText.optional(),
    doi: z.string().max(300).optional(),
    url: shortText.optional(),
    abstract: z.string().max(200_000).optional(),
  })
  .strict();

const viewQuery = z
  .object({
    search,
    scope: viewScope.optional(),
    sort: z.enum(SORT_KEYS).optional(),
    direction: z.enum(SORT_DIRECTIONS).optional(),
    offset: z.number().int().min(0),
    limit: z.number().int().min(0).max(1000),
  })
  .strict();

const tagDeletion = z
  .object({
    tag: z.object({ name: tagName, color: hexColor, key: tagKey.optional() }).strict(),
    paperIds: z.array(paperId).max(1_000_000),
  })
  .strict();

/** One tuple schema per method: the exact positional arguments it accepts. */
export const ARGUMENT_SCHEMAS = {
  previewImport: z.union([z.tuple([paste]), z.tuple([paste, importOptions])]),
  commitImport: z.union([z.tuple([paste]), z.tuple([paste, importOptions])]),
  cancelImport: z.tuple([jobId]),
  overview: z.tuple([]),
  query: z.tuple([viewQuery]),
  paper: z.union([z.tuple([paperId]), z.tuple([paperId, z.string().max(2000).optional()])]),
  profile: z.tuple([z.string().min(1).max(64)]),
  setTags: z.tuple([paperId, z.array(tagName).max(500)]),
  setNote: z.tuple([paperId, z.string().max(MAX_NOTE_CHARS)]),
  setStatus: z.tuple([paperId, status]),
  setTagColor: z.tuple([tagName, hexColor]),
  renameTag: z.tuple([tagName, tagName, z.object({ merge: z.boolean().optional() }).strict().optional()]),
  deleteTag: z.tuple([tagName]),
  restoreTag: z.tuple([tagDeletion]),
  assignTagKey: z.tuple([tagName, tagKey.nullable()]),
  exportLibrary: z.tuple([exportFormat]),
  exportSelection: z.tuple([selection, exportFormat]),
  countSelection: z.tuple([selection]),
  tagSelection: z.tuple([selection, z.object({ add: z.array(tagName).max(500).optional(), remove: z.array(tagName).max(500).optional() }).strict()]),
  setStatusOfSelection: z.tuple([selection, status]),
  trashSelection: z.tuple([selection]),
  restoreSelection: z.tuple([selection]),
  emptyTrash: z.tuple([z.object({ confirm: z.boolean() }).strict()]),
  removeProfile: z.tuple([z.string().min(1).max(64)]),
  editPaper: z.tuple([paperId, paperEdit]),
  addPaper: z.tuple([manualPaper]),
  mergePapers: z.tuple([paperId, paperId]),
  notDuplicate: z.tuple([paperId, paperId]),
  duplicates: z.union([z.tuple([]), z.tuple([z.object({ limit: z.number().int().min(0).max(100_000).optional() }).strict()])]),
  saveSearch: z.tuple([z.object({ name: savedSearchName, search, scope: viewScope.optional() }).strict()]),
  renameSavedSearch: z.tuple([savedSearchId, savedSearchName]),
  deleteSavedSearch: z.tuple([savedSearchId]),
  savedSearchCounts: z.tuple([]),
  undo: z.tuple([]),
  redo: z.tuple([]),
  undoState: z.tuple([]),
  planReparse: z.tuple([]),
  commitReparse: z.tuple([]),
  sampleProfile: z.tuple([]),
  saveStatus: z.tuple([]),
  retryUnsaved: z.tuple([]),
} satisfies Record<FolioMethod, z.ZodType<unknown[]>>;

export class InvalidCallError extends Error {
  override name = 'InvalidCallError';
}

export function isFolioMethod(value: unknown): value is FolioMethod {
  return typeof value === 'string' && (FOLIO_METHODS as readonly string[]).includes(value);
}

/** Validates `args` for `method` and calls it on `api`. Throws InvalidCallError with a readable reason. */
export function dispatchFolioCall(api: Omit<FolioApi, 'onChanged'>, method: unknown, args: unknown): Promise<unknown> {
  if (!isFolioMethod(method)) throw new InvalidCallError(`Unknown Folio method ${JSON.stringify(method)}.`);
  const parsed = ARGUMENT_SCHEMAS[method].safeParse(args);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('; ');
    throw new InvalidCallError(`Invalid arguments for ${method}: ${reason}`);
  }
  const fn = api[method] as (...callArgs: unknown[]) => Promise<unknown>;
  return fn.apply(api, parsed.data as unknown[]);
}
