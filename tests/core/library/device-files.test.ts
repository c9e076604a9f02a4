// Reading devices/ (device-files.ts) on real folders: each device's journals in order, the conflict copies sync
// engines make of them read as more journals, arriving files and journals cut mid-line counted as waiting (never
// damage), lines of another device refused; nothing is moved or deleted.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { DEVICES_DIR, journalFileName, listDeviceFolders, parseDeviceJournal, readDeviceJournals } from '../../../electron/core/library/device-files.js';
import { serializeHlc } from '../../../electron/core/sync/hlc.js';
import type { StampedEntry } from '../../../electron/core/sync/ops.js';
import { snapshotTree } from '../../helpers/tree.js';
import { tempDir } from './helpers.js';

const stamp = (device: string, counter: number): string => serializeHlc({ wall: 1_760_000_000_000, counter, device });
const entry = (device: string, counter: number, tag = `t${counter}`): StampedEntry => ({ hlc: stamp(device, counter), ops: [{ o: 'tags-add', ids: ['p-1'], tag }] });
const lines = (...entries: StampedEntry[]): string => entries.map((e) => `${JSON.stringify(e)}\n`).join('');

async function put(dir: string, device: string, name: string, text: string): Promise<void> {
  await mkdir(path.join(dir, DEVICES_DIR, device), { recursive: true });
  await writeFile(path.join(dir, DEVICES_DIR, device, name), text);
}

test('journal names: sequence order, six digits at least', () => {
  assert.equal(journalFileName(1), 'journal-000001.jsonl');
  assert.equal(journalFileName(1234567), 'journal-1234567.jsonl');
});

test('parseDeviceJournal: complete lines only; the tail waits; foreign or broken lines are damage', () => {
  const rows: Array<{ name: string; text: string; entries: number; pending: number; damaged: number }> = [
    { name: 'empty', text: '', entries: 0, pending: 0, damaged: 0 },
    { name: 'two lines', text: lines(entry('desk', 0), entry('desk', 1)), entries: 2, pending: 0, damaged: 0 },
    { name: 'cut mid-line', text: `${lines(entry('desk', 0))}{"hlc":"01999`, entries: 1, pending: 13, damaged: 0 },
    { name: 'only a partial line', text: '{"hlc"', entries: 0, pending: 6, damaged: 0 },
    { name: 'a complete line of junk', text: `not json\n${lines(entry('desk', 2))}`, entries: 1, pending: 0, damaged: 1 },
    { name: 'a line stamped by another device', text: lines(entry('laptop', 0), entry('desk', 3)), entries: 1, pending: 0, damaged: 1 },
    { name: 'an op of an unknown kind', text: `${JSON.stringify({ hlc: stamp('desk', 4), ops: [{ o: 'explode' }] })}\n`, entries: 0, pending: 0, damaged: 1 },
    { name: 'blank lines and CRLF-free whitespace', text: `\n  \n${lines(entry('desk', 5))}`, entries: 1, pending: 0, damaged: 0 },
    { name: 'a multi-byte character cut at the end', text: `${lines(entry('desk', 6, 'café'))}${JSON.stringify(entry('desk', 7, 'naïve')).slice(0, 60)}`, entries: 1, pending: 60, damaged: 0 },
  ];
  for (const row of rows) {
    const read = parseDeviceJournal(Buffer.from(row.text), 'desk');
    assert.deepEqual({ entries: read.entries.length, pending: read.pendingBytes, damaged: read.damagedLines }, { entries: row.entries, pending: row.pending, damaged: row.damaged }, row.name);
  }
});

test('devices/: journals in order, conflict copies read as more journals, arriving files waiting, nothing changed', async (t) => {
  const dir = await tempDir(t);
  await put(dir, 'desk', journalFileName(2), lines(entry('desk', 3)));
  await put(dir, 'desk', journalFileName(1), lines(entry('desk', 1), entry('desk', 2)));
  // Copies as Syncthing, Dropbox, Nextcloud, iCloud, Google Drive and git name them; some hold a line the original lacks.
  await put(dir, 'desk', 'journal-000002.sync-conflict-20261205-101112-ABCDEFG.jsonl', lines(entry('desk', 3), entry('desk', 4)));
  await put(dir, 'desk', "journal-000001 (Ann's conflicted copy 2026-12-05).jsonl", lines(entry('desk', 1)));
  await put(dir, 'desk', 'journal-000001 (conflicted copy 2026-12-05 101112).jsonl', lines(entry('desk', 5)));
  await put(dir, 'desk', 'journal-000001 2.jsonl', lines(entry('desk', 6)));
  await put(dir, 'desk', 'journal-000001 (1).jsonl', lines(entry('desk', 7)));
  await put(dir, 'desk', 'journal-000001.jsonl.orig', lines(entry('desk', 8)));
  await put(dir, 'laptop', journalFileName(1), `${lines(entry('laptop', 1))}{"hlc":"0`);
  await put(dir, 'laptop', '.syncthing.journal-000002.jsonl.tmp', 'partial');
  await put(dir, 'laptop', '.imports.jsonl.icloud', '');
  await put(dir, 'laptop', 'notes.txt', 'not Folio’s: ignored');
  await put(dir, 'not.a-device', journalFileName(1), lines(entry('desk', 9)));
  await mkdir(path.join(dir, DEVICES_DIR, 'empty'), { recursive: true });
  const before = await snapshotTree(dir);

  const folders = await listDeviceFolders(dir);
  assert.deepEqual(folders.map((f) => f.device), ['desk', 'empty', 'laptop'], 'a folder whose name is no device id is not one');
  assert.deepEqual(folders[0]?.journals.slice(0, 2), ['journal-000001.jsonl', 'journal-000002.jsonl']);
  assert.equal(folders[0]?.journals.length, 8, folders[0]?.journals.join(' | '));
  assert.deepEqual(folders[2]?.arriving, ['imports.jsonl', 'journal-000002.jsonl']);

  const read = await readDeviceJournals(dir);
  const desk = read.entries.filter((e) => e.hlc.endsWith('-desk')).map((e) => e.hlc);
  assert.deepEqual([...new Set(desk)].sort(), [1, 2, 3, 4, 5, 6, 7, 8].map((n) => stamp('desk', n)), 'every line of every copy is read');
  assert.deepEqual(read.byDevice, [
    { device: 'desk', entries: 8, latest: stamp('desk', 8), waiting: 0, damagedLines: 0 },
    { device: 'empty', entries: 0, latest: null, waiting: 0, damagedLines: 0 },
    { device: 'laptop', entries: 1, latest: stamp('laptop', 1), waiting: 3, damagedLines: 0 },
  ]);
  assert.equal(read.waiting, 3, 'two arriving files and one journal cut mid-line');
  assert.deepEqual(await snapshotTree(dir), before, 'reading changes nothing');
});

test('no devices/ folder: nothing to read, nothing waiting', async (t) => {
  const dir = await tempDir(t);
  assert.deepEqual(await readDeviceJournals(dir), { entries: [], byDevice: [], waiting: 0 });
});
