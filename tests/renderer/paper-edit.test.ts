import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_FORM, editOf, formOf, formProblems, manualPaperOf, parseAuthors, type EditForm } from '../../renderer/src/lib/paper-edit.js';

const paper = {
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani', 'Noam Shazeer'],
  date: '2017-06',
  category: 'cs.CL',
  venue: null,
  doi: '10.5555/3295222',
  url: null,
  abstract: 'The dominant models…',
};

test('paper-edit: authors one per line or ;-separated', async (t) => {
  const cases: Array<{ input: string; expected: string[] }> = [
    { input: '', expected: [] },
    { input: 'A. Author', expected: ['A. Author'] },
    { input: 'A. Author\nB. Author', expected: ['A. Author', 'B. Author'] },
    { input: 'A. Author; B. Author;C', expected: ['A. Author', 'B. Author', 'C'] },
    { input: '  A.   Author  \n\n;;\n B ', expected: ['A. Author', 'B'] },
    { input: 'Müller, J.\r\nZhang 张', expected: ['Müller, J.', 'Zhang 张'] },
  ];
  for (const c of cases) await t.test(JSON.stringify(c.input), () => assert.deepEqual(parseAuthors(c.input), c.expected));
});

test('paper-edit: a Save sends only what changed', async (t) => {
  const cases: Array<{ name: string; change: Partial<EditForm>; expected: unknown }> = [
    { name: 'nothing changed', change: {}, expected: null },
    { name: 'only whitespace around the title', change: { title: '  Attention Is All You Need ' }, expected: null },
    { name: 'authors re-joined with ; are the same authors', change: { authors: 'Ashish Vaswani; Noam Shazeer' }, expected: null },
    { name: 'a title', change: { title: 'Attention is all you need' }, expected: { set: { title: 'Attention is all you need' } } },
    { name: 'an author added', change: { authors: 'Ashish Vaswani\nNoam Shazeer\nNiki Parmar' }, expected: { set: { authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'] } } },
    { name: 'every author removed', change: { authors: '' }, expected: { set: { authors: [] } } },
    { name: 'a venue typed where there was none', change: { venue: 'NeurIPS' }, expected: { set: { venue: 'NeurIPS' } } },
    { name: 'the DOI cleared: null, not ""', change: { doi: '  ' }, expected: { set: { doi: null } } },
    { name: 'the category cleared', change: { category: '' }, expected: { set: { category: null } } },
    { name: 'the abstract keeps its paragraphs', change: { abstract: 'One.\n\nTwo.' }, expected: { set: { abstract: 'One.\n\nTwo.' } } },
    { name: 'the date cleared: "" (unknown)', change: { date: '' }, expected: { set: { date: '' } } },
    { name: 'two fields at once', change: { date: '2017', url: 'https://arxiv.org/abs/1706.03762' }, expected: { set: { date: '2017', url: 'https://arxiv.org/abs/1706.03762' } } },
  ];
  for (const c of cases) await t.test(c.name, () => assert.deepEqual(editOf(paper, { ...formOf(paper), ...c.change }), c.expected));
});

test('paper-edit: problems that keep a form from saving', async (t) => {
  const cases: Array<{ name: string; change: Partial<EditForm>; expected: number }> = [
    { name: 'the paper as it is', change: {}, expected: 0 },
    { name: 'no title', change: { title: '   ' }, expected: 1 },
    { name: 'a year', change: { date: '2024' }, expected: 0 },
    { name: 'a month', change: { date: '2024-07' }, expected: 0 },
    { name: 'a day', change: { date: '2024-07-31' }, expected: 0 },
    { name: 'no date', change: { date: '' }, expected: 0 },
    { name: 'month 13', change: { date: '2024-13' }, expected: 1 },
    { name: 'a written date', change: { date: 'July 2024' }, expected: 1 },
    { name: 'no title and a bad date', change: { title: '', date: '24' }, expected: 2 },
  ];
  for (const c of cases) await t.test(c.name, () => assert.equal(formProblems({ ...formOf(paper), ...c.change }).length, c.expected));
});

test('paper-edit: a hand-typed paper keeps only the fields filled in', async (t) => {
  const cases: Array<{ name: string; form: Partial<EditForm>; expected: unknown }> = [
    { name: 'a title only', form: { title: ' A  paper ' }, expected: { title: 'A paper' } },
    { name: 'everything', form: { title: 'T', authors: 'A; B', date: '2020', category: 'cs.LG', venue: 'V', doi: '10.1/x', url: 'https://x.org', abstract: 'Abs' }, expected: { title: 'T', authors: ['A', 'B'], date: '2020', category: 'cs.LG', venue: 'V', doi: '10.1/x', url: 'https://x.org', abstract: 'Abs' } },
    { name: 'blank fields left out', form: { title: 'T', authors: ' ; ', venue: '  ' }, expected: { title: 'T' } },
  ];
  for (const c of cases) await t.test(c.name, () => assert.deepEqual(manualPaperOf({ ...EMPTY_FORM, ...c.form }), c.expected));
});
