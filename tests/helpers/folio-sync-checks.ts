// What every multi-device test of the real store checks, whatever engine moved the files (the simulator, git,
// Syncthing): random user actions through the CLI, remembered once confirmed; all devices showing the same library;
// that library equal to one device replaying every journal entry in stamp order; and every confirmed action present
// in its device's journal.
import assert from 'node:assert/strict';
import path from 'node:path';
import { tagIdentity } from '../../electron/core/sync/fold.js';
import { deviceOf } from '../../electron/core/sync/hlc.js';
import type { StampedEntry, SyncedOp } from '../../electron/core/sync/ops.js';
import { READING_STATUSES } from '../../electron/core/model.js';
import { journalEntries, type FolioDevice, type LibraryView } from './folio-devices.js';
import { applyInStampOrder } from './sync-sequential.js';
import { FIXTURES } from './tree.js';

export const PASTES = ['profile-overlap-a.txt', 'profile-overlap-b.txt', 'profile-overlap-c.txt', 'profile-sabela-ramos.txt'].map((name) => path.join(FIXTURES, name));
const TAGS = ['ml', 'survey', 'to-read', 'Graph', 'ébauche', '模型'];

/** A user action the CLI confirmed (exit 0): what must be found in the device's journal afterwards. */
export type ConfirmedAction =
  | { device: string; kind: 'tags-add' | 'tags-remove'; id: string; tag: string }
  | { device: string; kind: 'status'; id: string; status: string }
  | { device: string; kind: 'note'; id: string; text: string }
  | { device: string; kind: 'trash' | 'untrash'; id: string }
  | { device: string; kind: 'import'; file: string };

type Paper = LibraryView['papers'][number] & { tags?: string[] };

/**
 * One random action on `device`, chosen from what it shows now, run through the CLI. Returns the action when the
 * CLI confirmed it; throws when the CLI refused something this device showed as possible.
 */
export async function randomAction(device: FolioDevice, random: () => number, step: number, importChance = 0.05): Promise<ConfirmedAction> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const { papers, trashed } = await device.view();
  const roll = random();
  let action: ConfirmedAction;
  let args: string[];
  if (papers.length === 0 || roll < importChance) {
    const file = pick(PASTES);
    action = { device: device.id, kind: 'import', file };
    args = ['import', file];
  } else if (roll < 0.55) {
    const paper = pick(papers) as Paper;
    const tags = paper.tags ?? [];
    const tag = pick(TAGS);
    const has = tags.find((t) => tagIdentity(t) === tagIdentity(tag));
    action = has ? { device: device.id, kind: 'tags-remove', id: paper.id, tag: has } : { device: device.id, kind: 'tags-add', id: paper.id, tag };
    args = ['tag', has ? 'remove' : 'add', paper.id, has ?? tag];
  } else if (roll < 0.7) {
    const paper = pick(papers);
    const status = pick(READING_STATUSES);
    action = { device: device.id, kind: 'status', id: paper.id, status };
    args = ['status', paper.id, status];
  } else if (roll < 0.87) {
    const paper = pick(papers);
    const text = `${device.id} ${step}: ${pick(['read §3', 'see also BOND', 'ébauche ✓', '# Notes\n\n- one\n- two'])}`;
    action = { device: device.id, kind: 'note', id: paper.id, text };
    args = ['note', 'set', paper.id, text];
  } else if (roll < 0.94 || trashed.length === 0) {
    const paper = pick(papers);
    action = { device: device.id, kind: 'trash', id: paper.id };
    args = ['trash', paper.id];
  } else {
    const paper = pick(trashed);
    action = { device: device.id, kind: 'untrash', id: paper.id };
    args = ['restore', paper.id];
  }
  await device.ok(args);
  return action;
}

/** Every device shows the same papers, Trash and profiles (the first device's view is returned). */
export async function assertConverged(devices: readonly FolioDevice[], context = ''): Promise<LibraryView> {
  const [first, ...others] = devices as [FolioDevice, ...FolioDevice[]];
  const reference = await first.view();
  for (const device of others) assert.deepEqual(await device.view(), reference, `${device.id} shows what ${first.id} shows ${context}`);
  return reference;
}

function opConfirms(op: SyncedOp, action: Exclude<ConfirmedAction, { kind: 'import' }>): boolean {
  if (op.o !== action.kind) return false;
  switch (action.kind) {
    case 'tags-add':
    case 'tags-remove':
      return 'tag' in op && 'ids' in op && op.ids.includes(action.id) && tagIdentity(op.tag) === tagIdentity(action.tag);
    case 'status':
      return op.o === 'status' && op.ids.includes(action.id) && op.status === action.status;
    case 'note':
      return op.o === 'note' && op.id === action.id && op.text === action.text;
    case 'trash':
    case 'untrash':
      return 'ids' in op && op.ids.includes(action.id);
  }
}

/** Each confirmed user-data action is an op in an entry its own device stamped. Returns how many were checked. */
export function assertNothingLost(actions: readonly ConfirmedAction[], entries: readonly StampedEntry[]): number {
  const byDevice = new Map<string, StampedEntry[]>();
  for (const entry of entries) byDevice.set(deviceOf(entry.hlc), [...(byDevice.get(deviceOf(entry.hlc)) ?? []), entry]);
  let checked = 0;
  for (const action of actions) {
    if (action.kind === 'import') continue;
    const found = (byDevice.get(action.device) ?? []).some((entry) => entry.ops.some((op) => opConfirms(op, action)));
    assert.ok(found, `confirmed on ${action.device} and not in its journal: ${JSON.stringify(action)}`);
    checked += 1;
  }
  return checked;
}

/**
 * The library a device shows equals one device replaying every journal entry (of every device) in stamp order:
 * per paper, its tags (by name, in any order), note, status and whether it is in the Trash.
 */
export function assertMatchesStampOrder(view: LibraryView, entries: readonly StampedEntry[]): void {
  const replayed = applyInStampOrder(entries);
  const shown = (paper: Paper, isTrashed: boolean) => ({
    tags: [...(paper.tags ?? [])].sort(),
    note: paper.note ?? '',
    status: paper.status ?? 'unread',
    trashed: isTrashed,
  });
  for (const [papers, isTrashed] of [[view.papers, false], [view.trashed, true]] as const) {
    for (const paper of papers as Paper[]) {
      const expected = replayed.papers[paper.id];
      assert.deepEqual(
        shown(paper, isTrashed),
        { tags: [...(expected?.tags ?? [])].sort(), note: expected?.note ?? '', status: expected?.status ?? 'unread', trashed: expected?.trashedAt !== undefined },
        `paper ${paper.id} as one device applying ${entries.length} entries in stamp order`,
      );
    }
  }
}

/** The union of the journal entries every folder holds (after a sync they hold the same ones). */
export async function allEntries(libraries: readonly string[]): Promise<StampedEntry[]> {
  const byStamp = new Map<string, StampedEntry>();
  for (const library of libraries) for (const entry of await journalEntries(library)) byStamp.set(entry.hlc, entry);
  return [...byStamp.values()];
}
