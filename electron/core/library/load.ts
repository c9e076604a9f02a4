// Reading a library folder into memory, recovering from damaged or missing files as it goes. Nothing here writes:
// what must be written afterwards (moving a damaged file aside, writing back what a backup restored, a migration,
// a compacted journal) is returned for Library to plan as repairs, run in a crash-safe order before its first write.
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import type { PaperRecord } from '../model.js';
import { backupCopies, backupsDirsOf, segmentBackupCandidates } from './backups.js';
import { errorCode } from './errors.js';
import { isUserDoc } from './fast-check.js';
import { asciiJson, } from './fsx.js';
import { JOURNAL_FILE, listRotatedJournals, parseJournal } from './journal.js';
import type { PendingAbstracts } from './abstracts.js';
import { LIBRARY_MIGRATIONS, USER_MIGRATIONS, migrate } from './migrations.js';
import type { MigrationSpill } from './migrations.js';
import { SafeJsonFile, describeBackupFolder, describeRecovery, readJsonSafely } from './safe-json.js';
import type { BackupCandidate, SafeReadResult } from './safe-json.js';
import {
  LIBRARY_SCHEMA_VERSION,
  USER_SCHEMA_VERSION,
  describeIssues,
  emptyLibraryDoc,
  emptyUserDoc,
  libraryDocSchema,
  userDocSchema,
} from './schema.js';
import type { LibraryDoc, UserDoc } from './schema.js';
import { PAPERS_DIR, decodeSegment, listSegmentFiles, nextSegmentNumber, segmentNumber } from './segments.js';
import type { DecodedSegment } from './segments.js';
import { UserState } from './user-state.js';

export const LIBRARY_FILE = 'library.json';
export const USER_FILE = 'user.json';

export interface LoadContext {
  dir: string;
  /** The library's local backups folder (local-state.ts); an older Folio's backups/ in `dir` is read after it. */
  backupsDir: string;
  readOnly: boolean;
  now: () => Date;
  problems: string[];
}

/** A damaged file to move aside (to `<file>.corrupt-<stamp>`) before anything is written in its place. */
export interface DamagedFile {
  file: string;
  /** Where it went, once moved. */
  movedTo: string | null;
}

/** What loading found to write: Library plans these as repairs (writable mode only; nothing is planned read-only). */
export interface PendingRepairs {
  /** library.json was migrated from this version (its original must be kept before rewriting it). */
  migratedFrom: number | null;
  /** Papers a migration moved out of library.json, to be written as a new segment. */
  spilledPapers: PaperRecord[];
  libraryNeedsWrite: boolean;
  userNeedsWrite: boolean;
  journalDamaged: boolean;
  /** Damaged files, moved aside first. */
  damagedFiles: DamagedFile[];
  /** Segments restored from backups/segments/, to be copied back into papers/. */
  restoredSegments: string[];
  /** Segments that loaded fine (each gets a one-time copy in backups/segments/). */
  goodSegments: string[];
  /** Each rewrites a recovery's problem line to say what was done, once the repairs are. */
  onRepaired: Array<() => void>;
}

export interface LoadedLibrary {
  libraryDb: Low<LibraryDoc>;
  userDb: Low<UserDoc>;
  papers: PaperRecord[];
  paperIndex: Map<string, number>;
  user: UserState;
  journalEntries: number;
  /** user.journal.<n> files replayed before user.journal (a compaction was interrupted); oldest first. */
  rotatedJournals: string[];
  /** Split segments whose abstracts are still to be loaded (by AbstractsLoader), in segment order. */
  pendingAbstracts: PendingAbstracts[];
  pending: PendingRepairs;
  /** The root files (library.json, user.json, journals) that loaded fine: their backup copies are good. */
  loadedFine: Set<string>;
  nextSegment: number;
}

function candidatesFor(ctx: LoadContext, fileName: string): () => Promise<BackupCandidate[]> {
  return async () =>
    (await backupCopies(backupsDirsOf(ctx), fileName)).map(({ file, folder, expected }) => ({ file, description: describeBackupFolder(folder), expected }));
}

function makeDecoder<T>(
  label: string,
  migrations: Parameters<typeof migrate>[1],
  current: number,
  check: (doc: unknown) => { success: true; data: T } | { success: false; error: Parameters<typeof describeIssues>[0] },
  onAccepted: (info: { fromVersion: number; spill: MigrationSpill }) => void,
): (raw: unknown) => T {
  return (raw) => {
    const spill: MigrationSpill = { papers: [], user: null };
    const { doc, fromVersion } = migrate(raw, migrations, current, label, spill);
    const checked = check(doc);
    if (!checked.success) throw new Error(describeIssues(checked.error));
    onAccepted({ fromVersion, spill });
    return checked.data;
  };
}

function libraryDecoder(onAccepted: (info: { fromVersion: number; spill: MigrationSpill }) => void): (raw: unknown) => LibraryDoc {
  return makeDecoder(LIBRARY_FILE, LIBRARY_MIGRATIONS, LIBRARY_SCHEMA_VERSION, (d) => libraryDocSchema.safeParse(d), onAccepted);
}

function userDecoder(): (raw: unknown) => UserDoc {
  return makeDecoder<UserDoc>(
    USER_FILE,
    USER_MIGRATIONS,
    USER_SCHEMA_VERSION,
    (d) => (isUserDoc(d) ? { success: true, data: d as UserDoc } : userDocSchema.safeParse(d)),
    () => undefined,
  );
}

/** Whether a backup copy of library.json or user.json decodes as the live file would (for backup rotation). */
export async function isUsableCopy(name: string, file: string): Promise<boolean> {
  const decode = name === LIBRARY_FILE ? libraryDecoder(() => undefined) : name === USER_FILE ? userDecoder() : null;
  if (decode === null) return false;
  try {
    decode(JSON.parse(await readFile(file, 'utf8')) as unknown);
    return true;
  } catch {
    return false;
  }
}

/**
 * Adds the problem line for a damaged or missing file, in the words of its repair's stage, and plans its repair:
 * a damaged file is moved aside first, and the line is rewritten once the repairs are done.
 */
function reportRecovery(ctx: LoadContext, pending: PendingRepairs, file: string, label: string, result: SafeReadResult<unknown>, whenLost: string): void {
  const { problems, readOnly } = ctx;
  const at = problems.push(describeRecovery(label, result, whenLost, { kind: readOnly ? 'read-only' : 'planned' })) - 1;
  if (readOnly) return;
  const damaged: DamagedFile | null = result.status === 'damaged' ? { file, movedTo: null } : null;
  if (damaged) pending.damagedFiles.push(damaged);
  pending.onRepaired.push(() => {
    problems[at] = describeRecovery(label, result, whenLost, { kind: 'done', movedTo: damaged?.movedTo ?? null });
  });
}

export async function loadLibrary(ctx: LoadContext): Promise<LoadedLibrary> {
  const { dir, readOnly } = ctx;
  // user.json (16 MB at 100k papers) is read while library.json and the segments are: its bytes are ready when
  // its turn comes.
  const userFile = path.join(dir, USER_FILE);
  let userFileSeen = readOnly ? await fileIdentity(userFile) : null;
  const userPreread = readFile(userFile);
  userPreread.catch(() => undefined); // handled by readJsonSafely
  const pending: PendingRepairs = {
    migratedFrom: null,
    spilledPapers: [],
    libraryNeedsWrite: false,
    userNeedsWrite: false,
    journalDamaged: false,
    damagedFiles: [],
    restoredSegments: [],
    goodSegments: [],
    onRepaired: [],
  };
  const loadedFine = new Set<string>();
  const { libraryDb, spilledUser } = await loadLibraryDoc(ctx, pending, loadedFine);
  const doc = libraryDb.data;
  const { papers, paperIndex, pendingAbstracts } = await loadSegments(ctx, pending, doc);
  const userDbReading = (preread: Promise<Buffer> | undefined) =>
    new Low<UserDoc>(
      new SafeJsonFile<UserDoc>({
        file: userFile,
        decode: userDecoder(),
        candidates: candidatesFor(ctx, USER_FILE),
        readOnly,
        ...(preread === undefined ? {} : { preread }),
        serialize: (data) => `${JSON.stringify(data, null, 1)}\n`,
      }),
      emptyUserDoc(),
    );
  let userDb = userDbReading(userPreread);
  const problemsBeforeUser = ctx.problems.length;
  let loadedUser = await loadUserState(ctx, pending, loadedFine, userDb, spilledUser);
  // A read-only open (the CLI while the app writes) can overlap the writer's compaction: user.json replaced and its
  // rotated journals deleted between our reads, or the journal rotated after we listed the rotated ones. Either shows
  // as a changed user.json or a changed list of rotated journals; read the user data again until neither moved.
  for (let attempt = 0; userFileSeen !== null && attempt < 5; attempt++) {
    const userFileNow = await fileIdentity(userFile);
    const rotatedNow = await listRotatedJournals(dir);
    if (userFileNow === userFileSeen && rotatedNow.join('\n') === loadedUser.rotatedJournals.join('\n')) break;
    userFileSeen = userFileNow;
    ctx.problems.length = problemsBeforeUser;
    userDb = userDbReading(undefined);
    loadedUser = await loadUserState(ctx, pending, loadedFine, userDb, spilledUser);
  }
  const { user, journalEntries, rotatedJournals } = loadedUser;
  const nextSegment = await nextSegmentNumber(dir, doc.segments, backupsDirsOf(ctx));
  return {
    libraryDb,
    userDb,
    papers,
    paperIndex,
    user,
    journalEntries,
    rotatedJournals,
    pendingAbstracts,
    pending,
    loadedFine,
    nextSegment,
  };
}

/** library.json, restored from a backup if damaged or missing, migrated if older, with unlisted segments adopted. */
async function loadLibraryDoc(
  ctx: LoadContext,
  pending: PendingRepairs,
  loadedFine: Set<string>,
): Promise<{ libraryDb: Low<LibraryDoc>; spilledUser: UserDoc | null }> {
  const { dir, readOnly, problems } = ctx;
  let accepted: { fromVersion: number; spill: MigrationSpill } | null = null;
  const adapter = new SafeJsonFile<LibraryDoc>({
    file: path.join(dir, LIBRARY_FILE),
    decode: libraryDecoder((info) => (accepted = info)),
    candidates: candidatesFor(ctx, LIBRARY_FILE),
    readOnly,
    serialize: serializeLibraryDoc,
  });
  const libraryDb = new Low<LibraryDoc>(adapter, emptyLibraryDoc());
  await libraryDb.read();
  const read = adapter.lastRead as SafeReadResult<LibraryDoc>;
  const migration = accepted as { fromVersion: number; spill: MigrationSpill } | null;
  let spilledUser: UserDoc | null = null;
  if (migration && migration.fromVersion < LIBRARY_SCHEMA_VERSION) {
    pending.migratedFrom = migration.fromVersion;
    pending.spilledPapers = migration.spill.papers;
    spilledUser = migration.spill.user;
    if (readOnly) {
      problems.push(
        `${LIBRARY_FILE} is in the older format version ${migration.fromVersion}; showing it upgraded (read-only: the file was not changed).`,
      );
    }
  }
  if (read.status === 'ok') loadedFine.add(LIBRARY_FILE);
  if (read.status === 'missing' || read.status === 'damaged') {
    reportRecovery(ctx, pending, path.join(dir, LIBRARY_FILE), LIBRARY_FILE, read, 'profiles and the import log start empty');
    pending.libraryNeedsWrite = !readOnly;
  } else if (read.status === 'absent') {
    const corpses = await corruptCopies(dir, LIBRARY_FILE);
    if (corpses.length > 0) problems.push(`${LIBRARY_FILE} is missing; earlier unreadable copies are kept as ${corpses.join(', ')}.`);
  }
  const doc = libraryDb.data;
  if (read.status !== 'ok') {
    // library.json is new, missing or was replaced: adopt segment files it does not list rather than hide their
    // papers. (When library.json read fine, an unlisted segment is the leftover of an import that failed before
    // library.json was written; it is ignored, and never reused: see nextSegmentNumber.)
    const listed = new Set(doc.segments);
    const extra = (await listSegmentFiles(dir)).filter((name) => !listed.has(name));
    if (extra.length > 0) {
      doc.segments = [...doc.segments, ...extra].sort((a, b) => (segmentNumber(a) ?? 0) - (segmentNumber(b) ?? 0));
      pending.libraryNeedsWrite = !readOnly;
      problems.push(
        `Loaded ${extra.length} paper file(s) from ${PAPERS_DIR}/ that ${LIBRARY_FILE} did not list (${extra.join(', ')}); ` +
          'their papers are not linked to a profile until you import that profile again.',
      );
    }
  }
  return { libraryDb, spilledUser };
}

/**
 * The records files library.json lists (a damaged or missing one from its copy in backups/segments/); later
 * segments win per paper id. Profiles stop listing papers that are lost, and a problem names them.
 */
async function loadSegments(
  ctx: LoadContext,
  pending: PendingRepairs,
  doc: LibraryDoc,
): Promise<{ papers: PaperRecord[]; paperIndex: Map<string, number>; pendingAbstracts: PendingAbstracts[] }> {
  const { dir, readOnly, problems } = ctx;
  // Only the records files are read here (abstracts of split segments load later, see abstracts.ts). The next
  // files are read while this one is parsed, a few at a time: reading all of them at once made the first file
  // arrive last (the thread pool interleaves their chunks), so the parse waited for the whole read.
  const READ_AHEAD = 3;
  const segmentFile = (name: string): string => path.join(dir, PAPERS_DIR, name);
  const reads: Array<Promise<Buffer>> = [];
  const readUpTo = (end: number): void => {
    for (let i = reads.length; i < Math.min(end, doc.segments.length); i++) {
      const reading = readFile(segmentFile(doc.segments[i] as string));
      reading.catch(() => undefined); // handled below, by readJsonSafely
      reads.push(reading);
    }
  };
  const segmentResults: Array<SafeReadResult<DecodedSegment>> = [];
  for (const [i, name] of doc.segments.entries()) {
    readUpTo(i + 1 + READ_AHEAD);
    segmentResults.push(
      await readJsonSafely<DecodedSegment>({
        file: segmentFile(name),
        decode: decodeSegment,
        candidates: () => segmentBackupCandidates(backupsDirsOf(ctx), name),
        preread: reads[i],
      }),
    );
  }
  const papers: PaperRecord[] = [];
  const paperIndex = new Map<string, number>();
  const addPaper = (record: PaperRecord): void => {
    const at = paperIndex.get(record.id);
    if (at === undefined) {
      paperIndex.set(record.id, papers.length);
      papers.push(record);
    } else {
      papers[at] = record; // later segments win
    }
  };
  pending.spilledPapers.forEach(addPaper);
  const pendingAbstracts: PendingAbstracts[] = [];
  let unrecoverable = 0;
  doc.segments.forEach((name, i) => {
    const result = segmentResults[i];
    if (!result) return;
    if (result.status === 'ok') {
      pending.goodSegments.push(name);
    } else {
      if (result.restoredFrom && !readOnly) pending.restoredSegments.push(name);
      if (!result.restoredFrom) unrecoverable++;
      reportRecovery(ctx, pending, segmentFile(name), `${PAPERS_DIR}/${name}`, result, 'its papers are lost unless a later import holds them');
    }
    if (!result.value) return;
    result.value.records.forEach(addPaper);
    if (result.value.split) pendingAbstracts.push({ segment: name, records: result.value.records });
  });
  // A split segment whose papers were all improved by later segments shows none of its records: its abstracts are
  // not needed (not even read, so a damaged one that a re-import has replaced is no longer reported).
  const shown = (record: PaperRecord): boolean => papers[paperIndex.get(record.id) ?? -1] === record;
  for (let i = pendingAbstracts.length - 1; i >= 0; i--) {
    if (!(pendingAbstracts[i] as PendingAbstracts).records.some(shown)) pendingAbstracts.splice(i, 1);
  }

  // Profiles must not list papers that are not there (a lost segment): drop the ids and say which.
  const lostByProfile: string[] = [];
  const lostIds = new Set<string>();
  doc.profiles = doc.profiles.map((profile) => {
    const kept = profile.paperIds.filter((id) => paperIndex.has(id));
    if (kept.length === profile.paperIds.length) return profile;
    profile.paperIds.filter((id) => !paperIndex.has(id)).forEach((id) => lostIds.add(id));
    lostByProfile.push(`${profile.name} (${profile.paperIds.length - kept.length})`);
    return { ...profile, paperIds: kept };
  });
  if (lostIds.size > 0) {
    const ids = [...lostIds];
    problems.push(
      `${ids.length} paper(s) are lost${unrecoverable > 0 ? ' with the unreadable paper file(s)' : ''}: ` +
        `${ids.slice(0, 20).join(', ')}${ids.length > 20 ? ', …' : ''}. Import these profiles again to get them back: ${lostByProfile.join(', ')}.`,
    );
  }
  return { papers, paperIndex, pendingAbstracts };
}

/**
 * user.json (a damaged or missing one from the newest backup holding a good copy, then that backup's journals),
 * then the rotated journals and user.journal.
 */
async function loadUserState(
  ctx: LoadContext,
  pending: PendingRepairs,
  loadedFine: Set<string>,
  userDb: Low<UserDoc>,
  spilledUser: UserDoc | null,
): Promise<{ user: UserState; journalEntries: number; rotatedJournals: string[] }> {
  const { dir, readOnly, problems } = ctx;
  await userDb.read();
  const read = (userDb.adapter as SafeJsonFile<UserDoc>).lastRead as SafeReadResult<UserDoc>;
  let user = UserState.fromDoc(userDb.data);
  if (read.status === 'ok') loadedFine.add(USER_FILE);
  if (read.status === 'missing' || read.status === 'damaged') {
    reportRecovery(ctx, pending, path.join(dir, USER_FILE), USER_FILE, read, 'tags, notes and reading status start empty (later edits in user.journal are still applied)');
    pending.userNeedsWrite = !readOnly;
    if (read.restoredFrom) {
      // The backup's own journal holds the edits made after that snapshot: replay them first.
      const backupDir = path.dirname(read.restoredFrom.file);
      for (const name of [...(await listRotatedJournals(backupDir)), JOURNAL_FILE]) {
        const backupJournal = await readTextIfExists(path.join(backupDir, name));
        for (const entry of parseJournal(backupJournal).entries) entry.ops.forEach((op) => user.apply(op));
      }
    }
  } else if (read.status === 'absent' && spilledUser) {
    user = UserState.fromDoc(spilledUser);
  }
  if (spilledUser && read.status !== 'absent') {
    // A migration interrupted after user.json was written: keep user.json, add what only the old file had.
    for (const [id, data] of Object.entries(spilledUser.papers)) if (!user.papers.has(id)) user.apply({ o: 'paper', id, data });
    const missingTags = spilledUser.tags.filter((t) => !user.findTag(t.name));
    if (missingTags.length > 0) user.apply({ o: 'tags', tags: [...user.tags, ...missingTags] });
  }
  if (spilledUser) pending.userNeedsWrite = !readOnly;
  // Rotated journals (left by a compaction that had not finished) come first, oldest first, then user.journal.
  const rotatedJournals = await listRotatedJournals(dir);
  const replay = async (name: string): Promise<number> => {
    const journal = parseJournal(await readTextIfExists(path.join(dir, name)), name);
    for (const entry of journal.entries) entry.ops.forEach((op) => user.apply(op));
    problems.push(...journal.problems);
    if (journal.damaged) pending.journalDamaged = true;
    else loadedFine.add(name);
    return journal.entries.length;
  };
  for (const name of rotatedJournals) await replay(name);
  const journalEntries = await replay(JOURNAL_FILE);
  return { user, journalEntries, rotatedJournals };
}

/**
 * library.json's text: one profile / import record per line (like the segments). Indenting every paper id of
 * every profile (JSON.stringify(doc, null, 2)) made the file 3.2 MB at 100k papers; this is 2.1 MB, written
 * (and fsync'd) at every import.
 */
export function serializeLibraryDoc(doc: LibraryDoc): string {
  // Right after the version, in the first bytes: even a damaged file still names its local folder.
  const libraryIdLine = doc.libraryId === undefined ? '' : ` "libraryId": ${JSON.stringify(doc.libraryId)},\n`;
  const list = (items: readonly unknown[]): string =>
    items.length === 0 ? '[]' : `[\n  ${items.map((item) => JSON.stringify(item)).join(',\n  ')}\n ]`;
  return asciiJson(
    `{\n "schemaVersion": ${JSON.stringify(doc.schemaVersion)},\n${libraryIdLine} "profiles": ${list(doc.profiles)},\n "imports": ${list(doc.imports)},\n "segments": ${JSON.stringify(doc.segments)}\n}\n`,
  );
}

/** Which version of a file is there (a replace by rename changes the inode; an append, the size), or 'absent'. */
async function fileIdentity(file: string): Promise<string> {
  try {
    const info = await stat(file);
    return `${info.ino}:${info.size}:${info.mtimeMs}`;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'absent';
    throw error;
  }
}

async function readTextIfExists(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return '';
    throw error;
  }
}

async function corruptCopies(dir: string, fileName: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.startsWith(`${fileName}.corrupt-`)).sort();
}
