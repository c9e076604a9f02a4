// The arXiv, dblp and ORCID sources on hostile input: seeded mutations of every fixture must either parse to a
// SourceResult in contract or be refused with NotThisSourceError, never crash; 100k-character lines and thousands of
// entries finish (a test timeout, not a timing assertion, catches runaway backtracking).
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import { arxivSource } from '../../../../electron/core/parse/sources/arxiv.js';
import { dblpSource } from '../../../../electron/core/parse/sources/dblp.js';
import { orcidSource } from '../../../../electron/core/parse/sources/orcid.js';
import type { ImportSource } from '../../../../electron/core/parse/sources/types.js';
import { rng } from '../../../helpers/rng.js';
import { allFixtures } from './fixture-files.js';
import { assertSurvives, mutate } from './source-checks.js';

const SOURCES: readonly ImportSource[] = [arxivSource, dblpSource, orcidSource];

test('fuzz: seeded mutations of every fixture parse to a result in contract or are refused', { timeout: 120_000 }, () => {
  const inputs = allFixtures();
  const random = rng(20250620);
  let trials = 0;
  for (const { name, text } of inputs) {
    for (let round = 0; round < 12; round++) {
      const mutated = mutate(text, random);
      for (const source of SOURCES) {
        assertSurvives(source, mutated, `${source.id} on ${name} #${round}`);
        trials++;
      }
    }
  }
  console.log(`fuzz: ${trials} parses of ${inputs.length} fixtures × 12 seeded mutations × ${SOURCES.length} sources`);
  assert.ok(trials > 1000);
});

const LONG = 100_000;
const pathological: { name: string; text: string }[] = [
  { name: 'arXiv id line with a 100k tail of brackets', text: `[1] arXiv:2401.00001 ${'[('.repeat(LONG / 2)}\nTitle: T\nA B\nSubjects: X (cs.LG)` },
  { name: 'arXiv authors line of 33k names', text: `[1] arXiv:2401.00001 [pdf]\nTitle: T\n${'A B, '.repeat(LONG / 5)}Z et al.\nSubjects: X (cs.LG)` },
  { name: 'arXiv 100k abstract with "▽ More" everywhere', text: `arXiv:2401.00001 [pdf] cs.LG\nT\nAuthors: A B\nAbstract: ${'x ▽ More '.repeat(LONG / 9)}\nSubmitted 1 January, 2024; originally announced January 2024.` },
  { name: 'dblp title of 33k sentence ends and years', text: `dblp\nPerson information\n[c1]\nA B:\n${'Ab. 2020 '.repeat(LONG / 9)}ICML 2020` },
  { name: 'dblp 100k authors line', text: `Person information\n[c1]\n${'Ann Bo, '.repeat(LONG / 8)}Cy Di:\nT. ICML 2020\n[c2]\nA B:\nT. ICML 2021` },
  { name: 'ORCID 100k contributors and parentheses', text: `https://orcid.org/0000-0003-1822-5403\nWorks (1)\nT\n2020 | Journal article\nCONTRIBUTORS: ${'A (B; '.repeat(LONG / 7)}\nShow less detail\n${' ('.repeat(LONG / 2)}\nSource: x` },
  { name: '100k colons, pipes and keys on one line', text: `${'[c1] A: | 2020 | Journal article '.repeat(LONG / 33)}` },
];

for (const { name, text } of pathological) {
  test(`pathological input finishes: ${name}`, { timeout: 30_000 }, () => {
    for (const source of SOURCES) assertSurvives(source, text, `${source.id} on ${name}`);
  });
}

function bigArxivListing(n: number): string {
  const entries: string[] = [`Total of ${n} entries`];
  for (let i = 0; i < n; i++) {
    const id = `2406.${String(10000 + i)}`;
    entries.push(
      `[${i + 1}] arXiv:${id} [pdf, html, other]\nTitle: Paper number ${i + 1}: a study\nAlice Smith, Bob Jones\n` +
        `Subjects: Machine Learning (cs.LG)\n\nWe study things number ${i + 1}.\n`,
    );
  }
  return entries.join('\n');
}

function bigDblpPage(n: number): string {
  const parts = ['Jane Doe', 'Person information', `showing all ${n} records`];
  for (let i = 0; i < n; i++) parts.push(`[c${n - i}]`, 'Jane Doe, Bob Jones:', `Paper number ${i + 1}: a study. ICML ${2000 + (i % 25)}: 1-10`);
  return parts.join('\n');
}

function bigOrcidRecord(n: number): string {
  const parts = ['Jane Doe', 'https://orcid.org/0000-0003-1822-5403', `Works (${n})`, 'sort Sort'];
  for (let i = 0; i < n; i++) {
    parts.push(`Paper number ${i + 1}: a study`, 'Journal of Studies', `${2000 + (i % 25)}-05 | Journal article`, `DOI: 10.1000/${i}`);
    parts.push('CONTRIBUTORS: Jane Doe; Bob Jones', 'Show more detail', 'Source: check_circle', 'Crossref');
  }
  return parts.join('\n');
}

const scale: { source: ImportSource; text: string; n: number }[] = [
  { source: arxivSource, text: bigArxivListing(5000), n: 5000 },
  { source: dblpSource, text: bigDblpPage(5000), n: 5000 },
  { source: orcidSource, text: bigOrcidRecord(5000), n: 5000 },
];

for (const { source, text, n } of scale) {
  test(`scale: ${source.id} reads ${n} entries (time printed, not asserted)`, { timeout: 60_000 }, () => {
    const t0 = performance.now();
    const r = source.parse(text);
    console.log(`${source.id}: ${n} entries (${(text.length / 1e6).toFixed(2)} MB) in ${(performance.now() - t0).toFixed(0)} ms`);
    assert.equal(r.papers.length, n);
    assert.equal(r.papers[n - 1]?.title, `Paper number ${n}: a study`);
    assert.deepEqual(r.warnings, []);
  });
}
