import assert from 'node:assert/strict';
import { appendFile, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { Library } from '../../../electron/core/library/index.js';
import { libraryPath, openLib, paper, parsed, readJson } from './helpers.js';
import { backupsOf } from '../../helpers/local-state.js';

function ticking(start = '2026-03-01T10:00:00Z'): () => Date {
  let ms = Date.parse(start);
  return () => new Date((ms += 1000));
}

async function corruptCopies(dir: string, name: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.startsWith(`${name}.corrupt-`));
}

test('corrupt library.json: moved aside byte-identical, newest good backup restored, later papers kept, problem reported', async (t) => {
  const dir = await libraryPath(t);
  const now = ticking();
  let lib = await openLib(t, dir, { now });
  await lib.commitImport('a', parsed('Alice A', [paper('Alpha'), paper('Beta')]), 1);
  await lib.close();
  lib = await openLib(t, dir, { now }); // this session's backup holds library.json with Alice only
  await lib.commitImport('b', parsed('Bob B', [paper('Gamma'), paper('Alpha')]), 1);
  await lib.close();

  const garbage = Buffer.from('{"schemaVersion":1,"profiles":[{"id":\u0000\u00ff broken', 'latin1');
  await writeFile(path.join(dir, 'library.json'), garbage);
  const opened = await openLib(t, dir, { now });
  await opened.prepareForWrites();
  const [moved] = await corruptCopies(dir, 'library.json');
  assert.ok(moved, 'the damaged file was moved aside');
  assert.ok((await readFile(path.join(dir, moved))).equals(garbage), 'its bytes are intact under the new name');
  assert.equal(opened.problems.length, 2, opened.problems.join('\n'));
  assert.match(opened.problems[0] ?? '', /^library\.json was unreadable \(.+\); moved it to library\.json\.corrupt-2026-03-01T10-00-\d\d-000Z; restored the backup from 2026-03-01 10:00:\d\d UTC\.$/);
  assert.match(opened.problems[1] ?? '', /Loaded 1 paper file\(s\) from papers\/ that library\.json did not list \(segment-000002\.json\)/);
  assert.deepEqual(opened.profiles().map((p) => p.name), ['Alice A']);
  assert.deepEqual(opened.papers().map((p) => p.title), ['Alpha', 'Beta', 'Gamma'], 'papers of the later import are not lost');
  // Written back: the next open is clean and sees the same.
  await opened.close();
  const doc = (await readJson(path.join(dir, 'library.json'))) as { segments: string[] };
  assert.deepEqual(doc.segments, ['segment-000001.json', 'segment-000002.json']);
  const clean = await openLib(t, dir, { now });
  assert.deepEqual(clean.problems, []);
  assert.equal(clean.papers().length, 3);
  // Re-importing Bob relinks his papers.
  await clean.commitImport('b', parsed('Bob B', [paper('Gamma'), paper('Alpha')]), 1);
  assert.equal(clean.papers().length, 3);
  assert.equal(clean.profilesOfPaper(clean.papers()[2]?.id ?? '').length, 1);
});

test('corrupt library.json without any usable backup: opens safely, keeps the papers, never overwrites the damaged file', async (t) => {
  const dir = await libraryPath(t);
  const lib = await openLib(t, dir); // first session: nothing to back up
  await lib.commitImport('a', parsed('Alice A', [paper('Alpha')]), 1);
  await lib.close();
  const damaged = Buffer.from('{"schemaVersion":1,"profiles":"not a list","imports":[],"segments":[]}');
  await writeFile(path.join(dir, 'library.json'), damaged);

  const reader = await openLib(t, dir, { readOnly: true });
  assert.match(reader.problems[0] ?? '', /library\.json was unreadable \(profiles: .*\); left it in place \(read-only\); no usable backup/);
  assert.ok((await readFile(path.join(dir, 'library.json'))).equals(damaged), 'read-only leaves it alone');
  assert.deepEqual(await corruptCopies(dir, 'library.json'), []);

  const opened = await openLib(t, dir);
  await opened.prepareForWrites();
  assert.match(opened.problems[0] ?? '', /moved it to library\.json\.corrupt-.*; no usable backup, so profiles and the import log start empty\.$/);
  assert.equal(opened.profiles().length, 0);
  assert.deepEqual(opened.papers().map((p) => p.title), ['Alpha']);
  const [moved] = await corruptCopies(dir, 'library.json');
  assert.ok(moved);
  assert.ok((await readFile(path.join(dir, moved))).equals(damaged));
  await opened.commitImport('b', parsed('Bob B', [paper('Beta')]), 1);
  await opened.close();
  assert.ok((await readFile(path.join(dir, moved))).equals(damaged), 'still intact after later writes');
  const again = await openLib(t, dir);
  assert.deepEqual(again.problems, []);
  assert.deepEqual(again.papers().map((p) => p.title), ['Alpha', 'Beta']);
});

test('corrupt user.json: backup snapshot + its journal + the live journal are replayed', async (t) => {
  const dir = await libraryPath(t);
  const now = ticking();
  let lib = await openLib(t, dir, { now });
  const { addedIds } = await lib.commitImport('a', parsed('Alice A', [paper('Alpha'), paper('Beta'), paper('Gamma')]), 1);
  const [a, b, c] = addedIds;
  assert.ok(a && b && c);
  await lib.setNote(a, 'v1');
  await lib.setTags(a, ['kept']);
  await lib.close();
  lib = await openLib(t, dir, { now }); // backup: user.json with v1
  await lib.setNote(a, 'v2 (lost with the damaged file)');
  await lib.close();
  const damaged = Buffer.from('{"schemaVersion":1,"papers":{"x":{"tags":"oops"}},"tags":[]}');
  await writeFile(path.join(dir, 'user.json'), damaged);
  // An edit still in the live journal (as after a crash) is applied on top of the restored snapshot.
  const line = { at: 'x', ops: [{ o: 'paper', id: b, data: { tags: [], note: 'from the journal', status: 'read' } }] };
  await appendFile(path.join(dir, 'user.journal'), `${JSON.stringify(line)}\n`);

  const opened = await openLib(t, dir, { now });
  await opened.prepareForWrites();
  assert.equal(opened.problems.length, 1, opened.problems.join('\n'));
  assert.match(opened.problems[0] ?? '', /^user\.json was unreadable \(papers\.x\.tags: .*\); moved it to user\.json\.corrupt-.*; restored the backup from 2026-03-01 10:00:\d\d UTC\.$/);
  assert.deepEqual(opened.userData(a), { tags: ['kept'], note: 'v1', status: 'unread' });
  assert.deepEqual(opened.userData(b), { tags: [], note: 'from the journal', status: 'read' });
  const [moved] = await corruptCopies(dir, 'user.json');
  assert.ok(moved && (await readFile(path.join(dir, moved))).equals(damaged));
  await opened.close();
  const clean = await openLib(t, dir, { now });
  assert.deepEqual(clean.problems, []);
  assert.equal(clean.userData(b).note, 'from the journal');
});

test('corrupt user.json without a backup: user data starts empty, journal edits still apply, damaged file kept', async (t) => {
  const dir = await libraryPath(t);
  const lib = await openLib(t, dir);
  const { addedIds } = await lib.commitImport('a', parsed('Alice A', [paper('Alpha'), paper('Beta')]), 1);
  const [a, b] = addedIds;
  assert.ok(a && b);
  await lib.setNote(a, 'in the snapshot');
  await lib.close();
  await writeFile(path.join(dir, 'user.json'), 'garbage');
  await appendFile(path.join(dir, 'user.journal'), `${JSON.stringify({ at: 'x', ops: [{ o: 'paper', id: b, data: { tags: [], note: 'journal', status: 'unread' } }] })}\n`);
  const opened = await openLib(t, dir);
  await opened.prepareForWrites();
  assert.match(opened.problems[0] ?? '', /^user\.json was unreadable .*no usable backup, so tags, notes and reading status start empty/);
  assert.equal(opened.userData(a).note, '');
  assert.equal(opened.userData(b).note, 'journal');
  const [moved] = await corruptCopies(dir, 'user.json');
  assert.ok(moved);
  assert.equal(await readFile(path.join(dir, moved), 'utf8'), 'garbage');
});

test('corrupt segment: restored from its backup copy; without one, the lost papers and their profiles are named', async (t) => {
  const dir = await libraryPath(t);
  const lib = await openLib(t, dir);
  const first = await lib.commitImport('a', parsed('Alice A', [paper('Alpha'), paper('Beta')]), 1);
  await lib.commitImport('b', parsed('Bob B', [paper('Gamma'), paper('Alpha')]), 1);
  await lib.close();
  const segmentFile = path.join(dir, 'papers', 'segment-000001.json');
  const good = await readFile(segmentFile);
  const bad = Buffer.from('[{"id":"p-1","key":5}]');
  await writeFile(segmentFile, bad);

  const restored = await openLib(t, dir);
  await restored.prepareForWrites();
  assert.equal(restored.problems.length, 1, restored.problems.join('\n'));
  assert.match(restored.problems[0] ?? '', /^papers\/segment-000001\.json was unreadable \(.*\); moved it to segment-000001\.json\.corrupt-.*; restored its backup copy\.$/);
  assert.equal(restored.papers().length, 3);
  assert.ok((await readFile(segmentFile)).equals(good), 'the good copy is back in papers/');
  const [moved] = (await readdir(path.join(dir, 'papers'))).filter((n) => n.includes('.corrupt-'));
  assert.ok(moved && (await readFile(path.join(dir, 'papers', moved))).equals(bad));
  await restored.close();

  // Now without a backup copy.
  await writeFile(segmentFile, bad);
  await rm(path.join(await backupsOf(dir), 'segments', 'segment-000001.json'));
  const lossy = await openLib(t, dir);
  await lossy.prepareForWrites();
  assert.equal(lossy.problems.length, 2, lossy.problems.join('\n'));
  assert.match(lossy.problems[0] ?? '', /^papers\/segment-000001\.json was unreadable .*no usable backup, so its papers are lost unless a later import holds them\.$/);
  const [alpha, beta] = first.addedIds;
  assert.ok(alpha && beta);
  assert.ok(lossy.problems[1]?.includes(alpha) && lossy.problems[1].includes(beta));
  assert.match(lossy.problems[1] ?? '', /^2 paper\(s\) are lost .*Import these profiles again to get them back: Alice A \(2\), Bob B \(1\)\.$/);
  assert.deepEqual(lossy.papers().map((p) => p.title), ['Gamma']);
  assert.deepEqual(lossy.profiles().map((p) => p.paperIds.length), [0, 1], 'profiles list only papers that exist');
  const corrupt = (await readdir(path.join(dir, 'papers'))).filter((n) => n.includes('.corrupt-'));
  assert.equal(corrupt.length, 2, 'both damaged copies are kept');
  // Re-import brings them back, into a new segment.
  await lossy.commitImport('a', parsed('Alice A', [paper('Alpha'), paper('Beta')]), 1);
  assert.equal(lossy.papers().length, 3);
  await lossy.close();
  const healed = await openLib(t, dir);
  assert.equal(healed.papers().length, 3);
  // Still said: the file is gone for good. But no paper is lost any more.
  assert.deepEqual(healed.problems, ['papers/segment-000001.json is missing; no usable backup, so its papers are lost unless a later import holds them.']);
});

test('backups: one folder per writable session with the pre-session files, rotated to the newest N', async (t) => {
  const dir = await libraryPath(t);
  const now = ticking('2026-04-01T00:00:00Z');
  const snapshots: string[] = [];
  for (let i = 0; i < 7; i++) {
    const lib = await openLib(t, dir, { now, backupsToKeep: 3 });
    const { addedIds } = await lib.commitImport(`paste ${i}`, parsed(`Person ${i}`, [paper(`Paper ${i}`)]), 1);
    await lib.setNote(addedIds[0] ?? '', `note ${i}`);
    await lib.close();
    snapshots.push(await readFile(path.join(dir, 'library.json'), 'utf8'));
  }
  const ro = await Library.open(dir, { readOnly: true, now });
  await ro.close();
  const folders = (await readdir(await backupsOf(dir))).filter((n) => n !== 'segments').sort();
  assert.equal(folders.length, 3, folders.join(', '));
  // Sessions 2..7 backed up the state left by sessions 1..6; the newest 3 are of sessions 5, 6, 7.
  for (const [k, folder] of folders.entries()) {
    assert.equal(await readFile(path.join(await backupsOf(dir), folder, 'library.json'), 'utf8'), snapshots[3 + k]);
    const user = (await readJson(path.join(await backupsOf(dir), folder, 'user.json'))) as { papers: Record<string, { note: string }> };
    assert.equal(Object.keys(user.papers).length, 4 + k);
    assert.deepEqual((await readdir(path.join(await backupsOf(dir), folder))).sort(), ['library.json', 'manifest.json', 'user.journal', 'user.json']);
  }
  const segmentCopies = (await readdir(path.join(await backupsOf(dir), 'segments'))).sort();
  assert.equal(segmentCopies.length, 14, 'each segment (records + abstracts file) copied once, never rotated');
  assert.deepEqual(segmentCopies.slice(0, 2), ['segment-000001.abstracts.json', 'segment-000001.json']);
});
