// The duplicates finder: table tests with ugly inputs, a brute-force oracle over every pair of a seeded corpus (the
// bucketed finder must find exactly what comparing all pairs finds), and buckets far over the cap.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DuplicateCandidate, FoundPair } from '../../electron/core/duplicates.js';
import { MAX_BUCKET, MIN_SIMILAR_KEY_CHARS, findDuplicatePairs, maxTitleEdits } from '../../electron/core/duplicates.js';
import { normalizeDoi } from '../../electron/core/parse/sources/fields.js';
import { titleKey } from '../../electron/core/text.js';
import { rng } from '../helpers/rng.js';

const paper = (id: string, title: string, date = '2020', doi: string | null = null): DuplicateCandidate => ({ id, title, date, doi });
const none = { isExcluded: () => false };
const brief = (pairs: readonly FoundPair[]): string[] => pairs.map((p) => `${p.a}~${p.b} ${p.reason}: ${p.detail}`);

interface Row {
  name: string;
  papers: DuplicateCandidate[];
  expected: string[];
}

const LONG = 'Scaling Laws for Neural Language Models and Their Consequences';
const rows: Row[] = [
  { name: 'nothing alike', papers: [paper('a', LONG), paper('b', 'Proximal Policy Optimization Algorithms')], expected: [] },
  { name: 'one typo', papers: [paper('a', LONG), paper('b', LONG.replace('Neural', 'Nueral'))], expected: ['a~b similar-title: Titles differ by 2 characters'] },
  { name: 'one letter missing', papers: [paper('a', LONG), paper('b', LONG.replace('Laws', 'Law'))], expected: ['b~a similar-title: Titles differ by 1 character'] },
  { name: 'three edits is too many', papers: [paper('a', LONG), paper('b', LONG.replace('Neural Language', 'Nueral Lnaguage'))], expected: [] },
  { name: 'a mid-length title allows one edit', papers: [paper('a', 'Deep Residual Learning'), paper('b', 'Deep Residual Leaning')], expected: ['b~a similar-title: Titles differ by 1 character'] },
  { name: 'but not two', papers: [paper('a', 'Deep Residual Learning'), paper('b', 'Deep Resdual Leaning')], expected: [] },
  { name: 'one-word titles are never similar', papers: [paper('a', 'Transformers'), paper('b', 'Transformer')], expected: [] },
  { name: `short titles (< ${MIN_SIMILAR_KEY_CHARS} chars of key) neither`, papers: [paper('a', 'Deep learning'), paper('b', 'Deep leaning')], expected: [] },
  { name: 'punctuation only: the same title', papers: [paper('a', 'Gemma: Open Models!', '2024'), paper('b', 'gemma — open models', '2024')], expected: ['a~b similar-title: Same title'] },
  { name: 'same title, years far apart', papers: [paper('a', 'Annual Report on Language Models', '2019-03'), paper('b', 'Annual report on language models', '2023')], expected: ['a~b same-title-other-date: Same title, 2019 and 2023'] },
  { name: 'same title, a year apart: import would merge; still shown', papers: [paper('a', 'Annual Report', '2019'), paper('b', 'Annual Report', '2020')], expected: ['a~b similar-title: Same title'] },
  { name: 'same title, an unknown date', papers: [paper('a', 'Annual Report', ''), paper('b', 'Annual Report', '2020')], expected: ['a~b similar-title: Same title'] },
  { name: 'same title but two different DOIs: two works', papers: [paper('a', 'Annual Report', '2019', '10.1000/a1'), paper('b', 'Annual Report', '2023', '10.1000/b2')], expected: [] },
  { name: 'an arXiv DOI does not name the work', papers: [paper('a', 'Annual Report', '2019', '10.48550/arXiv.1901.00001'), paper('b', 'Annual Report', '2023', '10.1000/b2')], expected: ['a~b same-title-other-date: Same title, 2019 and 2023'] },
  { name: 'same DOI, other titles', papers: [paper('a', 'Gemma', '2024', '10.1145/3600006.3613165'), paper('b', 'Totally Different', '2020', 'https://doi.org/10.1145/3600006.3613165')], expected: ['a~b same-doi: Same DOI 10.1145/3600006.3613165'] },
  { name: 'same DOI wins over a similar title', papers: [paper('a', LONG, '2020', '10.1145/1'), paper('b', LONG.replace('Laws', 'Law'), '2020', '10.1145/1')], expected: ['b~a same-doi: Same DOI 10.1145/1'] },
  { name: 'titles differing in a number are different papers', papers: [paper('a', 'Gemma 2: Improving Open Language Models'), paper('b', 'Gemma 3: Improving Open Language Models')], expected: [] },
  { name: 'empty titles are never alike', papers: [paper('a', ''), paper('b', ''), paper('c', '   ')], expected: [] },
  { name: 'emoji titles: the same symbols', papers: [paper('a', '🚀🚀🚀'), paper('b', '🚀🚀🚀')], expected: ['a~b similar-title: Same title'] },
  { name: 'accents and ß fold', papers: [paper('a', 'Straße der großen Sprachmodelle', '2015'), paper('b', 'Strasse der grossen Sprachmodelle', '2024')], expected: ['a~b same-title-other-date: Same title, 2015 and 2024'] },
  { name: 'CJK: one character off', papers: [paper('a', '大规模语言模型的知识蒸馏方法研究与应用综述'), paper('b', '大规模语言模型的知识蒸留方法研究与应用综述')], expected: ['b~a similar-title: Titles differ by 1 character'] },
  { name: 'a paper listed twice is not its own duplicate', papers: [paper('a', LONG), paper('a', LONG)], expected: [] },
  {
    name: 'order: reason, then title',
    papers: [
      paper('z1', 'Zebra Crossings in Reinforcement Learning'),
      paper('z2', 'Zebra Crossings in Reinforcement Learnin'),
      paper('m1', 'Annual Report', '2010'),
      paper('m2', 'Annual Report', '2020'),
      paper('a1', 'Alpha Crossings in Reinforcement Learning'),
      paper('a2', 'Alpha Crossings in Reinforcement Learnin'),
      paper('d1', 'X', '2020', '10.1000/x'),
      paper('d2', 'Y', '2020', '10.1000/x'),
    ],
    expected: [
      'a2~a1 similar-title: Titles differ by 1 character',
      'z2~z1 similar-title: Titles differ by 1 character',
      'm1~m2 same-title-other-date: Same title, 2010 and 2020',
      'd1~d2 same-doi: Same DOI 10.1000/x',
    ],
  },
];

describe('findDuplicatePairs', () => {
  for (const row of rows) {
    test(row.name, () => {
      const result = findDuplicatePairs(row.papers, none);
      assert.deepEqual(brief(result.pairs), row.expected);
      assert.equal(result.total, row.expected.length);
      // Deterministic: the input order does not matter.
      assert.deepEqual(findDuplicatePairs([...row.papers].reverse(), none), result);
    });
  }

  test('"Not a duplicate" pairs are never proposed, whichever way round they were recorded', () => {
    const papers = [paper('a', LONG), paper('b', LONG.replace('Laws', 'Law')), paper('c', LONG.replace('Laws', 'Lows'))];
    assert.equal(findDuplicatePairs(papers, none).total, 3);
    const excluded = new Set(['a|b']);
    const result = findDuplicatePairs(papers, { isExcluded: (x, y) => excluded.has([x, y].sort().join('|')) });
    assert.equal(result.total, 2);
    assert.ok(result.pairs.every((p) => [p.a, p.b].sort().join('|') !== 'a|b'));
  });

  test('limit keeps the first pairs and counts them all', () => {
    const papers = Array.from({ length: 10 }, (_, i) => paper(`p${i}`, `Annual Report`, `${2000 + 3 * i}`));
    const all = findDuplicatePairs(papers, none);
    assert.equal(all.total, 45);
    const some = findDuplicatePairs(papers, { ...none, limit: 5 });
    assert.equal(some.total, 45);
    assert.deepEqual(some.pairs, all.pairs.slice(0, 5));
  });

  test('5,000 papers with one DOI and 3,000 with one title: capped buckets, said so, no blow-up', () => {
    const papers = [
      ...Array.from({ length: 5000 }, (_, i) => paper(`d${String(i).padStart(4, '0')}`, `Chapter ${i} of the proceedings`, '2020', '10.1000/proc')),
      ...Array.from({ length: 3000 }, (_, i) => paper(`t${String(i).padStart(4, '0')}`, 'Editorial', `${1950 + (i % 70)}`)),
    ];
    const result = findDuplicatePairs(papers, none);
    const capPairs = (MAX_BUCKET * (MAX_BUCKET - 1)) / 2;
    assert.equal(result.pairs.filter((p) => p.reason === 'same-doi').length, capPairs);
    assert.ok(result.pairs.filter((p) => p.a.startsWith('t')).length <= capPairs);
    assert.deepEqual(result.capped, [
      `5,000 papers share the DOI 10.1000/proc: only ${MAX_BUCKET} of them were compared.`,
      `3,000 papers share the title "editorial": only ${MAX_BUCKET} of them were compared.`,
    ]);
  });
});

// The oracle: every pair compared with the rules written out plainly (full edit distance, no buckets).

function editDistance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length] as number;
}

function bruteForce(papers: readonly DuplicateCandidate[]): Set<string> {
  const info = papers.map((p) => {
    const key = titleKey(p.title);
    return { id: p.id, key, chars: [...key], year: /^\d{4}/.test(p.date) ? Number(p.date.slice(0, 4)) : null, doi: p.doi === null ? null : (normalizeDoi(p.doi) ?? p.doi.toLowerCase()), digits: (key.match(/\d+/g) ?? []).join(' ') };
  });
  const out = new Set<string>();
  for (let i = 0; i < info.length; i++) {
    for (let j = i + 1; j < info.length; j++) {
      const x = info[i] as (typeof info)[number];
      const y = info[j] as (typeof info)[number];
      const pair = [x.id, y.id].sort().join('~');
      if (x.doi !== null && x.doi === y.doi) {
        out.add(`${pair} same-doi`);
        continue;
      }
      const twoWorks = x.doi !== null && y.doi !== null && !x.doi.startsWith('10.48550/') && !y.doi.startsWith('10.48550/');
      if (twoWorks || x.key === '' || y.key === '') continue;
      if (x.key === y.key) {
        out.add(`${pair} ${x.year !== null && y.year !== null && Math.abs(x.year - y.year) > 1 ? 'same-title-other-date' : 'similar-title'}`);
        continue;
      }
      const allowed = maxTitleEdits(Math.min(x.chars.length, y.chars.length));
      if (allowed > 0 && x.digits === y.digits && Math.abs(x.chars.length - y.chars.length) <= allowed && editDistance(x.chars, y.chars) <= allowed) out.add(`${pair} similar-title`);
    }
  }
  return out;
}

const STEMS = 'learning language models reinforcement policy protein structure attention sparse robust vision graph neural networks offline optimal transport'.split(' ');

function seededCorpus(n: number, seed: number): DuplicateCandidate[] {
  const random = rng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const bases = Array.from({ length: Math.ceil(n / 3) }, () => Array.from({ length: 2 + Math.floor(random() * 7) }, () => pick(STEMS)).join(' '));
  const typo = (title: string): string => {
    const chars = [...title];
    const at = Math.floor(random() * (chars.length + 1));
    const op = Math.floor(random() * 3);
    if (op === 0) chars.splice(at, 0, pick([...'abcdeé ']));
    else if (op === 1) chars.splice(at, 1);
    else chars.splice(at, 1, pick([...'xyzß-']));
    return chars.join('');
  };
  return Array.from({ length: n }, (_, i) => {
    let title = pick(bases);
    const edits = Math.floor(random() * 4);
    for (let e = 0; e < edits; e++) title = typo(title);
    if (random() < 0.2) title = title.toUpperCase().replace(/ /g, random() < 0.5 ? ': ' : ' ');
    if (random() < 0.05) title = `${title} ${1 + Math.floor(random() * 3)}`;
    const r = random();
    const doi = r < 0.1 ? `10.1000/${Math.floor(random() * 15)}` : r < 0.15 ? `10.48550/arXiv.${Math.floor(random() * 5)}` : r < 0.17 ? `HTTPS://DOI.ORG/10.1000/${Math.floor(random() * 15)}` : null;
    return { id: `p${i}`, title, date: random() < 0.1 ? '' : `${2010 + Math.floor(random() * 12)}-0${1 + Math.floor(random() * 9)}`, doi };
  });
}

describe('findDuplicatePairs against every pair compared (seeded corpora)', () => {
  for (const seed of [1, 2, 3]) {
    test(`seed ${seed}: 500 papers`, () => {
      const papers = seededCorpus(500, seed);
      const found = findDuplicatePairs(papers, none);
      assert.deepEqual(found.capped, []);
      const got = new Set(found.pairs.map((p) => `${[p.a, p.b].sort().join('~')} ${p.reason}`));
      const want = bruteForce(papers);
      const missing = [...want].filter((p) => !got.has(p));
      const extra = [...got].filter((p) => !want.has(p));
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
      // The corpus is meant to exercise every reason.
      for (const reason of ['similar-title', 'same-title-other-date', 'same-doi']) assert.ok([...want].some((p) => p.endsWith(reason)), reason);
      assert.ok([...want].filter((p) => p.endsWith('similar-title')).length > 50, 'many near-identical titles');
    });
  }
});
