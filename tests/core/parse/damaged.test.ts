// Damaged pastes (issue 8 §4): a paper whose category/date line is missing is recovered as its own paper when its
// title and authors lines are intact, and named in a warning either way; it is never swallowed into the abstract
// of the paper above it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProfilePage } from '../../../electron/core/parse/index.js';
import { entry, fixture, HEAD } from './helpers.js';

interface Row {
  name: string;
  input: string;
  /** [title, date, category, abstract] of every paper, in page order (a recovered paper has no date: null). */
  papers: Array<[string, string | null, string | null, string]>;
  /** Substrings each of which some warning must contain. */
  warnings: string[];
}

const rows: Row[] = [
  {
    name: 'middle paper without its header (blank-line layout)',
    input: [entry('First Paper'), entry('Second Paper').replace('CLJul 31, 2024\n', ''), entry('Third Paper', { header: 'LGJun 1, 2023' })].join('\n\n'),
    papers: [
      ['First Paper', '2024-07-31', 'CL', 'Abstract of First Paper.'],
      ['Second Paper', null, null, 'Abstract of Second Paper.'],
      ['Third Paper', '2023-06-01', 'LG', 'Abstract of Third Paper.'],
    ],
    warnings: ['Paper "Second Paper" has no category/date line', 'kept as its own paper, without a date (the page does not show it)'],
  },
  {
    name: 'last paper without its header, with a two-line title',
    input: `${entry('First Paper')}\n\nA Long Title That the Page\nWrapped onto Two Lines\n\nAlice Smith, Bob Jones et al. · mit\n\nIts abstract.`,
    papers: [
      ['First Paper', '2024-07-31', 'CL', 'Abstract of First Paper.'],
      ['A Long Title That the Page Wrapped onto Two Lines', null, null, 'Its abstract.'],
    ],
    warnings: ['Paper "A Long Title That the Page Wrapped onto Two Lines" has no category/date line'],
  },
  {
    name: 'two papers in a row without headers',
    input: [entry('First Paper'), entry('Second Paper').replace('CLJul 31, 2024\n', ''), entry('Third Paper').replace('CLJul 31, 2024\n', '')].join('\n\n'),
    papers: [
      ['First Paper', '2024-07-31', 'CL', 'Abstract of First Paper.'],
      ['Second Paper', null, null, 'Abstract of Second Paper.'],
      ['Third Paper', null, null, 'Abstract of Third Paper.'],
    ],
    warnings: ['Paper "Second Paper" has no category/date line', 'Paper "Third Paper" has no category/date line'],
  },
  {
    name: 'compact layout (no blank lines): the paper after a one-line abstract',
    input: 'CLJul 31, 2024\nFirst Paper\nAlice Smith, Bob Jones\nOne line of abstract.\nSecond Paper\nCarol White, Dan Brown et al.\nIts abstract.\nLGJun 1, 2023\nThird Paper\nEve Adams\nThird abstract.',
    papers: [
      ['First Paper', '2024-07-31', 'CL', 'One line of abstract.'],
      ['Second Paper', null, null, 'Its abstract.'],
      ['Third Paper', '2023-06-01', 'LG', 'Third abstract.'],
    ],
    warnings: ['Paper "Second Paper" has no category/date line'],
  },
  {
    name: 'a header with an impossible date',
    input: [entry('First Paper'), entry('Second Paper', { header: 'CLFeb 30, 2024' })].join('\n\n'),
    papers: [
      ['First Paper', '2024-07-31', 'CL', 'Abstract of First Paper.'],
      ['Second Paper', null, null, 'Abstract of Second Paper.'],
    ],
    warnings: ['Paper "Second Paper" has a date line with an impossible date ("CLFeb 30, 2024")'],
  },
  {
    name: 'title then a single author: too unsure to split, but named in a warning',
    input: `${entry('First Paper')}\n\nSecond Paper\n\nJane Doe\n\nIts abstract.`,
    papers: [['First Paper', '2024-07-31', 'CL', 'Abstract of First Paper.\n\nSecond Paper\n\nJane Doe\n\nIts abstract.']],
    warnings: ['Paper "First Paper": its abstract contains "Second Paper" followed by "Jane Doe"'],
  },
  {
    name: 'an abstract with a list of keywords in title case stays one abstract',
    input: entry('First Paper', { abstract: 'We study agents.\n\nDeep Learning. Reinforcement Learning.\n\nResults follow.' }),
    papers: [['First Paper', '2024-07-31', 'CL', 'We study agents.\n\nDeep Learning. Reinforcement Learning.\n\nResults follow.']],
    warnings: [],
  },
  {
    name: 'a wrapped abstract paragraph whose second line looks like names stays one abstract',
    input: entry('First Paper', { abstract: 'We thank our colleagues\nAlice Smith, Bob Jones and Carol White\nfor their help.' }),
    papers: [['First Paper', '2024-07-31', 'CL', 'We thank our colleagues Alice Smith, Bob Jones and Carol White for their help.']],
    warnings: [],
  },
];

for (const row of rows) {
  test(`damaged paste: ${row.name}`, () => {
    const r = parseProfilePage(`${HEAD}\n${row.input}`);
    assert.deepEqual(r.papers.map((p) => [p.title, p.date, p.category, p.abstract]), row.papers);
    for (const w of row.warnings) assert.ok(r.warnings.some((x) => x.includes(w)), `no warning with ${JSON.stringify(w)}; got ${r.warnings.join(' | ')}`);
    if (row.warnings.length === 0) assert.deepEqual(r.warnings.filter((w) => !w.startsWith('Page declares')), []);
  });
}

test('damaged sample: each paper whose header line is deleted comes back as its own paper, with its title and abstract', () => {
  const sample = fixture('profile-sabela-ramos.txt');
  const intact = parseProfilePage(sample);
  const lines = sample.split('\n');
  const headers = lines.flatMap((line, i) => (/^[A-Za-z.]+[A-Z][a-z]{2} \d{1,2}, \d{4}$/.test(line) ? [i] : []));
  assert.equal(headers.length, 12);
  for (const [k, index] of headers.entries()) {
    const damaged = parseProfilePage(lines.filter((_, i) => i !== index).join('\n'));
    const lost = intact.papers[k];
    assert.ok(lost);
    assert.equal(damaged.papers.length, 12, `header ${k} deleted: ${damaged.warnings.join(' | ')}`);
    assert.deepEqual(damaged.papers.map((p) => p.title), intact.papers.map((p) => p.title));
    assert.deepEqual(damaged.papers.map((p) => p.abstract), intact.papers.map((p) => p.abstract));
    // Its date is not invented from a neighbour's: the page no longer shows it.
    assert.deepEqual(damaged.papers.map((p, i) => (i === k ? null : p.date)), intact.papers.map((p, i) => (i === k ? null : p.date)));
    assert.equal(damaged.papers[k]?.date, null);
    assert.equal(damaged.papers[k]?.year, null);
    assert.ok(damaged.warnings.some((w) => w.startsWith(`Paper "${lost.title}" has no category/date line`)), damaged.warnings.join(' | '));
    assert.ok(!damaged.warnings.some((w) => w.startsWith('Page declares')), damaged.warnings.join(' | '));
  }
});
