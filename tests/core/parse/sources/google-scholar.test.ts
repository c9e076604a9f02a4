// Google Scholar profile pastes: the fixture to the contract, other copies of the same kind of page (block order,
// cells on lines, no articles), layout variants of the fixture, detection against every other fixture, refusals,
// and seeded damage that must never crash the reader.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { googleScholarSource as source } from '../../../../electron/core/parse/sources/google-scholar.js';
import { NotThisSourceError, type SourcePaper } from '../../../../electron/core/parse/sources/types.js';
import { rng } from '../../../helpers/rng.js';
import { allFixtures, fixture, ownFixtures } from './fixture-files.js';
import {
  assertContract, FOREIGN_TEXTS, mutate, paper, parseOrRefuse, pathologicalInputs, SAME_PAGE_VARIANTS,
} from './source-checks.js';

const FIXTURE = fixture('sources/google-scholar-profile.txt');
const base = source.parse(FIXTURE);


test('the fixture: the person, the Cited-by table (All column, Since extra), no declared paper count', () => {
  assertContract(base, 'google-scholar');
  assert.deepEqual(base.profile, {
    name: 'Inès Duclos-Varga',
    category: null,
    affiliation: 'Research Scientist, Google DeepMind',
    metrics: {
      hIndex: 12, papers: null, citations: 3045, novelty: null, aiScore: null, i10Index: 13,
      citationsSince: 3045, hIndexSince: 12, i10IndexSince: 13, sinceYear: 2020,
    },
  });
});

test('the fixture: all 14 articles in page order, with abbreviated authors, venue as printed and the year', () => {
  assert.equal(base.papers.length, 14);
  assert.deepEqual(base.papers[0], paper('Gemma 2: Improving open language models at a practical size', {
    authors: ['G Team', 'M Riviere', 'S Pathak', 'PG Sessa', 'C Hardin', 'S Bhupatiraju', 'L Hussenot'],
    authorsTruncated: true, date: '2024', year: 2024, venue: 'arXiv preprint arXiv:2408.00118', arxivId: '2408.00118',
  }));
  // Scholar's own cut (" …") stays in the title; the store's dedupe matches it to the full title.
  assert.deepEqual(base.papers[1], paper('Gemini 2.5: Pushing the frontier with advanced reasoning, multimodality, long context, and next …', {
    authors: ['G Comanici', 'E Bieber', 'M Schaekermann', 'I Pasupat', 'N Sachdeva', 'I Dhillon'],
    authorsTruncated: true, date: '2025', year: 2025, venue: 'arXiv preprint arXiv:2507.06261', arxivId: '2507.06261',
  }));
  assert.deepEqual(base.papers[4], paper('Robust policy evaluation under distribution shift', {
    authors: ['I Duclos-Varga', 'M Fontaine'], date: '2023', year: 2023,
    venue: 'Journal of Machine Learning Research 24 (112), 1-38',
  }));
  assert.deepEqual(base.papers[9], paper('BOND: Aligning LLMs with best-of-N distillation', {
    authors: ['PG Sessa', 'R Dadashi', 'L Hussenot', 'J Ferret', 'N Vieillard', 'A Ramé', 'B Shahriari'],
    authorsTruncated: true, date: '2024', year: 2024, venue: 'arXiv preprint arXiv:2407.14622', arxivId: '2407.14622',
  }));
  assert.deepEqual(base.papers[13], paper("Régularisation entropique pour l'apprentissage par renforcement hors ligne", {
    authors: ['I Duclos-Varga'], date: '2021', year: 2021, venue: 'Université Paris-Saclay',
  }));
  assert.deepEqual(base.papers.map((p) => p.year), [2024, 2025, 2022, 2023, 2023, 2023, 2022, 2025, 2021, 2024, 2024, 2024, 2025, 2021]);
  assert.deepEqual(
    base.papers.filter((p) => p.authorsTruncated).map((p) => p.title.slice(0, 12)),
    ['Gemma 2: Imp', 'Gemini 2.5: ', 'BOND: Aligni', 'Reward shapi'],
  );
  assert.deepEqual(base.papers.filter((p) => p.arxivId !== null).map((p) => p.arxivId), ['2408.00118', '2507.06261', '2407.14622', '2502.11873']);
  assert.equal(base.papers[11]?.venue, 'Findings of the Association for Computational Linguistics: EMNLP 2024, 8021-8037');
  assert.deepEqual(base.warnings, [
    'Google Scholar cut the title "Gemini 2.5: Pushing the frontier with advanced reasoning, multimodality, long context, and next …" short; it is kept as printed.',
    'Google Scholar cut the author lists of 4 articles ("..."); only the names shown are kept.',
  ]);
});

const brief = (p: SourcePaper): string =>
  [p.title, p.authors.join('; '), p.authorsTruncated ? 'cut' : '', p.venue ?? '-', p.date ?? '-', p.arxivId ?? '-'].join(' | ');

test('other copies of a Scholar profile: name first and sidebar last, cells on lines of their own, no articles', () => {
  const rows: Array<{ file: string; name: string; affiliation: string | null; metrics: Record<string, number | null>; papers: string[] }> = [
    {
      file: 'google-scholar-firefox-order.txt',
      name: 'Haruto Kimura-Lévesque',
      affiliation: 'Associate Professor of Computer Science, Université de Montréal',
      metrics: { citations: 1371, citationsSince: 1290, hIndex: 5, i10Index: 4, sinceYear: 2020 },
      papers: [
        'Practical Bayesian optimisation of machine learning hyperparameters under heteroscedastic noise | H Kimura-Lévesque; C Beaulieu; J Tremblay |  | Journal of Machine Learning Research 22 (187), 1-44 | 2021 | -',
        'Scalable Gaussian process surrogates for neural architecture search with learned input warping and multi-fidelity kernels | H Kimura-Lévesque; S Ouellet |  | Advances in Neural Information Processing Systems 35, 11873-11886 | 2022 | -',
        'Warm-starting hyperparameter search across related datasets | C Beaulieu; H Kimura-Lévesque; M Gagnon; A Roy; P Bergeron; L Côté | cut | - | 2023 | -',
        'Cost-aware acquisition functions for cloud-scale tuning | H Kimura-Lévesque |  | Proceedings of the 40th International Conference on Machine Learning, 16602-16619 | 2023 | -',
        'A tutorial on trust-region methods for black-box optimization and their use in ... | J Tremblay; H Kimura-Lévesque |  | arXiv preprint arXiv:2311.04512 | - | 2311.04512',
      ],
    },
    {
      file: 'google-scholar-cells-on-lines.txt',
      name: 'Tobias Øverland',
      affiliation: 'Senior Researcher, Norwegian Computing Center',
      metrics: { citations: 5120, citationsSince: 4011, hIndex: 21, hIndexSince: 19, i10Index: 30, i10IndexSince: 27 },
      papers: [
        'Probabilistic forecasting with temporal fusion mixtures | T Øverland; A Nwosu; K Haugen |  | International Journal of Forecasting 39 (2), 512-530 | 2023 | -',
        'Calibrated quantile regression for energy load | T Øverland |  | Energy and AI 4 | 2021 | -',
        'Deep state-space models revisited | K Haugen; T Øverland; I Dahl; E Lunde | cut | arXiv preprint arXiv:2402.07719 | 2024 | 2402.07719',
      ],
    },
    {
      file: 'google-scholar-empty.txt',
      name: 'Liesel Brandauer',
      affiliation: 'PhD candidate, Technische Universität Wien',
      metrics: { citations: 0, hIndex: 0, i10Index: 0 },
      papers: [],
    },
  ];
  for (const row of rows) {
    const text = fixture(`sources/variants/${row.file}`);
    const result = source.parse(text);
    assertContract(result, 'google-scholar');
    assert.equal(result.profile?.name, row.name, row.file);
    assert.equal(result.profile?.affiliation, row.affiliation, row.file);
    for (const [key, value] of Object.entries(row.metrics)) assert.equal(result.profile?.metrics[key], value, `${row.file} ${key}`);
    assert.deepEqual(result.papers.map(brief), row.papers, row.file);
  }
});

test('the same page pasted through other line ends, spaces and invisible characters reads the same', () => {
  for (const { name: file, text } of ownFixtures('google-scholar')) {
    const expected = source.parse(text);
    for (const variant of SAME_PAGE_VARIANTS) {
      const changed = variant.apply(text);
      assert.deepEqual(source.parse(changed), expected, `${file}: ${variant.name}`);
      assert.ok(source.detect(changed) >= 0.8, `${file}: ${variant.name} detect`);
    }
  }
});

/** The fixture's lines from the one equal to `from` up to (not including) the one equal to `to`. */
function cut(lines: string[], from: string, to: string): { block: string[]; rest: string[] } {
  const start = lines.indexOf(from);
  const end = lines.indexOf(to, start);
  assert.ok(start !== -1 && end !== -1, `${from} … ${to}`);
  return { block: lines.slice(start, end), rest: [...lines.slice(0, start), ...lines.slice(end)] };
}

const LINES = FIXTURE.split('\n');
const edit = (change: (lines: string[]) => string[]): string => change([...LINES]).join('\n');
const replaceLine = (from: string, to: string[]) => (lines: string[]): string[] => {
  const at = lines.indexOf(from);
  assert.ok(at !== -1, from);
  return [...lines.slice(0, at), ...to, ...lines.slice(at + 1)];
};

test('layout variants of the fixture: moved blocks, chrome, wrapped lines give the same result', () => {
  const sidebarLast = edit((lines) => {
    const { block, rest } = cut(lines, 'Cited by', 'Follow');
    const end = rest.indexOf('Show more');
    return [...rest.slice(0, end), ...block, ...rest.slice(end)];
  });
  const personFirst = edit((lines) => {
    const { block, rest } = cut(lines, 'Follow', 'TITLE\tCITED BY\tYEAR');
    return [...block, ...rest];
  });
  const articlesFirst = edit((lines) => {
    const { block, rest } = cut(lines, 'TITLE\tCITED BY\tYEAR', 'Show more');
    return [...block, ...rest];
  });
  const rows = [
    { name: 'sidebar after the articles', text: sidebarLast },
    { name: 'person block first', text: personFirst },
    { name: 'articles first, then sidebar and person', text: articlesFirst },
    { name: 'table cells joined by spaces (a copy without tabs)', text: FIXTURE.replace(/\t/g, ' ') },
    {
      name: 'site chrome before and after',
      text: `Google Scholar\nMy profile\nMy library\nAlerts\nMetrics\nSettings\n${FIXTURE}\nProvide feedback\nHelp\nPrivacy\nTerms\n`,
    },
    {
      name: 'unknown short lines between the blocks',
      text: edit((lines) => replaceLine('Follow', ['Beta', 'Follow', 'Export'])(replaceLine('TITLE\tCITED BY\tYEAR', ['TITLE\tCITED BY\tYEAR', 'Sort by year', 'New'])(lines))),
    },
    {
      name: 'a wrapped title',
      text: edit(replaceLine('Sample-efficient imitation from suboptimal demonstrations via optimal transport', [
        'Sample-efficient imitation from suboptimal demonstrations', 'via optimal transport',
      ])),
    },
    {
      name: 'a wrapped author line',
      text: edit(replaceLine('PG Sessa, R Dadashi, L Hussenot, J Ferret, N Vieillard, A Ramé, B Shahriari, ...', [
        'PG Sessa, R Dadashi, L Hussenot, J Ferret,', 'N Vieillard, A Ramé, B Shahriari, ...',
      ])),
    },
    {
      name: 'the narrow layout repeating the year after the venue',
      text: edit(replaceLine('Robust policy evaluation under distribution shift', ['Robust policy evaluation under distribution shift']))
        .replace('1-38\t176\t2023', '1-38, 2023\t176\t2023'),
    },
  ];
  for (const row of rows) {
    assert.deepEqual(source.parse(row.text).profile, base.profile, row.name);
    assert.deepEqual(source.parse(row.text).papers, base.papers, row.name);
    assert.ok(source.detect(row.text) >= 0.8, `${row.name} detect`);
  }
});

test('missing fields: no affiliation, no venue, no cited-by, no year, no authors', () => {
  const noAffiliation = source.parse(edit(replaceLine('Research Scientist, Google DeepMind', [])));
  assert.deepEqual(noAffiliation.profile, { ...base.profile, affiliation: null });
  const noAffiliationNoFollow = source.parse(edit((lines) => replaceLine('Follow', [])(replaceLine('Research Scientist, Google DeepMind', [])(lines))));
  assert.equal(noAffiliationNoFollow.profile?.name, 'Inès Duclos-Varga');
  assert.equal(noAffiliationNoFollow.profile?.affiliation, null);

  const cells = source.parse(
    FIXTURE.replace('Transactions on Machine Learning Research\t143\t2023', '\t143\t2023')
      .replace('Conference on Robot Learning, 1822-1839\t57\t2024', 'Conference on Robot Learning, 1822-1839\t\t2024')
      .replace('arXiv preprint arXiv:2502.11873\t12\t2025', 'arXiv preprint arXiv:2502.11873\t12\t')
      .replace('I Duclos-Varga, A Okafor, Z Lindqvist\n', ''),
  );
  assert.equal(cells.papers.length, 14);
  const byTitle = new Map(cells.papers.map((p) => [p.title, p]));
  assert.equal(byTitle.get('Learning to act from observation only: A survey')?.venue, null);
  assert.equal(byTitle.get('Learning to act from observation only: A survey')?.year, 2023);
  assert.equal(byTitle.get('Reward shaping with language feedback for embodied agents')?.date, '2024');
  const noYear = byTitle.get('Tokenizer-free reward models');
  assert.deepEqual([noYear?.year, noYear?.date, noYear?.arxivId], [null, null, '2502.11873']);
  assert.deepEqual(byTitle.get('Distributional critics for long-horizon dialogue')?.authors, []);

  const nameOnly = source.parse(edit((lines) => cut(lines, 'TITLE\tCITED BY\tYEAR', 'Help Privacy Terms').rest));
  assert.deepEqual([nameOnly.profile?.name, nameOnly.papers.length], ['Inès Duclos-Varga', 0]);
  const articlesOnly = source.parse(edit((lines) => cut(lines, 'Sign in', 'TITLE\tCITED BY\tYEAR').rest));
  assert.equal(articlesOnly.profile, null);
  assert.deepEqual(articlesOnly.papers, base.papers);
  assert.match(articlesOnly.warnings[0] ?? '', /^Found no researcher name/);
});

test('detect: at least 0.8 on every Scholar paste, under 0.5 on every other fixture', () => {
  const own = new Set(ownFixtures('google-scholar').map((f) => f.name));
  assert.ok(own.size >= 4);
  for (const { name: file, text } of allFixtures()) {
    const confidence = source.detect(text);
    if (own.has(file)) assert.ok(confidence >= 0.8, `${file}: ${confidence}`);
    else assert.ok(confidence < 0.5, `${file}: ${confidence}`);
  }
});

test('parse refuses text that is no Scholar profile with NotThisSourceError', () => {
  const own = new Set(ownFixtures('google-scholar').map((f) => f.name));
  const others = allFixtures().filter((f) => !own.has(f.name));
  for (const { name, text } of [...FOREIGN_TEXTS, ...others]) {
    assert.throws(() => source.parse(text), NotThisSourceError, name);
    assert.ok(source.detect(text) < 0.5, name);
  }
  assert.throws(() => source.parse(undefined as unknown as string), NotThisSourceError);
  assert.equal(source.detect(null as unknown as string), 0);
});

test('250 seeded damaged pastes per Scholar file: a contract-shaped result or NotThisSourceError, never a crash', () => {
  const random = rng(9001);
  for (const { name: file, text } of ownFixtures('google-scholar')) {
    for (let trial = 0; trial < 250; trial++) {
      const damaged = mutate(text, random);
      const confidence = source.detect(damaged);
      assert.ok(confidence >= 0 && confidence <= 1, `${file} #${trial}`);
      const result = parseOrRefuse(source, damaged);
      if (result) assertContract(result, 'google-scholar');
    }
  }
});

test('inputs built to be slow or deep finish and stay in contract', () => {
  for (const { name, text } of pathologicalInputs()) {
    const confidence = source.detect(text);
    assert.ok(confidence >= 0 && confidence <= 1, name);
    const result = parseOrRefuse(source, text);
    if (result) assertContract(result, 'google-scholar');
  }
});
