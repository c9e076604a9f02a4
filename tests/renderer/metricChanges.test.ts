import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourceMetrics } from '../../electron/core/api.js';
import type { MetricsSnapshot } from '../../electron/core/model.js';
import { compareMetrics, describeChange, signedChange, snapshotChanges } from '../../renderer/src/lib/metricChanges.js';

const snap = (at: string, source: MetricsSnapshot['source'], metrics: Record<string, number | null>): MetricsSnapshot =>
  ({ at: `2026-0${at}T00:00:00.000Z`, source, metrics }) as unknown as MetricsSnapshot;
/** Changes as text: "month source key:before→after, …" newest first. */
const show = (history: MetricsSnapshot[], keys = ['hIndex', 'citations']) =>
  snapshotChanges(history, keys).map((c) => `${c.at.slice(5, 7)} ${c.source} ${c.deltas.map((d) => `${d.key}:${d.before}→${d.after}`).join(',')}`);

test('metricChanges: snapshotChanges', async (t) => {
  const cases: Array<{ name: string; history: MetricsSnapshot[]; expected: string[] }> = [
    { name: 'no snapshots', history: [], expected: [] },
    { name: 'one snapshot: nothing to compare', history: [snap('1-01', 'profile-page', { hIndex: 3, citations: 10 })], expected: [] },
    {
      name: 'two snapshots, newest first, only what changed',
      history: [snap('1-01', 'profile-page', { hIndex: 3, citations: 10 }), snap('2-01', 'profile-page', { hIndex: 3, citations: 25 }), snap('3-01', 'profile-page', { hIndex: 4, citations: 20 })],
      expected: ['03 profile-page hIndex:3→4,citations:25→20', '02 profile-page citations:10→25'],
    },
    { name: 'an unchanged re-import is left out', history: [snap('1-01', 'profile-page', { hIndex: 3 }), snap('2-01', 'profile-page', { hIndex: 3 })], expected: [] },
    {
      name: 'each source against its own previous snapshot, whatever the order given',
      history: [snap('3-01', 'google-scholar', { citations: 900 }), snap('1-01', 'profile-page', { citations: 10 }), snap('2-01', 'google-scholar', { citations: 800 }), snap('4-01', 'profile-page', { citations: 12 })],
      expected: ['04 profile-page citations:10→12', '03 google-scholar citations:800→900'],
    },
    { name: 'a metric that appears or goes missing', history: [snap('1-01', 'profile-page', { hIndex: null, citations: 5 }), snap('2-01', 'profile-page', { hIndex: 2 })], expected: ['02 profile-page hIndex:null→2,citations:5→null'] },
  ];
  for (const { name, history, expected } of cases) await t.test(name, () => assert.deepEqual(show(history), expected));
});

test('metricChanges: describeChange', async (t) => {
  const cases = [
    { delta: { key: 'c', before: 10, after: 130, change: 120 }, expected: '▲ 120' },
    { delta: { key: 'c', before: 1500, after: 12, change: -1488 }, expected: '▼ 1,488' },
    { delta: { key: 'c', before: 0.5, after: 0.25, change: -0.25 }, expected: '▼ 0.25' },
    { delta: { key: 'c', before: null, after: 3, change: null }, expected: 'new' },
    { delta: { key: 'c', before: 3, after: null, change: null }, expected: 'gone' },
  ];
  for (const { delta, expected } of cases) await t.test(expected, () => assert.equal(describeChange(delta), expected));
});

test('metricChanges: compareMetrics (a re-import preview against the stored metrics of its source)', async (t) => {
  /** "label before→after (change)", or "label value" when there is nothing to compare with. */
  const show = (previous: Record<string, number | null> | null, next: Record<string, number | null>) =>
    compareMetrics(previous as SourceMetrics | null, next as SourceMetrics).map((m) => (m.before === undefined ? `${m.label} ${m.after}` : `${m.label} ${m.before}→${m.after} (${m.change})`));
  const cases: Array<{ name: string; previous: Record<string, number | null> | null; next: Record<string, number | null>; expected: string[] }> = [
    { name: 'a new profile: plain values, display order', previous: null, next: { citations: 9233, hIndex: 117 }, expected: ['h-index 117', 'Citations 9233'] },
    { name: 'unchanged and changed', previous: { hIndex: 41, papers: 12 }, next: { hIndex: 43, papers: 12 }, expected: ['h-index 41→43 (2)', 'Papers 12→12 (0)'] },
    { name: 'a drop', previous: { citations: 1500 }, next: { citations: 12 }, expected: ['Citations 1500→12 (-1488)'] },
    { name: 'a figure the page now shows for the first time', previous: { hIndex: 3 }, next: { hIndex: 3, citations: 10 }, expected: ['h-index 3→3 (0)', 'Citations null→10 (null)'] },
    { name: 'a figure the page no longer shows comes last', previous: { aiScore: 42, hIndex: 3 }, next: { hIndex: 4 }, expected: ['h-index 3→4 (1)', 'AI score 42→null (null)'] },
    { name: 'null and missing values are not shown at all', previous: { novelty: null }, next: { hIndex: null, papers: 2 }, expected: ['Papers null→2 (null)'] },
    { name: 'sinceYear labels the since-figures and is not a figure', previous: { sinceYear: 2019, citationsSince: 5 }, next: { sinceYear: 2020, citationsSince: 7 }, expected: ['Citations since 2020 5→7 (2)'] },
  ];
  for (const { name, previous, next, expected } of cases) await t.test(name, () => assert.deepEqual(show(previous, next), expected));
});

test('metricChanges: signedChange', () => {
  assert.deepEqual([2, -3, 0, 1488, -0.25, 12345].map(signedChange), ['+2', '−3', '±0', '+1,488', '−0.25', '+12,345']);
});
