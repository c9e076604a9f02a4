// One rule for "the same paper" (issue 8 §4): the same title key is one paper when the years are within one of
// each other, in the parser's dedupe within a paste and in the store's match against the library; each merge is
// named. Titles with no letters are accepted with a key of their own. Real library folders on disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSamePaper, identityOf, matchReason, type MatchReason } from '../../../electron/core/same-paper.js';
import { paperIdForKey } from '../../../electron/core/library/index.js';
import { parseProfilePage } from '../../../electron/core/parse/index.js';
import { normalizeKey, titleKey } from '../../../electron/core/text.js';
import { libraryPath, openLib, paper, parsed } from './helpers.js';

type Side = { title: string; year?: number | null; doi?: string | null; arxivId?: string | null };
const id = (side: Side) => identityOf({ year: null, doi: null, arxivId: null, ...side });
const GEMINI = 'Gemini 2.5: Pushing the Frontier with Advanced Reasoning, Multimodality, Long Context, and Next Generation Agentic Capabilities';

const matchRows: Array<{ name: string; a: Side; b: Side; reason: MatchReason | null }> = [
  { name: 'same DOI, different titles', a: { title: 'A', doi: '10.1/x' }, b: { title: 'B', doi: '10.1/x' }, reason: 'same DOI' },
  { name: 'same DOI, years far apart', a: { title: 'A', doi: '10.1/x', year: 2010 }, b: { title: 'A', doi: '10.1/x', year: 2020 }, reason: 'same DOI' },
  { name: 'different DOIs are never one paper, whatever the title', a: { title: 'Same', doi: '10.1/x', year: 2020 }, b: { title: 'Same', doi: '10.1/y', year: 2020 }, reason: null },
  { name: 'an arXiv DOI and a journal DOI do not conflict', a: { title: 'Same', doi: '10.48550/arxiv.2408.00118' }, b: { title: 'same', doi: '10.1/y' }, reason: 'same title' },
  { name: 'an arXiv DOI is that arXiv id', a: { title: 'A', doi: '10.48550/arxiv.2408.00118' }, b: { title: 'B', arxivId: '2408.00118' }, reason: 'same arXiv id' },
  { name: 'same arXiv id, different titles', a: { title: 'A', arxivId: 'hep-th/9901001' }, b: { title: 'B', arxivId: 'hep-th/9901001' }, reason: 'same arXiv id' },
  { name: 'different arXiv ids are two papers', a: { title: 'Same', arxivId: '2408.00118' }, b: { title: 'Same', arxivId: '2408.00119' }, reason: null },
  { name: 'a DOI on one side only: the title decides', a: { title: 'Same Title', doi: '10.1/x', year: 2023 }, b: { title: 'same title', year: 2024 }, reason: 'same title' },
  { name: 'same title, a year apart', a: { title: 'T', year: 2023 }, b: { title: 't', year: 2024 }, reason: 'same title' },
  { name: 'same title, two years apart', a: { title: 'T', year: 2022 }, b: { title: 'T', year: 2024 }, reason: null },
  { name: 'same title, one year unknown', a: { title: 'T', year: null }, b: { title: 'T', year: 1999 }, reason: 'same title' },
  { name: 'a cut title (…) starts the full one', a: { title: 'Gemini 2.5: Pushing the frontier with advanced reasoning, multimodality, long context, and next …', year: 2025 }, b: { title: GEMINI, year: 2025 }, reason: 'same title, shortened' },
  { name: 'either side may be the cut one', a: { title: GEMINI, year: 2025 }, b: { title: 'Gemini 2.5: pushing the frontier with advanced …', year: 2024 }, reason: 'same title, shortened' },
  { name: 'a cut inside a word', a: { title: 'Gemini 2.5: Pushing the frontier with adv…' }, b: { title: GEMINI }, reason: 'same title, shortened' },
  { name: 'three dots after a space are a cut too', a: { title: 'Gemini 2.5: Pushing the frontier ...' }, b: { title: GEMINI }, reason: 'same title, shortened' },
  { name: 'a cut too short to say anything (under 4 words)', a: { title: 'Gemini 2.5: Pushing …' }, b: { title: GEMINI }, reason: null },
  { name: 'a cut too short to say anything (under 20 characters)', a: { title: 'A b c d e …' }, b: { title: 'A b c d e f g h' }, reason: null },
  { name: 'a cut title, years too far apart', a: { title: 'Gemini 2.5: Pushing the frontier with advanced …', year: 2020 }, b: { title: GEMINI, year: 2025 }, reason: null },
  { name: 'a cut title that does not start the other', a: { title: 'Gemini 2.5: Pulling the frontier with advanced …' }, b: { title: GEMINI }, reason: null },
  { name: 'a full title is not a cut of a longer one', a: { title: 'Gemini 2.5: Pushing the frontier with advanced reasoning' }, b: { title: GEMINI }, reason: null },
];
for (const row of matchRows) {
  test(`matchReason: ${row.name}`, () => {
    assert.equal(matchReason(id(row.a), id(row.b)), row.reason);
    assert.equal(matchReason(id(row.b), id(row.a)), row.reason, 'symmetric');
  });
}

test('findSamePaper: the strongest reason wins, then shared authors, then the closest date; a tie goes to the first', () => {
  type Candidate = { side: Side; date: string; authors: string[] };
  const candidates: Candidate[] = [
    { side: { title: 'T', year: 2020 }, date: '2020-03-01', authors: ['Ada Lovelace'] },
    { side: { title: 'T', year: 2021 }, date: '2021-02-01', authors: ['Ada Lovelace'] },
    { side: { title: 'T', year: 2021 }, date: '2021-12-01', authors: ['Ada Lovelace'] },
    { side: { title: 'Other', year: 2030, doi: '10.1/x' }, date: '2030', authors: [] },
  ];
  const find = (side: Side, date: string, authors: string[] = ['A Lovelace'], within = candidates) =>
    findSamePaper(id(side), date, authors, within, (c) => ({ identity: id(c.side), date: c.date, authors: c.authors }))?.candidate.date;
  assert.equal(find({ title: 'T', year: 2021 }, '2021-06-01'), '2021-02-01');
  assert.equal(find({ title: 'T', year: 2021 }, '2021-11-01'), '2021-12-01');
  assert.equal(find({ title: 'T', year: 2022 }, '2022-06-01'), '2021-12-01');
  assert.equal(find({ title: 'T', year: 2023 }, '2023-06-01'), undefined);
  assert.equal(find({ title: 'T', year: 2021, doi: '10.1/x' }, '2021-06-01'), '2030', 'a shared DOI beats a close date');
  assert.equal(find({ title: 'T', year: 2021 }, '2021'), '2021-02-01', 'a year alone is the start of that year');
  assert.equal(find({ title: 'T', year: null }, ''), '2020-03-01', 'no date: the first that matches');
  // Two stored papers with one title and year (different DOIs): the one sharing authors, whatever the dates say.
  const twins: Candidate[] = [
    { side: { title: 'Safe Excavators', year: 2023, doi: '10.9/other' }, date: '2023', authors: ['Else Nobody'] },
    { side: { title: 'Safe Excavators', year: 2023, doi: '10.1/lra' }, date: '2023-07-06', authors: ['Tomás Ibarra', 'Ricardo Salinas'] },
  ];
  assert.equal(find({ title: 'safe excavators', year: 2023 }, '2023', ['T Ibarra', 'R Salinas'], twins), '2023-07-06');
  assert.equal(find({ title: 'safe excavators', year: 2023 }, '2023', ['Else Nobody'], twins), '2023');
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
