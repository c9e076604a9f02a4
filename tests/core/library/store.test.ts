import assert from 'node:assert/strict';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { normalizeKey } from '../../../electron/core/text.js';
import {
  Library,
  ReadOnlyLibraryError,
  UnknownPaperError,
  paperIdForKey,
  profileIdForName,
} from '../../../electron/core/library/index.js';
import { libraryPath, openLib, paper, parsed, readJson } from './helpers.js';
import { lockOf } from '../../helpers/local-state.js';

test('ids: papers from the normalized title, profiles from the normalized name', () => {
  assert.match(paperIdForKey('attention is all you need'), /^p-[0-9a-f]{12}$/);
  assert.equal(paperIdForKey('a'), paperIdForKey('a'));
  assert.notEqual(paperIdForKey('a'), paperIdForKey('b'));
  assert.match(profileIdForName('Sabela Ramos'), /^a-[0-9a-f]{12}$/);
  assert.equal(profileIdForName('Sabela Ramos'), profileIdForName('  sabela   RAMOS '));
  assert.equal(profileIdForName('Léonard Straße'), profileIdForName('leonard strasse'));
});

test('create, import, edit, close, reopen: everything comes back and is really on disk', async (t) => {
  const dir = await libraryPath(t);
  const lib = await Library.open(dir);
  assert.deepEqual(lib.problems, []);
  assert.equal(lib.isReadOnly, false);
  assert.equal(lib.dir, path.resolve(dir));
  const outcome = await lib.commitImport('raw paste', parsed('Ada Lovelace', [paper('Notes on the Analytical Engine'), paper('Sketch')]), 3);
  assert.equal(outcome.addedIds.length, 2);
  const id = outcome.addedIds[0] ?? '';
  assert.equal(id, paperIdForKey(normalizeKey('Notes on the Analytical Engine')));
  await lib.setTags(id, ['  maths ', 'History', 'maths', '']);
  await lib.setNote(id, '# First program\n\nBernoulli numbers.');
  await lib.setStatus(id, 'reading');
  assert.deepEqual(lib.userData(id), { tags: ['maths', 'History'], note: '# First program\n\nBernoulli numbers.', status: 'reading' });
  await lib.close();
  await lib.close(); // idempotent

  // Read the files back directly.
  const libraryJson = (await readJson(path.join(dir, 'library.json'))) as Record<string, unknown>;
  assert.equal(libraryJson.schemaVersion, 4);
  assert.deepEqual(libraryJson.segments, ['segment-000001.json']);
  const profiles = libraryJson.profiles as Array<{ id: string; name: string; paperIds: string[] }>;
  assert.equal(profiles.length, 1);
  assert.equal(profiles[0]?.id, profileIdForName('Ada Lovelace'));
  assert.equal(profiles[0]?.paperIds.length, 2);
  const segment = (await readJson(path.join(dir, 'papers', 'segment-000001.json'))) as Array<{ id: string; title: string }>;
  assert.deepEqual(segment.map((p) => p.title), ['Notes on the Analytical Engine', 'Sketch']);
  const userJson = (await readJson(path.join(dir, 'user.json'))) as { schemaVersion: number; papers: Record<string, unknown>; tags: Array<{ name: string }> };
  assert.equal(userJson.schemaVersion, 2);
  assert.deepEqual(userJson.papers[id], { tags: ['maths', 'History'], note: '# First program\n\nBernoulli numbers.', status: 'reading' });
  assert.deepEqual(userJson.tags.map((t) => t.name), ['maths', 'History']);
  assert.equal((await stat(path.join(dir, 'user.journal'))).size, 0, 'close() compacts the journal into user.json');
  await assert.rejects(stat(await lockOf(dir)), { code: 'ENOENT' }, 'close() releases the lock');
  const importsJson = libraryJson.imports as Array<{ file: string }>;
  assert.equal(await readFile(path.join(dir, 'imports', importsJson[0]?.file ?? ''), 'utf8'), 'raw paste');

  const again = await openLib(t, dir);
  assert.deepEqual(again.problems, []);
  assert.equal(again.papers().length, 2);
  assert.equal(again.getPaper(id)?.title, 'Notes on the Analytical Engine');
  assert.deepEqual(again.userData(id).tags, ['maths', 'History']);
  assert.equal(again.userData(id).status, 'reading');
  assert.deepEqual(again.profilesOfPaper(id).map((p) => p.name), ['Ada Lovelace']);
  assert.equal(again.imports().length, 1);
  assert.equal(again.imports()[0]?.parserVersion, 3);
  assert.deepEqual(again.userData(outcome.addedIds[1] ?? ''), { tags: [], note: '', status: 'unread' });
});

test('NODE_ENV=test does not swap in a memory adapter: data still reaches the disk', async (t) => {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'test';
  t.after(() => {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  });
  const dir = await libraryPath(t);
  const lib = await Library.open(dir);
  const { addedIds } = await lib.commitImport('x', parsed('Grace Hopper', [paper('COBOL')]), 1);
  await lib.setNote(addedIds[0] ?? '', 'durable');
  // Before close: library.json is written by the import, the note by the journal.
  const doc = (await readJson(path.join(dir, 'library.json'))) as { profiles: Array<{ name: string }> };
  assert.deepEqual(doc.profiles.map((p) => p.name), ['Grace Hopper']);
  assert.match(await readFile(path.join(dir, 'user.journal'), 'utf8'), /"text":"durable"/);
  await lib.close();
  const user = (await readJson(path.join(dir, 'user.json'))) as { papers: Record<string, { note: string }> };
  assert.equal(user.papers[addedIds[0] ?? '']?.note, 'durable');
});

test('raw pasted text is stored byte-exact (CRLF, NBSP, emoji, combining marks) and identical pastes share a file', async (t) => {
  const dir = await libraryPath(t);
  const lib = await openLib(t, dir);
  const raw = 'Sabela\u00a0Ramos\r\nh-index\t12\r\n🧪 Résumé e\u0301 — “quotes”\r\n\r\ntrailing spaces   \n\u2028end';
  const first = await lib.commitImport(raw, parsed('Sabela Ramos', [paper('A')]), 1);
  const second = await lib.commitImport(raw, parsed('Sabela Ramos', [paper('A')]), 1);
  const records = lib.imports();
  assert.equal(records.length, 2, 'every commit is logged, even an identical re-import');
  assert.notEqual(first.importId, second.importId);
  const [r1, r2] = records;
  assert.ok(r1 && r2);
  assert.equal(r1.file, r2.file, 'identical text is stored once');
  const bytes = await readFile(path.join(dir, 'imports', r1.file));
  assert.ok(bytes.equals(Buffer.from(raw, 'utf8')));
  assert.equal(r1.sha256, (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex'));
  assert.equal(r1.chars, raw.length);
  assert.equal((await readdir(path.join(dir, 'imports'))).length, 1);
  await lib.commitImport(`${raw}!`, parsed('Sabela Ramos', [paper('A')]), 2);
  assert.equal((await readdir(path.join(dir, 'imports'))).length, 2);
});

test('unknown paper ids and bad arguments are rejected without writing', async (t) => {
  const dir = await libraryPath(t);
  const lib = await openLib(t, dir);
  await assert.rejects(lib.setNote('p-000000000000', 'x'), (e: unknown) => e instanceof UnknownPaperError && e.message === 'No paper with id "p-000000000000" in this library.');
  await assert.rejects(lib.setTags('nope', ['a']), UnknownPaperError);
  const { addedIds } = await lib.commitImport('x', parsed('A B', [paper('T')]), 1);
  const id = addedIds[0] ?? '';
  await assert.rejects(lib.setStatus(id, 'done' as never), /not a reading status/);
  await assert.rejects(lib.setTagColor('missing', '#aabbcc'), /No tag "missing"/);
  await lib.setTags(id, ['x']);
  await assert.rejects(lib.setTagColor('x', 'red'), /#rrggbb/);
  assert.equal(lib.stats.journalWrites, 1);
});

test('read-only open: sees the data, takes no lock, writes nothing, refuses edits', async (t) => {
  const dir = await libraryPath(t);
  const writer = await Library.open(dir);
  const { addedIds } = await writer.commitImport('x', parsed('A B', [paper('T')]), 1);
  await writer.setNote(addedIds[0] ?? '', 'from the writer');
  const before = await readdir(dir, { recursive: true });
  const reader = await Library.open(dir, { readOnly: true });
  assert.equal(reader.isReadOnly, true);
  assert.equal(reader.papers().length, 1);
  assert.equal(reader.userData(addedIds[0] ?? '').note, 'from the writer', 'journal edits are visible to readers');
  await assert.rejects(reader.setNote(addedIds[0] ?? '', 'y'), ReadOnlyLibraryError);
  await assert.rejects(reader.commitImport('x', parsed('A B', [paper('T')]), 1), ReadOnlyLibraryError);
  await reader.close();
  assert.deepEqual((await readdir(dir, { recursive: true })).sort(), before.sort(), 'no file created or removed');
  await writer.close();

  const missing = await Library.open(path.join(dir, 'nowhere'), { readOnly: true });
  assert.equal(missing.papers().length, 0);
  assert.match(missing.problems[0] ?? '', /no library folder/);
  await assert.rejects(stat(path.join(dir, 'nowhere')), { code: 'ENOENT' });
});

test('onChange reports imports and edits; unsubscribe works; a throwing listener does not break the store', async (t) => {
  const dir = await libraryPath(t);
  const lib = await openLib(t, dir);
  const seen: string[] = [];
  lib.onChange(() => {
    throw new Error('bad listener');
  });
  const off = lib.onChange((c) => seen.push(c.kind === 'import' || c.kind === 'user-data' ? `${c.kind}:${c.paperIds.length}` : c.kind));
  const { addedIds } = await lib.commitImport('x', parsed('A B', [paper('T'), paper('U')]), 1);
  await lib.setTags(addedIds[0] ?? '', ['new']);
  await lib.setNote(addedIds[0] ?? '', 'n');
  off();
  await lib.setNote(addedIds[0] ?? '', 'n2');
  assert.deepEqual(seen, ['import:2', 'user-data:1', 'tags', 'undo-state', 'user-data:1'], 'a note is not undoable: no undo-state');
});
