// What devices/ holds (docs/sync-design.md): each device's journal files, with the conflict copies sync engines
// made of them (read as more journals of that device), and the files still arriving. Reads only: nothing here moves,
// deletes or waits on a file; a journal cut mid-line is read up to its last newline and the rest counts as waiting.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { deviceOf, isDeviceId } from '../sync/hlc.js';
import { recognizeArrivingFile, recognizeConflictCopy } from '../sync/conflict-names.js';
import { stampedEntrySchema, type StampedEntry } from '../sync/ops.js';
import { errorCode } from './errors.js';

export const DEVICES_DIR = 'devices';
const JOURNAL_NAME = /^journal-(\d{6,})\.jsonl$/;
/** The names Folio writes in a device's folder (only these can have conflict copies or be arriving). */
const OWN_NAMES = [JOURNAL_NAME, /^device\.json$/, /^imports\.jsonl$/, /^snapshot-[0-9a-f]{12}-[0-9a-f]{8}-[A-Za-z0-9_-]{1,64}(?:\.stamps)?\.json$/];

export const isOwnDeviceFileName = (name: string): boolean => OWN_NAMES.some((pattern) => pattern.test(name));

export function journalFileName(sequence: number): string {
  return `journal-${String(sequence).padStart(6, '0')}.jsonl`;
}

export function journalSequence(name: string): number | null {
  const match = JOURNAL_NAME.exec(name);
  return match ? Number(match[1]) : null;
}

export interface DeviceFolder {
  device: string;
  /** The device's journals in sequence order, then conflict copies of them (by name): every one is read. */
  journals: string[];
  /** Files a sync engine is still writing or has not downloaded (their originals' names). */
  arriving: string[];
}

/** The device folders under devices/ (folders whose name is not a device id are not Folio's and are skipped). */
export async function listDeviceFolders(libraryDir: string): Promise<DeviceFolder[]> {
  const root = path.join(libraryDir, DEVICES_DIR);
  const entries = await readdir(root, { withFileTypes: true }).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  });
  const folders: DeviceFolder[] = [];
  for (const entry of entries.filter((e) => e.isDirectory() && isDeviceId(e.name)).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const names = await readdir(path.join(root, entry.name));
    const own: string[] = [];
    const copies: string[] = [];
    const arriving: string[] = [];
    for (const name of names) {
      if (journalSequence(name) !== null) own.push(name);
      else if (journalSequence(recognizeConflictCopy(name, isOwnDeviceFileName)?.original ?? '') !== null) copies.push(name);
      else {
        const coming = recognizeArrivingFile(name, isOwnDeviceFileName);
        if (coming) arriving.push(coming.original);
      }
    }
    own.sort((a, b) => (journalSequence(a) as number) - (journalSequence(b) as number));
    folders.push({ device: entry.name, journals: [...own, ...copies.sort()], arriving: arriving.sort() });
  }
  return folders;
}

export interface ReadJournal {
  entries: StampedEntry[];
  /** Bytes after the last newline: a line still arriving (it waits; it is never damage). */
  pendingBytes: number;
  /** Complete lines that are not an entry of this device (damage: reported, skipped). */
  damagedLines: number;
}

/**
 * A device journal's complete lines as entries. A line stamped by another device is damage here: one writer per
 * folder is what makes a device's journal a prefix of its history.
 */
export function parseDeviceJournal(bytes: Buffer, device: string): ReadJournal {
  const end = bytes.lastIndexOf(0x0a) + 1;
  const entries: StampedEntry[] = [];
  let damagedLines = 0;
  for (const line of bytes.subarray(0, end).toString('utf8').split('\n')) {
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      damagedLines++;
      continue;
    }
    const checked = stampedEntrySchema.safeParse(parsed);
    if (checked.success && deviceOf(checked.data.hlc) === device) entries.push(checked.data as StampedEntry);
    else damagedLines++;
  }
  return { entries, pendingBytes: bytes.length - end, damagedLines };
}

export interface DevicesRead {
  /** Every device's entries, conflict copies included (duplicates fold to nothing). */
  entries: StampedEntry[];
  /** Per device: its distinct entries (by stamp), its latest stamp, its files waiting, its damaged lines. */
  byDevice: Array<{ device: string; entries: number; latest: string | null; waiting: number; damagedLines: number }>;
  /** Files from other devices not complete yet: arriving files and journals that end mid-line. */
  waiting: number;
}

/** Reads every device's journals (the caller folds them). */
export async function readDeviceJournals(libraryDir: string): Promise<DevicesRead> {
  const read: DevicesRead = { entries: [], byDevice: [], waiting: 0 };
  for (const folder of await listDeviceFolders(libraryDir)) {
    const stamps = new Set<string>();
    let latest: string | null = null;
    let waiting = folder.arriving.length;
    let damagedLines = 0;
    for (const name of folder.journals) {
      const bytes = await readFile(path.join(libraryDir, DEVICES_DIR, folder.device, name)).catch((error: unknown) => {
        if (errorCode(error) === 'ENOENT') return Buffer.alloc(0); // removed since the listing (its owner compacted)
        throw error;
      });
      const journal = parseDeviceJournal(bytes, folder.device);
      for (const entry of journal.entries) {
        read.entries.push(entry);
        stamps.add(entry.hlc);
        if (latest === null || entry.hlc > latest) latest = entry.hlc;
      }
      if (journal.pendingBytes > 0) waiting++;
      damagedLines += journal.damagedLines;
    }
    read.byDevice.push({ device: folder.device, entries: stamps.size, latest, waiting, damagedLines });
    read.waiting += waiting;
  }
  return read;
}
