// What the CLI's `devices` and `sync-status` (and later the sidebar) show: the devices that wrote to a library folder,
// when each was last seen, and how many files from other devices are still arriving. Reads only.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHlc } from '../sync/hlc.js';
import { DEVICES_DIR, readDeviceJournals } from './device-files.js';
import type { DeviceIdentity } from './local-state.js';

export interface DeviceSummary {
  id: string;
  /** From its devices/<id>/device.json (this device: from its settings); null when not known yet. */
  name: string | null;
  isThisDevice: boolean;
  /** The latest stamp of its journals, and that stamp's clock time. */
  lastStamp: string | null;
  lastSeen: string | null;
  entries: number;
  /** Its files still arriving (a placeholder or temp file of the sync engine, a journal ending mid-line). */
  waiting: number;
  damagedLines: number;
}

export interface SyncStatus {
  devices: DeviceSummary[];
  waiting: number;
  /** "Waiting for 2 files from other devices." or "Nothing is waiting." */
  message: string;
}

async function deviceName(libraryDir: string, device: string): Promise<string | null> {
  try {
    const parsed = JSON.parse(await readFile(path.join(libraryDir, DEVICES_DIR, device, 'device.json'), 'utf8')) as { name?: unknown };
    return typeof parsed.name === 'string' ? parsed.name : null;
  } catch {
    return null;
  }
}

export async function syncStatus(libraryDir: string, thisDevice: DeviceIdentity | null): Promise<SyncStatus> {
  const read = await readDeviceJournals(libraryDir);
  const devices: DeviceSummary[] = [];
  for (const found of read.byDevice) {
    const isThisDevice = found.device === thisDevice?.deviceId;
    const wall = found.latest === null ? null : parseHlc(found.latest)?.wall;
    devices.push({
      id: found.device,
      name: (await deviceName(libraryDir, found.device)) ?? (isThisDevice ? (thisDevice?.deviceName ?? null) : null),
      isThisDevice,
      lastStamp: found.latest,
      lastSeen: wall === null || wall === undefined ? null : new Date(wall).toISOString(),
      entries: found.entries,
      waiting: found.waiting,
      damagedLines: found.damagedLines,
    });
  }
  if (thisDevice && !devices.some((d) => d.isThisDevice)) {
    devices.push({ id: thisDevice.deviceId, name: thisDevice.deviceName, isThisDevice: true, lastStamp: null, lastSeen: null, entries: 0, waiting: 0, damagedLines: 0 });
  }
  // Files this device is waiting for are other devices' (its own are written whole, by itself).
  const waiting = devices.filter((d) => !d.isThisDevice).reduce((sum, d) => sum + d.waiting, 0);
  const message = waiting === 0 ? 'Nothing is waiting.' : `Waiting for ${waiting} file${waiting === 1 ? '' : 's'} from other devices.`;
  return { devices, waiting, message };
}
