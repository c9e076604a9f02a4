// `folio …`: the command line over the same core the app uses. Results go to stdout and nothing else does;
// failures are one line on stderr, and so is each of the library's problems (a file restored from a backup, papers
// lost, ...), whatever the exit code. Exit codes: 0 ok, 1 bad input, an unusable library folder or a change the disk
// refused ("Not saved: …"; the library is left as it was), 2 usage (including an empty --library).
import { constants as fsConstants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { PaperEdit, ReparsePlan } from './core/api.js';
import { EXPORT_FORMAT_IDS, isExportFormat } from './core/export/formats.js';
import { defaultCacheDir } from './core/index-cache.js';
import { defaultLibraryDir } from './core/library-location.js';
import { FolioCore } from './core/folio.js';
import { NotSavedError, asNotSaved, errorCode, errorMessage, errorStack } from './core/library/errors.js';
import { isReadingStatus, type EditableField, type ReadingStatus } from './core/model.js';
import { toContract } from './core/parse/sources/contract.js';
import { UnreadableTextError, isSourceId, parseText, sourceLabel } from './core/parse/sources/registry.js';
import { NotThisSourceError, SOURCE_IDS, type SourceId } from './core/parse/sources/types.js';
import { singleLine } from './core/text.js';
import { defaultStateDir, knownDeviceIdentity } from './core/library/local-state.js';
import { syncStatus } from './core/library/sync-status.js';

/**
 * The commands, as the usage text lists them. The packaged app runs the CLI when its first argument is one of these
 * (electron/main/cli-mode.ts), so that the `folio` a package puts on the PATH is both the app and the command line.
 */
export const CLI_COMMANDS = [
  'parse',
  'import',
  'list',
  'profiles',
  'search',
  'tag',
  'note',
  'status',
  'edit',
  'trash',
  'restore',
  'merge',
  'not-duplicate',
  'duplicates',
  'saved',
  'export',
  'reparse',
  'devices',
  'sync-status',
] as const;

export const USAGE = `Usage: folio <command> [options]

Commands:
  parse <file|-> [--source ID]            Read a pasted page or a file; print what it holds as JSON
  import <file|-> [--source ID] [--name NAME] [--json]
                                          Merge it into the library (--name: the researcher's name, when
                                          the page's is wrong)
  list [--json] [--trashed]               List all papers (--trashed: the papers in the Trash instead)
  profiles [--json]                       List imported profiles
  search <query> [--json] [--trashed]     Search (fuzzy text plus tag: author: year: cat: status: profile:
                                          saved:NAME; a OR b; -word and -tag:x exclude)
  tag add|remove <paperId> <tag>          Add or remove a tag
  note set <paperId> <text|->             Replace a paper's Markdown note
  status <paperId> <unread|reading|read>  Set the reading status
  edit <paperId> [--title T] [--authors "A; B"] [--date D] [--category C] [--venue V] [--doi D] [--url U]
       [--abstract A]                     Correct a paper's fields (an empty value reverts that field)
  trash <paperId…>                        Move papers to the Trash
  trash --empty --yes                     Empty the Trash (its papers are removed for good)
  restore <paperId…>                      Bring papers back from the Trash
  merge <keepId> <otherId>                Merge a duplicate into the paper kept (user data combined)
  not-duplicate <paperId> <paperId>       Never propose these two as duplicates again
  duplicates [--json]                     List possible duplicates
  saved add <name> <query>                Save a search (use it as saved:NAME)
  saved rename <name> <newName>           Rename a saved search
  saved delete <name>                     Delete a saved search
  saved list [--json]                     List saved searches with their counts
  export [--format ${EXPORT_FORMAT_IDS.join('|')}]
  reparse [--dry-run] [--json]            Re-read stored imports whose parser has improved since (--dry-run:
                                          show what would change, write nothing)
  devices [--json]                        The devices that wrote to this library, when each was last seen
  sync-status [--json]                    Files still arriving from other devices

Options:
  --source ID     Read the text as this source instead of detecting it: ${SOURCE_IDS.join(', ')}
  --library DIR   Library folder (default: $FOLIO_LIBRARY, else the app's own library)
                  The search index is cached in $FOLIO_CACHE_DIR (default: the platform's cache folder)
                  The lock, backups and this computer's device id are kept in $FOLIO_STATE_DIR (default:
                  the app's data folder); $FOLIO_DEVICE_ID overrides the device id
  --json          Machine-readable output
  --trashed       list and search: the papers in the Trash (hidden otherwise)
  -h, --help      Show this help`;

/** Bad command line: exit code 2. `showUsage`: whether the usage text helps with this mistake. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = true,
  ) {
    super(message);
  }
}
/** Bad input (not a profile, unknown id, locked library…): exit code 1. */
class InputError extends Error {}

export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  let args: ReturnType<typeof parseCommandLine>;
  try {
    args = parseCommandLine(argv);
  } catch (error) {
    io.stderr(`folio: ${errorMessage(error)}\n${USAGE}\n`);
    return 2;
  }
  if (args.values.help || args.positionals.length === 0) {
    (args.values.help ? io.stdout : io.stderr)(`${USAGE}\n`);
    return args.values.help ? 0 : 2;
  }
  try {
    await runCommand(args, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`folio: ${error.message}\n${error.showUsage ? `${USAGE}\n` : ''}`);
      return 2;
    }
    if (error instanceof NotSavedError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    // Bad input, or the disk failing a read: one line, never a stack trace.
    if (isInputError(error) || errorCode(error) !== undefined) {
      io.stderr(`folio: ${errorMessage(error)}\n`);
      return 1;
    }
    io.stderr(`folio: unexpected error: ${errorStack(error)}\n`);
    return 1;
  }
}

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  env: NodeJS.ProcessEnv;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  env: process.env,
};

function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      library: { type: 'string' },
      json: { type: 'boolean', default: false },
      format: { type: 'string', default: 'json' },
      name: { type: 'string' },
      source: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      trashed: { type: 'boolean', default: false },
      empty: { type: 'boolean', default: false },
      yes: { type: 'boolean', default: false },
      title: { type: 'string' },
      authors: { type: 'string' },
      date: { type: 'string' },
      category: { type: 'string' },
      venue: { type: 'string' },
      doi: { type: 'string' },
      url: { type: 'string' },
      abstract: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

type CommandLine = ReturnType<typeof parseCommandLine>;

async function runCommand({ positionals, values }: CommandLine, io: CliIo): Promise<void> {
  const [command, ...rest] = positionals;
  if (values.library === '') throw new UsageError('--library needs a folder (it was empty).', false);
  const libraryDir = path.resolve(values.library ?? defaultLibraryDir(process.platform, io.env));
  // The search index cache is shared with the app, so `folio search` reuses the index the app wrote.
  const cacheDir = defaultCacheDir({ platform: process.platform, env: io.env, home: os.homedir() });
  const print = (value: unknown) => io.stdout(`${JSON.stringify(value, null, 2)}\n`);

  switch (command) {
    case 'parse': {
      const source = sourceOption(values.source);
      const { text } = await readSource(expectArgs(rest, 1, 'parse <file|-> [--source ID]')[0], io);
      try {
        print(toContract(parseText(text, source)));
      } catch (error) {
        if (error instanceof NotThisSourceError || error instanceof UnreadableTextError) throw new InputError(error.message);
        throw error;
      }
      return;
    }
    case 'import': {
      const source = sourceOption(values.source);
      const { text, fileName } = await readSource(expectArgs(rest, 1, 'import <file|-> [--source ID] [--name NAME]')[0], io);
      await withCore({ dir: libraryDir, cacheDir }, 'create', io, async (core) => {
        const result = await core.commitImport(text, {
          ...(values.name === undefined ? {} : { profileName: values.name }),
          ...(source === undefined ? {} : { source }),
          ...(fileName === undefined ? {} : { fileName }),
        });
        if (!result.ok) throw new InputError(result.error);
        if (values.json) return print(result);
        if (result.restore !== undefined) {
          const r = result.restore;
          const kept = r.notesKept + r.statusesKept > 0 ? ` (kept ${plural(r.notesKept, 'different note')} and ${plural(r.statusesKept, 'different status', 'different statuses')})` : '';
          io.stdout(
            `Restored ${sourceLabel(result.source)}: ${plural(r.papersNew, 'new paper')}, ${r.papersMerged} merged; ` +
              `${plural(r.profilesNew, 'new profile')}, ${r.profilesMerged} merged; ${plural(r.tagsNew, 'new tag')}; ` +
              `user data for ${plural(r.userDataApplied, 'paper')}${kept}.\n`,
          );
          for (const warning of result.warnings) io.stdout(`warning: ${warning}\n`);
          return;
        }
        const verb = result.updated ? 'Updated' : 'Imported';
        io.stdout(
          `${verb} ${result.profileName ?? sourceLabel(result.source)}: ${result.added} new, ${result.present} already present` +
            `${result.metricsChanged ? ', metrics changed' : ''}.\n`,
        );
        for (const warning of result.warnings) io.stdout(`warning: ${warning}\n`);
      });
      return;
    }
    case 'list':
    case 'search': {
      if (command === 'list') expectArgs(rest, 0, 'list');
      const query = command === 'search' ? expectArgs(rest, 1, 'search <query>')[0] : '';
      await withCore({ dir: libraryDir, cacheDir }, 'read', io, async (core) => {
        const { papers, errors } = await core.listPapers(query, { trashed: values.trashed });
        if (errors.length) io.stderr(errors.map((e) => `folio: ${e}\n`).join(''));
        if (values.json) return print(papers);
        for (const paper of papers) {
          // Tags an older Folio stored with line breaks must not break the one-line-per-paper output.
          const tags = paper.tags.length ? `  [${paper.tags.map(singleLine).join(', ')}]` : '';
          io.stdout(`${paper.id}  ${paper.date}  ${paper.status.padEnd(7)}  ${paper.title}${tags}\n`);
        }
      });
      return;
    }
    case 'devices':
    case 'sync-status': {
      expectArgs(rest, 0, command);
      // Reads devices/ only: no lock, no open, nothing written (not even this computer's settings).
      const status = await syncStatus(libraryDir, await knownDeviceIdentity(defaultStateDir(process.platform, io.env), io.env));
      if (command === 'devices') {
        if (values.json) return print(status.devices);
        for (const d of status.devices) {
          io.stdout(`${d.id}${d.isThisDevice ? ' (this computer)' : ''}  ${d.name ?? '?'}  last seen ${d.lastSeen ?? 'never'}  ${plural(d.entries, 'edit')}\n`);
        }
        return;
      }
      if (values.json) return print({ waiting: status.waiting, message: status.message });
      io.stdout(`${status.message}\n`);
      return;
    }
    case 'profiles': {
      expectArgs(rest, 0, 'profiles');
      await withCore({ dir: libraryDir, cacheDir }, 'read', io, async (core) => {
        const { profiles } = await core.overview();
        if (values.json) return print(profiles);
        for (const p of profiles) {
          const m = p.metrics;
          io.stdout(`${p.id}  ${p.name}  ${p.paperCount} papers  h-index ${m.hIndex ?? '–'}  citations ${m.citations ?? '–'}\n`);
        }
      });
      return;
    }
    case 'tag': {
      const [action, paperId, tag] = expectArgs(rest, 3, 'tag add|remove <paperId> <tag>');
      if (action !== 'add' && action !== 'remove') throw new UsageError(`tag: expected "add" or "remove", got "${action}".`);
      await withCore({ dir: libraryDir, cacheDir }, 'write', io, async (core) => {
        const paper = await core.paper(paperId);
        const wanted = tag.trim().toLowerCase();
        const tags =
          action === 'add' ? [...paper.tags, tag] : paper.tags.filter((existing) => existing.toLowerCase() !== wanted);
        if (action === 'remove' && tags.length === paper.tags.length) {
          throw new InputError(`Paper ${paperId} has no tag "${tag}".`);
        }
        await core.setTags(paperId, tags);
      });
      return;
    }
    case 'note': {
      const [action, paperId, source] = expectArgs(rest, 3, 'note set <paperId> <text|->');
      if (action !== 'set') throw new UsageError(`note: expected "set", got "${action}".`);
      const text = source === '-' ? await io.readStdin() : source;
      await withCore({ dir: libraryDir, cacheDir }, 'write', io, async (core) => {
        await core.paper(paperId); // unknown id → clear error before anything is written
        await core.setNote(paperId, text);
      });
      return;
    }
    case 'status': {
      const [paperId, status] = expectArgs(rest, 2, 'status <paperId> <unread|reading|read>');
      if (!isReadingStatus(status)) throw new UsageError(`status: expected unread, reading or read, got "${status}".`);
      await withCore({ dir: libraryDir, cacheDir }, 'write', io, async (core) => {
        await core.paper(paperId);
        await core.setStatus(paperId, status as ReadingStatus);
      });
      return;
    }
    case 'export': {
      expectArgs(rest, 0, 'export');
      const format = values.format;
      if (!isExportFormat(format)) {
        throw new UsageError(`export: unknown format "${format}" (expected ${EXPORT_FORMAT_IDS.join(', ')}).`);
      }
      await withCore({ dir: libraryDir, cacheDir }, 'read', io, async (core) => io.stdout(await core.exportLibrary(format)));
      return;
    }
    case 'reparse': {
      expectArgs(rest, 0, 'reparse [--dry-run] [--json]');
      const dryRun = values['dry-run'];
      await withCore({ dir: libraryDir, cacheDir }, dryRun ? 'read' : 'write', io, async (core) => {
        if (dryRun) {
          const plan = await core.planReparse();
          return values.json ? print(plan) : io.stdout(describeReparsePlan(plan));
        }
        const result = await core.commitReparse();
        if (values.json) return print(result);
        io.stdout(
          result.reread === 0
            ? 'No stored import needs re-reading.\n'
            : `Re-read ${plural(result.reread, 'stored import')}: ${reparseCounts(result.added, result.correctedFields, result.correctedPapers, result.metricChanges)}.\n` +
                (result.failedImports > 0 ? `${plural(result.failedImports, 'import')} could not be read again (see reparse --dry-run).\n` : ''),
        );
      });
      return;
    }
    case 'trash': {
      if (values.empty) {
        expectArgs(rest, 0, 'trash --empty --yes');
        if (!values.yes) throw new InputError('trash --empty removes the papers in the Trash for good: add --yes to do it.');
        await withCore({ dir: libraryDir, cacheDir }, 'write', io, async (core) => io.stdout(`${(await core.emptyTrash({ confirm: true })).done}.\n`));
        return;
      }
      return bulkIds(rest, 'trash <paperId…>', (core, ids) => core.trashSelection({ ids }));
    }
    case 'restore':
      return bulkIds(rest, 'restore <paperId…>', (core, ids) => core.restoreSelection({ ids }));
    case 'merge': {
      const [keep, other] = expectArgs(rest, 2, 'merge <keepId> <otherId>');
      await withCore({ dir: libraryDir, cacheDir }, 'write', io, async (core) => {
        await core.mergePapers(keep, other);
        io.stdout(`Merged ${other} into ${keep}.\n`);
      });
      return;
    }
    case 'not-duplicate': {
      const [a, b] = expectArgs(rest, 2, 'not-duplicate <paperId> <paperId>');
      await withCore({ dir: libraryDir, cacheDir }, 'write', io, (core) => core.notDuplicate(a, b));
      return;
    }
    case 'duplicates': {
      expectArgs(rest, 0, 'duplicates');
      await withCore({ dir: libraryDir, cacheDir }, 'read', io, async (core) => {
        const found = await core.duplicates({ limit: 100_000 });
        if (values.json) return print(found);
        for (const pair of found.pairs) io.stdout(`${pair.a.id}  ${pair.b.id}  ${pair.reason}  ${singleLine(pair.detail)}\n`);
      });
      return;
    }
    case 'edit': {
      const [paperId] = expectArgs(rest, 1, 'edit <paperId> [--title T] [--authors "A; B"] …');
      const edit = paperEditFrom(values);
      if (Object.keys(edit.set ?? {}).length === 0 && (edit.unset ?? []).length === 0) throw new UsageError('edit: name a field to change (--title, --authors, …).');
      await withCore({ dir: libraryDir, cacheDir }, 'write', io, (core) => core.editPaper(paperId, edit));
      return;
    }
    case 'saved': {
      const [action = '', ...args] = rest;
      if (action === 'list') {
        expectArgs(args, 0, 'saved list');
        await withCore({ dir: libraryDir, cacheDir }, 'read', io, async (core) => {
          const { savedSearches } = await core.overview();
          const counts = await core.savedSearchCounts();
          const listed = savedSearches.map((saved) => ({ ...saved, count: counts[saved.id] ?? 0 }));
          if (values.json) return print(listed);
          for (const saved of listed) io.stdout(`${singleLine(saved.name)}  ${saved.count}  ${singleLine(saved.search)}\n`);
        });
        return;
      }
      const usage = { add: 'saved add <name> <query>', rename: 'saved rename <name> <newName>', delete: 'saved delete <name>' }[action];
      if (usage === undefined) throw new UsageError(`saved: expected add, rename, delete or list, got "${action}".`);
      const [name, second] = expectArgs(args, action === 'delete' ? 1 : 2, usage);
      await withCore({ dir: libraryDir, cacheDir }, 'write', io, async (core) => {
        if (action === 'add') return void (await core.saveSearch({ name, search: second }));
        const saved = (await core.overview()).savedSearches.find((s) => s.name.toLowerCase() === name.trim().toLowerCase());
        if (!saved) throw new InputError(`No saved search named "${name}".`);
        if (action === 'rename') await core.renameSavedSearch(saved.id, second);
        else await core.deleteSavedSearch(saved.id);
      });
      return;
    }
    default:
      throw new UsageError(`unknown command "${command}".`);
  }

  async function bulkIds(ids: string[], usage: string, work: (core: FolioCore, ids: string[]) => Promise<{ done: string }>): Promise<void> {
    if (ids.length === 0) throw new UsageError(`${usage}: name at least one paper.`);
    await withCore({ dir: libraryDir, cacheDir }, 'write', io, async (core) => io.stdout(`${(await work(core, ids)).done}.\n`));
  }
}

/** The fields `folio edit` corrects, as options; an empty value reverts that field to the imported one. */
const EDIT_OPTIONS = ['title', 'authors', 'date', 'category', 'venue', 'doi', 'url', 'abstract'] as const satisfies readonly EditableField[];

function paperEditFrom(values: Partial<Record<EditableField, string | boolean | undefined>>): PaperEdit {
  const set: Record<string, unknown> = {};
  const unset: EditableField[] = [];
  for (const field of EDIT_OPTIONS) {
    const value = values[field];
    if (typeof value !== 'string') continue;
    if (value.trim() === '') unset.push(field);
    else if (field === 'authors') set[field] = value.split(';').map((name) => name.trim()).filter(Boolean);
    else if (field === 'date') {
      if (!/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(value.trim())) throw new UsageError(`edit: --date must be YYYY, YYYY-MM or YYYY-MM-DD, got "${value}".`);
      set[field] = value.trim();
    } else set[field] = value;
  }
  return { set: set as PaperEdit['set'], unset };
}

function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

function reparseCounts(added: number, fields: number, papers: number, metrics: number): string {
  return `${plural(added, 'new paper')}, ${plural(fields, 'field')} corrected in ${plural(papers, 'paper')}, ${plural(metrics, 'metric')} corrected`;
}

/** `reparse --dry-run`: the counts, then per import what changes (one line per item, values quoted as JSON). */
function describeReparsePlan(plan: ReparsePlan): string {
  if (plan.staleImports === 0) return 'No stored import needs re-reading.\n';
  const lines = [
    `Would re-read ${plural(plan.staleImports, 'stored import')}: ${reparseCounts(plan.newPapers, plan.correctedFields, plan.correctedPapers, plan.metricChanges)}. Nothing was changed.`,
  ];
  for (const item of plan.imports) {
    lines.push(`${item.sourceLabel} ${JSON.stringify(singleLine(item.label))} (imported ${item.importedAt}, parser ${item.fromVersion} -> ${item.toVersion}):`);
    if (item.error !== null) lines.push(`  cannot be read again: ${singleLine(item.error)}`);
    for (const title of item.newPapers) lines.push(`  new paper: ${JSON.stringify(title)}`);
    for (const c of item.corrections) lines.push(`  ${JSON.stringify(c.title)}: ${c.field} ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`);
    for (const m of item.metricChanges) lines.push(`  ${JSON.stringify(m.profileName)}: ${m.metric} ${m.before ?? '-'} -> ${m.after ?? '-'}`);
    const hidden = item.newPaperCount - item.newPapers.length + item.correctionCount - item.corrections.length;
    if (hidden > 0) lines.push(`  …and ${hidden} more`);
  }
  return `${lines.join('\n')}\n`;
}

/** Checks the positional count; the tuple type lets callers destructure up to three arguments. */
function expectArgs(args: string[], count: number, usage: string): [string, string, string] {
  if (args.length !== count) throw new UsageError(`expected: folio ${usage}`);
  return args as [string, string, string];
}

/** --source's value, checked: an unknown source is a usage error. */
function sourceOption(value: string | undefined): SourceId | undefined {
  if (value === undefined) return undefined;
  if (!isSourceId(value)) throw new UsageError(`unknown --source "${value}" (expected ${SOURCE_IDS.join(', ')}).`, false);
  return value;
}

/** The text of a file (UTF-8, a byte-order mark dropped) and its name, or of stdin ("-", no name). */
async function readSource(source: string, io: CliIo): Promise<{ text: string; fileName?: string }> {
  if (source === '-') return { text: stripBom(await io.readStdin()) };
  try {
    return { text: stripBom(await readFile(source, 'utf8')), fileName: path.basename(source) };
  } catch (error) {
    throw new InputError(`cannot read ${source}: ${errorCode(error) ?? errorMessage(error)}`);
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Opens the library for `work`, then prints each of its problems as one stderr line. A folder that cannot be a
 * library is one clear line before anything is opened.
 * Repairs wait for the first write: a command refused before it writes leaves the folder byte-identical.
 */
async function withCore(
  where: { dir: string; cacheDir: string },
  use: LibraryUse,
  io: CliIo,
  work: (core: FolioCore) => Promise<void>,
): Promise<void> {
  await checkLibraryFolder(where.dir, use);
  const readOnly = use === 'read';
  try {
    const core = await FolioCore.open(where.dir, { readOnly, cacheDir: where.cacheDir, repairs: 'before-first-write' });
    try {
      await work(core);
    } finally {
      for (const problem of (await core.overview()).problems) io.stderr(`folio: ${problem.replace(/\s*\n\s*/g, ' ')}\n`);
      // Close never fails for best-effort work (backups, compaction): a change on disk exits 0.
      await core.close();
    }
  } catch (error) {
    // A command that writes and meets a disk error (opening included: the lock, a folder, a repair) saved nothing.
    throw readOnly ? error : asNotSaved(error, path.resolve(where.dir));
  }
}

/** What a command does with the library: only 'create' (import) makes one where there is none. */
type LibraryUse = 'read' | 'write' | 'create';

/** Throws InputError (one line) when `dir` cannot be opened as a library folder for `wanted`. */
async function checkLibraryFolder(dir: string, wanted: LibraryUse): Promise<void> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(dir)).isDirectory();
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' && wanted === 'create') return;
    if (code === 'ENOENT') throw new InputError(`No library at ${dir}`);
    if (code === 'ENOTDIR') throw new InputError(`${dir} cannot be a library folder: ${await fileAbove(dir)} is a file.`);
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`No permission to open ${dir}.`);
    throw error;
  }
  if (!isFolder) throw new InputError(`${dir} is a file, not a library folder.`);
  const mode = fsConstants.R_OK | fsConstants.X_OK | (wanted === 'read' ? 0 : fsConstants.W_OK);
  try {
    await access(dir, mode);
  } catch {
    throw new InputError(`No permission to ${wanted === 'read' ? 'read' : 'change'} the library folder ${dir}.`);
  }
}

/** The nearest existing path above `dir` (the file that stands where a folder should). */
async function fileAbove(dir: string): Promise<string> {
  for (let at = path.dirname(dir); at !== path.dirname(at); at = path.dirname(at)) {
    if (await stat(at).then(() => true, () => false)) return at;
  }
  return dir;
}

const INPUT_ERROR_NAMES = new Set([
  'LibraryLockedError',
  'UnknownPaperError',
  'UnknownProfileError',
  'NotAProfileError',
  'NotThisSourceError',
  'UnreadableTextError',
  'NewerSchemaError',
  'RepairError',
  'ReadOnlyLibraryError',
  'UserDataError',
  'SelectionError',
]);

/** Errors that are one line for the user (exit 1), not a bug: bad input, and the file system saying no (ENOSPC, EACCES, …). */
function isInputError(error: unknown): boolean {
  if (error instanceof InputError || (error instanceof Error && INPUT_ERROR_NAMES.has(error.constructor.name))) return true;
  return /^E[A-Z]+$/.test(errorCode(error) ?? '');
}

// Run when executed directly (tsx electron/cli.ts, node dist/electron/cli.cjs), not when imported: by tests, by
// bin/folio.mjs, or by the app's main bundle, whose import.meta.url is main.cjs and which is argv[1] when run from a
// checkout (main decides itself whether a launch is the CLI: electron/main/cli-mode.ts).
const ownFile = fileURLToPath(import.meta.url);
const runDirectly = /^cli\.(ts|cjs)$/.test(path.basename(ownFile)) && process.argv[1] !== undefined && path.resolve(process.argv[1]) === ownFile;
if (runDirectly) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
