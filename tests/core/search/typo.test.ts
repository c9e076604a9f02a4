// Typo tolerance: the edit distance counts two swapped adjacent letters as one edit (optimal string
// alignment), and the index's typo walk over its sorted dictionary finds exactly the words that distance
// allows — checked against brute force on a vocabulary dense with near neighbours, for words in the sorted
// dictionary and for words added after it was sorted.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SearchEngine, type SearchDoc } from '../../../electron/core/search/index.js';
import { editDistanceWithin, matchWord, planTerms } from '../../../electron/core/search/plan.js';
import { parseQuery } from '../../../electron/core/search/query-parser.js';
import { rng } from '../../helpers/rng.js';

describe('editDistanceWithin', () => {
  const rows: Array<[string, string, number, number]> = [
    ['zeloite', 'zeolite', 1, 1],
    ['ab', 'ba', 1, 1],
    ['distilaltion', 'distillation', 2, 1],
    ['reinforcment', 'reinforcement', 1, 1],
    ['kitten', 'sitting', 3, 3],
    ['abcdef', 'badcfe', 3, 3],
    ['ca', 'abc', 3, 3], // optimal string alignment: no edit of a swapped pair (true Damerau says 2)
    ['', 'abc', 3, 3],
    ['same', 'same', 0, 0],
    ['reinforcement', 'xyz', 2, 3], // over max: max + 1
    ['abcdefgh', 'bacdefhg', 1, 2], // two swaps exceed one edit
    ['abcdefgh', 'bacdefhg', 2, 2],
  ];
  for (const [a, b, max, want] of rows) {
    test(`${a || '""'} ~ ${b} within ${max} → ${want}`, () => {
      assert.equal(editDistanceWithin(a, b, max), want);
      assert.equal(editDistanceWithin(b, a, max), want, 'symmetric');
    });
  }
});

/** One random edit: swap two adjacent letters, insert, delete or substitute (a small alphabet: many near hits). */
function typo(word: string, next: () => number): string {
  const at = Math.floor(next() * word.length);
  const letter = 'abcde'[Math.floor(next() * 5)] as string;
  switch (Math.floor(next() * 4)) {
    case 0:
      return at + 1 < word.length ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word;
    case 1:
      return word.slice(0, at) + letter + word.slice(at);
    case 2:
      return word.slice(0, at) + word.slice(at + 1);
    default:
      return word.slice(0, at) + letter + word.slice(at + 1);
  }
}

function doc(id: string, title: string): SearchDoc {
  return {
    id,
    title,
    authors: [],
    orgs: [],
    abstract: '',
    tags: [],
    note: '',
    date: '2024-01-01',
    year: 2024,
    category: null,
    status: 'unread',
    profileIds: [],
    profileNames: [],
    addedAt: '2024-01-01T00:00:00.000Z',
  };
}

describe('the index finds exactly the words within the allowed edits', () => {
  const next = rng(7);
  const words = new Set<string>();
  while (words.size < 1500) {
    const length = 5 + Math.floor(next() * 7);
    let w = '';
    for (let i = 0; i < length; i++) w += 'abcdef'[Math.floor(next() * 6)];
    words.add(w);
  }
  const vocabulary = [...words];
  const sortedPart = vocabulary.slice(0, 1200);
  const latePart = vocabulary.slice(1200); // added after the dictionary is sorted: the linear scan
  const engine = new SearchEngine();
  engine.addAll(sortedPart.map((w, i) => doc(`s${i}`, w)));
  latePart.forEach((w, i) => engine.upsert(doc(`l${i}`, w)));
  const titleOf = new Map<string, string>([...sortedPart.map((w, i) => [`s${i}`, w] as const), ...latePart.map((w, i) => [`l${i}`, w] as const)]);

  const queries: string[] = [];
  for (let i = 0; i < 300; i++) {
    let q = vocabulary[Math.floor(next() * vocabulary.length)] as string;
    const edits = Math.floor(next() * 3);
    for (let e = 0; e < edits; e++) q = typo(q, next);
    if (q.length >= 5) queries.push(q);
  }
  queries.push('zeloite');

  test(`${queries.length} typed queries (0-2 random edits, swaps included) match brute force`, () => {
    let fuzzyHits = 0;
    for (const q of queries) {
      const [rule] = planTerms(parseQuery(q).terms);
      assert.ok(rule, q);
      const want = [...titleOf].filter(([, w]) => matchWord(rule, w) !== null).map(([id]) => id).sort();
      const got = [...engine.search(q).ids].sort();
      assert.deepEqual(got, want, q);
      fuzzyHits += want.filter((id) => matchWord(rule, titleOf.get(id) as string) === 'fuzzy').length;
    }
    assert.ok(fuzzyHits > 100, `the corpus exercises typo matches (${fuzzyHits})`);
  });

  test('a swapped pair is one edit: "zeloite" finds and marks Zeolite', () => {
    const e = new SearchEngine();
    e.addAll([doc('z', 'Zeolite catalysts for cracking'), doc('x', 'Zealots of catalysis')]);
    assert.deepEqual(e.search('zeloite').ids, ['z']);
    assert.deepEqual(e.matchesFor('z', 'zeloite').title, [[0, 7]]);
  });
});
