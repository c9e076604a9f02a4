import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProfileMetrics } from '../../../electron/core/model.js';
import { parseProfilePage } from '../../../electron/core/parse/index.js';
import { parseMetricNumber } from '../../../electron/core/parse/numbers.js';
import { entry } from './helpers.js';

const NONE: ProfileMetrics = { hIndex: null, papers: null, citations: null, novelty: null, aiScore: null };
const PAPER = entry('Some Paper Title');

// Head lines (after the name "Jane Doe") → metrics. A paper entry follows so the page is a profile either way.
const rows: { name: string; input: string; expected: Partial<ProfileMetrics> }[] = [
  {
    name: 'glued labels, sample style',
    input: 'h-index117\n12papers\n9,233citations\nNovelty45%\nAI Score42',
    expected: { hIndex: 117, papers: 12, citations: 9233, novelty: 45, aiScore: 42 },
  },
  {
    name: 'space-separated',
    input: 'h-index 117\n12 papers\n9,233 citations\nNovelty 45%\nAI Score 42',
    expected: { hIndex: 117, papers: 12, citations: 9233, novelty: 45, aiScore: 42 },
  },
  {
    name: 'label line then value line',
    input: 'h-index\n117\nPapers\n12\nCitations\n9,233\nNovelty\n45%\nAI Score\n42',
    expected: { hIndex: 117, papers: 12, citations: 9233, novelty: 45, aiScore: 42 },
  },
  {
    name: 'label then value with blank lines between',
    input: 'h-index\n\n117\n\nCitations\n\n9,233',
    expected: { hIndex: 117, citations: 9233 },
  },
  {
    name: 'value line then label line',
    input: '117\nh-index\n12\npapers\n9,233\ncitations\n45%\nnovelty\n42\nAI score',
    expected: { hIndex: 117, papers: 12, citations: 9233, novelty: 45, aiScore: 42 },
  },
  {
    name: 'mixed order: a label-first pair, then a value-first pair (the value between two labels)',
    input: 'h-index\n117\n12\nPapers',
    expected: { hIndex: 117, papers: 12 },
  },
  {
    name: 'mixed order: value-first, then label-first',
    input: '117\nh-index\nPapers\n12',
    expected: { hIndex: 117, papers: 12 },
  },
  {
    name: 'mixed order, three widgets: value-first, label-first, value-first',
    input: '117\nh-index\nPapers\n12\n9,233\nCitations',
    expected: { hIndex: 117, papers: 12, citations: 9233 },
  },
  {
    name: 'a value above one label and below another goes to the label in its blank-line block (label above)',
    input: 'Papers\n12\n\nh-index\n\n117',
    expected: { papers: 12, hIndex: 117 },
  },
  {
    name: 'a value above one label and below another goes to the label in its blank-line block (label below)',
    input: 'Papers\n\n12\nh-index\n\n117\nCitations',
    expected: { hIndex: 12, citations: 117 },
  },
  {
    name: 'blocks of value then label, separated by blank lines',
    input: '117\nh-index\n\n12\nPapers\n\n45%\nNovelty',
    expected: { hIndex: 117, papers: 12, novelty: 45 },
  },
  {
    name: 'a percentage is the novelty, even with a plain number on the label\'s other side',
    input: '45%\nNovelty\n9,233',
    expected: { novelty: 45 },
  },
  {
    name: 'mixed order with the percentage deciding: value-first novelty, then label-first citations',
    input: '45%\nNovelty\nCitations\n9,233',
    expected: { novelty: 45, citations: 9233 },
  },
  {
    name: 'a lone value between two labels with nothing to tell: label-then-value (the common layout)',
    input: 'Papers\n12\nh-index',
    expected: { papers: 12 },
  },
  {
    name: 'a stray number before a label/value pair is not paired with the label',
    input: 'Following\n120\nh-index\n117',
    expected: { hIndex: 117 },
  },
  {
    name: 'case-insensitive labels and colon',
    input: 'H-INDEX: 117\nCITATIONS 9,233\nai-score 42\nNOVELTY 45 %\nh index 3',
    expected: { hIndex: 117, citations: 9233, aiScore: 42, novelty: 45 },
  },
  {
    name: 'all metrics on one line separated by " · "',
    input: 'h-index 117 · 12 papers · 9,233 citations · Novelty 45% · AI Score 42',
    expected: { hIndex: 117, papers: 12, citations: 9233, novelty: 45, aiScore: 42 },
  },
  {
    name: 'NBSP and narrow NBSP thousands separators',
    input: 'Citations\n9\u00a0233\nh-index\u202f117\n1\u202f234 papers',
    expected: { citations: 9233, hIndex: 117, papers: 1234 },
  },
  {
    name: 'multiple comma groups and apostrophe groups',
    input: '1,234,567citations\nh-index 1\'234',
    expected: { citations: 1234567, hIndex: 1234 },
  },
  {
    name: 'dot thousands for counts ("1.234 citations" = 1234), decimal for scores',
    input: '1.234 citations\nNovelty 45.5%\nAI Score 1.234',
    expected: { citations: 1234, novelty: 45.5, aiScore: 1.234 },
  },
  {
    name: 'k/M abbreviations',
    input: '1.2k citations\n12K papers\nh-index 0.1k',
    expected: { citations: 1200, papers: 12000, hIndex: 100 },
  },
  {
    name: 'abbreviation glued to the label',
    input: '3.4Mcitations',
    expected: { citations: 3_400_000 },
  },
  {
    name: 'decimal comma for scores',
    input: 'Novelty 45,5%',
    expected: { novelty: 45.5 },
  },
  {
    name: 'parenthesised count "Papers (12)" and "Cited by 10"',
    input: 'Papers (12)\nCited by 10',
    expected: { papers: 12, citations: 10 },
  },
  {
    name: 'missing metrics stay null',
    input: 'h-index117',
    expected: { hIndex: 117 },
  },
  {
    name: 'inconsistent grouping is not a number',
    input: '9,23,3 citations\nh-index 5',
    expected: { hIndex: 5 },
  },
  {
    name: 'section header "12 Papers" alone gives the declared count',
    input: 'h-index 3\n\n12 Papers',
    expected: { hIndex: 3, papers: 12 },
  },
];

for (const row of rows) {
  test(`metrics: ${row.name}`, () => {
    const r = parseProfilePage(`Jane Doe\n${row.input}\n\n${PAPER}`);
    assert.deepEqual(r.profile.metrics, { ...NONE, ...row.expected });
    assert.equal(r.profile.name, 'Jane Doe');
  });
}

test('metrics: a differing repeat keeps the first value and warns', () => {
  const r = parseProfilePage(`Jane Doe\n12papers\n\n11 Papers\n\n${PAPER}`);
  assert.equal(r.profile.metrics.papers, 12);
  assert.ok(r.warnings.includes('Page shows two values for the paper count (12 and 11); kept 12.'), r.warnings.join('|'));
});

const numberRows: { name: string; input: string; whole: boolean; expected: number | null }[] = [
  { name: 'plain', input: '117', whole: true, expected: 117 },
  { name: 'comma groups', input: '9,233', whole: true, expected: 9233 },
  { name: 'space groups', input: '9 233', whole: true, expected: 9233 },
  { name: 'dot groups, count', input: '1.234', whole: true, expected: 1234 },
  { name: 'dot groups, score', input: '1.234', whole: false, expected: 1.234 },
  { name: 'several dot groups, count', input: '1.234.567', whole: true, expected: 1234567 },
  { name: 'decimal, count, not a grouping', input: '1.5', whole: true, expected: 2 },
  { name: 'percent', input: '45%', whole: false, expected: 45 },
  { name: 'k', input: '1.2k', whole: true, expected: 1200 },
  { name: 'K', input: '12K', whole: true, expected: 12000 },
  { name: 'M', input: '3.4M', whole: true, expected: 3400000 },
  { name: 'k on a score keeps 3 decimals', input: '1.2345k', whole: false, expected: 1234.5 },
  { name: 'mixed separators', input: '1,234.567', whole: true, expected: 1235 },
  { name: 'bad grouping', input: '12,34,567', whole: true, expected: null },
  { name: 'empty', input: '', whole: true, expected: null },
  { name: 'letters', input: 'abc', whole: true, expected: null },
  { name: 'only a suffix', input: 'k', whole: true, expected: null },
];
for (const row of numberRows) {
  test(`parseMetricNumber: ${row.name} (${JSON.stringify(row.input)})`, () => {
    assert.equal(parseMetricNumber(row.input, row.whole), row.expected);
  });
}
