// The RIS source: the fixture to the contract, variants exporters write (CRLF, one-space tags, wrapped values,
// records without ER, fields in any order, chrome around), Folio's own RIS export read back, and robustness.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportLibrary } from '../../../../electron/core/export/index.js';
import { recordFromSource } from '../../../../electron/core/library/importer.js';
import type { PaperRecord } from '../../../../electron/core/model.js';
import { parseProfilePage } from '../../../../electron/core/parse/index.js';
import { risSource } from '../../../../electron/core/parse/sources/ris.js';
import type { SourcePaper } from '../../../../electron/core/parse/sources/types.js';
import { fixture } from '../helpers.js';
import { allFixtures, sourceFixture } from './fixture-files.js';
import { assertRefuses, assertSurvives, mutations } from './source-checks.js';
import { exportData } from '../../export/export-data.js';

const library = sourceFixture('library.ris');
const byTitle = (papers: SourcePaper[], start: string): SourcePaper => {
  const paper = papers.find((p) => p.title.startsWith(start));
  assert.ok(paper, `no paper titled "${start}…" in ${papers.map((p) => p.title).join(' | ')}`);
  return paper;
};

test('the fixture: 7 records, field by field', () => {
  const result = risSource.parse(library);
  assert.equal(result.source, 'ris');
  assert.equal(result.profile, null);
  assert.deepEqual(result.warnings, []);
  assert.equal(result.papers.length, 7);
  assert.deepEqual(byTitle(result.papers, 'Gemma 3'), {
    title: 'Gemma 3 Technical Report',
    authors: ['Gemma Team', 'Aishwarya Kamath', 'Johan Ferret', 'Shreya Pathak'],
    authorsTruncated: false,
    date: '2025-03-25',
    year: 2025,
    category: null,
    orgs: [],
    abstract:
      'We introduce Gemma 3, a multimodal addition to the Gemma family of lightweight open models, ranging in scale from 1 to 27 billion parameters.',
    venue: null,
    doi: '10.48550/arxiv.2503.19786',
    arxivId: '2503.19786',
    url: 'https://arxiv.org/abs/2503.19786',
  });
  assert.deepEqual(byTitle(result.papers, 'Imitation Learning'), {
    title: 'Imitation Learning',
    authors: ['Inès Duclos-Varga', 'Tomás Ibarra'], // the A2 editor is not an author
    authorsTruncated: false,
    date: '2024',
    year: 2024,
    category: null,
    orgs: [],
    abstract: null,
    venue: "Reinforcement Learning: A Practitioner's Handbook",
    doi: '10.1007/978-3-031-55218-4_9',
    arxivId: null,
    url: null,
  });
  const robust = byTitle(result.papers, 'Robust Policy');
  assert.deepEqual([robust.venue, robust.date, robust.url], ['Journal of Machine Learning Research', '2023', 'http://jmlr.org/papers/v24/22-1187.html']);
  assert.deepEqual(byTitle(result.papers, 'Offline Preference').date, '2023-12-10');
  assert.equal(byTitle(result.papers, 'Safe Imitation').doi, '10.1109/lra.2023.3291277');
  assert.equal(byTitle(result.papers, 'MedGemma').arxivId, '2507.05201'); // only in N1 / UR
  assert.equal(byTitle(result.papers, 'Régularisation').venue, 'Université Paris-Saclay'); // a thesis's PB
});

const record = (...lines: string[]): string => ['TY  - JOUR', ...lines, 'ER  - '].join('\n');

const variants: Array<{ name: string; text: string; papers: number; warnings?: RegExp[]; check?: (papers: SourcePaper[]) => void }> = [
  { name: 'CRLF line ends', text: library.replace(/\n/g, '\r\n'), papers: 7 },
  { name: 'BOM and NBSP inside values', text: `\uFEFF${library.replace('Robust Policy', 'Robust\u00a0Policy')}`, papers: 7 },
  {
    name: 'fields in another order (TY, then ER, the rest shuffled)',
    text: library
      .split(/\n(?=TY {2}- )/)
      .map((block) => {
        const lines = block.trim().split('\n');
        const body = lines.slice(1, -1).reverse();
        return [lines[0], ...body, lines[lines.length - 1]].join('\n');
      })
      .join('\n\n'),
    papers: 7,
    check: (papers) => assert.deepEqual(byTitle(papers, 'Imitation Learning').authors, ['Tomás Ibarra', 'Inès Duclos-Varga']),
  },
  {
    name: 'chrome before and after',
    text: `Provider: Example Publisher\nContent: text/plain; charset="UTF-8"\n\n${library}\n\nDownloaded 2025-01-02\n`,
    papers: 7,
  },
  {
    name: 'one-space tags, no space after an empty ER, wrapped abstract',
    text: 'TY - JOUR\nTI - Wrapped Abstract\nAU - Doe, Jane\nAB - First line of the abstract\ncontinues on the next line.\nER -\n',
    papers: 1,
    check: (papers) => assert.deepEqual([papers[0]?.abstract, papers[0]?.authors], ['First line of the abstract continues on the next line.', ['Jane Doe']]),
  },
  {
    name: 'a record without ER before the next one',
    text: 'TY  - JOUR\nTI  - First\nTY  - JOUR\nTI  - Second\nER  - \n',
    papers: 2,
    warnings: [/1 RIS record\(s\) had no closing/],
  },
  {
    name: 'a record without a title is skipped, named by its line',
    text: `${library}\nTY  - JOUR\nAU  - Doe, Jane\nER  - \n`,
    papers: 7,
    warnings: [/record at line \d+: it has no title/],
  },
  {
    name: 'missing fields, T1/A1/Y1 spellings, Y1 with slashes, truncated list',
    text: record('T1  - Old Style Tags', 'A1  - Smith, John', 'A1  - et al.', 'Y1  - 2019/07//'),
    papers: 1,
    check: (papers) =>
      assert.deepEqual(papers[0], {
        ...papers[0],
        authors: ['John Smith'],
        authorsTruncated: true,
        date: '2019-07',
        year: 2019,
        venue: null,
      }),
  },
  {
    name: 'DA with another year than PY: the publication year wins',
    text: record('TI  - Accessed Later', 'PY  - 2018', 'DA  - 2024/05/01'),
    papers: 1,
    check: (papers) => assert.equal(papers[0]?.date, '2018'),
  },
  {
    name: 'AD affiliations become orgs; KW category; DOI only in a doi.org UR',
    text: record('TI  - Orgs', 'AD  - Google DeepMind', 'AD  - Mila', 'KW  - cs.LG', 'KW  - offline RL', 'UR  - https://doi.org/10.1000/XYZ'),
    papers: 1,
    check: (papers) => assert.deepEqual([papers[0]?.orgs, papers[0]?.category, papers[0]?.doi], [['Google DeepMind', 'Mila'], 'cs.LG', '10.1000/xyz']),
  },
  {
    name: 'suffix in a name ("King, Jr., Martin")',
    text: record('TI  - Suffix', 'AU  - King, Jr., Martin Luther'),
    papers: 1,
    check: (papers) => assert.deepEqual(papers[0]?.authors, ['Martin Luther King Jr.']),
  },
];

for (const variant of variants) {
  test(`variant: ${variant.name}`, () => {
    assert.ok(risSource.detect(variant.text) >= 0.8, `detect ${risSource.detect(variant.text)}`);
    const result = risSource.parse(variant.text);
    assert.equal(result.papers.length, variant.papers, result.papers.map((p) => p.title).join(' | '));
    for (const pattern of variant.warnings ?? []) {
      assert.ok(result.warnings.some((w) => pattern.test(w)), `no warning matches ${pattern}: ${JSON.stringify(result.warnings)}`);
    }
    if (!variant.warnings) assert.deepEqual(result.warnings, []);
    variant.check?.(result.papers);
  });
}

test('detect: ≥ 0.8 on the fixture, < 0.5 on every other fixture file', () => {
  assert.ok(risSource.detect(library) >= 0.8);
  for (const { name, text } of allFixtures()) {
    if (name.endsWith('.ris')) continue;
    assert.ok(risSource.detect(text) < 0.5, `${name}: ${risSource.detect(text)}`);
  }
});

test('foreign text is refused with NotThisSourceError', () => {
  const foreign: Array<[string, string]> = [
    ['empty', ''],
    ['prose', 'TY is a nice name.\nER is a hospital.'],
    ['a profile page', fixture('profile-sabela-ramos.txt')],
    ['BibTeX', sourceFixture('library.bib')],
    ['only an empty record', 'TY  - JOUR\nER  - \n'],
  ];
  for (const [label, text] of foreign) assertRefuses(risSource, text, label);
});

test("Folio's own RIS export reads back: titles, authors, dates, abstracts, categories", () => {
  const parsed = parseProfilePage(fixture('profile-sabela-ramos.txt'));
  const papers: PaperRecord[] = parsed.papers.map((paper, i) => recordFromSource(paper, `p-${i}`, 'profile-page', '2026-01-01T00:00:00.000Z'));
  const text = exportLibrary('ris', exportData(papers.map((paper) => ({ paper, user: { tags: ['x'], note: 'a note', status: 'read' }, profiles: [] }))));
  const result = risSource.parse(text);
  assert.equal(result.papers.length, papers.length);
  result.papers.forEach((read, i) => {
    const original = papers[i] as PaperRecord;
    assert.deepEqual([read.title, read.authors, read.date], [original.title, original.authors, original.date]);
    assert.equal(read.abstract, original.abstract.replace(/\s+/g, ' ').trim() || null);
  });
});

test('survives seeded mutations of the fixture and pathological input', () => {
  for (const [i, text] of mutations(library, 150, 17).entries()) assertSurvives(risSource, text, `mutation ${i}`);
  const rows: Array<[string, string]> = [
    ['many record openings', 'TY  - JOUR\n'.repeat(50_000)],
    ['one huge continuation', `TY  - JOUR\nTI  - T\nAB  - a\n${'x y\n'.repeat(100_000)}ER  - `],
    ['ten thousand authors', `TY  - JOUR\nTI  - T\n${'AU  - Doe, J.\n'.repeat(10_000)}ER  - `],
  ];
  for (const [label, text] of rows) assertSurvives(risSource, text, label);
});
