// Lists said once (export formats, sort orders, menu actions): each place that offers, validates or names them
// reads the one table, and no source file keeps a copy of its own.
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { ARGUMENT_SCHEMAS } from '../../electron/core/api-schema.js';
import { USAGE } from '../../electron/cli.js';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, exportFileName, isExportFormat, type ExportFormat } from '../../electron/core/export/formats.js';
import { SORT_KEYS, SORT_ORDERS, effectiveDirection, effectiveSort, isSortKey, type SortDirection, type SortKey } from '../../electron/core/sort-keys.js';
import { EXPORT_CHOICES, defaultExportName } from '../../electron/main/export-file.js';
import { MENU_ACTIONS, isMenuActionEvent } from '../../electron/shared/channels.js';
import { folio } from '../cli/helpers.js';
import { ROOT } from '../helpers/tree.js';

test('export formats: file names come from the table (CSL-JSON is never mistaken for a backup)', async (t) => {
  const rows: Array<{ format: ExportFormat; stem: string; expected: string }> = [
    { format: 'bibtex', stem: 'folio-library', expected: 'folio-library.bib' },
    { format: 'ris', stem: 'folio-selection', expected: 'folio-selection.ris' },
    { format: 'csl-json', stem: 'folio-library', expected: 'folio-library.csl.json' },
    { format: 'markdown', stem: 'x', expected: 'x.md' },
    { format: 'json', stem: 'folio-library-2025-03-09', expected: 'folio-library-2025-03-09.json' },
  ];
  assert.deepEqual(rows.map((r) => r.format).sort(), [...EXPORT_FORMAT_IDS].sort(), 'a row per format');
  for (const { format, stem, expected } of rows) await t.test(format, () => assert.equal(exportFileName(format, stem), expected));
});

test('export formats: the API validator, the CLI and File ▸ Export… offer exactly the table', async (t) => {
  const outsiders = ['', 'BibTeX', 'csl', 'csl.json', 'docx', 'JSON', 'constructor', null, 1];
  await t.test('the API validator', () => {
    for (const format of EXPORT_FORMAT_IDS) assert.ok(ARGUMENT_SCHEMAS.exportLibrary.safeParse([format]).success, format);
    for (const value of outsiders) assert.ok(!ARGUMENT_SCHEMAS.exportLibrary.safeParse([value]).success, String(value));
    for (const value of outsiders) assert.ok(!isExportFormat(value), String(value));
  });
  await t.test('the CLI usage and its error', async () => {
    assert.ok(USAGE.includes(`--format ${EXPORT_FORMAT_IDS.join('|')}`), 'usage lists every format');
    const run = await folio(['export', '--format', 'docx', '--library', '/tmp/none']);
    assert.equal(run.code, 2);
    assert.ok(run.stderr.includes(`(expected ${EXPORT_FORMAT_IDS.join(', ')})`), run.stderr);
  });
  await t.test('the main-process dialog', () => {
    assert.deepEqual(
      EXPORT_CHOICES.map((c) => [c.format, c.label, c.extension]),
      EXPORT_FORMAT_IDS.map((id) => [id, EXPORT_FORMATS[id].label, EXPORT_FORMATS[id].extension]),
    );
    for (const choice of EXPORT_CHOICES) assert.ok(defaultExportName(choice, new Date('2025-03-09T12:00:00Z')).endsWith(`.${choice.extension}`));
  });
});

test('sort orders: the default rule', async (t) => {
  const rows: Array<{ chosen: SortKey | null; hasFreeText: boolean; sort: SortKey; direction: SortDirection }> = [
    { chosen: null, hasFreeText: true, sort: 'relevance', direction: 'desc' },
    { chosen: null, hasFreeText: false, sort: 'date', direction: 'desc' },
    { chosen: 'relevance', hasFreeText: false, sort: 'date', direction: 'desc' },
    { chosen: 'relevance', hasFreeText: true, sort: 'relevance', direction: 'desc' },
    { chosen: 'title', hasFreeText: true, sort: 'title', direction: 'asc' },
    { chosen: 'title', hasFreeText: false, sort: 'title', direction: 'asc' },
    { chosen: 'added', hasFreeText: false, sort: 'added', direction: 'desc' },
    { chosen: 'date', hasFreeText: true, sort: 'date', direction: 'desc' },
  ];
  for (const { chosen, hasFreeText, sort, direction } of rows) {
    await t.test(`${chosen} with${hasFreeText ? '' : 'out'} free text`, () => {
      assert.equal(effectiveSort(chosen, hasFreeText), sort);
      assert.equal(effectiveDirection(sort, null), direction);
      assert.equal(effectiveDirection(sort, 'asc'), 'asc', 'a chosen direction wins');
    });
  }
});

test('sort orders: the API validator takes exactly the table', () => {
  const query = (sort: unknown) => ARGUMENT_SCHEMAS.query.safeParse([{ search: '', sort, offset: 0, limit: 10 }]).success;
  for (const key of SORT_KEYS) assert.ok(query(key) && isSortKey(key), key);
  for (const value of ['', 'Date', 'score', 'toString', null, 0]) assert.ok(!query(value) && !isSortKey(value), String(value));
  assert.deepEqual(Object.keys(SORT_ORDERS), [...SORT_KEYS], 'a label and direction per key, in menu order');
});

test('menu actions: the bridge lets through each action with its payload, and nothing else', async (t) => {
  const valid: Record<(typeof MENU_ACTIONS)[number], object> = {
    import: { text: 'x' },
    'import-files': { files: [{ name: 'a.bib', text: '@misc{k}' }], refused: ['b.pdf is not imported'] },
    find: {},
    'toggle-theme': { theme: 'dark' },
    'toggle-sidebar': {},
    'toggle-details': {},
    undo: {},
    redo: {},
  };
  const invalid: unknown[] = [
    null, 'find', {}, { action: 'export' }, { action: 'constructor' }, { action: '__proto__' }, { action: 'import' },
    { action: 'import', text: 1 }, { action: 'import-files', files: [{ name: 'a' }], refused: [] },
    { action: 'import-files', files: [], refused: [1] }, { action: 'toggle-theme' }, { action: 'toggle-theme', theme: 'blue' },
  ];
  for (const action of MENU_ACTIONS) await t.test(action, () => assert.ok(isMenuActionEvent({ action, ...valid[action] })));
  for (const value of invalid) await t.test(`refuses ${JSON.stringify(value)}`, () => assert.ok(!isMenuActionEvent(value)));
});

async function sourceFiles(): Promise<Array<{ file: string; text: string }>> {
  const out: Array<{ file: string; text: string }> = [];
  for (const dir of ['electron', 'renderer/src']) {
    for (const name of await readdir(path.join(ROOT, dir), { recursive: true })) {
      if (!/\.tsx?$/.test(String(name))) continue;
      const file = path.join(dir, String(name));
      out.push({ file, text: await readFile(path.join(ROOT, file), 'utf8') });
    }
  }
  return out;
}

test('no source file keeps its own copy of a table', async (t) => {
  const files = await sourceFiles();
  const tables: Array<{ home: string; ids: readonly string[]; literals: string[] }> = [
    {
      home: path.join('electron', 'core', 'export', 'formats.ts'),
      ids: EXPORT_FORMAT_IDS,
      // One-word labels ('BibTeX') are also LaTeX macro names; the ones with spaces or dashes are the table's own.
      literals: Object.values(EXPORT_FORMATS)
        .flatMap((f) => [f.label, f.purpose, f.mime, f.extension])
        .filter((literal) => /[^A-Za-z]/.test(literal) && literal !== 'application/json'),
    },
    { home: path.join('electron', 'core', 'sort-keys.ts'), ids: SORT_KEYS.filter((k) => k !== 'date' && k !== 'title'), literals: Object.values(SORT_ORDERS).map((o) => o.label).filter((l) => l.includes(' ')) },
  ];
  for (const { home, ids, literals } of tables) {
    await t.test(home, () => {
      // Two ids of one table side by side on a line, in a list or a union ('json', 'bibtex' / 'relevance' | 'date').
      const idList = new RegExp(`'(${ids.join('|')})'[ \\t]*[,|][ \\t]*'`, 'g');
      for (const { file, text } of files) {
        if (file === home) continue;
        for (const literal of literals) assert.ok(!text.includes(`'${literal}'`), `${file} spells '${literal}' itself`);
        const lists = [...text.matchAll(idList)].filter((m) => ids.some((id) => text.slice(m.index + m[0].length).startsWith(`${id}'`)));
        assert.deepEqual(lists.map((m) => m[0]), [], `${file} lists the ids itself`);
      }
    });
  }
});
