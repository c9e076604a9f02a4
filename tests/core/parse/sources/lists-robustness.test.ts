// The arXiv, dblp and ORCID sources on hostile input: seeded mutations of every fixture must either parse to a
// well-formed SourceResult or be refused with NotThisSourceError, never crash; 100k-character lines and thousands of
// entries finish (a test timeout, not a timing assertion, catches runaway backtracking).
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import { arxivSource } from '../../../../electron/core/parse/sources/arxiv.js';
import { dblpSource } from '../../../../electron/core/parse/sources/dblp.js';
import { orcidSource } from '../../../../electron/core/parse/sources/orcid.js';
import { NotThisSourceError, type ImportSource, type SourceResult } from '../../../../electron/core/parse/sources/types.js';
import { rng } from '../../../helpers/rng.js';
import { otherFixtures, ownFixtures } from './source-files.js';

const SOURCES: readonly ImportSource[] = [arxivSource, dblpSource, orcidSource];
const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** Every field of the contract has its type; ids and DOIs are in their canonical form. */
function assertWellFormed(r: SourceResult, source: ImportSource, label: string): void {
  assert.equal(r.source, source.id, label);
  assert.ok(Array.isArray(r.warnings) && r.warnings.every((w) => typeof w === 'string' && w !== ''), label);
  if (r.profile !== null) {
    assert.equal(typeof r.profile.name, 'string', label);
    assert.ok(r.profile.name.trim() !== '', label);
    for (const value of Object.values(r.profile.metrics)) assert.ok(value === null || Number.isFinite(value), label);
  }
  for (const p of r.papers) {
    assert.ok(typeof p.title === 'string' && p.title.trim() !== '', label);
    assert.ok(p.authors.every((a) => typeof a === 'string' && a !== ''), label);
    assert.equal(typeof p.authorsTruncated, 'boolean', label);
    assert.ok(p.date === null || DATE.test(p.date), `${label}: date ${p.date}`);
    assert.ok(p.year === null || Number.isInteger(p.year), label);
    assert.ok(p.date === null || Number(p.date.slice(0, 4)) === p.year, `${label}: ${p.date} vs ${p.year}`);
    assert.ok(p.doi === null || (p.doi === p.doi.toLowerCase() && p.doi.startsWith('10.')), `${label}: doi ${p.doi}`);
    assert.ok(p.arxivId === null || !/v\d+$/.test(p.arxivId), `${label}: arxivId ${p.arxivId}`);
    for (const field of [p.category, p.abstract, p.venue, p.url]) assert.ok(field === null || typeof field === 'string', label);
    assert.ok(Array.isArray(p.orgs), label);
  }
}

/** Parses or refuses; anything else than NotThisSourceError fails the test. */
function parseOrRefuse(source: ImportSource, text: string, label: string): void {
  const confidence = source.detect(text);
  assert.ok(confidence >= 0 && confidence <= 1, `${label}: detect ${confidence}`);
  try {
    assertWellFormed(source.parse(text), source, label);
  } catch (error) {
    if (!(error instanceof NotThisSourceError)) throw error;
  }
}

const NOISE = ['[c1]', ':', ' | ', 'arXiv:2401.0000', '▽ More', '△ Less', '\u200e', '\u00a0', '\r', '(', ')', '[', ']', '?', '. ', ', ', '; ', '2024', 'CONTRIBUTORS: ', 'Title: ', 'Authors: ', '10.1000/x', '陈', 'é', '\t', '\n'];

type Mutation = (lines: string[], random: () => number) => string[];
const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;
const index = (lines: readonly string[], random: () => number): number => Math.floor(random() * Math.max(1, lines.length));

const MUTATIONS: Record<string, Mutation> = {
  deleteLines: (lines, random) => lines.filter(() => random() > 0.15),
  duplicateLines: (lines, random) => lines.flatMap((l) => (random() < 0.1 ? [l, l] : [l])),
  swapBlocks: (lines, random) => {
    const a = index(lines, random);
    const b = index(lines, random);
    const [from, to] = a < b ? [a, b] : [b, a];
    return [...lines.slice(to), ...lines.slice(from, to), ...lines.slice(0, from)];
  },
  truncate: (lines, random) => lines.join('\n').slice(0, Math.floor(random() * lines.join('\n').length)).split('\n'),
  sprinkleNoise: (lines, random) =>
    lines.map((l) => {
      if (random() > 0.2) return l;
      const at = Math.floor(random() * (l.length + 1));
      return l.slice(0, at) + pick(NOISE, random) + l.slice(at);
    }),
  longLine: (lines, random) => {
    const copy = [...lines];
    copy[index(copy, random)] = pick(['a, ', 'x. 2020 ', '[(', ' | ', 'Ab: ', '0', '… ▽ More '], random).repeat(20_000);
    return copy;
  },
  oneLine: (lines) => [lines.join(' ')],
  shuffleWithinEntries: (lines, random) => {
    const copy = [...lines];
    for (let k = 0; k < copy.length / 10; k++) {
      const i = index(copy, random);
      const j = Math.min(copy.length - 1, i + 1 + Math.floor(random() * 3));
      [copy[i], copy[j]] = [copy[j] as string, copy[i] as string];
    }
    return copy;
  },
};

test('fuzz: seeded mutations of every fixture parse to a well-formed result or are refused', { timeout: 120_000 }, () => {
  const inputs = [...ownFixtures('arxiv-'), ...ownFixtures('dblp-'), ...ownFixtures('orcid-'), ...otherFixtures('zzz-none')];
  const random = rng(20250620);
  let trials = 0;
  for (const { name, text } of inputs) {
    for (const [mutationName, mutate] of Object.entries(MUTATIONS)) {
      for (let round = 0; round < 2; round++) {
        const mutated = mutate(text.split('\n'), random).join('\n');
        for (const source of SOURCES) {
          parseOrRefuse(source, mutated, `${source.id} on ${name} after ${mutationName} #${round}`);
          trials++;
        }
      }
    }
  }
  console.log(`fuzz: ${trials} parses of ${inputs.length} fixtures × ${Object.keys(MUTATIONS).length} mutations × 2 rounds`);
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
    for (const source of SOURCES) parseOrRefuse(source, text, `${source.id} on ${name}`);
  });
}

function bigArxivListing(n: number): string {
  const entries: string[] = ['Total of ' + n + ' entries'];
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
