import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourceMetrics } from '../../electron/core/api.js';
import { formatMetric, metricKeysOf, metricLabel, shownMetrics } from '../../renderer/src/lib/metrics.js';

const num = new Intl.NumberFormat();
const headline = { hIndex: null, papers: null, citations: null, novelty: null, aiScore: null };
const scholar: SourceMetrics = { ...headline, hIndex: 12, citations: 3045, i10Index: 13, citationsSince: 2100, hIndexSince: 9, i10IndexSince: 8, sinceYear: 2020 };
const page: SourceMetrics = { hIndex: 117, papers: 12, citations: 9233, novelty: 45, aiScore: 42 };

test('metrics: shownMetrics lists the figures a source has, labelled, in one order', async (t) => {
  const cases: Array<{ name: string; input: SourceMetrics; expected: Array<[string, string, number | null]> }> = [
    {
      name: 'the aggregator page: the five headline figures',
      input: page,
      expected: [['hIndex', 'h-index', 117], ['papers', 'Papers', 12], ['citations', 'Citations', 9233], ['novelty', 'Novelty', 45], ['aiScore', 'AI score', 42]],
    },
    {
      name: 'Google Scholar: no empty slots; its own figures after; "since" labelled with the year, which is not a figure',
      input: scholar,
      expected: [
        ['hIndex', 'h-index', 12],
        ['citations', 'Citations', 3045],
        ['i10Index', 'i10-index', 13],
        ['citationsSince', 'Citations since 2020', 2100],
        ['hIndexSince', 'h-index since 2020', 9],
        ['i10IndexSince', 'i10-index since 2020', 8],
      ],
    },
    {
      name: 'a figure Folio does not know yet is spelled out, last; zero is a value',
      input: { ...headline, citations: 0, highlyInfluentialCitations: 7, someNewFigure: 3 },
      expected: [['citations', 'Citations', 0], ['highlyInfluentialCitations', 'Highly influential citations', 7], ['someNewFigure', 'Some new figure', 3]],
    },
    { name: 'nothing shown', input: headline, expected: [] },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => assert.deepEqual(shownMetrics(input).map((m) => [m.key, m.label, m.value]), expected));
  }
});

test('metrics: metricKeysOf is the columns of a table of sources (no "since" column)', () => {
  assert.deepEqual(metricKeysOf([page, scholar]), ['hIndex', 'papers', 'citations', 'novelty', 'aiScore', 'i10Index']);
  assert.deepEqual(metricKeysOf([scholar]), ['hIndex', 'citations', 'i10Index']);
  assert.deepEqual(metricKeysOf([]), []);
});

test('metrics: labels and values', async (t) => {
  const cases: Array<{ name: string; input: [string, number | null | undefined]; expected: string }> = [
    { name: 'thousands', input: ['citations', 9233], expected: num.format(9233) },
    { name: 'a percentage', input: ['novelty', 45], expected: '45%' },
    { name: 'none', input: ['hIndex', null], expected: '—' },
    { name: 'missing', input: ['i10Index', undefined], expected: '—' },
  ];
  for (const { name, input, expected } of cases) await t.test(name, () => assert.equal(formatMetric(...input), expected));
  assert.equal(metricLabel('citationsSince'), 'Citations since', 'no year known');
  assert.equal(metricLabel('aiScore'), 'AI score');
});
