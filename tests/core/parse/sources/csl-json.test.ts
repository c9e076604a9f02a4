// The CSL-JSON source: the fixture to the contract, variants tools write (minified, a single item, an {items}
// wrapper, rich-text markup, raw dates, particles), Folio's own CSL-JSON export read back, and robustness.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportLibrary } from '../../../../electron/core/export/index.js';
import { recordFromSource } from '../../../../electron/core/library/importer.js';
import type { PaperRecord } from '../../../../electron/core/model.js';
import { parseProfilePage } from '../../../../electron/core/parse/index.js';
import { cslJsonSource } from '../../../../electron/core/parse/sources/csl-json.js';
import type { SourcePaper } from '../../../../electron/core/parse/sources/types.js';
import { fixture } from '../helpers.js';
import { allFixtures, sourceFixture } from './fixture-files.js';
import { assertRefuses, assertSurvives, mutations } from './source-checks.js';
import { exportData } from '../../export/export-data.js';

const library = sourceFixture('library.csl.json');
const items = JSON.parse(library) as Array<Record<string, unknown>>;
const byTitle = (papers: SourcePaper[], start: string): SourcePaper => {
  const paper = papers.find((p) => p.title.startsWith(start));
  assert.ok(paper, `no paper titled "${start}…" in ${papers.map((p) => p.title).join(' | ')}`);
  return paper;
};

test('the fixture: 6 items, field by field', () => {
  const result = cslJsonSource.parse(library);
  assert.equal(result.source, 'csl-json');
  assert.equal(result.profile, null);
  assert.deepEqual(result.warnings, []);
  assert.equal(result.papers.length, 6);
  assert.deepEqual(byTitle(result.papers, 'Reverb'), {
    title: 'Reverb: A Framework For Experience Replay',
    authors: ['Albin Cassirer', 'Gabriel Barth-Maron', 'Eugene Brevdo', 'Sabela Ramos', 'Toby Boyd', 'Thibault Sottiaux', 'Manuel Kroiss'],
    authorsTruncated: false,
    date: '2021-02-09',
    year: 2021,
    category: null,
    orgs: [],
    abstract: null,
    venue: null,
    doi: '10.48550/arxiv.2102.04736',
    arxivId: '2102.04736',
    url: 'http://arxiv.org/abs/2102.04736',
  });
  const gemini = byTitle(result.papers, 'Gemini 2.5');
  assert.deepEqual([gemini.authors, gemini.date, gemini.arxivId, gemini.doi], [['Gemini Team', 'Gheorghe Comanici', 'Eric Bieber'], '2025-07-07', '2507.06261', null]);
  assert.equal(byTitle(result.papers, 'Learning to Act').date, '2023-10'); // month precision
  assert.equal(byTitle(result.papers, 'Offline Preference').date, '2023'); // year precision
  assert.equal(byTitle(result.papers, 'Offline Preference').venue, 'Advances in Neural Information Processing Systems');
  assert.equal(byTitle(result.papers, 'Régularisation').venue, 'Université Paris-Saclay'); // a thesis's publisher
});

const one = (item: Record<string, unknown>): string => JSON.stringify([{ type: 'article', ...item }]);

const variants: Array<{ name: string; text: string; papers: number; warnings?: RegExp[]; check?: (papers: SourcePaper[]) => void }> = [
  { name: 'minified', text: JSON.stringify(items), papers: 6 },
  { name: 'CRLF, tabs and a BOM', text: `\uFEFF${JSON.stringify(items, null, '\t').replace(/\n/g, '\r\n')}`, papers: 6 },
  { name: 'keys in another order', text: JSON.stringify(items.map((item) => Object.fromEntries(Object.entries(item).reverse()))), papers: 6 },
  { name: 'a single item object', text: JSON.stringify(items[0]), papers: 1 },
  { name: 'an {"items": [...]} wrapper', text: JSON.stringify({ items }), papers: 6 },
  {
    name: 'rich-text markup, particles, suffixes, "et al."',
    text: one({
      title: 'Reading <i>in vivo</i> <span style="font-variant:small-caps;">Data</span>',
      author: [
        { given: 'Ludwig', 'non-dropping-particle': 'van', family: 'Beethoven' },
        { given: 'Martin Luther', family: 'King', suffix: 'Jr.' },
        { literal: 'others' },
      ],
    }),
    papers: 1,
    check: (papers) => {
      assert.equal(papers[0]?.title, 'Reading in vivo Data');
      assert.deepEqual(papers[0]?.authors, ['Ludwig van Beethoven', 'Martin Luther King Jr.']);
      assert.equal(papers[0]?.authorsTruncated, true);
    },
  },
  {
    name: 'dates as raw text, as strings in date-parts, as a range, impossible day',
    text: JSON.stringify([
      { type: 'article', title: 'Raw', issued: { raw: '2022-05-17' } },
      { type: 'article', title: 'Strings', issued: { 'date-parts': [['2020', '4']] } },
      { type: 'article', title: 'Range', issued: { 'date-parts': [[2019, 6, 1], [2019, 6, 5]] } },
      { type: 'article', title: 'Impossible', issued: { 'date-parts': [[2023, 2, 31]] } },
      { type: 'article', title: 'Literal', issued: { literal: 'Spring 2021' } },
    ]),
    papers: 5,
    check: (papers) => assert.deepEqual(papers.map((p) => p.date), ['2022-05-17', '2020-04', '2019-06-01', '2023-02', '2021']),
  },
  {
    name: 'missing fields and wrong types are absent, not errors',
    text: JSON.stringify([{ type: 'article', title: 'Bare', author: 'not a list', issued: 2020, DOI: 42, URL: ['x'] }]),
    papers: 1,
    check: (papers) => assert.deepEqual(papers[0], { ...papers[0], authors: [], date: null, doi: null, url: null }),
  },
  {
    name: 'an item without a title and a non-object are skipped, named',
    text: JSON.stringify([...items, { id: 'untitled', type: 'article' }, 42]),
    papers: 6,
    warnings: [/item 7 \("untitled"\): it has no title/, /item 8: it is not an object/],
  },
  {
    name: 'an arXiv id in the note, a category keyword, a string name',
    text: one({ title: 'Note', note: 'arXiv: 2401.01234v3', keyword: 'cs.LG, offline RL', author: ['Doe, Jane'] }),
    papers: 1,
    check: (papers) => assert.deepEqual([papers[0]?.arxivId, papers[0]?.category, papers[0]?.authors], ['2401.01234', 'cs.LG', ['Jane Doe']]),
  },
];

for (const variant of variants) {
  test(`variant: ${variant.name}`, () => {
    assert.ok(cslJsonSource.detect(variant.text) >= 0.8, `detect ${cslJsonSource.detect(variant.text)}`);
    const result = cslJsonSource.parse(variant.text);
    assert.equal(result.papers.length, variant.papers, result.papers.map((p) => p.title).join(' | '));
    for (const pattern of variant.warnings ?? []) {
      assert.ok(result.warnings.some((w) => pattern.test(w)), `no warning matches ${pattern}: ${JSON.stringify(result.warnings)}`);
    }
    if (!variant.warnings) assert.deepEqual(result.warnings, []);
    variant.check?.(result.papers);
  });
}

test('an empty list is CSL-JSON with no papers and a warning', () => {
  const result = cslJsonSource.parse('[]');
  assert.deepEqual([result.papers, result.warnings.length], [[], 1]);
});

test('detect: ≥ 0.8 on the fixture, < 0.5 on every other fixture file and on a Folio backup', () => {
  assert.ok(cslJsonSource.detect(library) >= 0.8);
  for (const { name, text } of allFixtures()) {
    if (name.endsWith('.csl.json')) continue;
    assert.ok(cslJsonSource.detect(text) < 0.5, `${name}: ${cslJsonSource.detect(text)}`);
  }
  const backup = JSON.stringify({ format: 'folio-library', version: 1, papers: items }, null, 2);
  assert.ok(cslJsonSource.detect(backup) < 0.5);
});

test('foreign text is refused with NotThisSourceError', () => {
  const foreign: Array<[string, string]> = [
    ['empty', ''],
    ['a profile page', fixture('profile-sabela-ramos.txt')],
    ['BibTeX', sourceFixture('library.bib')],
    ['JSON of something else', JSON.stringify([{ name: 'x', value: 1 }])],
    ['a JSON number', '42'],
    ['cut short', library.slice(0, library.length / 2)],
  ];
  for (const [label, text] of foreign) assertRefuses(cslJsonSource, text, label);
});

test("Folio's own CSL-JSON export reads back: titles, authors, dates, abstracts", () => {
  const parsed = parseProfilePage(fixture('profile-sabela-ramos.txt'));
  const papers: PaperRecord[] = parsed.papers.map((paper, i) => recordFromSource(paper, `p-${i}`, 'profile-page', '2026-01-01T00:00:00.000Z'));
  const text = exportLibrary('csl-json', exportData(papers.map((paper) => ({ paper, user: { tags: [], note: '', status: 'unread' }, profiles: [] }))));
  const result = cslJsonSource.parse(text);
  assert.deepEqual(result.warnings, []);
  result.papers.forEach((read, i) => {
    const original = papers[i] as PaperRecord;
    assert.deepEqual([read.title, read.authors, read.date], [original.title, original.authors, original.date]);
    assert.equal(read.abstract, original.abstract.replace(/[ \t]+/g, ' ') || null);
  });
});

test('survives seeded mutations of the fixture and pathological input', () => {
  for (const [i, text] of mutations(library, 150, 5).entries()) assertSurvives(cslJsonSource, text, `mutation ${i}`);
  const rows: Array<[string, string]> = [
    ['deep nesting', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['deep nesting in an item', `[{"title": "T", "author": ${'['.repeat(50_000)}${']'.repeat(50_000)}}]`],
    ['many items', JSON.stringify(Array.from({ length: 20_000 }, (_, i) => ({ type: 'article', title: `T${i}` })))],
    ['a huge string', JSON.stringify([{ type: 'article', title: 'x'.repeat(1_000_000) }])],
  ];
  for (const [label, text] of rows) assertSurvives(cslJsonSource, text, label);
});
