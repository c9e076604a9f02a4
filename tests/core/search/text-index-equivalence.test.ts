// The text index answers exactly as the implementation it replaced (tests/helpers/text-index-oracle.ts): the same
// hits, the same scores bit for bit and the same order, on a seeded bench-like corpus with typos and unicode, for
// the bench's query set and known-answer queries plus generated prefixes and typos, bulk-built, built in slices,
// edited, compacted, and restored from an index file written by either.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { generateCorpus } from '../../../bench/corpus.js';
import { FIXED_QUERIES, typingQueries } from '../../../bench/search.js';
import type { SearchDoc } from '../../../electron/core/search/index.js';
import { SearchEngine } from '../../../electron/core/search/index.js';
import { readIndexFile, writeIndexFile } from '../../../electron/core/search/index-file.js';
import { TEXT_FIELDS, planTerms } from '../../../electron/core/search/plan.js';
import type { TextField } from '../../../electron/core/search/plan.js';
import { parseQuery } from '../../../electron/core/search/query-parser.js';
import { TextIndex } from '../../../electron/core/search/text-index.js';
import type { TextIndexSnapshot } from '../../../electron/core/search/text-index.js';
import { tokenizeTerms } from '../../../electron/core/search/tokenize.js';
import { TextIndex as OracleIndex } from '../../helpers/text-index-oracle.js';
import { rng } from '../../helpers/rng.js';

const PAPERS = 1200;
const rand = rng(1212);
const int = (n: number): number => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;

/** Text the bench's generator never writes: other scripts, ligatures, combining accents, emoji, odd spacing. */
const UNICODE = [
  '王伟 李娜', 'Ångström', 'Łukasiewicz', 'Straße', 'ﬁnite ﬂow', 'Cafe\u0301 crème', 'Ελληνικά δεδομένα', 'Привет мир',
  '日本語のテキスト', 'naïve coöperation', '😀 emoji', 'Dvořák', 'Østergaard', 'x\u200by', 'ÀÉÎÕÜ', 'ǅemal', 'İstanbul',
];
const STOPWORD_QUERIES = ['the', 'of the', 'a', 'for', 'the learning', 'and of'];
const ODD_QUERIES = [
  '', '   ', '"', '-', '--learning', '"large" models', 'learning -distillation', 'large language models', 'r', 'k', 'fo',
  'ra', 'model', 'models', 'learning model', '1', '2024', 'a1b2', 'x'.repeat(40),
];
const UNICODE_QUERIES = [
  'ångström', 'angstrom', '王', '王伟', '伟', 'straße', 'strasse', 'ﬁnite', 'finite', 'ελληνικα', 'привет', '日本',
  'café', 'cafe', 'naive', '😀', 'dvorak', 'dvořák', 'østergaard', 'ostergaard', 'lukasiewicz', 'Ł', 'ǆemal',
];
/** Filters that read the text index (author: asks its author postings), for the engine-level comparison. */
const FILTER_QUERIES = ['author:lefevre', 'author:ång', 'author:hus distillation', 'tag:rlhf model', 'year:2019..2021 learning fo'];

type Fields = Record<TextField, string>;

/** A typo a user makes: a letter dropped, doubled, swapped with the next, or replaced. */
function typo(word: string): string {
  if (word.length < 3) return word;
  const at = 1 + int(word.length - 2);
  switch (int(4)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + (word[at] as string) + word.slice(at);
    case 2:
      return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] as string) + word.slice(at + 2);
    default:
      return word.slice(0, at) + String.fromCharCode(97 + int(26)) + word.slice(at + 1);
  }
}

function mangle(text: string): string {
  return text
    .split(' ')
    .map((w) => (rand() < 0.03 ? typo(w) : w))
    .join(' ');
}

function toDoc(p: ReturnType<typeof generateCorpus>['papers'][number], i: number): SearchDoc {
  let title = p.title;
  let abstract = p.abstract;
  const authors = [...p.authors];
  if (rand() < 0.3) title = mangle(title);
  if (rand() < 0.3) abstract = mangle(abstract);
  if (rand() < 0.1) title = `${title} ${pick(UNICODE)}`;
  if (rand() < 0.1) authors.push(pick(UNICODE));
  // A word repeated past the term-frequency cap (15) in the abstract.
  if (rand() < 0.05) abstract = `${abstract} ${'learning '.repeat(int(30))}`;
  if (rand() < 0.02) abstract = '';
  return {
    id: `p${i}`,
    title,
    authors,
    orgs: p.orgs,
    abstract,
    tags: p.tags,
    note: p.note,
    date: p.date,
    year: Number(p.date.slice(0, 4)),
    category: p.category,
    status: p.status,
    profileIds: [],
    profileNames: [],
    addedAt: '2024-08-01T00:00:00.000Z',
  };
}

const generated = generateCorpus(PAPERS, 20240731);
const DOCS = generated.papers.map(toDoc);

function fieldsOf(doc: SearchDoc): Fields {
  const join = (items: readonly string[]): string => items.join('\n');
  return { title: doc.title, authors: join(doc.authors), orgs: join(doc.orgs), abstract: doc.abstract, tags: join(doc.tags), note: doc.note };
}

/** The bench's queries (fixed, every typed prefix, known answers) and generated ones over the corpus's words. */
function querySet(): string[] {
  const words = [...new Set(DOCS.slice(0, 400).flatMap((d) => tokenizeTerms(`${d.title} ${d.authors.join(' ')}`)))].sort();
  const generatedQueries: string[] = [];
  for (let i = 0; i < 25; i++) {
    const w = pick(words);
    generatedQueries.push(w, w.slice(0, 1 + int(w.length)), typo(w), typo(typo(w)));
    generatedQueries.push(`${pick(words)} ${w.slice(0, 1 + int(w.length))}`);
    if (i % 4 === 0) generatedQueries.push(`${pick(words)} ${typo(pick(words))} ${w.slice(0, 2)}`);
  }
  return [
    ...FIXED_QUERIES.map((q) => q.query),
    ...typingQueries().map((q) => q.query),
    ...generated.knownAnswers.map((k) => k.query),
    ...STOPWORD_QUERIES,
    ...ODD_QUERIES,
    ...UNICODE_QUERIES,
    ...generatedQueries,
  ];
}
const QUERIES = querySet();

/** What one search answers: every match (by slot) with its document and score, and the ranked heads. */
function answersOf(index: TextIndex | OracleIndex, query: string, allowed: Uint8Array | null): unknown {
  const rules = planTerms(parseQuery(query).terms);
  const matches = index.search(rules, allowed);
  const all = Array.from(matches.slots, (slot) => [slot, index.numOfSlot(slot), index.scoreOfSlot(slot)] as const);
  all.sort((a, b) => a[0] - b[0]);
  const ranked = [matches.slots.length, 50, 1].map((k) => index.ranked(matches, k));
  return { all, ranked };
}

/** No mask; with `narrowed`, also masks keeping half or 1% of the documents (filters and scopes narrow first). */
function masks(maxNum: number, narrowed: boolean): Array<[string, Uint8Array | null]> {
  const mask = (rate: number): Uint8Array => Uint8Array.from({ length: maxNum }, () => (rand() < rate ? 1 : 0));
  return narrowed ? [['all', null], ['half', mask(0.5)], ['sparse', mask(0.01)]] : [['all', null]];
}

type Knobs = { fieldBlockMinCost: number; gallopRatio: number };
function setShortcuts(index: TextIndex | OracleIndex, on: boolean | null): void {
  const knobs = index as unknown as Knobs;
  knobs.fieldBlockMinCost = on === null ? 100_000 : on ? 0 : Infinity;
  knobs.gallopRatio = on === null ? 16 : on ? 0 : Infinity;
}

/** A pair of indexes fed the same operations: the new one and the oracle. */
class Pair {
  constructor(
    readonly newer: TextIndex,
    readonly older: OracleIndex,
    /** slot of each document number's current version in both (they allot slots alike), -1 once removed. */
    readonly slotOf: number[] = [],
  ) {}

  static empty(): Pair {
    return new Pair(new TextIndex(), new OracleIndex());
  }

  add(num: number, doc: SearchDoc): void {
    const fields = fieldsOf(doc);
    const slot = this.newer.add(num, fields);
    assert.equal(this.older.add(num, fields), slot);
    this.slotOf[num] = slot;
  }

  upsert(num: number, doc: SearchDoc): void {
    this.remove(num);
    this.add(num, doc);
  }

  remove(num: number): void {
    const slot = this.slotOf[num] ?? -1;
    this.newer.discard(slot);
    this.older.discard(slot);
    this.slotOf[num] = -1;
  }

  finish(): void {
    this.newer.finish();
    this.older.finish();
  }

  /** finishAsync on each, pausing at every step; `atFirstPause` runs on each index at its first pause. */
  async finishInSlices(atFirstPause: (index: TextIndex | OracleIndex) => void): Promise<void> {
    for (const index of [this.newer, this.older]) {
      let pauses = 0;
      await index.finishAsync(async () => {
        if (pauses++ === 0) atFirstPause(index);
        await new Promise((resolve) => setImmediate(resolve));
      }, 0);
    }
  }

  /**
   * Every query (under narrowing masks too with `narrowed`, and with the shortcuts forced on and off with
   * `shortcuts`); the dictionary and postings readers; the snapshot.
   */
  assertSame(label: string, { narrowed = false, shortcuts = false } = {}): void {
    const maxNum = this.slotOf.length;
    for (const on of shortcuts ? [null, true, false] : [null]) {
      setShortcuts(this.newer, on);
      setShortcuts(this.older, on);
      for (const [maskName, allowed] of masks(maxNum, narrowed && on === null)) {
        for (const q of QUERIES) {
          assert.deepEqual(answersOf(this.newer, q, allowed), answersOf(this.older, q, allowed), `${label}, shortcuts ${on}, ${maskName}: ${JSON.stringify(q)}`);
        }
      }
    }
    setShortcuts(this.newer, null);
    setShortcuts(this.older, null);
    for (const term of new Set(QUERIES.slice(0, 120).flatMap(tokenizeTerms))) {
        assert.deepEqual(this.newer.exactNums(term), this.older.exactNums(term), `${label}: exactNums ${term}`);
        for (const field of TEXT_FIELDS) {
          for (const prefix of [false, true]) {
            assert.deepEqual(this.newer.fieldNums(term, prefix, field), this.older.fieldNums(term, prefix, field), `${label}: fieldNums ${term} ${prefix} ${field}`);
          }
        }
    }
    assert.equal(this.newer.termCount, this.older.termCount, label);
    assert.equal(this.newer.isFinished, this.older.isFinished, label);
    assert.deepEqual(this.newer.snapshot(), this.older.snapshot(), `${label}: snapshot`);
  }
}

/** The bulk-built pair the first two tests share (read-only there). */
let sharedBulk: Pair | null = null;

function bulkPair(): Pair {
  const pair = Pair.empty();
  DOCS.forEach((doc, num) => pair.add(num, doc));
  pair.finish();
  return pair;
}

/** An edited copy of a paper: retitled, retagged, a note with words no paper had before. */
function edited(doc: SearchDoc, round: number): SearchDoc {
  const fresh = `zq${round}x${int(1e6).toString(36)}`;
  return {
    ...doc,
    title: `${mangle(doc.title)} ${fresh}`,
    tags: [...doc.tags, pick(['rlhf', 'to read', 'radar fold', 'Ångström'])],
    note: `${doc.note} edited ${round} ${fresh}s ${pick(UNICODE)}`,
  };
}

describe('the text index answers exactly as the old one', () => {
  let dir = '';
  after(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  test('the corpus and query set exercise what they must', () => {
    assert.ok(QUERIES.length > 200, `${QUERIES.length} queries`);
    const pair = (sharedBulk ??= bulkPair());
    const total = (q: string): number => pair.newer.search(planTerms(parseQuery(q).terms), null).slots.length;
    assert.ok(total('learning') > PAPERS / 2, 'a word in most papers');
    assert.ok(total('r') > 300, 'a one-letter prefix');
    assert.ok(total('reinforcment') > 0 && total('distilation') > 0, 'typos find the word');
    assert.ok(total('王') > 0 && total('ångström') > 0 && total('straße') > 0, 'unicode text is indexed');
    for (const k of generated.knownAnswers) assert.ok(total(k.query) > 0, k.query);
  });

  test('bulk-built, with the shortcuts as shipped, forced on and off', () => {
    (sharedBulk ??= bulkPair()).assertSame('bulk', { narrowed: true, shortcuts: true });
  });

  test('built in slices, with papers added while the build pauses', async () => {
    const pair = Pair.empty();
    const late = PAPERS - 100;
    DOCS.slice(0, late).forEach((doc, num) => pair.add(num, doc));
    await pair.finishInSlices((index) => {
      DOCS.slice(late).forEach((doc, i) => (pair.slotOf[late + i] = index.add(late + i, fieldsOf(doc))));
    });
    pair.assertSame('sliced');
  });

  test('after edits (delta postings, new unsorted terms, a dictionary re-sort) and removals', () => {
    const pair = bulkPair();
    for (let i = 0; i < 300; i++) {
      const num = int(PAPERS);
      pair.upsert(num, edited(DOCS[num] as SearchDoc, i));
    }
    for (let i = 0; i < 100; i++) pair.remove(int(PAPERS));
    for (let i = 0; i < 60; i++) pair.add(PAPERS + i, edited(DOCS[i] as SearchDoc, 1000 + i));
    pair.assertSame('edited (unsorted terms)', { narrowed: true });
    // Over 2,000 terms new since the sort: the next query re-sorts the dictionary first.
    for (let i = 0; i < 90; i++) {
      const words = Array.from({ length: 25 }, (_, k) => `nw${i}q${k}${int(1e6).toString(36)}`).join(' ');
      pair.upsert(int(PAPERS), { ...(DOCS[i] as SearchDoc), note: words });
    }
    pair.assertSame('edited (re-sorted)');
  });

  test('after compactions (more than a quarter of the slots dead)', () => {
    const pair = bulkPair();
    // Twice: the second compaction rebuilds a block that a compaction built.
    for (let round = 0; round < 2; round++) {
      for (let num = 0; num < 1050; num++) pair.upsert(num, edited(DOCS[num] as SearchDoc, round));
    }
    pair.assertSame('compacted');
  });

  test('restored from an index file written by either, with stale papers re-indexed', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'folio-text-index-eq-'));
    const pair = bulkPair();
    for (let i = 0; i < 200; i++) pair.upsert(int(PAPERS), edited(DOCS[i] as SearchDoc, i));
    const snapshot = pair.older.snapshot() as TextIndexSnapshot;
    assert.deepEqual(pair.newer.snapshot(), snapshot);
    // Through the real file format: written, read back, typed arrays used in place.
    const file = path.join(dir, 'index.bin');
    const live = new Set(pair.slotOf);
    const slotIds = Array.from({ length: snapshot.slotCount }, (_, slot) => (live.has(slot) ? `s${slot}` : null));
    await writeIndexFile(file, 'k', { text: snapshot, slotIds, userHash: new Int32Array(snapshot.slotCount) });
    const read = await readIndexFile(file, 'k');
    assert.ok(read.ok);
    const slotNum = new Int32Array(snapshot.slotCount).fill(-1);
    const stale: number[] = [];
    pair.slotOf.forEach((slot, num) => {
      if (slot < 0) return;
      if (num % 13 === 0) stale.push(num);
      else slotNum[slot] = num;
    });
    // Each index gets its own copy: a restored index writes into the snapshot's hash table as terms are added.
    const fromFile = read.snapshot.text;
    const restored = new Pair(TextIndex.restore(structuredClone(fromFile), slotNum.slice()), OracleIndex.restore(structuredClone(fromFile), slotNum.slice()), [...pair.slotOf]);
    for (const num of stale) restored.add(num, edited(DOCS[num] as SearchDoc, 7));
    restored.assertSame('restored from the file', { narrowed: true });
    // The new index's own snapshot restores into the old one and back (the file format is unchanged).
    const again = restored.newer.snapshot() as TextIndexSnapshot;
    const slotNumAgain = new Int32Array(again.slotCount).fill(-1);
    restored.slotOf.forEach((slot, num) => {
      if (slot >= 0) slotNumAgain[slot] = num;
    });
    new Pair(TextIndex.restore(structuredClone(again), slotNumAgain.slice()), OracleIndex.restore(structuredClone(again), slotNumAgain.slice()), [...restored.slotOf]).assertSame('restored again');
  });

  test('through SearchEngine: ids, totals and members, with filters, scopes, edits and removals', () => {
    const newer = new SearchEngine();
    const older = new SearchEngine();
    // The engine's index is private; the old implementation takes its place before anything is indexed.
    (older as unknown as { text: unknown }).text = new OracleIndex();
    newer.addAll(DOCS);
    older.addAll(DOCS);
    const compare = (label: string): void => {
      const scopes = [undefined, { tag: 'rlhf' }, { status: 'read' as const }];
      [...QUERIES, ...FILTER_QUERIES].forEach((q, i) => {
        const msg = `${label}: ${JSON.stringify(q)}`;
        const scope = scopes[i % scopes.length];
        assert.deepEqual(newer.search(q, scope), older.search(q, scope), msg);
        assert.deepEqual(newer.search(q, scope, { limit: 50, members: true }), older.search(q, scope, { limit: 50, members: true }), msg);
      });
    };
    compare('bulk');
    for (let i = 0; i < 200; i++) {
      const doc = edited(DOCS[int(PAPERS)] as SearchDoc, i);
      newer.upsert(doc);
      older.upsert(doc);
    }
    for (let i = 0; i < 50; i++) {
      const id = `p${int(PAPERS)}`;
      newer.remove(id);
      older.remove(id);
    }
    compare('edited');
  });
});
