import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProfilePage, PARSER_VERSION } from '../../../electron/core/parse/index.js';
import { fixture } from './helpers.js';

const SAMPLE = fixture('profile-sabela-ramos.txt');

const FIRST_ABSTRACT =
  'In this work, we introduce Gemma 2, a new addition to the Gemma family of lightweight, state-of-the-art open models, ranging in scale from 2 billion to 27 billion parameters. In this new version, we apply several known technical modifications to the Transformer architecture, such as interleaving local-global attentions (Beltagy et al., 2020a) and group-query attention (Ainslie et al., 2023). We also train the 2B and 9B models with knowledge distillation (Hinton et al., 2015) instead of next token prediction. The resulting models deliver the best performance for their size, and even offer competitive alternatives to models that are 2-3 times bigger. We release all our models to the community.';

test('PARSER_VERSION is 4 (a recovered paper has no date instead of its neighbour\'s)', () => {
  assert.equal(PARSER_VERSION, 4);
});

// The committed sample ends "…as part of Acme." without the page links; the second row glues them on ("Acme.12")
// as the site's copy does, and both must parse to the same data.
const rows = [
  { name: 'sample as committed', input: SAMPLE, pagination: false },
  { name: 'sample with page links "12" glued to the last sentence', input: `${SAMPLE}12`, pagination: true },
  { name: 'sample with glued page links and a trailing newline', input: `${SAMPLE}12\n`, pagination: true },
];

for (const row of rows) {
  test(`${row.name}: profile, metrics and paper count`, () => {
    const r = parseProfilePage(row.input);
    assert.equal(r.source, 'profile-page');
    assert.deepEqual(r.profile, {
      name: 'Sabela Ramos',
      category: 'LG',
      affiliation: null,
      metrics: { hIndex: 117, papers: 12, citations: 9233, novelty: 45, aiScore: 42 },
    });
    assert.equal(r.papers.length, 12);
  });

  test(`${row.name}: first paper, exactly`, () => {
    const r = parseProfilePage(row.input);
    assert.deepEqual(r.papers[0], {
      title: 'Gemma 2: Improving Open Language Models at a Practical Size',
      authors: ['Gemma Team', 'Morgane Riviere', 'Shreya Pathak'],
      authorsTruncated: true,
      date: '2024-07-31',
      year: 2024,
      category: 'CL',
      orgs: ['deepmind'],
      abstract: FIRST_ABSTRACT,
      venue: null,
      doi: null,
      arxivId: null,
      url: null,
    });
  });

  test(`${row.name}: 4th paper orgs, last paper, warnings`, () => {
    const r = parseProfilePage(row.input);
    assert.deepEqual(r.papers[3]?.orgs, ['amazon-science', 'baidu']);
    assert.equal(r.papers[3]?.title.startsWith('Gemini 2.5: Pushing the Frontier'), true);
    const last = r.papers[11];
    assert.equal(last?.title, 'Acme: A Research Framework for Distributed Reinforcement Learning');
    assert.deepEqual(last?.authors, ['Matthew W. Hoffman', 'Bobak Shahriari', 'John Aslanides']);
    assert.equal(last?.date, '2020-06-01');
    assert.ok(last?.abstract?.endsWith('as part of Acme.'), last?.abstract?.slice(-40));
    if (row.pagination) {
      assert.deepEqual(r.warnings, ['Removed page numbers "12" glued to the end of the last paper\'s text.']);
    } else {
      assert.deepEqual(r.warnings, []);
    }
  });
}

test('sample: every paper has a valid date, title, authors and a one-paragraph abstract', () => {
  const r = parseProfilePage(SAMPLE);
  assert.deepEqual(
    r.papers.map((p) => [p.category, p.date]),
    [
      ['CL', '2024-07-31'], ['LG', '2023-06-23'], ['LG', '2024-07-19'], ['CL', '2025-07-07'], ['CL', '2025-03-25'],
      ['AI', '2025-07-07'], ['CL', '2023-12-19'], ['CL', '2023-05-31'], ['LG', '2021-11-04'], ['LG', '2021-05-25'],
      ['LG', '2021-02-09'], ['LG', '2020-06-01'],
    ],
  );
  for (const p of r.papers) {
    assert.equal(p.authors.length, 3, p.title);
    assert.equal(p.authorsTruncated, true, p.title);
    assert.ok((p.abstract ?? "").length > 300 && !(p.abstract ?? "").includes('\n'), p.title);
  }
  assert.deepEqual(r.papers[2]?.authors, ['Pier Giuseppe Sessa', 'Robert Dadashi', 'Léonard Hussenot']);
});
