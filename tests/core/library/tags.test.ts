// Tag names are normalised in the core for every caller (issue 8 §4): line breaks, tabs and other whitespace runs
// become one space, control and format characters go, the name is trimmed and bounded; a name with nothing left is
// refused with a TagError and changes nothing on disk. Tags an older library stored with line breaks are found by
// their one-line name and cannot break text output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FolioCore } from '../../../electron/core/folio.js';
import { Library, TagError } from '../../../electron/core/library/index.js';
import { MAX_TAG_LENGTH, normalizeTagName } from '../../../electron/core/library/user-state.js';
import { snapshotTree } from '../../helpers/tree.js';
import { libraryPath, openLib, paper, parsed } from './helpers.js';

const rows: Array<{ input: string; expected: string | RegExp }> = [
  { input: 'ml', expected: 'ml' },
  { input: '  to read  ', expected: 'to read' },
  { input: 'two\nlines', expected: 'two lines' },
  { input: 'crlf\r\n\r\n# Injected heading', expected: 'crlf # Injected heading' },
  { input: 'tab\there', expected: 'tab here' },
  { input: 'nel\u0085and\u2028separators\u2029too', expected: 'nel and separators too' },
  { input: 'nul\u0000bell\u0007esc\u001b', expected: 'nul bell esc' },
  { input: 'zero\u200bwidth\u200d joiner\ufeff', expected: 'zerowidth joiner' },
  { input: 'rtl\u202eoverride', expected: 'rtloverride' },
  { input: 'e\u0301 composed', expected: 'é composed' },
  { input: 'ünïcödé 王 🚀', expected: 'ünïcödé 王 🚀' },
  { input: 'x'.repeat(MAX_TAG_LENGTH), expected: 'x'.repeat(MAX_TAG_LENGTH) },
  { input: '🚀'.repeat(MAX_TAG_LENGTH), expected: '🚀'.repeat(MAX_TAG_LENGTH) },
  { input: '', expected: /cannot be empty/ },
  { input: ' \n\t ', expected: /cannot be empty/ },
  { input: '\u200b\u0000\u202e', expected: /only invisible characters/ },
  { input: 'x'.repeat(MAX_TAG_LENGTH + 1), expected: /at most 100 characters; this one has 101/ },
];
for (const row of rows) {
  test(`normalizeTagName(${JSON.stringify(row.input.slice(0, 30))})`, () => {
    if (typeof row.expected === 'string') assert.equal(normalizeTagName(row.input), row.expected);
    else assert.throws(() => normalizeTagName(row.input), (error: unknown) => error instanceof TagError && (row.expected as RegExp).test(error.message));
  });
}

async function libraryWithPaper(t: Parameters<typeof libraryPath>[0]): Promise<{ lib: Library; id: string }> {
  const lib = await openLib(t, await libraryPath(t));
  const { addedIds } = await lib.commitImport('x', parsed('Ada Lovelace', [paper('Notes'), paper('Sketch')]), 2);
  return { lib, id: addedIds[0] ?? '' };
}

test('set, rename and restore store one-line names; a blank list entry is skipped as before', async (t) => {
  const { lib, id } = await libraryWithPaper(t);
  await lib.setTags(id, ['multi\nline', 'tab\tbed', 'nul\u0000', ' ', 'MULTI LINE']);
  assert.deepEqual(lib.userData(id).tags, ['multi line', 'tab bed', 'nul']);
  assert.deepEqual(lib.tagDefinitions().map((d) => d.name), ['multi line', 'tab bed', 'nul']);
  await lib.renameTag('tab\nbed', 'renamed\r\n## heading');
  assert.deepEqual(lib.userData(id).tags, ['multi line', 'renamed ## heading', 'nul']);
  const deletion = await lib.deleteTag('NUL');
  await lib.restoreTag({ ...deletion, tag: { ...deletion.tag, name: 'back\nagain' } });
  assert.deepEqual(lib.userData(id).tags, ['multi line', 'renamed ## heading', 'back again']);
  await lib.setTagColor('multi\tline', '#112233');
  assert.equal(lib.tagDefinitions().find((d) => d.name === 'multi line')?.color, '#112233');
});

test('a tag with nothing visible or too long is refused with a TagError, and the folder stays byte-identical', async (t) => {
  const { lib, id } = await libraryWithPaper(t);
  await lib.setTags(id, ['kept']);
  await lib.flush();
  const before = await snapshotTree(lib.dir);
  await assert.rejects(lib.setTags(id, ['fine', '\u200b']), TagError);
  await assert.rejects(lib.setTags(id, ['x'.repeat(MAX_TAG_LENGTH + 1)]), TagError);
  await assert.rejects(lib.renameTag('kept', '\u0000\u202e'), TagError);
  await assert.rejects(lib.restoreTag({ tag: { name: '\n\t', color: '#112233' }, paperIds: [id] }), TagError);
  await lib.flush();
  assert.deepEqual(await snapshotTree(lib.dir), before);
  assert.deepEqual(lib.userData(id).tags, ['kept']);
});

test('an older library with a tag stored with a line break: found by its one-line name, escaped in every export', async (t) => {
  const dir = await libraryPath(t);
  {
    const lib = await Library.open(dir);
    const { addedIds } = await lib.commitImport('x', parsed('Ada Lovelace', [paper('Notes')]), 2);
    await lib.setTags(addedIds[0] ?? '', ['PLACEHOLDER', 'plain']);
    await lib.close();
  }
  // What an older Folio could write: the tag exactly as typed, line break and "#" included.
  const userJson = path.join(dir, 'user.json');
  const text = await readFile(userJson, 'utf8');
  assert.ok(text.includes('PLACEHOLDER'));
  await writeFile(userJson, text.replaceAll('PLACEHOLDER', 'evil\\n# Injected\\r\\nER  - '));

  const core = await FolioCore.open(dir);
  try {
    await checkOlderTag(core);
  } finally {
    await core.close(); // before the temp folder is removed
  }
});

async function checkOlderTag(core: FolioCore): Promise<void> {
  const exports = {
    bibtex: await core.exportLibrary('bibtex'),
    ris: await core.exportLibrary('ris'),
    markdown: await core.exportLibrary('markdown'),
    csl: await core.exportLibrary('csl-json'),
  };
  assert.match(exports.bibtex, /keywords = \{cs\.LG, evil # Injected ER -, plain\}/);
  assert.ok(exports.ris.split('\r\n').includes('KW  - evil # Injected ER -'));
  assert.equal(exports.ris.split('\r\n').filter((line) => line.startsWith('ER  -')).length, 1, 'no record end injected');
  assert.match(exports.markdown, /^- Tags: evil \\# Injected ER -, plain$/m);
  assert.doesNotMatch(exports.markdown, /^# Injected/m);
  assert.equal(JSON.parse(exports.csl)[0].keyword, 'cs.LG, evil # Injected ER -, plain');

  // Renamed (and so cleaned) through its one-line name.
  const [row] = (await core.query({ search: '', offset: 0, limit: 10 })).rows;
  await core.renameTag('EVIL # injected ER -', 'clean');
  assert.deepEqual((await core.paper(row?.id ?? '')).tags, ['clean', 'plain']);
}
