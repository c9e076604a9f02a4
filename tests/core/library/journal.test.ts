import assert from 'node:assert/strict';
import { appendFile, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { Library, TAG_PALETTE, TagError } from '../../../electron/core/library/index.js';
import { libraryPath, openLib, paper, parsed, readJson, spawnChild } from './helpers.js';
import { backupsOf } from '../../helpers/local-state.js';

async function seeded(t: Parameters<typeof libraryPath>[0], count = 3, options = {}): Promise<{ lib: Library; ids: string[] }> {
  const lib = await openLib(t, await libraryPath(t), options);
  const { addedIds } = await lib.commitImport('x', parsed('A B', Array.from({ length: count }, (_, i) => paper(`Paper ${i}`))), 1);
  return { lib, ids: addedIds };
}

test('kill -9 right after an edit resolves: the edit survives', async (t) => {
  const { lib, ids } = await seeded(t);
  const dir = lib.dir;
  const id = ids[0] ?? '';
  await lib.close();
  const note = 'Written by the child 🧪\r\nline two';
  const child = spawnChild(['note', dir, id, note]);
  t.after(() => child.proc.kill('SIGKILL'));
  await child.waitFor('saved');
  child.proc.kill('SIGKILL');
  const { signal } = await child.exited;
  assert.equal(signal, 'SIGKILL');
  // The child never compacted or released its lock: the note lives only in the journal.
  assert.match(await readFile(path.join(dir, 'user.journal'), 'utf8'), /Written by the child/);
  const again = await openLib(t, dir);
  assert.equal(again.userData(id).note, note);
  assert.equal(again.problems.length, 1);
  assert.match(again.problems[0] ?? '', /stale lock/);
});

test('a torn last journal line is ignored, reported, and cut off so later edits are not glued to it', async (t) => {
  const { lib, ids } = await seeded(t);
  const dir = lib.dir;
  const [a, b] = ids;
  assert.ok(a && b);
  await lib.close();
  // A real crash: the child saves a note and is killed; then half of a next line, as a crash mid-append leaves it.
  const child = spawnChild(['note', dir, a, 'complete']);
  t.after(() => child.proc.kill('SIGKILL'));
  await child.waitFor('saved');
  child.proc.kill('SIGKILL');
  await child.exited;
  const journalFile = path.join(dir, 'user.journal');
  assert.equal((await readFile(journalFile, 'utf8')).split('\n').filter(Boolean).length, 1);
  await appendFile(journalFile, `{"at":"2026-01-01T00:00:00.000Z","ops":[{"o":"paper","id":"${b}","data":{"tags":[],"note":"never sa`);

  const again = await openLib(t, dir);
  assert.equal(again.userData(a).note, 'complete');
  assert.equal(again.userData(b).note, '', 'the torn edit is not applied');
  assert.equal(again.problems.length, 2);
  assert.match(again.problems[0] ?? '', /stale lock/);
  assert.match(again.problems[1] ?? '', /user\.journal ended with an incomplete edit/);
  assert.ok((await stat(journalFile)).size > 0, 'opening writes nothing: the torn tail is still there');
  await again.prepareForWrites();
  assert.equal((await stat(journalFile)).size, 0, 'compacted before the first write: the torn tail is gone');
  const snapshot = (await readJson(path.join(dir, 'user.json'))) as { papers: Record<string, { note: string }> };
  assert.equal(snapshot.papers[a]?.note, 'complete');
  await again.setNote(b, 'after the crash');
  await again.close();
  const third = await openLib(t, dir);
  assert.deepEqual(third.problems, []);
  assert.equal(third.userData(b).note, 'after the crash');
});

test('an unreadable line in the middle of the journal is skipped and reported; the rest still applies', async (t) => {
  const { lib, ids } = await seeded(t);
  const dir = lib.dir;
  await lib.close();
  const line = (id: string, note: string): string => `${JSON.stringify({ at: 'x', ops: [{ o: 'paper', id, data: { tags: [], note, status: 'unread' } }] })}\n`;
  await appendFile(path.join(dir, 'user.journal'), `${line(ids[0] ?? '', 'one')}{"garbage\n${line(ids[1] ?? '', 'two')}`);
  const again = await openLib(t, dir, { readOnly: true });
  assert.equal(again.userData(ids[0] ?? '').note, 'one');
  assert.equal(again.userData(ids[1] ?? '').note, 'two');
  assert.equal(again.problems.length, 1);
  assert.match(again.problems[0] ?? '', /user\.journal line 2 is unreadable/);
});

test('coalescing: 100 concurrent setNote calls all resolve with far fewer fsyncd appends', async (t) => {
  const { lib, ids } = await seeded(t, 10);
  const writesBefore = lib.stats.journalWrites;
  const calls = Array.from({ length: 100 }, (_, i) => lib.setNote(ids[i % 10] ?? '', `note ${i}`));
  await Promise.all(calls);
  const writes = lib.stats.journalWrites - writesBefore;
  assert.ok(writes >= 1 && writes <= 10, `expected a handful of group commits, got ${writes}`);
  t.diagnostic(`100 concurrent setNote calls -> ${writes} append+fsync batches`);
  assert.equal(lib.stats.journalEntries, 100);
  for (let k = 0; k < 10; k++) assert.equal(lib.userData(ids[k] ?? '').note, `note ${90 + k}`, 'last write wins per paper');
  const lines = (await readFile(path.join(lib.dir, 'user.journal'), 'utf8')).split('\n').filter(Boolean);
  assert.equal(lines.length, 100, 'every edit is its own line, in call order');
  assert.equal((JSON.parse(lines[99] ?? '{}') as { ops: Array<{ text: string }> }).ops[0]?.text, 'note 99');
  const dir = lib.dir;
  await lib.close();
  const again = await openLib(t, dir);
  for (let k = 0; k < 10; k++) assert.equal(again.userData(ids[k] ?? '').note, `note ${90 + k}`);
});

test('the journal is compacted into user.json past its threshold, without losing edits that race the compaction', async (t) => {
  const { lib, ids } = await seeded(t, 5, { journalThresholds: { maxEntries: 20 } });
  const journalFile = path.join(lib.dir, 'user.journal');
  for (let i = 0; i < 45; i++) await lib.setNote(ids[i % 5] ?? '', `sequential ${i}`);
  assert.ok(lib.stats.compactions >= 2, `compactions: ${lib.stats.compactions}`);
  assert.ok(lib.stats.journalEntries < 20);
  const lines = (await readFile(journalFile, 'utf8')).split('\n').filter(Boolean).length;
  assert.equal(lines, lib.stats.journalEntries);
  await Promise.all(Array.from({ length: 60 }, (_, i) => lib.setStatus(ids[i % 5] ?? '', i % 2 ? 'read' : 'reading')));
  await Promise.all(Array.from({ length: 60 }, (_, i) => lib.setNote(ids[i % 5] ?? '', `burst ${i}`)));
  const expected = ids.map((id) => lib.userData(id));
  // Crash-like reopen: no close(), so whatever is in user.json + journal must be the full state.
  const dir = lib.dir;
  await lib.flush();
  const reader = await openLib(t, dir, { readOnly: true });
  assert.deepEqual(ids.map((id) => reader.userData(id)), expected);
  assert.deepEqual(reader.problems, []);
});

test('tags: normalisation, auto colours, colour changes, rename, merge, delete and restore', async (t) => {
  const { lib, ids } = await seeded(t, 4);
  const [a, b, c, d] = ids;
  assert.ok(a && b && c && d);
  await lib.setTags(a, ['ML', ' ml ', 'Theory', '   ']);
  await lib.setTags(b, ['ml', 'systems']);
  await lib.setTags(c, ['theory', 'Systems', 'ML']);
  assert.deepEqual(lib.userData(a).tags, ['ML', 'Theory']);
  assert.deepEqual(lib.userData(b).tags, ['ML', 'systems'], 'an existing tag keeps its spelling');
  assert.deepEqual(lib.tagDefinitions().map((x) => x.name), ['ML', 'Theory', 'systems']);
  const colors = lib.tagDefinitions().map((x) => x.color);
  assert.equal(new Set(colors).size, 3, 'new tags get distinct palette colours');
  for (const color of colors) assert.ok(TAG_PALETTE.includes(color));

  await lib.setTagColor('theory', '#ABCDEF');
  assert.equal(lib.tagDefinitions().find((x) => x.name === 'Theory')?.color, '#abcdef');

  await lib.renameTag('systems', 'Systems & OS');
  assert.deepEqual(lib.userData(b).tags, ['ML', 'Systems & OS']);
  assert.deepEqual(lib.userData(c).tags, ['Theory', 'Systems & OS', 'ML']);
  // Merge: c has both ML and Theory; renaming Theory to ml keeps one, but only when asked to merge.
  await assert.rejects(lib.renameTag('Theory', 'ml'), /A tag "ML" already exists/);
  assert.deepEqual(await lib.renameTag('Theory', 'ml', { merge: true }), { merged: true, name: 'ML' });
  assert.deepEqual(lib.userData(a).tags, ['ML']);
  assert.deepEqual(lib.userData(c).tags, ['ML', 'Systems & OS']);
  assert.deepEqual(lib.tagDefinitions().map((x) => x.name), ['ML', 'Systems & OS']);
  await assert.rejects(lib.renameTag('nope', 'x'), TagError);
  await assert.rejects(lib.renameTag('ML', '  '), TagError);

  const deletion = await lib.deleteTag('ml');
  assert.deepEqual(deletion.tag.name, 'ML');
  assert.deepEqual(deletion.paperIds.sort(), [a, b, c].sort());
  assert.deepEqual(lib.userData(a).tags, []);
  assert.deepEqual(lib.tagDefinitions().map((x) => x.name), ['Systems & OS']);
  await lib.restoreTag(deletion);
  assert.deepEqual(lib.userData(a).tags, ['ML']);
  assert.ok(lib.userData(c).tags.includes('ML'));
  assert.deepEqual(lib.tagDefinitions().find((x) => x.name === 'ML'), deletion.tag);

  const expected = { defs: lib.tagDefinitions(), a: lib.userData(a), b: lib.userData(b), c: lib.userData(c) };
  const dir = lib.dir;
  await lib.flush();
  const replayed = await openLib(t, dir, { readOnly: true }); // journal replay
  assert.deepEqual({ defs: replayed.tagDefinitions(), a: replayed.userData(a), b: replayed.userData(b), c: replayed.userData(c) }, expected);
  await lib.close();
  const compacted = await openLib(t, dir); // user.json snapshot
  assert.deepEqual({ defs: compacted.tagDefinitions(), a: compacted.userData(a), b: compacted.userData(b), c: compacted.userData(c) }, expected);
});

test('compaction rotates the journal: edits keep landing while user.json is written in the background', async (t) => {
  const { lib, ids } = await seeded(t, 5, { journalThresholds: { maxEntries: 4 } });
  const [a] = ids;
  assert.ok(a);
  const dir = lib.dir;
  // Edits fired together straddle a rotation; all resolve, and the files replay to the same state at any moment.
  await Promise.all(Array.from({ length: 30 }, (_, i) => lib.setNote(ids[i % 5] ?? '', `n${i}`)));
  const expected = ids.map((id) => lib.userData(id));
  const reader = await openLib(t, dir, { readOnly: true }); // whatever is on disk now, mid-compaction or not
  assert.deepEqual(ids.map((id) => reader.userData(id)), expected);
  await lib.flush(); // includes the background snapshot
  assert.deepEqual((await readdir(dir)).filter((n) => /^user\.journal\.\d+$/.test(n)), [], 'rotated files dropped once user.json holds them');
  assert.ok(lib.stats.compactions >= 1);
  await lib.close();
  const again = await openLib(t, dir);
  assert.deepEqual(ids.map((id) => again.userData(id)), expected);
  assert.deepEqual(again.problems, []);
});

test('open replays user.json, then user.journal.<n> oldest first, then user.journal, and folds them in', async (t) => {
  const { lib, ids } = await seeded(t, 3);
  const [a, b] = ids;
  assert.ok(a && b);
  const dir = lib.dir;
  await lib.setNote(a, 'in user.json');
  await lib.close();
  const line = (id: string, note: string): string => `${JSON.stringify({ at: 'x', ops: [{ o: 'paper', id, data: { tags: [], note, status: 'unread' } }] })}\n`;
  // As a crash between rotating and finishing the snapshot leaves it (two rotations deep).
  await writeFile(path.join(dir, 'user.journal.1'), line(a, 'rotated 1') + line(b, 'b rotated 1'));
  await writeFile(path.join(dir, 'user.journal.2'), line(a, 'rotated 2'));
  await writeFile(path.join(dir, 'user.journal.10'), line(a, 'rotated 10'));
  await writeFile(path.join(dir, 'user.journal'), line(a, 'current'));
  const reader = await openLib(t, dir, { readOnly: true });
  assert.equal(reader.userData(a).note, 'current');
  assert.equal(reader.userData(b).note, 'b rotated 1');
  assert.deepEqual(reader.problems, []);
  await writeFile(path.join(dir, 'user.journal'), '');
  const writer = await openLib(t, dir);
  await writer.prepareForWrites();
  assert.equal(writer.userData(a).note, 'rotated 10', 'numeric order: .10 after .2');
  assert.deepEqual((await readdir(dir)).filter((n) => n.startsWith('user.journal')), ['user.journal'], 'folded into user.json before the first write');
  const backup = (await readdir(await backupsOf(dir))).filter((n) => n !== 'segments').sort().pop();
  assert.ok(backup);
  assert.ok((await readdir(path.join(await backupsOf(dir), backup))).includes('user.journal.1'), 'the session backup keeps the rotated files');
  await writer.close();
  const snapshot = (await readJson(path.join(dir, 'user.json'))) as { papers: Record<string, { note: string }> };
  assert.equal(snapshot.papers[a]?.note, 'rotated 10');
  assert.equal(snapshot.papers[b]?.note, 'b rotated 1');
});

test('kill -9 at random points while the journal rotates and user.json is rewritten: every saved edit survives', async (t) => {
  const { lib, ids } = await seeded(t, 40);
  const [target, ...others] = ids;
  assert.ok(target);
  const dir = lib.dir;
  // A few MB of notes so that each background user.json write takes a while (a wider window to be killed in).
  const big = 'x'.repeat(60_000);
  for (const id of others) await lib.setNote(id, `${id} ${big}`);
  await lib.close();
  let sawRotated = 0;
  for (const stopAfter of [4, 7, 11, 15, 22]) {
    const child = spawnChild(['edits', dir, target]);
    t.after(() => child.proc.kill('SIGKILL'));
    await child.waitFor(`saved ${stopAfter}`);
    child.proc.kill('SIGKILL');
    await child.exited;
    // 'exit' can come before the last stdout chunks are read: wait for the pipe to close so no "saved" line is missed.
    const stdout = child.proc.stdout;
    if (!stdout.closed) await new Promise((resolve) => stdout.once('close', resolve));
    const saved = Math.max(...[...child.stdout().matchAll(/^saved (\d+)$/gm)].map((m) => Number(m[1])));
    if ((await readdir(dir)).some((n) => /^user\.journal\.\d+$/.test(n))) sawRotated++;
    const again = await Library.open(dir);
    const m = /^edit (\d+)$/.exec(again.userData(target).note);
    assert.ok(m, `note: ${again.userData(target).note.slice(0, 40)}`);
    const n = Number(m[1]);
    assert.ok(n === saved || n === saved + 1, `saved ${saved}, found edit ${n}`);
    for (const id of others) assert.equal(again.userData(id).note, `${id} ${big}`);
    assert.deepEqual(again.problems.filter((p) => !/stale lock/.test(p)), []);
    await again.prepareForWrites(); // what the app does right after open: fold the rotated files in
    await again.close();
    assert.deepEqual((await readdir(dir)).filter((name) => name.startsWith('user.journal')), ['user.journal']);
  }
  t.diagnostic(`killed with rotated journal files on disk in ${sawRotated} of 5 runs`);
});

test('kill -9 during bulk tag actions, their undos and redos, while the journal rotates: every saved step survives whole', async (t) => {
  const { lib, ids } = await seeded(t, 30);
  const dir = lib.dir;
  await lib.close();
  for (const stopAfter of [3, 8, 13]) {
    const child = spawnChild(['bulk', dir]);
    t.after(() => child.proc.kill('SIGKILL'));
    await child.waitFor(`saved ${stopAfter}`);
    child.proc.kill('SIGKILL');
    await child.exited;
    const stdout = child.proc.stdout;
    if (!stdout.closed) await new Promise((resolve) => stdout.once('close', resolve));
    const saved = Math.max(...[...child.stdout().matchAll(/^saved (\d+)$/gm)].map((m) => Number(m[1])));
    const again = await Library.open(dir);
    // Every paper holds the same tags (a bulk line is all or nothing): s1…s<saved>, maybe one more step after it.
    const tags = new Set(ids.map((id) => JSON.stringify(again.userData(id).tags)));
    assert.equal(tags.size, 1, `papers differ: ${[...tags].slice(0, 2).join(' / ')}`);
    const list = JSON.parse([...tags][0] ?? '[]') as string[];
    const upTo = (n: number) => Array.from({ length: n }, (_, i) => `s${i + 1}`);
    assert.ok(
      JSON.stringify(list) === JSON.stringify(upTo(saved)) || JSON.stringify(list) === JSON.stringify(upTo(saved + 1)),
      `saved ${saved}, found ${list.join(',')}`,
    );
    await again.prepareForWrites();
    await again.close();
    // The next child starts over from s1 again: clear the tags (they are set members, so re-adding is harmless).
    const clean = await Library.open(dir);
    for (const tag of clean.tagDefinitions().map((d) => d.name)) await clean.deleteTag(tag);
    await clean.close();
  }
});

test('the first edit of a session does not wait for the session backup, which keeps only the pre-session journal', async (t) => {
  const { lib, ids } = await seeded(t, 3);
  const [a, b] = ids;
  assert.ok(a && b);
  const dir = lib.dir;
  await lib.close();
  const before = `${JSON.stringify({ at: 'x', ops: [{ o: 'paper', id: a, data: { tags: [], note: 'from before', status: 'unread' } }] })}\n`;
  await appendFile(path.join(dir, 'user.journal'), before);
  const backupsBefore = (await readdir(await backupsOf(dir))).filter((n) => n !== 'segments');
  const again = await openLib(t, dir, { now: () => new Date('2030-01-01T00:00:00.000Z') });
  await Promise.all([again.setNote(b, 'this session 1'), again.setNote(a, 'this session 2')]);
  await again.flush();
  const added = (await readdir(await backupsOf(dir))).filter((n) => n !== 'segments' && !backupsBefore.includes(n));
  assert.equal(added.length, 1);
  const folder = path.join(await backupsOf(dir), added[0] ?? '');
  assert.equal(await readFile(path.join(folder, 'user.journal'), 'utf8'), before, 'the backup holds the journal as the session found it');
  assert.match(await readFile(path.join(dir, 'user.journal'), 'utf8'), /this session 2/);
  await again.close();
  const third = await openLib(t, dir);
  assert.equal(third.userData(a).note, 'this session 2');
  assert.equal(third.userData(b).note, 'this session 1');
});
