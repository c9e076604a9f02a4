// Where a library's local-only state lives, outside the (synced) library folder: the writer lock and the backups
// under <state>/libraries/<key>/, and this computer's device identity in <state>/settings.json.
import { createHash, randomBytes } from 'node:crypto';
import { readFile, readdir, realpath } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { appDataDir } from '../library-location.js';
import { isDeviceId } from '../sync/hlc.js';
import { errorCode, errorMessage } from './errors.js';
import { makeDir, writeFileAtomic } from './disk.js';
import { LOCK_FILE } from './lock.js';
import { LIBRARY_ID_PATTERN } from './schema.js';

/** The env var naming the state folder (the CLI, the tests); the app's default is its userData folder. */
export const STATE_DIR_ENV = 'FOLIO_STATE_DIR';
/** The env var that overrides this computer's device id (the CLI, the tests). */
export const DEVICE_ID_ENV = 'FOLIO_DEVICE_ID';
export const SETTINGS_FILE = 'settings.json';
export const BACKUPS_DIR = 'backups';
/** In a library's local folder: `{folder, libraryId}`, the library folder it serves (a copy is told from a move by it). */
const OWNER_FILE = 'owner.json';
/** library.json writes `libraryId` on its second line, so even a file cut short or garbled later still names it. */
const LIBRARY_ID_FIELD = new RegExp(`"libraryId"\\s*:\\s*"(${LIBRARY_ID_PATTERN})"`);

/** $FOLIO_STATE_DIR, else <appData>/Folio: Electron's userData folder for the app, so the CLI and the app share it. */
export function defaultStateDir(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>, home = os.homedir()): string {
  const override = env[STATE_DIR_ENV];
  if (override !== undefined && override !== '') return path.resolve(override);
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  return join(appDataDir(platform, env as NodeJS.ProcessEnv, home), 'Folio');
}

/** The one place a library's local folder is named: `<root>/libraries/<key>` (state and cache roots alike). */
export function libraryLocalDir(root: string, key: string): string {
  return path.join(root, 'libraries', key);
}

export interface LocalPaths {
  /** The folder name under libraries/: the library id, or `<id>-<path hash>` for a copy of a library on this computer. */
  key: string;
  dir: string;
  lockFile: string;
  backupsDir: string;
}

export function localPathsFor(stateDir: string, key: string): LocalPaths {
  const dir = libraryLocalDir(stateDir, key);
  return { key, dir, lockFile: path.join(dir, LOCK_FILE), backupsDir: path.join(dir, BACKUPS_DIR) };
}

const shortHash = (text: string, length: number): string => createHash('sha256').update(text).digest('hex').slice(0, length);

/** The library id library.json names, or null (none yet: a new library or one an older Folio wrote; or unreadable). */
export async function storedLibraryId(libraryDir: string): Promise<string | null> {
  const text = await readFile(path.join(libraryDir, 'library.json'), 'latin1').catch(() => '');
  return LIBRARY_ID_FIELD.exec(text.slice(0, 4096))?.[1] ?? null;
}

/**
 * The id a library without one gets: derived from its real path, not random, so that two processes opening it at
 * once agree on its lock without writing anything first. It is written into library.json with its next write, and
 * from then on moves with the folder.
 */
export function derivedLibraryId(realDir: string): string {
  return `p${shortHash(realDir, 23)}`;
}

/**
 * The local folder of the library in `libraryDir`: by its id, so a moved (or renamed) folder keeps its lock,
 * backups and index. A copy of a library on the same computer has the same id while the original still exists;
 * it gets a folder of its own (id + a hash of its path), so two copies never share a lock or restore each other's
 * backups.
 */
export async function resolveLocalPaths(stateDir: string, libraryDir: string): Promise<LocalPaths & { libraryId: string; realDir: string }> {
  const realDir = await realpath(libraryDir).catch(() => path.resolve(libraryDir));
  const stored = await storedLibraryId(realDir);
  if (stored === null) {
    // library.json is new, lost or garbled: the local folder that last served this path still holds its backups.
    const claimed = await localDirClaiming(stateDir, realDir);
    if (claimed !== null) return { ...localPathsFor(stateDir, claimed.key), libraryId: claimed.libraryId, realDir };
  }
  const libraryId = stored ?? derivedLibraryId(realDir);
  let key = libraryId;
  const owner = (await ownerOf(stateDir, libraryId))?.folder;
  if (owner !== undefined && owner !== realDir && (await storedLibraryId(owner)) === libraryId) key = `${libraryId}-${shortHash(realDir, 8)}`;
  return { ...localPathsFor(stateDir, key), libraryId, realDir };
}

interface Owner {
  folder: string;
  libraryId: string;
}

async function ownerOf(stateDir: string, key: string): Promise<Owner | null> {
  try {
    const owner = JSON.parse(await readFile(path.join(libraryLocalDir(stateDir, key), OWNER_FILE), 'utf8')) as Partial<Owner>;
    return typeof owner.folder === 'string' && typeof owner.libraryId === 'string' ? { folder: owner.folder, libraryId: owner.libraryId } : null;
  } catch {
    return null;
  }
}

/** The local folder whose owner file names `realDir` (one small read per library this computer has opened). */
async function localDirClaiming(stateDir: string, realDir: string): Promise<{ key: string; libraryId: string } | null> {
  const keys = await readdir(path.join(stateDir, 'libraries')).catch(() => [] as string[]);
  for (const key of keys.sort()) {
    const owner = await ownerOf(stateDir, key);
    if (owner?.folder === realDir) return { key, libraryId: owner.libraryId };
  }
  return null;
}

/** Creates the local folder and records which library folder it belongs to (a writable open, holding nothing yet). */
export async function claimLocalDir(paths: LocalPaths & { libraryId: string; realDir: string }): Promise<void> {
  await makeDir(paths.dir, 'local-state');
  const text = `${JSON.stringify({ folder: paths.realDir, libraryId: paths.libraryId } satisfies Owner)}\n`;
  const file = path.join(paths.dir, OWNER_FILE);
  if ((await readFile(file, 'utf8').catch(() => null)) !== text) await writeFileAtomic(file, text, 'local-state');
}

export interface DeviceIdentity {
  deviceId: string;
  deviceName: string;
}

/** 12 random base32 characters (lower case): a device folder name that no sync engine's copy can look like. */
export function newDeviceId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return [...randomBytes(12)].map((byte) => alphabet[byte & 31]).join('');
}

function parseSettings(text: string): DeviceIdentity | null {
  try {
    const parsed = JSON.parse(text) as Partial<DeviceIdentity>;
    if (isDeviceId(parsed.deviceId) && typeof parsed.deviceName === 'string') return { deviceId: parsed.deviceId, deviceName: parsed.deviceName };
  } catch {
    // unreadable: made anew below (the old file is kept aside)
  }
  return null;
}

/**
 * This computer's device: from <state>/settings.json, created at first use (a new random id, the host name as its
 * name). FOLIO_DEVICE_ID overrides the id (not stored). A settings file that does not parse is kept as
 * settings.json.corrupt-<stamp> and a new identity is made: a new device id only means a new folder of one's own.
 */
export async function deviceIdentity(stateDir: string, env: Readonly<Record<string, string | undefined>>, now: Date): Promise<DeviceIdentity> {
  const override = env[DEVICE_ID_ENV];
  if (override !== undefined && override !== '' && !isDeviceId(override)) {
    throw new RangeError(`${DEVICE_ID_ENV}=${JSON.stringify(override)} is not a device id (1-64 letters, digits, - or _).`);
  }
  const file = path.join(stateDir, SETTINGS_FILE);
  let text: string | null = null;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw new Error(`Cannot read ${file}: ${errorMessage(error)}`);
  }
  let identity = text === null ? null : parseSettings(text);
  if (identity === null) {
    identity = { deviceId: newDeviceId(), deviceName: os.hostname() || 'this computer' };
    await makeDir(stateDir, 'settings');
    if (text !== null) await writeFileAtomic(`${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`, text, 'settings');
    await writeFileAtomic(file, `${JSON.stringify(identity, null, 1)}\n`, 'settings');
  }
  return override ? { ...identity, deviceId: override } : identity;
}

/** This computer's device as far as it is known, without creating it (a read-only command): null before the first writable open. */
export async function knownDeviceIdentity(stateDir: string, env: Readonly<Record<string, string | undefined>>): Promise<DeviceIdentity | null> {
  const stored = parseSettings(await readFile(path.join(stateDir, SETTINGS_FILE), 'utf8').catch(() => ''));
  const override = env[DEVICE_ID_ENV];
  if (override !== undefined && override !== '' && isDeviceId(override)) return { deviceId: override, deviceName: stored?.deviceName ?? os.hostname() };
  return stored;
}
