// Citation keys stay the same (issue 9 §4): a paper's key is given when it enters the library and stored with it; a
// later paper with the same base gets the next free form; papers stored before keys were kept (a format-2 library)
// have theirs computed in library order, which neither a new colliding paper nor an import rewriting one of them
// moves; and two exports give the same keys.
import assert from 'node:assert/strict';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { citationKeyBase, citationKeys, freeCitationKey } from '../../../electron/core/export/citation-keys.js';
import { FolioCore } from '../../../electron/core/folio.js';
import type { Library } from '../../../electron/core/library/index.js';
import { SAMPLE_PROFILE } from '../../helpers/tree.js';
import { listed, openLib, paper, tempDir } from './helpers.js';

const V2_FOLDER = fileURLToPath(new URL('./fixtures/v2-library/', import.meta.url));

const keysOf = (lib: Library): Map<string, string> => new Map(lib.papers().map((p) => [p.id, lib.citeKeyOf(p)]));

test('freeCitationKey and citationKeys: the first free form, a stored key kept, no key given twice', () => {
  const taken = new Set(['sessa2024bond', 'sessa2024bonda']);
  assert.equal(freeCitationKey('sessa2024bond', (k) => taken.has(k)), 'sessa2024bondb');
  assert.equal(freeCitationKey('x', (k) => k.length <= 2), 'xa27', 'after x and xa … xz');
  const bond = { authors: ['Pier Giuseppe Sessa'], date: '2024-07-19', title: 'BOND: Aligning LLMs' };
  assert.equal(citationKeyBase(bond), 'sessa2024bond');
  // A title whose first word makes another paper's suffixed form ("bonda") is no collision for the count to miss.
  const bonda = { ...bond, title: 'Bonda: a dataset' };
  assert.deepEqual(citationKeys([bonda, bond, bond]), ['sessa2024bonda', 'sessa2024bond', 'sessa2024bondb']);
  assert.deepEqual(citationKeys([{ ...bond, citeKey: 'sessa2024bond' }, bond]), ['sessa2024bond', 'sessa2024bonda']);
});

test('a key is stored when a paper enters the library; a colliding paper imported later gets the next form, the first keeps its key', async (t) => {
  const lib = await openLib(t, await tempDir(t));
  await lib.commitImport('a', listed('bibtex', [paper('BOND: Aligning LLMs', { authors: ['Pier Giuseppe Sessa'], date: '2024-07-19' })]), 1);
  const [first] = lib.papers();
  assert.equal(first?.citeKey, 'sessa2024bond');
  await lib.commitImport('b', listed('bibtex', [paper('Bond Markets and Language Models', { authors: ['Ada Sessa'], date: '2024-02-01' })]), 1);
  const second = lib.papers()[1];
  assert.deepEqual([lib.citeKeyOf(first!), second?.citeKey], ['sessa2024bond', 'sessa2024bonda']);
  // A richer listing of the first paper rewrites its record: the key goes with it.
  await lib.commitImport('c', listed('dblp', [paper('BOND: Aligning LLMs', { authors: ['Pier Giuseppe Sessa'], date: '2024-07-19', venue: 'ICML 2025' })]), 1);
  assert.deepEqual([lib.getPaper(first!.id)?.venue, lib.getPaper(first!.id)?.citeKey], ['ICML 2025', 'sessa2024bond']);
});

test('a format-2 library: computed keys do not move when a colliding paper arrives or a keyless record is rewritten, and two exports agree', async (t) => {
  const dir = path.join(await tempDir(t), 'v2');
  await cp(V2_FOLDER, dir, { recursive: true });
  const lib = await openLib(t, dir);
  const before = keysOf(lib);
  assert.ok(lib.papers().every((p) => p.citeKey === undefined), 'records written before keys were kept');
  assert.equal(new Set(before.values()).size, before.size, 'unique');
  // A paper whose base is that of the first record: it gets a free form, which is none of the computed keys.
  const oldest = lib.papers()[0]!;
  const twin = paper(`${oldest.title.split(' ')[0]} revisited: a different paper`, { authors: [...oldest.authors], date: `${oldest.date.slice(0, 4)}-12-31` });
  await lib.commitImport('twin', listed('bibtex', [twin]), 1);
  const added = lib.papers().at(-1)!;
  assert.equal(citationKeyBase(added), citationKeyBase(oldest));
  assert.ok(![...before.values()].includes(added.citeKey as string), added.citeKey);
  // An import that rewrites the oldest record with a complete author list led by someone else (its base changes): the
  // key it had is stored with it.
  assert.equal(oldest.authorsTruncated, true);
  const complete = ['Zed Zulu', ...oldest.authors];
  await lib.commitImport('richer', listed('bibtex', [paper(oldest.title, { authors: complete, authorsTruncated: false, date: oldest.date })]), 1);
  const rewritten = lib.getPaper(oldest.id)!;
  assert.deepEqual(rewritten.authors, complete);
  assert.notEqual(citationKeyBase(rewritten), citationKeyBase(oldest));
  assert.equal(rewritten.citeKey, before.get(oldest.id));
  for (const [id, key] of before) assert.equal(lib.citeKeyOf(lib.getPaper(id)!), key, id);
  await lib.close();

  const exports: string[] = [];
  for (let n = 0; n < 2; n++) {
    const core = await FolioCore.open(dir, { samplePath: SAMPLE_PROFILE, repairs: 'before-first-write' });
    exports.push(await core.exportLibrary('bibtex'));
    await core.close();
  }
  assert.equal(exports[0], exports[1]);
  const exportedKeys = [...(exports[0] ?? '').matchAll(/^@\w+\{([^,]+),$/gm)].map((m) => m[1]);
  assert.ok(exportedKeys.includes(before.get(oldest.id)) && exportedKeys.includes(added.citeKey), exportedKeys.join());
});
