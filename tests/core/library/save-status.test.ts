// When the disk refuses a write: edits are reported as not saved, kept in memory and retried; best-effort work
// (backups, compaction) fails without failing anything; the save status says which is which.
import assert from 'node:assert/strict';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, test } from 'node:test';
import type { SaveStatus } from '../../../electron/core/api.js';
import { FolioCore } from '../../../electron/core/folio.js';
import { faults } from '../../../electron/core/library/disk.js';
import { NotSavedError, asNotSaved } from '../../../electron/core/library/errors.js';
import { Library } from '../../../electron/core/library/index.js';
import { lineFor, withoutSuperseded } from '../../../electron/core/library/journal.js';
import type { JournalOp } from '../../../electron/core/library/schema.js';
import { snapshotTree } from '../../helpers/tree.js';
import { libraryPath, openLib, paper, parsed } from './helpers.js';
import { backupsOf, lockOf } from '../../helpers/local-state.js';

afterEach(() => faults.clear());

test('NotSavedError: one line per cause, naming the folder and what to do', async (t) => {
  const rows: Array<{ code: string | undefined; expected: RegExp }> = [
    { code: 'ENOSPC', expected: /^Not saved: the disk holding \/lib is full\. Free some space, then try again\.$/ },
    { code: 'EDQUOT', expected: /^Not saved: your disk quota for \/lib is used up\. Free some space or ask for a larger quota/ },
    { code: 'EROFS', expected: /^Not saved: the disk holding \/lib is read-only\. Make it writable/ },
    { code: 'EACCES', expected: /^Not saved: Folio is not allowed to write to \/lib\. Check the folder's permissions/ },
    { code: 'EPERM', expected: /^Not saved: Folio is not allowed to write to \/lib\./ },
    { code: 'EIO', expected: /^Not saved: the disk holding \/lib reported an I\/O error\. Check the disk/ },
    { code: 'EMFILE', expected: /^Not saved: Folio could not write to \/lib \(EMFILE\)\. Check the disk, then try again\.$/ },
    { code: undefined, expected: /^Not saved: Folio could not write to \/lib \(unknown error\)\./ },
  ];
  for (const { code, expected } of rows) {
    await t.test(String(code), () => {
      const error = new NotSavedError(code, '/lib');
      assert.match(error.message, expected);
      assert.doesNotMatch(error.message, /\n/);
      assert.equal(error.code, code);
    });
  }
  await t.test('asNotSaved wraps errno errors only', () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    const wrapped = asNotSaved(enospc, '/lib');
    assert.ok(wrapped instanceof NotSavedError);
    assert.equal(wrapped.cause, enospc);
    const bug = new TypeError('not a disk error');
    assert.equal(asNotSaved(bug, '/lib'), bug);
    assert.equal(asNotSaved(wrapped, '/other'), wrapped);
  });
});

test('unsaved lines: one whose every key is set again later is dropped, the order is kept', async (t) => {
  const data = (note: string) => ({ tags: [], note, status: 'unread' as const });
  const paperOp = (id: string, note = id): JournalOp => ({ o: 'paper', id, data: data(note) });
  const tagsOp: JournalOp = { o: 'tags', tags: [{ name: 'ml', color: '#e5484d' }] };
  const rows: Array<{ name: string; lines: JournalOp[][]; kept: number[] }> = [
    { name: 'nothing', lines: [], kept: [] },
    { name: 'one line', lines: [[paperOp('a')]], kept: [0] },
    { name: 'the same paper again and again', lines: [[paperOp('a', '1')], [paperOp('a', '2')], [paperOp('a', '3')]], kept: [2] },
    { name: 'different papers', lines: [[paperOp('a')], [paperOp('b')], [paperOp('c')]], kept: [0, 1, 2] },
    { name: 'interleaved', lines: [[paperOp('a', '1')], [paperOp('b')], [paperOp('a', '2')]], kept: [1, 2] },
    { name: 'a line with a key nobody sets again stays', lines: [[tagsOp, paperOp('a', '1')], [paperOp('a', '2')]], kept: [0, 1] },
    { name: 'a line wholly covered by a later one goes', lines: [[tagsOp, paperOp('a', '1')], [paperOp('a', '2'), tagsOp]], kept: [1] },
    { name: 'covered by two later lines together', lines: [[paperOp('a'), paperOp('b')], [paperOp('a')], [paperOp('b')]], kept: [1, 2] },
  ];
  for (const { name, lines, kept } of rows) {
    await t.test(name, () => {
      const all = lines.map((ops, i) => lineFor({ at: `2026-01-01T00:00:0${i}.000Z`, ops }));
      assert.deepEqual(withoutSuperseded(all).map((line) => all.indexOf(line)), kept);
    });
  }
});

async function libraryWithPapers(t: Parameters<typeof openLib>[0], options?: Parameters<typeof openLib>[2]) {
  const dir = await libraryPath(t);
  const lib = await openLib(t, dir, options);
  const { addedIds } = await lib.commitImport('raw', parsed('A B', [paper('One'), paper('Two'), paper('Three')]), 1);
  return { dir, lib, ids: addedIds as [string, string, string] };
}

function statuses(lib: Library): SaveStatus[] {
  const seen: SaveStatus[] = [];
  lib.onChange((change) => {
    if (change.kind === 'save-status') seen.push(change.status);
  });
  return seen;
}

test('a failed append: the edit rejects, stays in memory, and is written before the next edit', async (t) => {
  const { dir, lib, ids } = await libraryWithPapers(t);
  const seen = statuses(lib);
  const changes: string[] = [];
  lib.onChange((change) => changes.push(change.kind));
  const journalBefore = await readFile(path.join(dir, 'user.journal'), 'utf8');
  const remove = faults.inject({ site: 'user.journal', op: 'write', kind: 'short' });
  await assert.rejects(lib.setNote(ids[0], 'kept in memory'), (error: unknown) => {
    assert.ok(error instanceof NotSavedError);
    assert.equal(error.code, 'ENOSPC');
    assert.equal(error.message, `Not saved: the disk holding ${dir} is full. Free some space, then try again.`);
    return true;
  });
  assert.equal(lib.userData(ids[0]).note, 'kept in memory', 'the edit stays applied');
  assert.ok(changes.includes('user-data'), 'and is shown');
  assert.equal(await readFile(path.join(dir, 'user.journal'), 'utf8'), journalBefore, 'the torn append was cut off');
  assert.equal(lib.saveStatus.unsavedEdits, 1);
  assert.equal(lib.saveStatus.error, `Not saved: the disk holding ${dir} is full. Free some space, then try again.`);
  assert.ok(lib.saveStatus.since);
  assert.deepEqual(seen.map((s) => s.unsavedEdits), [1]);

  await assert.rejects(lib.setStatus(ids[1], 'read'), NotSavedError);
  assert.equal(lib.saveStatus.unsavedEdits, 2);
  remove();
  await lib.setTags(ids[2], ['after']); // writes the two unsaved lines first, in the same append
  assert.equal(lib.saveStatus.unsavedEdits, 0);
  assert.equal(lib.saveStatus.error, null);
  assert.deepEqual(seen.map((s) => s.unsavedEdits), [1, 2, 0]);
  await lib.close();
  const again = await openLib(t, dir);
  assert.equal(again.userData(ids[0]).note, 'kept in memory');
  assert.equal(again.userData(ids[1]).status, 'read');
  assert.deepEqual(again.userData(ids[2]).tags, ['after']);
});

test('an edit retried again and again while the disk is full counts once', async (t) => {
  const { lib, ids } = await libraryWithPapers(t);
  const remove = faults.inject({ site: 'user.journal', op: 'write', kind: 'ENOSPC' });
  for (let n = 1; n <= 5; n++) await assert.rejects(lib.setNote(ids[0], `attempt ${n}`), NotSavedError);
  await assert.rejects(lib.setStatus(ids[1], 'reading'), NotSavedError);
  assert.equal(lib.saveStatus.unsavedEdits, 2, 'one note (its last text) and one status');
  await assert.rejects(lib.retryUnsaved(), NotSavedError);
  remove();
  await lib.retryUnsaved();
  assert.equal(lib.saveStatus.unsavedEdits, 0);
  const lines = (await readFile(path.join(lib.dir, 'user.journal'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((line) => line.ops[0].text || line.ops[0].status), ['attempt 5', 'reading']);
});

test('close with unsaved edits: one retry; when it fails nothing is compacted, and the lock is released', async (t) => {
  const { dir, lib, ids } = await libraryWithPapers(t, { journalThresholds: { maxEntries: 1000 } });
  await lib.setNote(ids[0], 'saved');
  await lib.flush();
  const userJsonBefore = await readFile(path.join(dir, 'user.json')).catch(() => null);
  faults.inject({ site: 'user.journal', op: 'write', kind: 'ENOSPC' });
  await assert.rejects(lib.setNote(ids[1], 'never saved'), NotSavedError);
  await lib.close(); // resolves
  assert.deepEqual(await readFile(path.join(dir, 'user.json')).catch(() => null), userJsonBefore, 'user.json not rewritten');
  await assert.rejects(stat(await lockOf(dir)), { code: 'ENOENT' });
  faults.clear();
  const again = await openLib(t, dir);
  assert.equal(again.userData(ids[0]).note, 'saved');
  assert.equal(again.userData(ids[1]).note, '', 'reported as not saved, and not saved');
  assert.deepEqual(again.problems, []);
});

test('the background user.json snapshot waits while edits are unsaved', async (t) => {
  const { dir, lib, ids } = await libraryWithPapers(t, { journalThresholds: { maxEntries: 2 } });
  const remove = faults.inject({ site: 'user.journal', op: 'write', kind: 'ENOSPC', skip: 2 });
  await lib.setNote(ids[0], 'one');
  await lib.setNote(ids[1], 'two'); // the threshold: rotation, snapshot in the background
  await assert.rejects(lib.setNote(ids[2], 'unsaved'), NotSavedError);
  await lib.flush();
  const userJson = await readFile(path.join(dir, 'user.json'), 'utf8').catch(() => '');
  assert.doesNotMatch(userJson, /unsaved/, 'an edit reported as not saved is not made durable behind its back');
  remove();
  await lib.retryUnsaved();
  await lib.close();
  const again = await openLib(t, dir);
  assert.deepEqual([0, 1, 2].map((i) => again.userData(ids[i] as string).note), ['one', 'two', 'unsaved']);
});

test('a session backup that fails: the edit is saved, the status says backups are not made, no half backup is left', async (t) => {
  const { dir, lib } = await libraryWithPapers(t);
  await lib.close();
  const again = await openLib(t, dir);
  const id = again.papers()[0]?.id ?? '';
  const backupsBefore = await readdir(await backupsOf(dir));
  faults.inject({ site: 'backup', op: 'write', kind: 'ENOSPC', skip: 1 });
  await again.setNote(id, 'saved anyway');
  await again.flush();
  assert.deepEqual(again.saveStatus.warnings, [`Backups are not being made: the disk holding ${dir} is full.`]);
  assert.equal(again.saveStatus.unsavedEdits, 0);
  assert.deepEqual(await readdir(await backupsOf(dir)), backupsBefore, 'the half-made backup is removed');
  await again.close();
  faults.clear();
  const third = await openLib(t, dir);
  assert.equal(third.userData(id).note, 'saved anyway');
});

test('compaction at close failing: close resolves, the journal stays the source of truth', async (t) => {
  const { dir, lib, ids } = await libraryWithPapers(t);
  await lib.setNote(ids[0], 'in the journal');
  faults.inject({ site: 'user.json', op: 'rename', kind: 'EIO' });
  await lib.close();
  faults.clear();
  assert.match(await readFile(path.join(dir, 'user.journal'), 'utf8'), /in the journal/);
  const again = await openLib(t, dir);
  assert.equal(again.userData(ids[0]).note, 'in the journal');
  assert.deepEqual(again.problems, []);
});

test('a rotated journal that cannot be deleted is never replayed over newer edits', async (t) => {
  const { dir, lib, ids } = await libraryWithPapers(t, { journalThresholds: { maxEntries: 2 } });
  faults.inject({ site: 'journal-rotation', op: 'unlink', kind: 'EIO' });
  await lib.setTags(ids[0], ['old']);
  await lib.setNote(ids[1], 'x'); // rotation: user.journal.1 holds the 'old' tag, and stays (unlink fails)
  await lib.flush();
  await lib.renameTag('old', 'new'); // only in user.journal
  await lib.close(); // compaction: user.json gets everything; user.journal.1 still cannot be deleted
  faults.clear();
  const again = await openLib(t, dir);
  assert.deepEqual(again.userData(ids[0]).tags, ['new']);
  assert.deepEqual(again.tagDefinitions().map((tag) => tag.name), ['new']);
});

test('a rotation whose new journal cannot be created is undone; edits go on into user.journal', async (t) => {
  const { dir, lib, ids } = await libraryWithPapers(t, { journalThresholds: { maxEntries: 2 } });
  faults.inject({ site: 'journal-rotation', op: 'open', kind: 'ENOSPC' });
  for (let n = 1; n <= 5; n++) await lib.setNote(ids[n % 3] as string, `edit ${n}`);
  await lib.flush();
  const names = await readdir(dir);
  assert.ok(names.includes('user.journal'));
  assert.deepEqual(names.filter((n) => /^user\.journal\.\d+$/.test(n)), []);
  assert.match(lib.saveStatus.warnings.join(' '), /not being folded into user\.json/);
  await lib.close();
  faults.clear();
  const again = await openLib(t, dir);
  assert.deepEqual([1, 2, 0].map((i) => again.userData(ids[i] as string).note), ['edit 4', 'edit 5', 'edit 3']);
});

test('a torn journal tail whose compaction at open fails is still cut before the next append', async (t) => {
  const { dir, lib, ids } = await libraryWithPapers(t);
  await lib.setNote(ids[0], 'first');
  await lib.close();
  const journal = path.join(dir, 'user.journal');
  const { appendFile } = await import('node:fs/promises');
  await appendFile(journal, '{"at":"2026-01-01T00:00:00.000Z","ops":[{"o":"paper","id":"torn');
  faults.inject({ site: 'user.json', op: 'write', kind: 'ENOSPC' });
  const again = await openLib(t, dir);
  assert.match(again.problems.join(' '), /incomplete edit/);
  await again.setNote(ids[1], 'second');
  await again.close();
  faults.clear();
  const third = await openLib(t, dir);
  assert.deepEqual([third.userData(ids[0]).note, third.userData(ids[1]).note], ['first', 'second']);
});

test('a failed import removes what it wrote and leaves library.json and memory as they were', async (t) => {
  const { dir, lib } = await libraryWithPapers(t);
  await lib.flush();
  const before = await snapshotTree(dir);
  faults.inject({ site: 'library.json', op: 'write', kind: 'short' });
  await assert.rejects(lib.commitImport('second paste', parsed('C D', [paper('Four')]), 1), (error: unknown) => {
    assert.ok(error instanceof NotSavedError);
    assert.match(error.message, /^Not saved: the disk holding .* is full\./);
    return true;
  });
  assert.equal(lib.papers().length, 3);
  assert.equal(lib.profiles().length, 1);
  await lib.flush();
  const after = await snapshotTree(dir);
  // The session backup taken before library.json was to be replaced is outside the folder: nothing is new.
  const added = Object.keys(after).filter((file) => !(file in before));
  assert.deepEqual(added, [], `left behind: ${added.join(', ')}`);
  for (const file of Object.keys(before)) assert.equal(after[file], before[file], `${file} unchanged`);
});

test('FolioCore retries unsaved edits on its timer once the disk takes them again', async (t) => {
  const dir = await libraryPath(t);
  const core = await FolioCore.open(dir, { saveRetryMs: 10 });
  t.after(() => core.close());
  await core.library.commitImport('raw', parsed('A B', [paper('One')]), 1);
  const id = core.library.papers()[0]?.id ?? '';
  const remove = faults.inject({ site: 'user.journal', op: 'write', kind: 'ENOSPC' });
  await assert.rejects(core.setNote(id, 'later'), NotSavedError);
  assert.equal((await core.saveStatus()).unsavedEdits, 1);
  const saved = new Promise<void>((resolve) => {
    core.onChanged((change) => {
      if (change.kind === 'save-status' && change.status.unsavedEdits === 0) resolve();
    });
  });
  remove();
  // The retry timer never keeps a process alive (a CLI exits without waiting for it); the app's event loop does.
  const appAlive = setInterval(() => undefined, 1000);
  await saved.finally(() => clearInterval(appAlive)); // no retryUnsaved() call: the timer did it
  assert.match(await readFile(path.join(dir, 'user.journal'), 'utf8'), /later/);
});

test('repairs started at open that the disk refuses are in the save status before any change, and clear once done', async (t) => {
  const dir = await libraryPath(t);
  const first = await Library.open(dir);
  await first.commitImport('raw', parsed('A B', [paper('One')]), 1);
  const id = first.papers()[0]?.id ?? '';
  await first.setNote(id, 'kept');
  await first.close();
  await writeFile(path.join(dir, 'library.json'), '{ damaged'); // the open plans: move it aside, write the backup back
  const remove = faults.inject({ site: 'move-aside', op: 'rename', kind: 'ENOSPC' });
  const core = await FolioCore.open(dir); // the app's default: repairs start right after open
  t.after(() => core.close());
  const warned = await waitForStatus(core, (status) => status.warnings.some((w) => w.startsWith('The library could not be repaired yet')));
  assert.equal(warned.unsavedEdits, 0, 'nothing the user did is unsaved');
  remove();
  await core.setNote(id, 'after'); // the first change runs the repairs again
  assert.deepEqual((await core.saveStatus()).warnings, []);
});

async function waitForStatus(core: FolioCore, wanted: (status: SaveStatus) => boolean): Promise<SaveStatus> {
  const now = await core.saveStatus();
  if (wanted(now)) return now;
  return new Promise((resolve) => {
    const stop = core.onChanged((change) => {
      if (change.kind === 'save-status' && wanted(change.status)) {
        stop();
        resolve(change.status);
      }
    });
  });
}
