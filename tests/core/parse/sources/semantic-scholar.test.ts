// Semantic Scholar author-page pastes: the fixture to the contract, other copies (author card after the papers,
// values before labels, no papers), layout variants, detection against every other fixture, refusals, and seeded
// damage that must never crash the reader.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { semanticScholarSource as source } from '../../../../electron/core/parse/sources/semantic-scholar.js';
import { NotThisSourceError, type SourcePaper } from '../../../../electron/core/parse/sources/types.js';
import { rng } from '../../../helpers/rng.js';
import { allFixtures, fixture, ownFixtures } from './fixture-files.js';
import {
  assertContract, FOREIGN_TEXTS, mutate, paper, parseOrRefuse, pathologicalInputs, SAME_PAGE_VARIANTS,
} from './source-checks.js';

const FIXTURE = fixture('sources/semantic-scholar-author.txt');
const base = source.parse(FIXTURE);


test('the fixture: the author card with its four figures (commas read, Publications as the declared count)', () => {
  assertContract(base, 'semantic-scholar');
  assert.deepEqual(base.profile, {
    name: 'Priyanka Venkataraman',
    category: null,
    affiliation: 'University of Edinburgh',
    metrics: { hIndex: 11, papers: 27, citations: 1904, novelty: null, aiScore: null, highlyInfluentialCitations: 143 },
  });
});

test('the fixture: 8 cards with authors (+N authors cut), dates at their precision, venue, TLDR or snippet', () => {
  assert.equal(base.papers.length, 8);
  assert.deepEqual(base.papers[0], paper('Cross-Lingual Transfer of Reward Models for Low-Resource Machine Translation', {
    authors: ['Priyanka Venkataraman', 'Jingyi Chen', 'Rahul Menon', 'Ayaka Sato'],
    date: '2024-11-12', year: 2024, venue: 'Conference on Empirical Methods in Natural Language Processing',
    abstract: 'This work shows that reward models trained on high-resource language pairs transfer to low-resource directions when combined with lightweight target-side calibration, improving COMET by up to 4.1 points.',
  }));
  assert.deepEqual(base.papers[1], paper('Benchmarking Evaluation Metrics for Code-Switched Text Generation', {
    authors: ['Priyanka Venkataraman', 'Aditya Kulkarni', 'Fiona MacLeod'], authorsTruncated: true,
    date: '2023', year: 2023, venue: 'Annual Meeting of the Association for Computational Linguistics',
    abstract: 'A benchmark of 9,000 human judgements over Hindi–English and Spanish–English code-switched outputs is introduced and it is found that no existing automatic metric correlates above 0.4 with human ratings.',
  }));
  assert.deepEqual(base.papers[2], paper('Do Multilingual Language Models Think in English?', {
    authors: ['Rahul Menon', 'Priyanka Venkataraman'], date: '2025-02-03', year: 2025, venue: 'ArXiv',
    abstract: 'Recent work suggests that multilingual language models route non-English inputs through an English-like latent space. We test this hypothesis with logit-lens probes on 14 languages and find …',
  }));
  assert.deepEqual(base.papers[6], paper('Word Alignment with Optimal Transport for Morphologically Rich Languages', {
    authors: ['Priyanka Venkataraman'], date: '2021', year: 2021,
    abstract: 'We revisit unsupervised word alignment for agglutinative languages and show that an entropic optimal transport formulation over subword embeddings improves alignment error rate by …',
  }));
  assert.deepEqual(base.papers.map((p) => p.date), ['2024-11-12', '2023', '2025-02-03', '2024-09-01', '2022-07', '2025', '2021', '2023-12-06']);
  assert.deepEqual(base.papers.map((p) => p.venue), [
    'Conference on Empirical Methods in Natural Language Processing', 'Annual Meeting of the Association for Computational Linguistics',
    'ArXiv', 'Interspeech', 'Workshop on Gender Bias in Natural Language Processing', 'Trans. Mach. Learn. Res.', null,
    'Conference on Machine Translation',
  ]);
  assert.deepEqual(base.papers[5]?.authors, ['Jingyi Chen', 'Priyanka Venkataraman', 'Rahul Menon']);
  assert.ok(base.papers.every((p) => p.abstract !== null && !/^TLDR|Expand$/.test(p.abstract)));
  assert.deepEqual(base.warnings, [
    '6 papers show a TLDR summary instead of an abstract; it is kept as the abstract.',
    'Semantic Scholar cut the abstracts of 2 papers short ("…"); they are kept as printed.',
    'Semantic Scholar cut the author lists of 2 papers ("+N authors"); only the names shown are kept.',
    'The page declares 27 publications; found 8 (Semantic Scholar shows one page of papers at a time).',
  ]);
});

const brief = (p: SourcePaper): string =>
  [p.title, p.authors.join('; '), p.authorsTruncated ? 'cut' : '', p.venue ?? '-', p.date ?? '-', (p.abstract ?? '-').slice(0, 24)].join(' | ');

test('other copies: author card after the papers with values before labels, TLDR and Expand on lines of their own, no papers', () => {
  const other = source.parse(fixture('sources/variants/semantic-scholar-other-order.txt'));
  assertContract(other, 'semantic-scholar');
  assert.deepEqual(other.profile, {
    name: 'Nadia Haddad-Ferreira',
    category: null,
    affiliation: 'Universidade de São Paulo',
    metrics: { hIndex: 17, papers: 42, citations: 1288, novelty: null, aiScore: null, highlyInfluentialCitations: 96 },
  });
  assert.deepEqual(other.papers.map(brief), [
    'Self-Supervised Seismic Denoising with Masked Autoencoders | Eitan Shapiro; Nadia Haddad-Ferreira; Yusuf Demir |  | IEEE Transactions on Geoscience and Remote Sensing | 2023-03-14 | A masked autoencoder pre',
    'Sparse Inversion Networks | Nadia Haddad-Ferreira |  | - | 2019 | We propose sparse invers',
    'Physics-Informed Neural Operators for Subsurface Flow: A Benchmark | Nadia Haddad-Ferreira; Marta Kowalczyk-Berg; Eitan Shapiro | cut | ArXiv | 2024-09 | This benchmark compares ',
    'Uncertainty Quantification for Borehole Log Interpolation | Yusuf Demir; Nadia Haddad-Ferreira |  | Mathematical Geosciences | - | We study Gaussian-proces',
  ]);

  const empty = source.parse(fixture('sources/variants/semantic-scholar-empty.txt'));
  assertContract(empty, 'semantic-scholar');
  assert.equal(empty.profile?.name, 'Oluwaseun Adeyemi-Clarke');
  assert.equal(empty.profile?.affiliation, null);
  assert.deepEqual(empty.profile?.metrics, { hIndex: 0, papers: 0, citations: 0, novelty: null, aiScore: null, highlyInfluentialCitations: 0 });
  assert.deepEqual([empty.papers, empty.warnings], [[], []]);
});

test('the same page pasted through other line ends, spaces and invisible characters reads the same', () => {
  for (const { name: file, text } of ownFixtures('semantic-scholar')) {
    const expected = source.parse(text);
    for (const variant of SAME_PAGE_VARIANTS) {
      const changed = variant.apply(text);
      assert.deepEqual(source.parse(changed), expected, `${file}: ${variant.name}`);
      assert.ok(source.detect(changed) >= 0.8, `${file}: ${variant.name} detect`);
    }
  }
});

const LINES = FIXTURE.split('\n');
const edit = (change: (lines: string[]) => string[]): string => change([...LINES]).join('\n');

function cut(lines: string[], from: string, to: string): { block: string[]; rest: string[] } {
  const start = lines.indexOf(from);
  const end = lines.indexOf(to, start);
  assert.ok(start !== -1 && end !== -1, `${from} … ${to}`);
  return { block: lines.slice(start, end), rest: [...lines.slice(0, start), ...lines.slice(end)] };
}

const METRIC_PAIRS: Array<[string, string]> = [['Publications', '27'], ['h-index', '11'], ['Citations', '1,904'], ['Highly Influential Citations', '143']];

test('layout variants of the fixture: moved author card, metric layouts, chrome, wrapped and split lines read the same', () => {
  const metricsAt = LINES.indexOf('Publications');
  const withMetrics = (pairs: string[]): string => [...LINES.slice(0, metricsAt), ...pairs, ...LINES.slice(metricsAt + 8)].join('\n');
  const rows = [
    {
      name: 'author card after the paper cards',
      text: edit((lines) => {
        const { block, rest } = cut(lines, 'Priyanka Venkataraman', 'Author pages are created from data sourced from our academic publisher partnerships and public sources.');
        const at = rest.indexOf('Stay Connected With Semantic Scholar');
        return [...rest.slice(0, at), ...block, ...rest.slice(at)];
      }),
    },
    { name: 'values before labels', text: withMetrics(METRIC_PAIRS.flatMap(([label, value]) => [value, label])) },
    { name: 'label and value on one line', text: withMetrics(METRIC_PAIRS.map(([label, value]) => `${label} ${value}`)) },
    { name: 'label and value in table cells', text: withMetrics(METRIC_PAIRS.map(([label, value]) => `${label}\t${value}`)) },
    { name: 'all figures on one line', text: withMetrics([METRIC_PAIRS.map(([label, value]) => `${label} ${value}`).join(' ')]) },
    { name: 'chrome before and after', text: `Semantic Scholar\nBeta\nAlerts\nLibrary\n${FIXTURE}\nSemantic Scholar\nContact Us\n` },
    {
      name: 'unknown short lines between the blocks',
      text: FIXTURE.replace('Sort by Most Influential Papers\n', 'Sort by Most Influential Papers\nNew\nReset\n').replace('Claim Author Page\n', 'Claim Author Page\nShare Profile\n'),
    },
    {
      name: 'a wrapped title',
      text: FIXTURE.replace('Cross-Lingual Transfer of Reward Models for Low-Resource Machine Translation', 'Cross-Lingual Transfer of Reward Models for\nLow-Resource Machine Translation'),
    },
    { name: 'TLDR and Expand on lines of their own', text: FIXTURE.replace(/^TLDR (.*) Expand$/gm, 'TLDR\n$1\nExpand') },
    { name: 'no card buttons in the copy', text: edit((lines) => lines.filter((l) => !['PDF', 'Cite', 'Save', 'View via Publisher'].includes(l))) },
    { name: 'co-author panel before the cards', text: edit((lines) => {
      const { block, rest } = cut(lines, 'Co-Authors', 'Stay Connected With Semantic Scholar');
      const at = rest.indexOf('Publications', rest.indexOf('Claim Author Page'));
      return [...rest.slice(0, at), ...block, ...rest.slice(at)];
    }) },
  ];
  for (const row of rows) {
    const result = source.parse(row.text);
    assert.deepEqual(result.profile, base.profile, row.name);
    assert.deepEqual(result.papers, base.papers, row.name);
    assert.ok(source.detect(row.text) >= 0.8, `${row.name} detect`);
  }
});

test('missing fields: no affiliation, no date, no fields of study, no summary, no venue, no metrics', () => {
  const noAffiliation = source.parse(FIXTURE.replace('University of Edinburgh\n', ''));
  assert.deepEqual(noAffiliation.profile, { ...base.profile, affiliation: null });

  const sparse = source.parse(
    FIXTURE.replace('Interspeech\n1 September 2024\n', '')
      .replace('Computer Science, Sociology\n', '')
      .replace(/^TLDR The largest human evaluation .* Expand\n/m, '')
      .replace('Trans. Mach. Learn. Res.\n', ''),
  );
  const byTitle = new Map(sparse.papers.map((p) => [p.title, p]));
  assert.equal(sparse.papers.length, 8);
  const quality = byTitle.get('Quality Estimation for Speech Translation without References');
  assert.deepEqual([quality?.venue, quality?.date, quality?.year], [null, null, null]);
  assert.equal(byTitle.get('Gender Bias in Machine Translation of Tamil and Malayalam')?.date, '2022-07');
  assert.equal(byTitle.get('MT-Eval-IN: A Human Evaluation Campaign for Indian Languages')?.abstract, null);
  assert.equal(byTitle.get('MT-Eval-IN: A Human Evaluation Campaign for Indian Languages')?.date, '2023-12-06');
  assert.deepEqual([byTitle.get('Gemma-based Low-Resource Translation: A Reproducibility Study')?.venue, byTitle.get('Gemma-based Low-Resource Translation: A Reproducibility Study')?.date], [null, '2025']);

  // A year-like citation count is never the date, even with a chrome label between it and the buttons.
  const yearLikeCount = source.parse(FIXTURE.replace('Computer Science\n2021\nWe revisit', 'Computer Science\nWe revisit').replace('by … Expand\n15\nPDF', 'by … Expand\n2019\nSemantic Reader\nPDF'));
  const alignment = yearLikeCount.papers[6];
  assert.deepEqual([alignment?.title.slice(0, 14), alignment?.date, alignment?.year], ['Word Alignment', null, null]);

  const noMetrics = source.parse(edit((lines) => cut(lines, 'Publications', 'Follow Author').rest));
  assert.deepEqual(noMetrics.profile, {
    name: 'Priyanka Venkataraman', category: null, affiliation: 'University of Edinburgh',
    metrics: { hIndex: null, papers: null, citations: null, novelty: null, aiScore: null, highlyInfluentialCitations: null },
  });
  assert.deepEqual(noMetrics.papers, base.papers);

  const cardsOnly = source.parse(edit((lines) => cut(lines, 'Skip to search form', 'Sort by Most Influential Papers').rest));
  assert.equal(cardsOnly.profile, null);
  assert.deepEqual(cardsOnly.papers, base.papers);
});

test('detect: at least 0.8 on every Semantic Scholar paste, under 0.5 on every other fixture', () => {
  const own = new Set(ownFixtures('semantic-scholar').map((f) => f.name));
  assert.ok(own.size >= 3);
  for (const { name: file, text } of allFixtures()) {
    const confidence = source.detect(text);
    if (own.has(file)) assert.ok(confidence >= 0.8, `${file}: ${confidence}`);
    else assert.ok(confidence < 0.5, `${file}: ${confidence}`);
  }
});

test('parse refuses text that is no Semantic Scholar page with NotThisSourceError', () => {
  const own = new Set(ownFixtures('semantic-scholar').map((f) => f.name));
  const others = allFixtures().filter((f) => !own.has(f.name));
  for (const { name, text } of [...FOREIGN_TEXTS, ...others]) {
    assert.throws(() => source.parse(text), NotThisSourceError, name);
    assert.ok(source.detect(text) < 0.5, name);
  }
  assert.throws(() => source.parse(42 as unknown as string), NotThisSourceError);
});

test('250 seeded damaged pastes per Semantic Scholar file: a contract-shaped result or NotThisSourceError', () => {
  const random = rng(2718);
  for (const { name: file, text } of ownFixtures('semantic-scholar')) {
    for (let trial = 0; trial < 250; trial++) {
      const damaged = mutate(text, random);
      const confidence = source.detect(damaged);
      assert.ok(confidence >= 0 && confidence <= 1, `${file} #${trial}`);
      const result = parseOrRefuse(source, damaged);
      if (result) assertContract(result, 'semantic-scholar');
    }
  }
});

test('inputs built to be slow or deep finish and stay in contract', () => {
  for (const { name, text } of pathologicalInputs()) {
    assert.ok(source.detect(text) <= 1, name);
    const result = parseOrRefuse(source, text);
    if (result) assertContract(result, 'semantic-scholar');
  }
});
