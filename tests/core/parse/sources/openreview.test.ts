// OpenReview profile pastes: the fixture to the contract, other copies (publications first, meta split over
// lines, anonymous and author-less entries, no publications), layout variants, detection against every other
// fixture, refusals, and seeded damage that must never crash the reader.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openReviewSource as source } from '../../../../electron/core/parse/sources/openreview.js';
import { NotThisSourceError, type SourcePaper } from '../../../../electron/core/parse/sources/types.js';
import { rng } from '../../../helpers/rng.js';
import { allFixtures, fixture, ownFixtures } from './fixture-files.js';
import {
  assertContract, FOREIGN_TEXTS, mutate, paper, parseOrRefuse, pathologicalInputs, SAME_PAGE_VARIANTS,
} from './source-checks.js';

const FIXTURE = fixture('sources/openreview-profile.txt');
const base = source.parse(FIXTURE);
const NO_METRICS = { hIndex: null, papers: null, citations: null, novelty: null, aiScore: null };


test('the fixture: the preferred name, the header position as affiliation, "View all 12" as the declared count', () => {
  assertContract(base, 'openreview');
  assert.deepEqual(base.profile, {
    name: 'Mateo Fernández Ortega',
    category: null,
    affiliation: 'PhD Student, Universitat Politècnica de Catalunya',
    metrics: { ...NO_METRICS, papers: 12 },
  });
});

test('the fixture: 7 publications with the published date, venue as printed, dblp imports dated by year only', () => {
  assert.equal(base.papers.length, 7);
  assert.deepEqual(base.papers[0], paper('Wasserstein Imitation with Language-Conditioned Costs', {
    authors: ['Mateo Fernández Ortega', 'Núria Solé Vidal', 'Tomás Ibarra'], date: '2025-01-22', year: 2025, venue: 'ICLR 2025 poster',
  }));
  assert.deepEqual(base.papers[2], paper('Offline Reinforcement Learning with Action-Space Regularization via Sinkhorn Divergences', {
    authors: ['Mateo Fernández Ortega', 'Inès Duclos-Varga', 'Núria Solé Vidal'], date: '2024-05-17', year: 2024, venue: 'ARLET 2024 Poster',
  }));
  assert.deepEqual(base.papers[3], paper('Optimal Transport for Reward Learning from Mixed-Quality Demonstrations', {
    authors: ['Mateo Fernández Ortega', 'Núria Solé Vidal'], date: '2024', year: 2024, venue: 'CoRR 2024',
  }));
  assert.deepEqual(base.papers[6], paper('Entropic Regularization of Imitation Learning Objectives', {
    authors: ['Mateo Fernández Ortega', 'Núria Solé Vidal'], date: '2022-09-29', year: 2022, venue: 'Submitted to ICLR 2023',
  }));
  assert.deepEqual(base.papers.map((p) => p.date), ['2025-01-22', '2024-09-25', '2024-05-17', '2024', '2024-01-16', '2023', '2022-09-29']);
  assert.deepEqual(base.papers.map((p) => p.venue), [
    'ICLR 2025 poster', 'NeurIPS 2024 poster', 'ARLET 2024 Poster', 'CoRR 2024', 'ICLR 2024 spotlight', 'CoRL 2023', 'Submitted to ICLR 2023',
  ]);
  assert.deepEqual(base.warnings, [
    '"Optimal Transport for Reward Learning from Mixed-Quality Demonstrations" is dated 01 Jan 2024, the date OpenReview gives papers imported from dblp; only the year is kept.',
    '"Learning Manipulation Skills from a Single Video with Optimal Transport Rewards" is dated 01 Jan 2023, the date OpenReview gives papers imported from dblp; only the year is kept.',
    'The page declares 12 publications; found 7 (the profile lists the most recent; "View all" shows the rest).',
  ]);
});

const brief = (p: SourcePaper): string => [p.title, p.authors.join('; '), p.venue ?? '-', p.date ?? '-'].join(' | ');

test('other copies: publications before the sections, meta over three lines, anonymous and author-less entries, none', () => {
  const other = source.parse(fixture('sources/variants/openreview-other-order.txt'));
  assertContract(other, 'openreview');
  assert.deepEqual(other.profile, { name: 'Siddharth Raghunathan-Mills', category: null, affiliation: 'Postdoc, ETH Zürich', metrics: NO_METRICS });
  assert.deepEqual(other.papers.map(brief), [
    'Provable Guarantees for Score-Based Generative Models under Manifold Assumptions with Heavy-Tailed Noise | Siddharth Raghunathan-Mills; Greta Hoffmann | ICML 2025 oral | 2025-05-01',
    'Contrastive Pretraining Is Secretly Spectral Clustering | Siddharth Raghunathan-Mills; Oren Ben-David; Greta Hoffmann | ICLR 2024 poster | 2024-01-16',
    'On the Implicit Bias of Adam |  | Withdrawn Submission | 2023-09-28',
    'A Note on Diffusion Posterior Sampling |  | CoRR 2022 | 2022',
  ]);
  assert.deepEqual(other.warnings, [
    '"On the Implicit Bias of Adam" is an anonymous submission; it is imported without authors.',
    '"A Note on Diffusion Posterior Sampling" has no author line; it is imported without authors.',
    '"A Note on Diffusion Posterior Sampling" is dated 01 Jan 2022, the date OpenReview gives papers imported from dblp; only the year is kept.',
  ]);

  const none = source.parse(fixture('sources/variants/openreview-no-publications.txt'));
  assertContract(none, 'openreview');
  assert.deepEqual(none.profile, { name: 'Ayşe Yıldırım', category: null, affiliation: 'MS student, Boğaziçi University', metrics: NO_METRICS });
  assert.deepEqual([none.papers, none.warnings], [[], []]);
});

test('the same page pasted through other line ends, spaces and invisible characters reads the same', () => {
  for (const { name: file, text } of ownFixtures('openreview')) {
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

function move(lines: string[], from: string, to: string, before: string): string[] {
  const start = lines.indexOf(from);
  const end = lines.indexOf(to, start);
  assert.ok(start !== -1 && end !== -1, `${from} … ${to}`);
  const block = lines.slice(start, end);
  const rest = [...lines.slice(0, start), ...lines.slice(end)];
  const at = rest.indexOf(before);
  assert.ok(at !== -1, before);
  return [...rest.slice(0, at), ...block, ...rest.slice(at)];
}

test('layout variants of the fixture: moved blocks, split meta lines, chrome and wrapped titles read the same', () => {
  const rows = [
    { name: 'publications before the profile sections', text: edit((l) => move(l, 'Publications', 'Co-Authors', 'Names')) },
    { name: 'header after the sections', text: edit((l) => move(l, 'Mateo Fernández Ortega', 'Names', 'Co-Authors')) },
    {
      name: 'meta over three lines',
      text: FIXTURE.replace(/^((?:Published: )?\d\d \w+ \d{4}(?:, Last Modified: \d\d \w+ \d{4}| \(modified: \d\d \w+ \d{4}\))) (.+?) (Readers: .*)$/gm, '$1\n$2\n$3'),
    },
    {
      name: 'venue on its own line, no readers',
      text: FIXTURE.replace(/^((?:Published: )?\d\d \w+ \d{4}(?:, Last Modified: \d\d \w+ \d{4}| \(modified: \d\d \w+ \d{4}\))) (.+?) Readers: .*$/gm, '$1\n$2'),
    },
    { name: 'readers list on its own line', text: FIXTURE.replace(/Readers: {1,2}Everyone/g, 'Readers:\nEveryone') },
    { name: 'chrome before and after', text: `OpenReview.net\nVenues\nSearch\n${FIXTURE}\nFeedback\nPrivacy Policy\n` },
    { name: 'unknown short lines between the blocks', text: FIXTURE.replace('Publications\n', 'Publications\nSort\nFilter\n').replace('Names\n', 'Edit\nNames\n') },
    {
      name: 'a wrapped title',
      text: FIXTURE.replace('Offline Reinforcement Learning with Action-Space Regularization via Sinkhorn Divergences', 'Offline Reinforcement Learning with Action-Space Regularization\nvia Sinkhorn Divergences'),
    },
  ];
  for (const row of rows) {
    const result = source.parse(row.text);
    assert.deepEqual(result.profile, base.profile, row.name);
    assert.deepEqual(result.papers, base.papers, row.name);
    assert.ok(source.detect(row.text) >= 0.8, `${row.name} detect`);
  }
});

test('missing fields: no position line, no pronouns, no header, no Names section, no venue, a single author', () => {
  const noPosition = source.parse(FIXTURE.replace('PhD Student, Universitat Politècnica de Catalunya\n', ''));
  assert.deepEqual(noPosition.profile, { ...base.profile, affiliation: null });
  const noPronouns = source.parse(FIXTURE.replace('Pronouns: he/him\n', ''));
  assert.deepEqual(noPronouns.profile, base.profile);
  const noHeader = source.parse(FIXTURE.replace('Mateo Fernández Ortega\nPronouns: he/him\nPhD Student, Universitat Politècnica de Catalunya\nJoined October 2021\n', ''));
  assert.deepEqual(noHeader.profile, { ...base.profile, affiliation: null });
  assert.deepEqual(noHeader.papers, base.papers);
  const noNames = source.parse(FIXTURE.replace('Names\nMateo Fernández Ortega (Preferred), Mateo Fernandez\n', ''));
  assert.deepEqual(noNames.profile, base.profile);

  const sparse = source.parse(
    FIXTURE.replace(' ICLR 2024 spotlight Readers:', ' Readers:').replace(
      'Sinkhorn Policy Iteration\nMateo Fernández Ortega, Pablo Ruiz-Gallardo, Núria Solé Vidal',
      'Sinkhorn Policy Iteration\nMateo Fernández Ortega',
    ),
  );
  const sinkhorn = sparse.papers[4];
  assert.deepEqual([sinkhorn?.title, sinkhorn?.authors, sinkhorn?.venue, sinkhorn?.date], ['Sinkhorn Policy Iteration', ['Mateo Fernández Ortega'], null, '2024-01-16']);
  assert.deepEqual(sparse.profile, base.profile);

  const publicationsOnly = source.parse(edit((l) => l.slice(l.indexOf('Publications'), l.indexOf('View all 12 publications'))));
  assert.equal(publicationsOnly.profile, null);
  assert.deepEqual(publicationsOnly.papers, base.papers);
});

test('detect: at least 0.8 on every OpenReview paste, under 0.5 on every other fixture', () => {
  const own = new Set(ownFixtures('openreview').map((f) => f.name));
  assert.ok(own.size >= 3);
  for (const { name: file, text } of allFixtures()) {
    const confidence = source.detect(text);
    if (own.has(file)) assert.ok(confidence >= 0.8, `${file}: ${confidence}`);
    else assert.ok(confidence < 0.5, `${file}: ${confidence}`);
  }
});

test('parse refuses text that is no OpenReview profile with NotThisSourceError', () => {
  const own = new Set(ownFixtures('openreview').map((f) => f.name));
  const others = allFixtures().filter((f) => !own.has(f.name));
  for (const { name, text } of [...FOREIGN_TEXTS, ...others]) {
    assert.throws(() => source.parse(text), NotThisSourceError, name);
    assert.ok(source.detect(text) < 0.5, name);
  }
  assert.throws(() => source.parse({} as unknown as string), NotThisSourceError);
});

test('250 seeded damaged pastes per OpenReview file: a contract-shaped result or NotThisSourceError', () => {
  const random = rng(31415);
  for (const { name: file, text } of ownFixtures('openreview')) {
    for (let trial = 0; trial < 250; trial++) {
      const damaged = mutate(text, random);
      const confidence = source.detect(damaged);
      assert.ok(confidence >= 0 && confidence <= 1, `${file} #${trial}`);
      const result = parseOrRefuse(source, damaged);
      if (result) assertContract(result, 'openreview');
    }
  }
});

test('inputs built to be slow or deep finish and stay in contract', () => {
  for (const { name, text } of pathologicalInputs()) {
    assert.ok(source.detect(text) <= 1, name);
    const result = parseOrRefuse(source, text);
    if (result) assertContract(result, 'openreview');
  }
});
