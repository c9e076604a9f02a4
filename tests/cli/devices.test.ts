// `folio devices` and `folio sync-status` (issue 11) as child processes over a real library folder with two devices'
// journal folders: what each device wrote, when it was last seen, the files still arriving; nothing written.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { serializeHlc } from '../../electron/core/sync/hlc.js';
import { snapshotTree, withTempDir } from '../helpers/tree.js';
import { spawnCli } from './helpers.js';

const WALL = Date.parse('2026-12-05T10:00:00.000Z');
const line = (device: string, counter: number, wall = WALL): string =>
  `${JSON.stringify({ hlc: serializeHlc({ wall, counter, device }), ops: [{ o: 'status', ids: ['p-1'], status: 'read' }] })}\n`;

async function put(dir: string, device: string, name: string, text: string): Promise<void> {
  await mkdir(path.join(dir, 'devices', device), { recursive: true });
  await writeFile(path.join(dir, 'devices', device, name), text);
}

test('devices --json and sync-status over two devices, one of them still arriving; read-only', async () => {
  await withTempDir(async (root) => {
    const dir = path.join(root, 'library');
    const state = path.join(root, 'state');
    await put(dir, 'desk', 'device.json', JSON.stringify({ deviceId: 'desk', name: 'Desk PC', createdAt: '2026-12-01T00:00:00.000Z' }));
    await put(dir, 'desk', 'journal-000001.jsonl', line('desk', 0) + line('desk', 1, WALL + 60_000));
    await put(dir, 'desk', 'journal-000001.sync-conflict-20261205-101112-ABCDEFG.jsonl', line('desk', 0));
    await put(dir, 'laptop', 'journal-000001.jsonl', `${line('laptop', 0)}{"hlc":"01`);
    await put(dir, 'laptop', '.syncthing.imports.jsonl.tmp', '');
    const before = await snapshotTree(dir);
    const env = { FOLIO_STATE_DIR: state, FOLIO_DEVICE_ID: 'laptop' };

    const devices = await spawnCli(['devices', '--json', '--library', dir], { env });
    assert.equal(devices.code, 0, devices.stderr);
    // This computer has no device.json there yet and no settings: it is named after its host.
    assert.deepEqual(JSON.parse(devices.stdout), [
      { id: 'desk', name: 'Desk PC', isThisDevice: false, lastStamp: serializeHlc({ wall: WALL + 60_000, counter: 1, device: 'desk' }), lastSeen: '2026-12-05T10:01:00.000Z', entries: 2, waiting: 0, damagedLines: 0 },
      { id: 'laptop', name: os.hostname(), isThisDevice: true, lastStamp: serializeHlc({ wall: WALL, counter: 0, device: 'laptop' }), lastSeen: '2026-12-05T10:00:00.000Z', entries: 1, waiting: 2, damagedLines: 0 },
    ]);

    // Seen from the desk, the laptop's two files are the ones waiting.
    const fromDesk = await spawnCli(['sync-status', '--json', '--library', dir], { env: { ...env, FOLIO_DEVICE_ID: 'desk' } });
    assert.deepEqual(JSON.parse(fromDesk.stdout), { waiting: 2, message: 'Waiting for 2 files from other devices.' });
    const fromLaptop = await spawnCli(['sync-status', '--library', dir], { env });
    assert.equal(fromLaptop.stdout, 'Nothing is waiting.\n');
    assert.deepEqual(await snapshotTree(dir), before, 'the library folder is untouched');
    assert.deepEqual(await snapshotTree(root).then((tree) => Object.keys(tree).filter((name) => name.startsWith('state'))), [], 'no local state was created');
  });
});

test('a library without devices/: this computer only, nothing waiting', async () => {
  await withTempDir(async (root) => {
    const run = await spawnCli(['devices', '--json', '--library', path.join(root, 'none')], { env: { FOLIO_STATE_DIR: path.join(root, 'state'), FOLIO_DEVICE_ID: 'solo' } });
    assert.equal(run.code, 0, run.stderr);
    const [only, ...others] = JSON.parse(run.stdout) as Array<{ id: string; isThisDevice: boolean; entries: number }>;
    assert.deepEqual([only?.id, only?.isThisDevice, only?.entries, others.length], ['solo', true, 0, 0]);
  });
});
