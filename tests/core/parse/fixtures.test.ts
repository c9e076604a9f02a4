import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProfileMetrics } from '../../../electron/core/model.js';
import { parseProfilePage } from '../../../electron/core/parse/index.js';
import { normalizeKey } from '../../../electron/core/text.js';
import { fixture } from './helpers.js';

const rows: {
  name: string;
  file: string;
  profile: { name: string; category: string | null; affiliation: null; metrics: ProfileMetrics; nameDoubt?: string };
  titles: string[];
}[] = [
  {
    name: 'chrome + CRLF + BOM + NBSP',
    file: 'profile-chrome-crlf.txt',
    profile: { name: 'Léonard Hussenot', category: 'RL', affiliation: null, metrics: { hIndex: 31, papers: 5, citations: 9233, novelty: 38, aiScore: 57 } },
    titles: [
      'BOND: Aligning LLMs with Best-of-N Distillation',
      'RLDS: an Ecosystem to Generate, Share and Use Datasets in Reinforcement Learning',
      'Hyperparameter Selection for Imitation Learning',
      'What Matters In On-Policy Reinforcement Learning? A Large-Scale Empirical Study',
      'Primal Wasserstein Imitation Learning',
    ],
  },
  {
    name: 'overlap A (spaced metrics, two-paragraph abstract)',
    file: 'profile-overlap-a.txt',
    profile: { name: 'Robert Dadashi', category: 'LG', affiliation: null, metrics: { hIndex: 24, papers: 6, citations: 3412, novelty: 51, aiScore: 47 } },
    titles: [
      'BOND: aligning LLMs with best-of-N distillation',
      'Gemma 2 - improving open language models at a practical size',
      'WARM: On the Benefits of Weight Averaged Reward Models',
      'Continuous Control with Action Quantization from Demonstrations',
      'Offline Reinforcement Learning with Pseudometric Learning',
      'Primal Wasserstein Imitation Learning',
    ],
  },
  {
    name: 'overlap B (label/value lines, chrome)',
    file: 'profile-overlap-b.txt',
    profile: { name: 'Johan Ferret', category: 'LG', affiliation: null, metrics: { hIndex: 19, papers: 7, citations: 2087, novelty: 44, aiScore: 52 } },
    titles: [
      'Gemma 3 technical report',
      'GEMMA 2: Improving Open Language Models at a Practical Size',
      'WARM: on the benefits of weight averaged reward models',
      'Factually Consistent Summarization via Reinforcement Learning with Textual Entailment Feedback',
      'Self-Imitation Advantage Learning',
      'Adversarially Guided Actor-Critic',
      'Self-Attentional Credit Assignment for Transfer in Reinforcement Learning',
    ],
  },
  {
    name: 'overlap C (compact, no blank lines)',
    file: 'profile-overlap-c.txt',
    profile: {
      name: 'Olivier Bachem',
      category: 'LG',
      affiliation: null,
      metrics: { hIndex: 38, papers: 5, citations: 21540, novelty: 40, aiScore: 61 },
      // The only line above the metrics, but none of the (truncated) author lists shows him: the preview asks.
      nameDoubt: 'Folio took "Olivier Bachem" for the name, but it is not among the authors of the papers.',
    },
    titles: [
      'Gemini: a family of highly capable multimodal models',
      'On-policy distillation of language models: learning from self-generated mistakes',
      'BOND: Aligning LLMs with Best-of-N Distillation',
      'What Matters In On-Policy Reinforcement Learning? A Large-Scale Empirical Study',
      'Challenging Common Assumptions in the Unsupervised Learning of Disentangled Representations',
    ],
  },
];

for (const row of rows) {
  test(`fixture ${row.file}: ${row.name}`, () => {
    const r = parseProfilePage(fixture(row.file));
    assert.deepEqual(r.profile, row.profile);
    assert.deepEqual(r.papers.map((p) => p.title), row.titles);
    assert.deepEqual(r.warnings, []);
    for (const p of r.papers) {
      assert.ok(p.authors.length >= 2, `${p.title}: ${p.authors.join(',')}`);
      assert.ok((p.abstract ?? "").length > 100, p.title);
      assert.match(p.date ?? '', /^\d{4}-\d{2}-\d{2}$/);
      // No chrome word leaked into any field.
      for (const field of [p.title, p.abstract ?? "", ...p.authors, ...p.orgs]) {
        assert.doesNotMatch(field, /Load more|Show more|Privacy|ScholarHub|Back to top|Follow|Next/, p.title);
      }
    }
  });
}

test('fixture profile-chrome-crlf.txt: details (orgs, CRLF gone, two-paragraph abstract, NBSP in name)', () => {
  const r = parseProfilePage(fixture('profile-chrome-crlf.txt'));
  assert.deepEqual(r.papers[1]?.orgs, ['deepmind']);
  assert.deepEqual(r.papers[3]?.orgs, ['google-research']);
  assert.equal(r.papers[3]?.category, 'cs.LG');
  assert.equal(r.papers[2]?.date, '2021-05-25');
  assert.equal(r.papers[2]?.abstract?.split('\n\n').length, 2);
  assert.equal(r.papers[0]?.abstract?.endsWith('computational overhead at inference time.'), true);
  for (const p of r.papers) assert.doesNotMatch(JSON.stringify(p), /\\r|\\u00a0|\u00A0|\u200B/);
});

test('fixtures: the sample and overlaps A–C hold 21 distinct papers by normalized title + date', () => {
  const files = ['profile-sabela-ramos.txt', 'profile-overlap-a.txt', 'profile-overlap-b.txt', 'profile-overlap-c.txt'];
  const keys = new Set<string>();
  let total = 0;
  for (const f of files) {
    for (const p of parseProfilePage(fixture(f)).papers) {
      keys.add(`${normalizeKey(p.title)}|${p.date}`);
      total++;
    }
  }
  assert.equal(total, 12 + 6 + 7 + 5);
  assert.equal(keys.size, 21);
  for (const p of parseProfilePage(fixture('profile-chrome-crlf.txt')).papers) {
    assert.ok(keys.has(`${normalizeKey(p.title)}|${p.date}`), p.title);
  }
});
