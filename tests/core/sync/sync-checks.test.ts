// The checks the multi-device store tests rely on (tests/helpers/folio-devices.ts, folio-sync-checks.ts), on
// hand-made folders and entries: which journal lines count, and that a lost action or a wrong view is caught.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { StampedEntry } from '../../../electron/core/sync/ops.js';
import { journalEntries, type LibraryView } from '../../helpers/folio-devices.js';
import { assertMatchesStampOrder, assertNothingLost } from '../../helpers/folio-sync-checks.js';

const stamp = (ms: number, device: string): string => `${ms.toString(16).padStart(12, '0')}-00000000-${device}`;
const line = (entry: StampedEntry): string => `${JSON.stringify(entry)}\n`;
const addMl: StampedEntry = { hlc: stamp(1, 'desk'), ops: [{ o: 'tags-add', ids: ['p1'], tag: 'ml' }] };
const noteDesk: StampedEntry = { hlc: stamp(2, 'desk'), ops: [{ o: 'note', id: 'p1', text: 'desk' }] };
const noteLaptop: StampedEntry = { hlc: stamp(3, 'laptop'), ops: [{ o: 'note', id: 'p1', text: 'laptop' }] };
const removeMl: StampedEntry = { hlc: stamp(4, 'laptop'), seen: { desk: stamp(1, 'desk') }, ops: [{ o: 'tags-remove', ids: ['p1'], tag: 'ML' }] };

test('journalEntries: complete lines of every device journal and of conflict copies of journals, deduplicated; nothing else', async (t) => {
  const library = await mkdtemp(path.join(os.tmpdir(), 'folio-sync-checks-'));
  t.after(() => rm(library, { recursive: true, force: true }));
  await mkdir(path.join(library, 'devices', 'desk'), { recursive: true });
  await mkdir(path.join(library, 'devices', 'laptop'), { recursive: true });
  await writeFile(path.join(library, 'devices', 'desk', 'journal-000001.jsonl'), line(addMl) + line(noteDesk));
  // A copy made by Syncthing, holding one entry of the original and a line cut short by a transfer.
  await writeFile(path.join(library, 'devices', 'desk', 'journal-000001.sync-conflict-20261205-101112-ABCDEFG.jsonl'), line(addMl) + line(noteLaptop).slice(0, 30));
  await writeFile(path.join(library, 'devices', 'laptop', 'journal-000002.jsonl'), line(noteLaptop) + line(removeMl).slice(0, -1));
  await writeFile(path.join(library, 'devices', 'laptop', 'imports.jsonl'), line(removeMl));
  await writeFile(path.join(library, 'devices', 'laptop', '.syncthing.journal-000003.jsonl.tmp'), line(removeMl));
  const hlcs = (await journalEntries(library)).map((entry) => entry.hlc).sort();
  assert.deepEqual(hlcs, [addMl.hlc, noteDesk.hlc, noteLaptop.hlc]);
});

test('assertNothingLost: finds each confirmed action by its device, and names one that is missing', () => {
  const entries = [addMl, noteDesk, noteLaptop, removeMl];
  assert.equal(
    assertNothingLost(
      [
        { device: 'desk', kind: 'tags-add', id: 'p1', tag: 'ML' },
        { device: 'laptop', kind: 'tags-remove', id: 'p1', tag: 'ml' },
        { device: 'laptop', kind: 'note', id: 'p1', text: 'laptop' },
        { device: 'desk', kind: 'import', file: 'x.txt' },
      ],
      entries,
    ),
    3,
  );
  assert.throws(() => assertNothingLost([{ device: 'desk', kind: 'note', id: 'p1', text: 'laptop' }], entries), /confirmed on desk and not in its journal/);
  assert.throws(() => assertNothingLost([{ device: 'laptop', kind: 'status', id: 'p1', status: 'read' }], entries), /not in its journal/);
});

test('assertMatchesStampOrder: the replay of the entries, compared per paper; a view that differs is caught', () => {
  const paper = (fields: Record<string, unknown>) => ({ id: 'p1', title: 'P', tags: [], note: '', status: 'unread', ...fields });
  const view = (fields: Record<string, unknown>, trashed = false): LibraryView => ({ papers: trashed ? [] : [paper(fields)], trashed: trashed ? [paper(fields)] : [], profiles: [] });
  const entries = [addMl, noteDesk, noteLaptop, removeMl];
  assertMatchesStampOrder(view({ note: 'laptop' }), entries);
  assert.throws(() => assertMatchesStampOrder(view({ note: 'desk' }), entries), /one device applying 4 entries/);
  assert.throws(() => assertMatchesStampOrder(view({ note: 'laptop', tags: ['ml'] }), entries));
  assert.throws(() => assertMatchesStampOrder(view({ note: 'laptop' }, true), entries));
  // A removal that had not seen the add leaves the tag.
  const blindRemove: StampedEntry = { ...removeMl, seen: {} };
  assertMatchesStampOrder(view({ note: 'laptop', tags: ['ml'] }), [addMl, noteDesk, noteLaptop, blindRemove]);
});
