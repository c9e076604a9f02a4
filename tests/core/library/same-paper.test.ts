// One rule for "the same paper" (issue 8 §4): the same title key is one paper when the years are within one of
// each other, in the parser's dedupe within a paste and in the store's match against the library; each merge is
// named. Titles with no letters are accepted with a key of their own. Real library folders on disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSamePaper, isSamePaperDate } from '../../../electron/core/same-paper.js';
import { paperIdForKey } from '../../../electron/core/library/index.js';
import { parseProfilePage } from '../../../electron/core/parse/index.js';
import { normalizeKey, titleKey } from '../../../electron/core/text.js';
import { libraryPath, openLib, paper, parsed } from './helpers.js';

const dateRows: Array<{ a: string; b: string; same: boolean }> = [
  { a: '2023-05-31', b: '2023-05-31', same: true },
  { a: '2023-05-31', b: '2024-01-10', same: true }, // preprint, then proceedings
  { a: '2023-01-01', b: '2024-12-31', same: true }, // years one apart, whatever the months
  { a: '2024-12-31', b: '2023-01-01', same: true },
  { a: '2022-12-31', b: '2024-01-01', same: false }, // two years apart
  { a: '2010-06-01', b: '2020-06-01', same: false },
];
for (const row of dateRows) {
  test(`same paper? ${row.a} and ${row.b}: ${row.same}`, () => assert.equal(isSamePaperDate(row.a, row.b), row.same));
}

test('findSamePaper: the closest date within the window wins; a tie goes to the first', () => {
  const dates = ['2020-03-01', '2021-02-01', '2021-12-01'];
  const find = (date: string) => findSamePaper(dates, date, (d) => d);
  assert.equal(find('2021-06-01'), '2021-02-01');
  assert.equal(find('2021-11-01'), '2021-12-01');
  assert.equal(find('2022-06-01'), '2021-12-01');
  assert.equal(find('2023-06-01'), undefined);
  assert.equal(findSamePaper(['2020-01-10', '2020-01-20'], '2020-01-15', (d) => d), '2020-01-10');
});

const keyRows: Array<{ title: string; key: string }> = [
  { title: 'Gemma 2: Improving Open Models', key: 'gemma 2 improving open models' },
  { title: '🚀🚀🚀', key: '🚀🚀🚀' },
  { title: '<', key: '<' },
  { title: '，', key: ',' },
  { title: ' —  ·\u200b— ', key: '— ·—' }, // an invisible character is removed, not turned into a space
  { title: '\u200b\u0000', key: '' },
];
for (const row of keyRows) {
  test(`titleKey(${JSON.stringify(row.title)}) = ${JSON.stringify(row.key)}`, () => assert.equal(titleKey(row.title), row.key));
}

const HEAD = 'Jane Doe\nLG\nh-index 3\n\n';
const listing = (title: string, header: string, abstract = 'Text.') => `${header}\n${title}\n\nAlice Smith, Bob Jones\n\n${abstract}`;

test('parser: the same title within a year is merged and named; further apart it is kept twice and named', () => {
  const r = parseProfilePage(
    HEAD +
      [
        listing('Factually Consistent Summarization', 'CLMay 31, 2023', ''),
        listing('factually consistent summarization', 'CLJan 10, 2024', 'The proceedings abstract.'),
        listing('Annual Report', 'CLJan 1, 2010'),
        listing('Annual Report', 'CLJan 1, 2020'),
      ].join('\n\n'),
  );
  assert.deepEqual(r.papers.map((p) => [p.title, p.date, p.abstract]), [
    ['Factually Consistent Summarization', '2023-05-31', 'The proceedings abstract.'],
    ['Annual Report', '2010-01-01', 'Text.'],
    ['Annual Report', '2020-01-01', 'Text.'],
  ]);
  assert.ok(r.warnings.includes('"Factually Consistent Summarization" 2023-05-31 and 2024-01-10 are one paper: same title, dates within 1 year (kept 2023-05-31).'), r.warnings.join(' | '));
  assert.ok(r.warnings.includes('"Annual Report" 2010-01-01 and 2020-01-01 have the same title but are more than 1 year apart: kept as two papers.'), r.warnings.join(' | '));
});

test('store: a paste dated within a year of a stored paper is that paper (named); years apart is a new paper, stored ids unchanged', async (t) => {
  const lib = await openLib(t, await libraryPath(t));
  const first = await lib.commitImport('a', parsed('Alice A', [paper('Factually Consistent Summarization', { date: '2023-05-31' }), paper('Annual Report', { date: '2010-01-01' })]), 2);
  const [summarization, report] = first.addedIds;
  // Papers already stored keep the ids they always had: derived from the title key alone.
  assert.equal(summarization, paperIdForKey(normalizeKey('Factually Consistent Summarization')));
  assert.equal(report, paperIdForKey(normalizeKey('Annual Report')));

  const plan = await lib.planImport(parsed('Bob B', [paper('factually consistent summarization', { date: '2024-01-10' }), paper('Annual Report', { date: '2020-01-01' })]));
  assert.deepEqual(plan.papers.map((p) => [p.id === summarization, p.isNew]), [[true, false], [false, true]]);
  assert.deepEqual(plan.notices, [
    '"Factually Consistent Summarization" 2023-05-31 and 2024-01-10 are one paper: same title, dates within 1 year (kept 2023-05-31).',
    '"Annual Report" 2010-01-01 and 2020-01-01 have the same title but are more than 1 year apart: kept as two papers.',
  ]);
  const second = await lib.commitImport('b', parsed('Bob B', [paper('factually consistent summarization', { date: '2024-01-10' }), paper('Annual Report', { date: '2020-01-01' })]), 2);
  assert.deepEqual(second.presentIds, [summarization]);
  assert.equal(second.addedIds.length, 1);
  assert.notEqual(second.addedIds[0], report);
  assert.deepEqual(second.notices, plan.notices);
  assert.deepEqual(lib.papers().map((p) => [p.title, p.date]), [
    ['Factually Consistent Summarization', '2023-05-31'],
    ['Annual Report', '2010-01-01'],
    ['Annual Report', '2020-01-01'],
  ]);

  // Both 'Annual Report's are found again after a reopen, each by its own year, and a third listing joins the closest.
  await lib.close();
  const reopened = await openLib(t, lib.dir);
  const third = await reopened.planImport(parsed('Carol C', [paper('Annual Report', { date: '2021-03-01' }), paper('Annual Report', { date: '2011-03-01' })]));
  assert.deepEqual(third.papers.map((p) => [p.id, p.isNew]), [[second.addedIds[0], false], [report, false]]);
});

test('store: within one paste, the planner applies the same rule as the parser (hand-built ParseResult)', async (t) => {
  const lib = await openLib(t, await libraryPath(t));
  const plan = await lib.planImport(parsed('Alice A', [paper('T', { date: '2023-05-31', abstract: '' }), paper('T', { date: '2024-01-10' }), paper('T', { date: '2030-01-01' })]));
  assert.equal(plan.papers.length, 2);
  assert.equal(plan.papers[0]?.paper.abstract, 'Abstract of T.', 'the richer listing fills the gap');
  assert.deepEqual(plan.notices, [
    '"T" 2023-05-31 and 2024-01-10 are one paper: same title, dates within 1 year (kept 2023-05-31).',
    '"T" 2023-05-31 and 2030-01-01 have the same title but are more than 1 year apart: kept as two papers.',
  ]);
});

test('store: titles without letters or digits are accepted, each with its own key, and found again', async (t) => {
  const lib = await openLib(t, await libraryPath(t));
  const titles = ['🚀🚀🚀', '<', '，', '—', '🚀 🚀'];
  const outcome = await lib.commitImport('x', parsed('Alice A', titles.map((title) => paper(title))), 2);
  assert.equal(outcome.addedIds.length, titles.length);
  assert.equal(new Set(outcome.addedIds).size, titles.length);
  assert.deepEqual(lib.papers().map((p) => p.key), ['🚀🚀🚀', '<', ',', '—', '🚀 🚀']);
  const again = await lib.planImport(parsed('Bob B', titles.map((title) => paper(title))));
  assert.ok(again.papers.every((p) => !p.isNew));
});
