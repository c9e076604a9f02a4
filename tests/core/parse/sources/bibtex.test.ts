// The BibTeX source: the JabRef/biblatex fixture to the contract, variants a real file shows (CRLF, BOM, wrapped
// fields, chrome around the entries, malformed entries among good ones), LaTeX decoding, Folio's own export read
// back, and robustness under seeded mutation and pathological input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportLibrary } from '../../../../electron/core/export/index.js';
import { recordFromSource } from '../../../../electron/core/library/importer.js';
import type { PaperRecord } from '../../../../electron/core/model.js';
import { parseProfilePage } from '../../../../electron/core/parse/index.js';
import { bibtexSource } from '../../../../electron/core/parse/sources/bibtex.js';
import type { SourcePaper } from '../../../../electron/core/parse/sources/types.js';
import { fixture } from '../helpers.js';
import { allFixtures, sourceFixture } from './fixture-files.js';
import { assertRefuses, assertSurvives, mutations } from './source-checks.js';
import { exportData } from '../../export/export-data.js';

const library = sourceFixture('library.bib');
const byTitle = (papers: SourcePaper[], start: string): SourcePaper => {
  const paper = papers.find((p) => p.title.startsWith(start));
  assert.ok(paper, `no paper titled "${start}…" in ${papers.map((p) => p.title).join(' | ')}`);
  return paper;
};

test('the fixture: 10 entries, @comment groups are not entries, no warnings', () => {
  const result = bibtexSource.parse(library);
  assert.equal(result.source, 'bibtex');
  assert.equal(result.profile, null);
  assert.equal(result.papers.length, 10);
  assert.deepEqual(result.warnings, []);
});

test('the fixture, field by field', () => {
  const { papers } = bibtexSource.parse(library);
  assert.deepEqual(byTitle(papers, 'Gemma 2'), {
    title: 'Gemma 2: Improving Open Language Models at a Practical Size',
    authors: ['Gemma Team', 'Morgane Riviere', 'Shreya Pathak', 'Pier Giuseppe Sessa', 'Cassidy Hardin'],
    authorsTruncated: true,
    date: '2024',
    year: 2024,
    category: 'cs.CL',
    orgs: [],
    abstract: null,
    venue: 'arXiv preprint arXiv:2408.00118',
    doi: null,
    arxivId: '2408.00118',
    url: 'https://arxiv.org/abs/2408.00118',
  });
  assert.deepEqual(byTitle(papers, 'GPU-Accelerated'), {
    title: 'GPU-Accelerated Sampling for α-Divergence Variational Inference',
    authors: ['Astrid Møller', 'Joaquín Núñez', 'Lena Groß'],
    authorsTruncated: false,
    date: '2022-03',
    year: 2022,
    category: null,
    orgs: [],
    abstract: null,
    venue: 'Proceedings of the 25th International Conference on Artificial Intelligence and Statistics',
    doi: null,
    arxivId: null,
    url: null,
  });
  assert.deepEqual(byTitle(papers, 'Learning to Act'), {
    title: 'Learning to Act from Observation Only: A Survey',
    authors: ['Zoë Lindqvist', 'Inès Duclos-Varga', 'Tomás Ibarra'],
    authorsTruncated: false,
    date: '2023-10-02',
    year: 2023,
    category: null,
    orgs: [],
    abstract: null,
    venue: 'Transactions on Machine Learning Research',
    doi: null,
    arxivId: null,
    url: 'https://openreview.net/forum?id=Xq3bWmR7aT',
  });
  const acme = byTitle(papers, 'Acme');
  assert.deepEqual([acme.arxivId, acme.orgs, acme.authorsTruncated, acme.venue], ['2006.00979', ['DeepMind'], true, null]);
  const thesis = byTitle(papers, 'Régularisation');
  assert.deepEqual([thesis.title, thesis.authors, thesis.venue, thesis.date], [
    "Régularisation entropique pour l'apprentissage par renforcement hors ligne",
    ['Inès Duclos-Varga'],
    'Université Paris-Saclay',
    '2021',
  ]);
  const gemini = byTitle(papers, 'Gemini');
  assert.deepEqual([gemini.authors[0], gemini.doi, gemini.arxivId], ['Gemini Team', '10.48550/arxiv.2312.11805', '2312.11805']);
  assert.equal(byTitle(papers, 'Offline Preference').venue, 'Advances in Neural Information Processing Systems'); // @string
  assert.equal(byTitle(papers, 'Mirror Descent').date, '2024-02'); // biblatex date
  assert.equal(byTitle(papers, 'Safe Imitation').doi, '10.1109/lra.2023.3291277');
  assert.equal(byTitle(papers, 'Reward Shaping').arxivId, '2409.11873'); // note = {arXiv:…}
  for (const paper of papers) {
    const texts = [paper.title, paper.venue, paper.abstract, ...paper.authors].filter((t): t is string => t !== null);
    for (const text of texts) assert.doesNotMatch(text, /[\\{}$]/, `LaTeX left in ${text}`);
    assert.equal(paper.title, paper.title.normalize('NFC'));
  }
});

const decoding: Array<[string, string]> = [
  ['M{\\o}ller', 'Møller'],
  ['Gro{\\ss}', 'Groß'],
  ["Joaqu{\\'\\i}n", 'Joaquín'],
  ['In{\\`e}s', 'Inès'],
  ['Zo{\\"e}', 'Zoë'],
  ["Tom\\'{a}s", 'Tomás'],
  ["N{\\'u}{\\~n}ez", 'Núñez'],
  ["Dvo{\\v{r}}{\\'a}k", 'Dvořák'],
  ['{\\L}ukasz', 'Łukasz'],
  ['{\\AA}ngstr{\\"o}m', 'Ångström'],
  ['\\c{C}elik', 'Çelik'],
  ['Erd\\H{o}s', 'Erdős'],
  ['$\\alpha$-divergence', 'α-divergence'],
  ['$O(n^2)$ time and $x_{10}$', 'O(n²) time and x₁₀'],
  ['50\\% \\& more', '50% & more'],
  ['pages 1--37, a---b', 'pages 1–37, a—b'],
  ["``quoted''", '“quoted”'],
  ['\\textit{in vivo} and \\emph{Emphasis} and \\textbf{bold}', 'in vivo and Emphasis and bold'],
  ['{GPU}-Accelerated {RLHF}', 'GPU-Accelerated RLHF'],
  ['\\LaTeX{} tables', 'LaTeX tables'],
  ['Wrapped\n    over   two lines', 'Wrapped over two lines'],
  ['Caf\\\'{e} 王小明', 'Café 王小明'],
];
for (const [tex, expected] of decoding) {
  test(`LaTeX decoding: ${JSON.stringify(tex)}`, () => {
    const { papers } = bibtexSource.parse(`@misc{k, title = {${tex}}, author = {${tex.replace(/\$/g, '')}, Ann}, year = 2020}`);
    assert.equal(papers[0]?.title, expected);
  });
}

/** Derived variants of the fixture: each says what it changes and what must still come out. */
const variants: Array<{ name: string; text: string; papers: number; warnings?: RegExp[]; check?: (papers: SourcePaper[]) => void }> = [
  { name: 'CRLF line ends', text: library.replace(/\n/g, '\r\n'), papers: 10 },
  { name: 'BOM and NBSP between tokens', text: `\uFEFF${library.replace(/title {5}/g, 'title\u00a0\u00a0\u00a0 ')}`, papers: 10 },
  {
    name: 'entries in reverse order, @string definitions last',
    text: library.split(/\n(?=@)/).reverse().join('\n'),
    papers: 10,
    check: (papers) => assert.equal(byTitle(papers, 'Offline Preference').venue, 'Advances in Neural Information Processing Systems'),
  },
  {
    name: 'chrome before and after (mail header, export note, trailing prose with an address)',
    text: `From: ines@example.org\nSubject: my references\n\nExported from JabRef 5.15 on 2025-01-02.\n\n${library}\n\n-- \nSent from my phone; write to me@example.org\n`,
    papers: 10,
  },
  {
    name: 'wrapped titles and quoted values',
    text: '@article{w1,\n  title = "Learning to Act\n           from Observation Only",\n  author = "Lindqvist, Zo{\\"e}",\n  year = "2023"\n}\n@article{w2, title={A {Very}\n long\n\ttitle}, year=2021}',
    papers: 2,
    check: (papers) => assert.deepEqual(papers.map((p) => p.title), ['Learning to Act from Observation Only', 'A Very long title']),
  },
  {
    name: 'parenthesised entry and upper-case types',
    text: '@ARTICLE(p1,\n  TITLE = {Parenthesised},\n  AUTHOR = {Doe, Jane},\n  YEAR = 2019\n)\n@InProceedings{p2, Title = {Mixed Case}, Year = {2018}}',
    papers: 2,
    check: (papers) => assert.deepEqual(papers.map((p) => [p.title, p.authors, p.year]), [['Parenthesised', ['Jane Doe'], 2019], ['Mixed Case', [], 2018]]),
  },
  {
    name: 'missing fields: no author, no year, no venue',
    text: '@misc{bare, title = {Only a Title}}',
    papers: 1,
    check: (papers) => assert.deepEqual(papers[0], { ...papers[0], authors: [], date: null, year: null, venue: null }),
  },
  {
    name: 'a malformed entry (unclosed brace) between good ones',
    text: library.replace('@article{ibarra2023safe,', '@article{broken1,\n  title = {Never closed,\n  year = 2020\n}\n\n@article{ibarra2023safe,'),
    papers: 10,
    warnings: [/"broken1" \(line \d+\).*never closed/],
  },
  {
    name: 'a malformed entry (missing comma between fields) first in the file',
    text: `@article{broken2,\n  title = {Two Fields}\n  year = 2020\n}\n${library}`,
    papers: 10,
    warnings: [/"broken2" \(line 1\): it is malformed near line 3/],
  },
  {
    name: 'a malformed entry (stray "=") last in the file',
    text: `${library}\n@article{broken3, title = {X}, = {y}, year = 2020}\n`,
    papers: 10,
    warnings: [/"broken3"/],
  },
  {
    name: 'an unterminated quote in the middle',
    text: library.replace('@techreport{', '@article{broken4, title = "Open quote, year = 2020}\n\n@techreport{'),
    papers: 10,
    warnings: [/"broken4"/],
  },
  {
    name: 'an entry without a title is skipped, named',
    text: `${library}\n@misc{untitled, author = {Doe, Jane}, year = 2020}\n`,
    papers: 10,
    warnings: [/"untitled".*no title/],
  },
  {
    name: 'a year BibTeX cannot read ("2020a") is taken with a warning',
    text: '@book{e, title = {E}, year = {2020a}, author = {{Barnes and Noble}}}',
    papers: 1,
    warnings: [/read the year 2020 from "2020a"/],
    check: (papers) => assert.deepEqual([papers[0]?.year, papers[0]?.authors], [2020, ['Barnes and Noble']]),
  },
  {
    name: 'names with particles and suffixes; "et al." spelled out',
    text: '@article{n, title = {Names}, author = {von Neumann, John and King, Jr., Martin Luther and de la Fontaine, Jean and others}}',
    papers: 1,
    check: (papers) => {
      assert.deepEqual(papers[0]?.authors, ['John von Neumann', 'Martin Luther King Jr.', 'Jean de la Fontaine']);
      assert.equal(papers[0]?.authorsTruncated, true);
    },
  },
  {
    name: 'crossref, month names, day field, DOI as URL, eprinttype, abstract paragraphs',
    text: [
      '@inproceedings{child, title = {Child}, crossref = {parent}, year = 2021, month = jul, day = 4,',
      '  url = {https://doi.org/10.1000/ABC}, eprint = {2101.00001v2}, eprinttype = {arxiv},',
      '  abstract = {First paragraph.\\par Second   paragraph.}}',
      '@proceedings{parent, title = {Proceedings of Things}, booktitle = {Proceedings of Things}, year = 2021}',
    ].join('\n'),
    papers: 2,
    check: (papers) => {
      const child = byTitle(papers, 'Child');
      assert.deepEqual(
        [child.date, child.doi, child.arxivId, child.abstract],
        ['2021-07-04', '10.1000/abc', '2101.00001', 'First paragraph.\n\nSecond paragraph.'],
      );
    },
  },
  {
    name: 'Google Scholar "Cite → BibTeX" pasted from the browser',
    text: '@article{riviere2024gemma,\n  title={Gemma 2: Improving open language models at a practical size},\n  author={Riviere, Morgane and Pathak, Shreya and Hussenot, L{\\\'e}onard and others},\n  journal={arXiv preprint arXiv:2408.00118},\n  year={2024}\n}',
    papers: 1,
    check: (papers) =>
      assert.deepEqual(
        [papers[0]?.title, papers[0]?.authors, papers[0]?.authorsTruncated, papers[0]?.arxivId],
        ['Gemma 2: Improving open language models at a practical size', ['Morgane Riviere', 'Shreya Pathak', 'Léonard Hussenot'], true, '2408.00118'],
      ),
  },
  {
    name: 'dblp export (eprinttype, biburl, bibsource, timestamp)',
    text: [
      '@article{DBLP:journals/corr/abs-2405-18826,',
      '  author       = {Zo{\\"{e}} Lindqvist and',
      '                  Wei Zhang},',
      '  title        = {Learning from Observation Only},',
      '  journal      = {CoRR},',
      '  volume       = {abs/2405.18826},',
      '  year         = {2024},',
      '  url          = {https://doi.org/10.48550/arXiv.2405.18826},',
      '  doi          = {10.48550/ARXIV.2405.18826},',
      '  eprinttype    = {arXiv},',
      '  eprint       = {2405.18826},',
      '  timestamp    = {Wed, 19 Jun 2024 08:52:49 +0200},',
      '  biburl       = {https://dblp.org/rec/journals/corr/abs-2405-18826.bib},',
      '  bibsource    = {dblp computer science bibliography, https://dblp.org}',
      '}',
    ].join('\n'),
    papers: 1,
    check: (papers) =>
      assert.deepEqual(
        [papers[0]?.authors, papers[0]?.venue, papers[0]?.doi, papers[0]?.arxivId],
        [['Zoë Lindqvist', 'Wei Zhang'], 'CoRR', '10.48550/arxiv.2405.18826', '2405.18826'],
      ),
  },
  {
    name: 'Zotero Better BibTeX (langid, file, shortjournal, abstract with a %)',
    text: '@article{ibarra2023,\n  title = {Safe {{Imitation Learning}}},\n  author = {Ibarra, Tom{\\\'a}s},\n  date = {2023-06},\n  journaltitle = {IEEE RA-L},\n  shortjournal = {RA-L},\n  langid = {english},\n  abstract = {We cut 50\\% of the errors.},\n  file = {/Users/t/Zotero/storage/AB12/Ibarra - Safe.pdf}\n}',
    papers: 1,
    check: (papers) =>
      assert.deepEqual(
        [papers[0]?.title, papers[0]?.date, papers[0]?.venue, papers[0]?.abstract],
        ['Safe Imitation Learning', '2023-06', 'IEEE RA-L', 'We cut 50% of the errors.'],
      ),
  },
  {
    name: 'an eprint of another archive is not an arXiv id',
    text: '@article{h, title = {HAL Paper}, eprint = {hal-01234567}, eprinttype = {HAL}, year = 2020}',
    papers: 1,
    check: (papers) => assert.equal(papers[0]?.arxivId, null),
  },
];

for (const variant of variants) {
  test(`variant: ${variant.name}`, () => {
    assert.ok(bibtexSource.detect(variant.text) >= 0.8, `detect ${bibtexSource.detect(variant.text)}`);
    const result = bibtexSource.parse(variant.text);
    assert.equal(result.papers.length, variant.papers, result.papers.map((p) => p.title).join(' | '));
    for (const pattern of variant.warnings ?? []) {
      assert.ok(result.warnings.some((w) => pattern.test(w)), `no warning matches ${pattern}: ${JSON.stringify(result.warnings)}`);
    }
    if (!variant.warnings) assert.deepEqual(result.warnings, []);
    variant.check?.(result.papers);
  });
}

test('a file of only @string and @comment blocks is BibTeX with no papers', () => {
  const text = '@string{x = "y"}\n@comment{jabref-meta: databaseType:bibtex;}\n';
  const result = bibtexSource.parse(text);
  assert.deepEqual(result.papers, []);
});

test('detect: ≥ 0.8 on the fixture, < 0.5 on every other fixture file', () => {
  assert.ok(bibtexSource.detect(library) >= 0.8);
  for (const { name, text } of allFixtures()) {
    if (name.endsWith('.bib')) continue;
    assert.ok(bibtexSource.detect(text) < 0.5, `${name}: ${bibtexSource.detect(text)}`);
  }
});

test('foreign text is refused with NotThisSourceError', () => {
  const foreign: Array<[string, string]> = [
    ['empty', ''],
    ['prose with an address', 'Write to me@example.org about the paper {draft} = soon.'],
    ['a profile page', fixture('profile-sabela-ramos.txt')],
    ['RIS', sourceFixture('library.ris')],
    ['CSL-JSON (JSON that mentions @article{)', JSON.stringify([{ title: '@article{x, title = {y}}', type: 'article' }])],
  ];
  for (const [label, text] of foreign) assertRefuses(bibtexSource, text, label);
});

test("Folio's own BibTeX export reads back: titles, authors, dates (the day from biblatex's date field), abstracts, categories, orgs", () => {
  const parsed = parseProfilePage(fixture('profile-sabela-ramos.txt'));
  const papers: PaperRecord[] = parsed.papers.map((paper, i) => recordFromSource(paper, `p-${i}`, 'profile-page', '2026-01-01T00:00:00.000Z'));
  const text = exportLibrary('bibtex', exportData(papers.map((paper) => ({ paper, user: { tags: ['to read', 'rl'], note: '', status: 'unread' }, profiles: [] }))));
  const result = bibtexSource.parse(text);
  assert.deepEqual(result.warnings, []);
  assert.equal(result.papers.length, papers.length);
  result.papers.forEach((read, i) => {
    const original = papers[i] as PaperRecord;
    assert.equal(read.title, original.title);
    assert.deepEqual(read.authors, original.authors);
    assert.equal(read.authorsTruncated, original.authorsTruncated);
    assert.equal(read.date, original.date);
    assert.equal(read.abstract, original.abstract.replace(/[ \t]+/g, ' ') || null);
    assert.deepEqual(read.orgs, original.orgs);
  });
});

test('survives seeded mutations of the fixture (only NotThisSourceError refusals)', () => {
  for (const [i, text] of mutations(library, 150, 91).entries()) assertSurvives(bibtexSource, text, `mutation ${i}`);
});

test('survives pathological input', () => {
  const good = '@article{a, title = {Good}, year = 2020}\n';
  const rows: Array<[string, string]> = [
    ['deep nesting', `${good}@article{x, title = {${'{'.repeat(50_000)}x${'}'.repeat(50_000)}}}\n${good}`],
    ['unclosed nesting', `${good}@article{x, title = {${'{'.repeat(50_000)}\n${good}`],
    ['many @', '@'.repeat(100_000)],
    ['many openings', '@a{'.repeat(30_000)],
    ['many backslashes', `@article{x, title = {${'\\'.repeat(100_001)}}}`],
    ['many dollars', `@article{x, title = {${'$'.repeat(100_000)}}}`],
    ['many # concatenations', `@string{a = "x"}\n@article{x, title = a${' # a'.repeat(20_000)}}`],
    ['a thousand authors', `@article{x, title = {T}, author = {${Array.from({ length: 1000 }, (_, i) => `Smith${i}, J.`).join(' and ')}}}`],
    ['NUL and control characters', `@article{x\u0000, title = {\u0001\u0002}, year = 2020}`],
  ];
  for (const [label, text] of rows) assertSurvives(bibtexSource, text, label);
  const deep = bibtexSource.parse(rows[0]?.[1] as string);
  assert.equal(deep.papers.length >= 2, true, 'the good entries around a pathological one are kept');
});
