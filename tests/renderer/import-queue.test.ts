import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyRequest,
  currentItem,
  importedScope,
  setItemText,
  settleItem,
  type ImportItem,
  type ImportOutcome,
  type ImportRequest,
} from '../../renderer/src/lib/import-queue.js';

/** Items without their keys, which are counters. */
const shape = (items: ImportItem[] | null) => items?.map(({ fileName, text, outcome }) => ({ fileName, text, outcome })) ?? null;

const paste = (text: string, outcome: ImportOutcome | null = null): ImportItem => ({ key: Math.random(), fileName: null, text, outcome });
const file = (fileName: string, outcome: ImportOutcome | null = null): ImportItem => ({ key: Math.random(), fileName, text: `text of ${fileName}`, outcome });
const files = (...names: string[]): ImportRequest => ({ kind: 'files', files: names.map((name) => ({ name, text: `text of ${name}` })) });
const imported = (profileId: string | null): ImportOutcome => ({ kind: 'imported', summary: 'Imported', profileId });

test('import queue: applyRequest', async (t) => {
  const cases: Array<{ name: string; input: [ImportItem[] | null, ImportRequest, boolean]; expected: ReturnType<typeof shape> }> = [
    { name: 'a paste opens the dialog', input: [null, { kind: 'text', text: 'page' }, false], expected: [{ fileName: null, text: 'page', outcome: null }] },
    { name: 'the Import button opens it empty', input: [null, { kind: 'text', text: '' }, false], expected: [{ fileName: null, text: '', outcome: null }] },
    {
      name: 'files open it, one item each, in order',
      input: [null, files('a.bib', 'b.ris'), false],
      expected: [
        { fileName: 'a.bib', text: 'text of a.bib', outcome: null },
        { fileName: 'b.ris', text: 'text of b.ris', outcome: null },
      ],
    },
    { name: 'no readable file: stays closed', input: [null, files(), false], expected: null },
    { name: 'another dialog open (Export): a paste is ignored', input: [null, { kind: 'text', text: 'page' }, true], expected: null },
    { name: 'another dialog open: files are ignored', input: [null, files('a.bib'), true], expected: null },
    {
      name: 'files dropped on the open dialog join the end',
      input: [[paste('page')], files('a.bib'), false],
      expected: [
        { fileName: null, text: 'page', outcome: null },
        { fileName: 'a.bib', text: 'text of a.bib', outcome: null },
      ],
    },
    { name: 'files replace a paste that is still empty', input: [[paste('  \n')], files('a.bib'), false], expected: [{ fileName: 'a.bib', text: 'text of a.bib', outcome: null }] },
    {
      name: 'items that have ended stay listed with their outcome',
      input: [[file('a.bib', imported(null))], files('b.ris'), false],
      expected: [
        { fileName: 'a.bib', text: 'text of a.bib', outcome: imported(null) },
        { fileName: 'b.ris', text: 'text of b.ris', outcome: null },
      ],
    },
    { name: 'a paste while the dialog is open goes to its text field, not the queue', input: [[file('a.bib')], { kind: 'text', text: 'x' }, false], expected: [{ fileName: 'a.bib', text: 'text of a.bib', outcome: null }] },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => assert.deepEqual(shape(applyRequest(...input)), expected));
  }
});

test('import queue: each new item gets its own key', () => {
  const items = applyRequest(applyRequest(null, files('a.bib', 'a.bib'), false), files('a.bib'), false) ?? [];
  assert.equal(new Set(items.map((item) => item.key)).size, 3);
});

test('import queue: the current item is the first that has not ended; settling moves on', () => {
  const [a, b, c] = [file('a.bib'), file('b.ris'), file('c.json')];
  let items: ImportItem[] = [a, b, c];
  assert.equal(currentItem(items), a);
  items = settleItem(items, a.key, imported('p-1'));
  assert.equal(currentItem(items)?.fileName, 'b.ris');
  items = settleItem(items, b.key, { kind: 'skipped', source: 'RIS file · 7 papers' });
  items = settleItem(items, b.key, imported(null));
  assert.deepEqual(items[1]?.outcome, { kind: 'skipped', source: 'RIS file · 7 papers' }, 'an ended item keeps its outcome');
  items = settleItem(items, c.key, { kind: 'skipped', source: null });
  assert.equal(currentItem(items), undefined);
});

test('import queue: setItemText edits a paste only', () => {
  const [p, f] = [paste(''), file('a.bib')];
  const items = setItemText(setItemText([p, f], p.key, 'typed'), f.key, 'not a file edit');
  assert.deepEqual(shape(items), [
    { fileName: null, text: 'typed', outcome: null },
    { fileName: 'a.bib', text: 'text of a.bib', outcome: null },
  ]);
});

test('import queue: importedScope', async (t) => {
  const cases: Array<{ name: string; input: ImportItem[]; expected: ReturnType<typeof importedScope> }> = [
    { name: 'nothing imported', input: [file('a.bib', { kind: 'skipped', source: null }), file('b.bib')], expected: null },
    { name: 'one profile', input: [paste('page', imported('p-1'))], expected: { profileId: 'p-1' } },
    { name: 'a list without a person', input: [file('a.bib', imported(null))], expected: { profileId: null } },
    { name: 'the same profile from two sources', input: [paste('gs', imported('p-1')), file('page.txt', imported('p-1'))], expected: { profileId: 'p-1' } },
    { name: 'a profile and a list: the whole library', input: [paste('gs', imported('p-1')), file('a.bib', imported(null))], expected: { profileId: null } },
    { name: 'two profiles: the whole library', input: [paste('gs', imported('p-1')), file('p.txt', imported('p-2'))], expected: { profileId: null } },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => assert.deepEqual(importedScope(input), expected));
  }
});
