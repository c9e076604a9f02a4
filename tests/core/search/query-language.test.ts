// The query language of issue 10 in the engine: the Trash, tag trees, OR, exclusion, saved: and live counts. Table
// tests on a hand-made library, then random queries (fixed seed) on a generated one of 3,000 papers checked against
// a brute-force oracle that reads every paper's fields (the semantics written out plainly, with no index).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SearchEngine } from '../../../electron/core/search/index.js';
import type { ParsedQuery, QueryFilter, SavedSearchDefinition, SearchDoc, SearchScope } from '../../../electron/core/search/index.js';
import { wordSequenceAt } from '../../../electron/core/search/filters.js';
import { matchWord, planTerms, TEXT_FIELDS } from '../../../electron/core/search/plan.js';
import type { TermRule, TextField } from '../../../electron/core/search/plan.js';
import { normalizeTag, parseQuery } from '../../../electron/core/search/query-parser.js';
import { expandSavedSearches, savedSearchKey } from '../../../electron/core/search/saved-searches.js';
import { foldText, tokenizeTerms } from '../../../electron/core/search/tokenize.js';
import { rng } from '../../helpers/rng.js';

function doc(id: string, fields: Partial<SearchDoc>): SearchDoc {
  return {
    id,
    title: '',
    authors: [],
    orgs: [],
    abstract: '',
    tags: [],
    note: '',
    date: '2024',
    year: 2024,
    category: 'cs.LG',
    status: 'unread',
    profileIds: [],
    profileNames: [],
    addedAt: '2024-08-01T00:00:00.000Z',
    ...fields,
  };
}

const LIBRARY: SearchDoc[] = [
  doc('gemma', { title: 'Gemma: Open Models Based on Gemini Research', authors: ['Léonard Hussenot'], tags: ['ml', 'to read'] }),
  doc('gemini', { title: 'Gemini: A Family of Highly Capable Multimodal Models', authors: ['Rohan Anil'], tags: ['ml/nlp'] }),
  doc('ppo', { title: 'Proximal Policy Optimization Algorithms', authors: ['John Schulman'], tags: ['ml/rl'], year: 2017, date: '2017' }),
  doc('cql', { title: 'Conservative Q-Learning for Offline Reinforcement Learning', authors: ['Aviral Kumar'], tags: ['ml/rl/offline'], status: 'read' }),
  doc('mlops', { title: 'Hidden Technical Debt in Machine Learning Systems', authors: ['D. Sculley'], tags: ['mlops'] }),
  doc('alphafold', { title: 'Highly accurate protein structure prediction with AlphaFold', authors: ['John Jumper'], tags: ['bio', 'To  Read'] }),
  doc('old-gemma', { title: 'Gemma draft we deleted', authors: ['Léonard Hussenot'], tags: ['ml'], trashed: true }),
  doc('old-rl', { title: 'A trashed offline reinforcement learning survey', tags: ['ml/rl'], trashed: true, status: 'read' }),
];

interface Row {
  name: string;
  query: string;
  scope?: SearchScope;
  expected: string[];
  /** An error containing this. */
  error?: string;
  noErrors?: boolean;
}

const SAVED: SavedSearchDefinition[] = [
  { name: 'RL papers', search: 'tag:ml/rl' },
  { name: 'Read RL', search: 'saved:"rl papers"', scope: { status: 'read' } },
  { name: 'Loop A', search: 'gemma saved:"loop b"' },
  { name: 'Loop B', search: 'saved:"Loop A"' },
  { name: 'Self', search: 'saved:self models' },
  { name: 'Trash bin', search: '', scope: { trash: true } },
  { name: 'Models', search: 'models OR algorithms' },
];

const rows: Row[] = [
  // The Trash: hidden from every query and scope, the only thing a trash scope shows.
  { name: 'trashed papers never match a query', query: 'gemma', expected: ['gemma'] },
  { name: 'nor a filter', query: 'tag:ml', expected: ['gemma', 'gemini', 'ppo', 'cql'] },
  { name: 'nor the empty query', query: '', expected: ['gemma', 'gemini', 'ppo', 'cql', 'mlops', 'alphafold'] },
  { name: 'trash scope: only trashed papers', query: '', scope: { trash: true }, expected: ['old-gemma', 'old-rl'] },
  { name: 'trash scope with text', query: 'offline', scope: { trash: true }, expected: ['old-rl'] },
  { name: 'trash scope with a status', query: '', scope: { trash: true, status: 'read' }, expected: ['old-rl'] },
  { name: 'trash: false is the normal view', query: 'offline', scope: { trash: false }, expected: ['cql'] },
  // Tag trees
  { name: 'tag:ml takes the tags under it', query: 'tag:ml', expected: ['gemma', 'gemini', 'ppo', 'cql'] },
  { name: 'but not a tag that only starts the same', query: 'tag:ml -tag:ml/rl', expected: ['gemma', 'gemini'] },
  { name: 'tag:ml/rl is that subtree', query: 'tag:ml/rl', expected: ['ppo', 'cql'] },
  { name: 'a leaf', query: 'tag:ml/rl/offline', expected: ['cql'] },
  { name: 'case-insensitive', query: 'tag:ML/RL', expected: ['ppo', 'cql'] },
  { name: 'scope tag takes the subtree', query: '', scope: { tag: 'ML' }, expected: ['gemma', 'gemini', 'ppo', 'cql'] },
  { name: 'spaces in tags compare collapsed', query: 'tag:"to read"', expected: ['gemma', 'alphafold'] },
  // OR, exclusion
  { name: 'OR of words', query: 'proximal OR conservative', expected: ['ppo', 'cql'] },
  { name: 'OR inside AND', query: 'learning OR optimization offline', expected: ['cql'] },
  { name: 'OR of tags', query: 'tag:bio OR tag:mlops', expected: ['mlops', 'alphafold'] },
  { name: 'OR of a tag and an author', query: 'tag:bio OR author:schulman', expected: ['ppo', 'alphafold'] },
  { name: 'OR of filters with text', query: 'tag:bio OR tag:ml/rl highly', expected: ['alphafold'] },
  { name: 'excluded word', query: 'models -multimodal', expected: ['gemma'] },
  { name: 'excluded tag subtree', query: '-tag:ml', expected: ['mlops', 'alphafold'] },
  { name: 'OR with exclusion', query: 'gemma OR gemini -multimodal', expected: ['gemma'] },
  // saved:
  { name: 'saved search', query: 'saved:"rl papers"', expected: ['ppo', 'cql'] },
  { name: 'saved search names are folded', query: 'saved:"RL  PAPERS"', expected: ['ppo', 'cql'] },
  { name: 'saved search with its scope, nested', query: 'saved:"Read RL"', expected: ['cql'] },
  { name: 'saved search AND more', query: 'saved:"rl papers" proximal', expected: ['ppo'] },
  { name: 'saved OR search', query: 'saved:models', expected: ['gemma', 'gemini', 'ppo'] },
  { name: 'saved search of the Trash', query: 'saved:"trash bin"', expected: ['old-gemma', 'old-rl'] },
  { name: 'missing saved search', query: 'saved:nothing gemma', expected: ['gemma'], error: 'No saved search named "nothing".' },
  { name: 'a cycle is an error, not a hang', query: 'saved:"loop a"', expected: ['gemma'], error: 'names itself' },
  { name: 'a saved search naming itself', query: 'saved:self', expected: ['gemma', 'gemini'], error: 'Saved search "Self" names itself' },
  // tag:to read
  { name: 'tag:to read suggests quotes', query: 'tag:to read', expected: [], error: 'did you mean tag:"to read"' },
  { name: 'negated too', query: '-tag:To read', expected: ['gemma', 'alphafold'], error: 'did you mean -tag:"To read"' },
  { name: 'an existing tag then a word: no suggestion', query: 'tag:bio highly', expected: ['alphafold'], noErrors: true },
  { name: 'no tag with the words either: no suggestion', query: 'tag:nope gemma', expected: [], noErrors: true },
  { name: 'a tag path suggestion', query: 'tag:ml/rl/off line', expected: [], noErrors: true },
];

describe('query language in the engine', () => {
  const engine = new SearchEngine();
  engine.addAll(LIBRARY);
  engine.setSavedSearches(SAVED);
  for (const row of rows) {
    test(row.name, () => {
      const outcome = engine.search(row.query, row.scope);
      assert.deepEqual([...outcome.ids].sort(), [...row.expected].sort(), outcome.errors.join(' | '));
      assert.equal(outcome.total, row.expected.length);
      assert.deepEqual(engine.countMany([{ search: row.query, scope: row.scope }]), [row.expected.length]);
      if (row.error !== undefined) assert.ok(outcome.errors.some((e) => e.includes(row.error as string)), outcome.errors.join(' | '));
      if (row.noErrors === true) assert.deepEqual(outcome.errors, []);
    });
  }

  test('trashing and restoring through upsert moves a paper between the views', () => {
    const e = new SearchEngine();
    e.addAll(LIBRARY);
    const gemini = LIBRARY.find((d) => d.id === 'gemini') as SearchDoc;
    e.upsert({ ...gemini, trashed: true });
    assert.deepEqual(e.search('multimodal').ids, []);
    assert.deepEqual(e.search('tag:ml/nlp').total, 0);
    assert.deepEqual(e.search('multimodal', { trash: true }).ids, ['gemini']);
    e.upsert({ ...gemini, trashed: false });
    assert.deepEqual(e.search('multimodal').ids, ['gemini']);
    assert.deepEqual(e.search('tag:ml/nlp').total, 1);
    e.remove('old-gemma');
    assert.deepEqual(e.search('', { trash: true }).ids, ['old-rl']);
  });

  test('a restored index hides trashed papers before its filters are filled', async () => {
    const built = new SearchEngine();
    built.addAll(LIBRARY);
    const snapshot = built.snapshot();
    assert.ok(snapshot !== null);
    const restored = new SearchEngine();
    // A paper trashed since the snapshot was taken: its text is unchanged, so its slot is reused.
    const docs = LIBRARY.map((d) => (d.id === 'ppo' ? { ...d, trashed: true } : d));
    await restored.restoreAsync(snapshot, docs);
    assert.deepEqual(restored.search('proximal').ids, []);
    assert.deepEqual(restored.search('gemma').ids, ['gemma']);
    restored.upsert({ ...(docs.find((d) => d.id === 'cql') as SearchDoc), trashed: true });
    assert.deepEqual(restored.search('conservative').ids, []);
    assert.deepEqual(restored.search('', { trash: true }).total, 4);
  });

  test('setSavedSearches replaces the list (a renamed search is found by its new name only)', () => {
    const e = new SearchEngine();
    e.addAll(LIBRARY);
    e.setSavedSearches([{ name: 'Bio', search: 'tag:bio' }]);
    assert.deepEqual(e.search('saved:bio').ids, ['alphafold']);
    e.setSavedSearches([{ name: 'Biology', search: 'tag:bio' }]);
    assert.deepEqual(e.search('saved:bio').errors, ['No saved search named "bio".']);
    assert.deepEqual(e.search('saved:biology').ids, ['alphafold']);
  });

  test('a filter-only query marks what its filters matched', () => {
    const e = new SearchEngine();
    e.addAll(LIBRARY);
    const cql = e.matchesFor('cql', 'tag:ml/rl author:kumar', 'row');
    assert.deepEqual(cql.tags, [{ index: 0, ranges: [[0, 'ml/rl/offline'.length]] }]);
    assert.deepEqual(cql.authors, [{ index: 0, ranges: [[7, 12]] }]);
    // OR groups and saved searches mark too; excluded filters do not.
    e.setSavedSearches([{ name: 'Bio', search: 'tag:bio' }]);
    assert.deepEqual(e.matchesFor('alphafold', 'saved:bio OR x', 'row').tags, [{ index: 0, ranges: [[0, 3]] }]);
    assert.deepEqual(e.matchesFor('ppo', 'tag:bio OR tag:ml', 'row').tags, [{ index: 0, ranges: [[0, 5]] }]);
    assert.equal(e.matchesFor('gemma', '-tag:ml gemma', 'row').tags, undefined);
  });

  test('OR in free text marks every alternative; the paper matching both ranks first', () => {
    const e = new SearchEngine();
    e.addAll(LIBRARY);
    const outcome = e.search('gemini OR gemma');
    assert.equal(outcome.ids[0], 'gemma', 'Gemma\'s title names Gemini too');
    assert.deepEqual(e.matchesFor('gemma', 'gemini OR gemma', 'row').title, [[0, 5], [28, 34]]);
  });

  test('too many ORs are cut, with a message, not an explosion of searches', () => {
    const e = new SearchEngine();
    e.addAll(LIBRARY);
    const query = `${Array.from({ length: 8 }, (_, k) => `w${k}a OR w${k}b`).join(' ')} OR gemma`;
    const outcome = e.search(query);
    assert.ok(outcome.errors.some((m) => m.startsWith('Too many ORs')), outcome.errors.join(' | '));
  });
});

// The oracle: the language's meaning, written out over every paper's fields.

const fieldText = (d: SearchDoc, field: TextField): string[] => {
  switch (field) {
    case 'title':
      return [d.title];
    case 'abstract':
      return [d.abstract];
    case 'note':
      return [d.note];
    default:
      return d[field];
  }
};

/** Each paper's distinct words per field, tokenized once (the oracle reads them for every query). */
const wordsCache = new WeakMap<SearchDoc, Record<TextField, string[]>>();
function wordsOf(d: SearchDoc): Record<TextField, string[]> {
  let words = wordsCache.get(d);
  if (words === undefined) {
    words = Object.fromEntries(TEXT_FIELDS.map((field) => [field, [...new Set(fieldText(d, field).flatMap(tokenizeTerms))]])) as Record<TextField, string[]>;
    wordsCache.set(d, words);
  }
  return words;
}

const verdicts = new WeakMap<TermRule, Map<string, boolean>>();
function wordMatches(rule: TermRule, word: string): boolean {
  let memo = verdicts.get(rule);
  if (memo === undefined) verdicts.set(rule, (memo = new Map()));
  let verdict = memo.get(word);
  if (verdict === undefined) memo.set(word, (verdict = matchWord(rule, word) !== null));
  return verdict;
}

function ruleMatches(d: SearchDoc, rule: TermRule): boolean {
  const words = wordsOf(d);
  return (rule.fields ?? TEXT_FIELDS).some((field) => words[field].some((w) => wordMatches(rule, w)));
}

function filterMatches(d: SearchDoc, f: QueryFilter): boolean {
  switch (f.kind) {
    case 'tag':
      return d.tags.some((t) => normalizeTag(t) === f.value || normalizeTag(t).startsWith(`${f.value}/`));
    case 'author':
      return d.authors.some((a) => wordSequenceAt(tokenizeTerms(a), tokenizeTerms(f.value)) !== -1);
    case 'profile':
      return d.profileNames.some((n) => tokenizeTerms(n).join(' ').includes(tokenizeTerms(f.value).join(' ')));
    case 'status':
      return d.status === f.value;
    case 'year':
      return d.year !== null && (f.from === null || d.year >= f.from) && (f.to === null || d.year <= f.to);
    case 'cat': {
      const cat = d.category === null ? null : foldText(d.category);
      return cat !== null && (cat === f.value || (!f.value.includes('.') && cat.endsWith(`.${f.value}`)));
    }
    case 'doi':
      return d.doi === f.value;
    case 'arxiv':
      return d.arxivId === f.value || d.doi === `10.48550/arxiv.${f.value}`;
  }
}

function scopeMatches(d: SearchDoc, s: SearchScope): boolean {
  return (
    (s.status === undefined || d.status === s.status) &&
    (s.profileId === undefined || d.profileIds.includes(s.profileId)) &&
    (s.tag === undefined || filterMatches(d, { kind: 'tag', value: normalizeTag(s.tag), negated: false }))
  );
}

function oracle(docs: readonly SearchDoc[], parsed: ParsedQuery, scopes: SearchScope[]): string[] {
  const trash = scopes.some((s) => s.trash === true);
  const grouped = new Set(parsed.filterAlternatives.flat());
  const single = parsed.filters.filter((f) => !grouped.has(f));
  // Status, year and category: one value per paper, so several positive ones of a kind OR together.
  const oneValued = (f: QueryFilter): boolean => !f.negated && (f.kind === 'status' || f.kind === 'year' || f.kind === 'cat');
  const ruleBranches = parsed.clauses.length === 0 ? [] : combinationsOf(parsed).map(planTerms).filter((r) => r.length > 0);
  return docs
    .filter((d) => (d.trashed === true) === trash)
    .filter((d) => scopes.every((s) => scopeMatches(d, s)))
    .filter((d) => single.filter((f) => !oneValued(f)).every((f) => filterMatches(d, f) !== f.negated))
    .filter((d) => ['status', 'year', 'cat'].every((kind) => {
      const fs = single.filter((f) => oneValued(f) && f.kind === kind);
      return fs.length === 0 || fs.some((f) => filterMatches(d, f));
    }))
    .filter((d) => parsed.filterAlternatives.every((group) => group.some((f) => filterMatches(d, f))))
    .filter((d) => !parsed.excludedTerms.some((w) => TEXT_FIELDS.some((field) => wordsOf(d)[field].includes(w))))
    .filter((d) => ruleBranches.length === 0 || ruleBranches.some((rules) => rules.every((r) => ruleMatches(d, r))))
    .map((d) => d.id);
}

function combinationsOf(parsed: ParsedQuery): ParsedQuery['terms'][] {
  let out: ParsedQuery['terms'][] = [[]];
  for (const clause of parsed.clauses) out = out.flatMap((prefix) => clause.map((alt) => [...prefix, ...alt]));
  return out;
}

const WORDS = 'learning model offline policy gradient protein structure language vision robust sparse attention'.split(' ');
const TAGS = ['ml', 'ml/rl', 'ml/rl/offline', 'ml/nlp', 'mlops', 'to read', 'bio', 'Bio/Protein'];
const NAMES = ['Léonard Hussenot', 'Anna van der Berg', 'John Schulman', 'Wei Zhang', 'Aviral Kumar', 'Rohan Anil'];
const PROFILES = [
  { id: 'p1', name: 'Google DeepMind' },
  { id: 'p2', name: 'Sabela Ramos' },
];
const STATUSES = ['unread', 'reading', 'read'] as const;

function generated(n: number): SearchDoc[] {
  const random = rng(1010);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const some = <T,>(xs: readonly T[], p: number): T[] => xs.filter(() => random() < p);
  return Array.from({ length: n }, (_, i) => {
    const year = 2010 + Math.floor(random() * 15);
    const profiles = some(PROFILES, 0.4);
    return doc(`g${i}`, {
      title: Array.from({ length: 3 + Math.floor(random() * 5) }, () => pick(WORDS)).join(' '),
      authors: some(NAMES, 0.25),
      abstract: Array.from({ length: 10 }, () => pick(WORDS)).join(' '),
      tags: some(TAGS, 0.15),
      note: random() < 0.1 ? `note ${pick(WORDS)}` : '',
      date: `${year}`,
      year: random() < 0.05 ? null : year,
      category: pick(['cs.LG', 'cs.CL', 'stat.ML', 'q-bio.BM']),
      status: pick(STATUSES),
      profileIds: profiles.map((p) => p.id),
      profileNames: profiles.map((p) => p.name),
      trashed: random() < 0.1,
    });
  });
}

const QUERY_PIECES = [
  ...WORDS, 'learn', 'lerning', 'polic', '"offline policy"', 'OR', 'OR', 'OR', '-sparse', '-"robust vision"',
  'tag:ml', 'tag:ml/rl', '-tag:ml/rl', 'tag:"to read"', 'tag:bio', '-tag:mlops', 'author:hussenot', 'author:"van der"',
  '-author:zhang', 'year:2015..2018', 'year:2020..', '-year:..2012', 'status:read', 'status:reading', '-status:unread',
  'cat:LG', 'cat:q-bio.bm', '-cat:CL', 'profile:ramos', 'saved:rl', 'saved:"recent read"', 'saved:trash',
];

const RANDOM_SAVED: SavedSearchDefinition[] = [
  { name: 'RL', search: 'tag:ml/rl OR policy' },
  { name: 'Recent read', search: 'year:2020.. saved:rl', scope: { status: 'read' } },
  { name: 'Trash', search: 'learning', scope: { trash: true } },
];

const SCOPES: Array<SearchScope | undefined> = [undefined, { status: 'read' }, { tag: 'ml' }, { profileId: 'p2' }, { trash: true }, { trash: true, tag: 'bio' }];

describe('query language against a brute-force oracle (3,000 papers, 300 random queries, seed 11)', () => {
  const docs = generated(3000);
  const engine = new SearchEngine();
  engine.addAll(docs);
  engine.setSavedSearches(RANDOM_SAVED);
  const lookup = (key: string) => RANDOM_SAVED.find((s) => savedSearchKey(s.name) === key);
  const random = rng(11);
  const cases = Array.from({ length: 300 }, () => {
    const length = 1 + Math.floor(random() * 5);
    const query = Array.from({ length }, () => QUERY_PIECES[Math.floor(random() * QUERY_PIECES.length)]).join(' ');
    return { query: `${query} `, scope: SCOPES[Math.floor(random() * SCOPES.length)] };
  });

  test('every query: the same papers, total and count as the oracle', () => {
    let nonEmpty = 0;
    for (const { query, scope } of cases) {
      const expanded = expandSavedSearches(parseQuery(query), lookup);
      const scopes = scope === undefined ? expanded.scopes : [scope, ...expanded.scopes];
      const want = oracle(docs, expanded.parsed, scopes).sort();
      const got = engine.search(query, scope);
      const label = `${JSON.stringify(query)} ${JSON.stringify(scope)}`;
      assert.deepEqual([...got.ids].sort(), want, label);
      assert.equal(got.total, want.length, label);
      assert.equal(engine.search(query, scope, { limit: 7 }).total, want.length, label);
      assert.equal(new Set(engine.search(query, scope, { limit: 7 }).ids).size, Math.min(7, want.length), label);
      if (want.length > 0) nonEmpty++;
    }
    // The corpus and pieces are meant to give real answers, not mostly empty ones.
    assert.ok(nonEmpty > 100, `${nonEmpty} of 300 queries found something`);
  });

  test('countMany answers the same totals in one call', () => {
    const counts = engine.countMany(cases.map(({ query, scope }) => ({ search: query, scope })));
    assert.deepEqual(
      counts,
      cases.map(({ query, scope }) => engine.search(query, scope).total),
    );
  });
});
