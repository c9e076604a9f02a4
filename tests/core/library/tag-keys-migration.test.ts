// A library written before tag keys (user.json version 1) keeps, on upgrade, the keys its first nine tags had by
// position; a library that already holds keys is never renumbered. The step's table, then a real version-1 folder (the
// v2-library fixture, written by that code) through FolioCore: shown, changed by the user, reopened.
import assert from 'node:assert/strict';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { FolioCore } from '../../../electron/core/folio.js';
import { USER_MIGRATIONS } from '../../../electron/core/library/migrations.js';
import { SAMPLE_PROFILE } from '../../helpers/tree.js';
import { tempDir } from './helpers.js';

const V2_FOLDER = fileURLToPath(new URL('./fixtures/v2-library/', import.meta.url));
const step = USER_MIGRATIONS.find((m) => m.from === 1)!;
const tag = (name: string, extra: object = {}) => ({ name, color: '#aabbcc', ...extra });
const names = (n: number) => Array.from({ length: n }, (_, i) => tag(`t${i + 1}`));

const rows: Array<{ name: string; tags: unknown; expected: unknown }> = [
  { name: 'no tags', tags: [], expected: [] },
  { name: 'three tags: keys 1–3 in list order', tags: [tag('b'), tag('a'), tag('c')], expected: [tag('b', { key: 1 }), tag('a', { key: 2 }), tag('c', { key: 3 })] },
  { name: 'twelve tags: only the first nine', tags: names(12), expected: names(12).map((t, i) => (i < 9 ? { ...t, key: i + 1 } : t)) },
  { name: 'a key already there (not written by version 1): untouched', tags: [tag('a'), tag('b', { key: 5 })], expected: [tag('a'), tag('b', { key: 5 })] },
  { name: 'junk is left for the check to word', tags: [tag('a'), 'x'], expected: [tag('a'), 'x'] },
  { name: 'not a list', tags: { a: 1 }, expected: { a: 1 } },
];

for (const row of rows) {
  test(`user.json 1 → 2, tag keys: ${row.name}`, () => {
    const doc = step.migrate({ schemaVersion: 1, papers: {}, tags: row.tags as never }, { papers: [], user: null });
    assert.deepEqual(doc.tags, row.expected);
    assert.equal(doc.schemaVersion, 2);
  });
}

test('user.json 1 → 2 without a tags list adds none', () => {
  assert.equal('tags' in step.migrate({ schemaVersion: 1, papers: {} }, { papers: [], user: null }), false);
});

test('a version-1 folder with eleven tags: keys 1–9 as before; a key the user then removes stays removed after reopening', async (t) => {
  const dir = path.join(await tempDir(t, 'folio-keys-'), 'v1');
  await cp(V2_FOLDER, dir, { recursive: true });
  const userFile = path.join(dir, 'user.json');
  const user = JSON.parse(await readFile(userFile, 'utf8')) as { schemaVersion: number; tags: Array<{ name: string }> };
  assert.equal(user.schemaVersion, 1);
  user.tags.push(...Array.from({ length: 9 }, (_, i) => ({ name: `extra ${i + 1}`, color: '#30a46c' })));
  await writeFile(userFile, JSON.stringify(user));
  const open = () => FolioCore.open(dir, { samplePath: SAMPLE_PROFILE });
  const keys = async (core: FolioCore) => Object.fromEntries((await core.overview()).tags.map((t) => [t.name, t.key ?? null]));
  const expected = Object.fromEntries(user.tags.map((t, i) => [t.name, i < 9 ? i + 1 : null]));
  let core = await open();
  try {
    assert.deepEqual(await keys(core), expected);
    await core.assignTagKey('llm', null);
    await core.assignTagKey('extra 9', 1);
    const changed = { ...expected, llm: null, 'extra 9': 1 };
    assert.deepEqual(await keys(core), changed);
    await core.close();
    core = await open();
    assert.deepEqual(await keys(core), changed, 'reopened: the keys as the user left them, not numbered again');
    assert.equal((JSON.parse(await readFile(userFile, 'utf8')) as { schemaVersion: number }).schemaVersion, 2);
  } finally {
    await core.close();
  }
});
