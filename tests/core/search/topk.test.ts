// The text index's query shortcuts must not change a single result: galloping through long posting lists
// for the few candidates a later rule keeps, and reading a field-filtered copy of the block for rules limited
// to some fields (one-letter prefixes). Table-driven: each query runs with the shortcuts forced on (lowest
// thresholds) and off (the plain scan of every posting), on a corpus built for ties — few distinct titles,
// the same common words everywhere, many papers with identical text — with edits (delta postings, dead
// slots) and removals, and must give the same top-k, the same total and the same scores, bit for bit.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SearchDoc } from '../../../electron/core/search/index.js';
import { SearchEngine } from '../../../electron/core/search/index.js';
import { matchWord, planTerms } from '../../../electron/core/search/plan.js';
import type { TextField } from '../../../electron/core/search/plan.js';
import { tokenizeTerms } from '../../../electron/core/search/tokenize.js';
import { parseQuery } from '../../../electron/core/search/query-parser.js';
import type { TextIndex } from '../../../electron/core/search/text-index.js';
import { rng } from '../../helpers/rng.js';

const COMMON = 'learning model models language large reinforcement for the data training'.split(' ');
const RARE = 'distillation knowledge retrieval robust ranking rare rabbit radar fourier forest format fold'.split(' ');
const NAMES = 'Rossi Ramé Robert Renée Kim Knuth Fomin Fox Hussenot Léonard'.split(' ');

function corpus(n: number): SearchDoc[] {
  const rand = rng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const docs: SearchDoc[] = [];
  for (let i = 0; i < n; i++) {
    // Every 3rd paper copies an earlier one's text: identical scores, ties broken by document number.
    const twin = i % 3 === 2 ? docs[i - 1] : undefined;
    const words = (k: number, rareRate: number): string =>
      Array.from({ length: k }, () => (rand() < rareRate ? pick(RARE) : pick(COMMON))).join(' ');
    docs.push({
      id: `d${i}`,
      title: twin?.title ?? words(4 + Math.floor(rand() * 4), 0.2),
      authors: twin?.authors ?? [`${pick(NAMES)} ${pick(NAMES)}`, `${pick(NAMES)} R${i % 40}`],
      orgs: [],
      abstract: twin?.abstract ?? words(30 + Math.floor(rand() * 30), 0.05),
      tags: i % 5 === 0 ? ['rl', 'reading-group'] : [],
      note: i % 11 === 0 ? words(5, 0.5) : '',
      date: `20${10 + (i % 15)}-01-01`,
      year: 10 + (i % 15) + 2000,
      category: 'cs.LG',
      status: 'unread',
      profileIds: [],
      profileNames: [],
      addedAt: '2024-08-01T00:00:00.000Z',
    });
  }
  return docs;
}

const QUERIES = [
  // one-letter prefixes (title, authors, tags only) and short prefixes expanding to many terms
  'r', 'k', 'f', 'l', 'ra', 'fo', 're',
  // common words: most papers, many equal scores
  'learning', 'large language models', 'reinforcement learning', 'the',
  // a rare rule first, then long lists for few candidates (the galloping path)
  'distillation learning', 'knowledge distillation fo', 'rabbit models for', 'radar language large models',
  'hussenot learning', 'léonard model', 'rare fo', 'fourier l',
  // typos, exact phrases, exclusions, filters
  'distilation', 'reinforcment learning', '"large" models', 'learning -distillation', 'tag:rl model', 'year:2015..2018 learning fo',
  'xqzvkwpl', 'learning xqzvkwpl',
];

/** The private thresholds of TextIndex's shortcuts. */
type Knobs = { fieldBlockMinCost: number; gallopRatio: number };
const textOf = (engine: SearchEngine): TextIndex => (engine as unknown as { text: TextIndex }).text;

function setShortcuts(engine: SearchEngine, on: boolean): void {
  const knobs = textOf(engine) as unknown as Knobs;
  knobs.fieldBlockMinCost = on ? 0 : Infinity;
  knobs.gallopRatio = on ? 0 : Infinity;
}

/** Every match of the text index with its score, best first (ties by document number). */
function scored(engine: SearchEngine, query: string): Array<[number, number]> {
  const text = textOf(engine);
  const rules = planTerms(parseQuery(query).terms);
  if (rules.length === 0) return [];
  const matches = text.search(rules, null);
  const { nums, scores } = text.ranked(matches, matches.slots.length);
  return nums.map((num, i) => [num, scores[i] as number]);
}

function compare(engine: SearchEngine, label: string): void {
  for (const q of QUERIES) {
    setShortcuts(engine, false);
    const full = engine.search(q);
    const top = engine.search(q, undefined, { limit: 50 });
    const first = engine.search(q, undefined, { limit: 1 });
    const exact = scored(engine, q);
    setShortcuts(engine, true);
    const fullFast = engine.search(q);
    const topFast = engine.search(q, undefined, { limit: 50 });
    const firstFast = engine.search(q, undefined, { limit: 1 });
    const exactFast = scored(engine, q);
    const msg = `${label}: ${JSON.stringify(q)}`;
    assert.equal(fullFast.total, full.total, msg);
    assert.deepEqual(fullFast.ids, full.ids, msg);
    assert.equal(topFast.total, top.total, msg);
    assert.deepEqual(topFast.ids, top.ids, msg);
    assert.deepEqual(firstFast.ids, first.ids, msg);
    assert.deepEqual(top.ids, full.ids.slice(0, 50), msg);
    assert.deepEqual(exactFast, exact, msg);
  }
}

describe('text index shortcuts give the plain scan’s results', () => {
  const docs = corpus(1500);
  const engine = new SearchEngine();
  engine.addAll(docs);

  test('the corpus exercises them: ties, common words, long lists for few candidates', () => {
    setShortcuts(engine, false);
    assert.ok(engine.search('learning').total > 1000);
    assert.ok(engine.search('r').total > 500);
    const top = scored(engine, 'large language models');
    assert.ok(top.length > 300);
    const ties = top.filter(([, s], i) => i > 0 && s === top[i - 1]?.[1]).length;
    assert.ok(ties > 100, `ties: ${ties}`);
    assert.ok(engine.search('knowledge distillation').total < engine.search('fo').total / 10);
  });

  test('bulk-built index', () => compare(engine, 'bulk'));

  test('totals agree with a brute-force match of every rule (exact, prefix, typo expansions)', () => {
    const fieldsOf = (d: SearchDoc): Record<TextField, string[]> => ({
      title: tokenizeTerms(d.title),
      authors: d.authors.flatMap(tokenizeTerms),
      orgs: d.orgs.flatMap(tokenizeTerms),
      abstract: tokenizeTerms(d.abstract),
      tags: d.tags.flatMap(tokenizeTerms),
      note: tokenizeTerms(d.note),
    });
    const words = docs.map(fieldsOf);
    for (const q of QUERIES) {
      const parsed = parseQuery(q);
      if (parsed.filters.length > 0 || parsed.excludedTerms.length > 0) continue;
      const rules = planTerms(parsed.terms);
      const expected = words.filter((w) =>
        rules.every((rule) => (rule.fields ?? (Object.keys(w) as TextField[])).some((f) => w[f].some((word) => matchWord(rule, word) !== null))),
      ).length;
      for (const on of [false, true]) {
        setShortcuts(engine, on);
        assert.equal(engine.search(q, undefined, { limit: 10 }).total, rules.length === 0 ? docs.length : expected, `${q} (shortcuts ${on})`);
      }
    }
  });

  test('after edits (delta postings, dead slots) and removals', () => {
    const rand = rng(11);
    for (let i = 0; i < 200; i++) {
      const d = docs[Math.floor(rand() * docs.length)] as SearchDoc;
      engine.upsert({ ...d, title: `${d.title} rabbit fox`, note: `edited ${i} for learning`, tags: [...d.tags, 'rl'] });
    }
    for (let i = 0; i < 100; i++) engine.remove(`d${i * 7}`);
    for (let i = 0; i < 50; i++) engine.upsert({ ...(docs[i] as SearchDoc), id: `new${i}`, title: 'Fresh rabbit radar forest' });
    compare(engine, 'edited');
  });

  test('after a compaction (the field-filtered block is rebuilt with the block)', () => {
    // More than a quarter of the slots dead rebuilds the block; the filtered copy must follow it.
    for (let round = 0; round < 3; round++) {
      for (let i = 200; i < 900; i++) {
        const d = docs[i] as SearchDoc;
        engine.upsert({ ...d, abstract: `${d.abstract} round ${round} forest`, title: `${d.title} r${round}` });
      }
      compare(engine, `compaction ${round}`);
    }
  });

  test('a restored index (snapshot, with papers edited since re-indexed into the delta)', async () => {
    const fresh = new SearchEngine();
    const now = corpus(1200);
    fresh.addAll(now);
    const snapshot = fresh.snapshot();
    assert.ok(snapshot !== null);
    // Tags edited after the snapshot: those papers are indexed afresh at restore.
    const edited = now.map((d, i) => (i % 9 === 0 ? { ...d, tags: [...d.tags, 'radar fold'] } : d));
    const restored = new SearchEngine();
    const outcome = await restored.restoreAsync(snapshot, edited);
    assert.ok(outcome !== null && outcome.reindexed > 0 && outcome.reused > 0);
    compare(restored, 'restored');
  });

  test('with an allowed mask (filters and scope) too', () => {
    for (const q of ['fo', 'r', 'learning fo', 'distillation models']) {
      for (const scope of [{ tag: 'rl' }, { status: 'unread' as const }]) {
        setShortcuts(engine, false);
        const plain = engine.search(q, scope, { limit: 50 });
        setShortcuts(engine, true);
        const fast = engine.search(q, scope, { limit: 50 });
        assert.equal(fast.total, plain.total, q);
        assert.deepEqual(fast.ids, plain.ids, q);
      }
    }
  });
});
