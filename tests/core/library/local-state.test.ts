// Local-only state (local-state.ts): the state folder, this computer's device id, and each library's local folder
// (lock, backups) outside the synced library folder: kept by a moved folder, separate for a copy. Real folders.
import assert from 'node:assert/strict';
import { cp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import {
  DEVICE_ID_ENV,
  STATE_DIR_ENV,
  defaultStateDir,
  derivedLibraryId,
  deviceIdentity,
  resolveLocalPaths,
  storedLibraryId,
} from '../../../electron/core/library/local-state.js';
import { Library, LibraryLockedError } from '../../../electron/core/library/index.js';
import { isDeviceId } from '../../../electron/core/sync/hlc.js';
import { libraryPath, openLib, paper, parsed, tempDir } from './helpers.js';

const NOW = new Date('2026-12-05T10:00:00.000Z');

test('the state folder: FOLIO_STATE_DIR, else the app data folder of each platform', () => {
  const rows: Array<{ platform: NodeJS.Platform; env: Record<string, string>; want: string }> = [
    { platform: 'linux', env: { [STATE_DIR_ENV]: '/srv/folio-state' }, want: '/srv/folio-state' },
    { platform: 'linux', env: { [STATE_DIR_ENV]: '' }, want: '/home/ada/.config/Folio' },
    { platform: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, want: '/cfg/Folio' },
    { platform: 'darwin', env: {}, want: '/home/ada/Library/Application Support/Folio' },
    { platform: 'win32', env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, want: 'C:\\Users\\ada\\AppData\\Roaming\\Folio' },
  ];
  for (const row of rows) assert.equal(defaultStateDir(row.platform, row.env, '/home/ada'), row.want, JSON.stringify(row));
});

test('the device id: made once and kept in settings.json; FOLIO_DEVICE_ID overrides it without being stored', async (t) => {
  const state = await tempDir(t, 'folio-state-');
  const first = await deviceIdentity(state, {}, NOW);
  assert.ok(isDeviceId(first.deviceId) && first.deviceId.length === 12, first.deviceId);
  assert.ok(first.deviceName.length > 0);
  const settings = await readFile(path.join(state, 'settings.json'), 'utf8');
  assert.deepEqual(await deviceIdentity(state, {}, NOW), first, 'the same device at every open');
  assert.deepEqual(await deviceIdentity(state, { [DEVICE_ID_ENV]: 'laptop_2' }, NOW), { ...first, deviceId: 'laptop_2' });
  assert.equal(await readFile(path.join(state, 'settings.json'), 'utf8'), settings, 'the override is not stored');
  for (const bad of ['a.b', 'x'.repeat(65), 'two words', 'é']) {
    await assert.rejects(deviceIdentity(state, { [DEVICE_ID_ENV]: bad }, NOW), /is not a device id/, bad);
  }
  const other = await deviceIdentity(await tempDir(t, 'folio-state-'), {}, NOW);
  assert.notEqual(other.deviceId, first.deviceId, 'another computer is another device');
});

test('a settings.json that does not parse is kept aside and a new device is made', async (t) => {
  const state = await tempDir(t, 'folio-state-');
  for (const garbage of ['{"deviceId": "has.dot", "deviceName": "x"}', '{"deviceId":', '[]']) {
    await writeFile(path.join(state, 'settings.json'), garbage);
    const made = await deviceIdentity(state, {}, NOW);
    assert.ok(isDeviceId(made.deviceId));
    const aside = (await readdir(state)).filter((name) => name.startsWith('settings.json.corrupt-'));
    assert.equal(aside.length, 1, garbage);
    assert.equal(await readFile(path.join(state, aside[0] ?? ''), 'utf8'), garbage);
    await rm(path.join(state, aside[0] ?? ''));
  }
});

test('the library id: read from library.json even when the rest of it is damaged, else derived from the path', async (t) => {
  const dir = await tempDir(t);
  const rows: Array<{ text: string | null; want: string | null }> = [
    { text: null, want: null },
    { text: '{\n "schemaVersion": 4,\n "libraryId": "Abc_def-123",\n "profiles": []', want: 'Abc_def-123' },
    { text: '{\n "schemaVersion": 4,\n "libraryId": "Abc_def-123",\n "profiles": [{"id": "garbl', want: 'Abc_def-123' },
    { text: '{"schemaVersion":4,"libraryId":"short"}', want: null },
    { text: '{"schemaVersion":4,"profiles":[]}', want: null },
    { text: '\u0000\u0000\u0000', want: null },
  ];
  for (const row of rows) {
    await rm(path.join(dir, 'library.json'), { force: true });
    if (row.text !== null) await writeFile(path.join(dir, 'library.json'), row.text);
    assert.equal(await storedLibraryId(dir), row.want, JSON.stringify(row.text));
  }
  assert.equal(derivedLibraryId('/a/b'), derivedLibraryId('/a/b'));
  assert.notEqual(derivedLibraryId('/a/b'), derivedLibraryId('/a/c'));
});

test('lock and backups live in the local folder; the library folder holds only library data', async (t) => {
  const dir = await libraryPath(t);
  const state = await tempDir(t, 'folio-state-');
  const lib = await openLib(t, dir, { stateDir: state });
  await lib.commitImport('x', parsed('A B', [paper('One')]), 1);
  await lib.setNote(lib.papers()[0]?.id ?? '', 'a note');
  assert.ok(lib.local.dir.startsWith(path.join(state, 'libraries')), lib.local.dir);
  assert.ok((await stat(lib.local.lockFile)).isFile(), 'the lock is held in the local folder');
  assert.equal(JSON.parse(await readFile(path.join(dir, 'library.json'), 'utf8')).libraryId, lib.libraryId, 'library.json records the id');
  await lib.close();
  await assert.rejects(stat(lib.local.lockFile), { code: 'ENOENT' }, 'released');
  assert.deepEqual((await readdir(dir)).sort(), ['imports', 'library.json', 'papers', 'user.journal', 'user.json']);
  const backups = (await readdir(lib.local.backupsDir)).sort();
  assert.ok(backups.includes('segments') && backups.length >= 1, backups.join(', '));
  assert.equal(lib.device?.deviceId, (await deviceIdentity(state, process.env, NOW)).deviceId);
});

test('a moved library keeps its local folder; a copy beside it gets its own lock and backups', async (t) => {
  const root = await tempDir(t);
  const state = await tempDir(t, 'folio-state-');
  const original = path.join(root, 'original');
  const first = await openLib(t, original, { stateDir: state });
  await first.commitImport('x', parsed('A B', [paper('One')]), 1);
  await first.close();

  const moved = path.join(root, 'moved');
  await rename(original, moved);
  const again = await openLib(t, moved, { stateDir: state });
  assert.equal(again.local.dir, first.local.dir, 'moved: the same local folder (its backups and index)');
  assert.equal(again.libraryId, first.libraryId);

  const copy = path.join(root, 'copy');
  await cp(moved, copy, { recursive: true });
  const copied = await openLib(t, copy, { stateDir: state });
  assert.notEqual(copied.local.dir, again.local.dir, 'a copy on this computer is another library here');
  assert.equal(copied.libraryId, again.libraryId, 'it keeps the id it was synced with');
  assert.deepEqual(copied.papers().map((p) => p.title), ['One']);
  await copied.setStatus(copied.papers()[0]?.id ?? '', 'read');
  await copied.close();
  await again.close();
  assert.deepEqual((await resolveLocalPaths(state, copy)).dir, copied.local.dir, 'stable across opens');
  assert.deepEqual((await resolveLocalPaths(state, moved)).dir, again.local.dir);
  // Both still exclude a second writer of themselves.
  const holder = await openLib(t, copy, { stateDir: state });
  await assert.rejects(Library.open(copy, { stateDir: state }), LibraryLockedError);
  await holder.close();
});

test('library.json lost: the local folder that served this path is found again, with its backups', async (t) => {
  const dir = await libraryPath(t);
  const state = await tempDir(t, 'folio-state-');
  const first = await openLib(t, dir, { stateDir: state });
  await first.commitImport('x', parsed('A B', [paper('One'), paper('Two')]), 1);
  await first.close();
  const again = await openLib(t, dir, { stateDir: state });
  await again.setNote(again.papers()[0]?.id ?? '', 'session two'); // takes a session backup of library.json
  await again.close();
  await rm(path.join(dir, 'library.json'));
  const restored = await openLib(t, dir, { stateDir: state });
  assert.equal(restored.local.dir, first.local.dir);
  assert.equal(restored.libraryId, first.libraryId);
  assert.equal(restored.profiles().length, 1, 'the profile came back from the local backup');
  assert.match(restored.problems.join('\n'), /library\.json/);
});
