import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SearchScope } from '../../../electron/core/search/index.js';
import { SearchEngine } from '../../../electron/core/search/index.js';
import { CORPUS, docById, engineWith } from './corpus.js';

interface Row {
  name: string;
  query: string;
  scope?: SearchScope;
  /** Exactly these ids, in any order. */
  expected?: string[];
  /** Exactly these ids in this order. */
  ordered?: string[];
  /** The result starts with these ids, in this order. */
  first?: string[];
  includes?: string[];
  excludes?: string[];
  /** `a` ranks above `b`. */
  above?: Array<[string, string]>;
  errors?: number;
  hasFreeText?: boolean;
}

const ALL = CORPUS.map((d) => d.id);
const HUSSENOT_PAPERS = ['bond', 'hyper-il', 'gemma', 'gemma2', 'warp', 'primal-wasserstein'];

const rows: Row[] = [
  // Typos
  { name: 'typo: distilation', query: 'distilation', includes: ['bond', 'kd-survey'], first: ['bond'] },
  { name: 'typo: reinforcment', query: 'reinforcment', includes: ['dqn', 'sac', 'ppo', 'bond', 'warp', 'gail'] },
  { name: 'typo: gemmma', query: 'gemmma', expected: ['gemma', 'gemma2'] },
  { name: 'typo: hussenott', query: 'hussenott', expected: HUSSENOT_PAPERS },
  // Word order, case
  { name: 'word order a', query: 'imitation hyperparameter', expected: ['hyper-il'] },
  { name: 'word order b', query: 'hyperparameter imitation', expected: ['hyper-il'] },
  { name: 'case-insensitive', query: 'GEMINI FAMILY', expected: ['gemini', 'gemini15', 'gemma'] },
  // Prefixes as you type
  { name: 'prefix: distil', query: 'distil', includes: ['bond', 'distilbert', 'hinton-kd', 'kd-survey', 'distil-abstract-only', 'gemma2'] },
  { name: 'keystroke: b', query: 'b', includes: ['bond'], hasFreeText: true },
  { name: 'keystroke: bo', query: 'bo', first: ['bond'] },
  { name: 'keystroke: bond al', query: 'bond al', expected: ['bond'] },
  { name: 'keystroke: one letter after a word is ignored', query: 'proximal p', expected: ['ppo'] },
  { name: 'keystroke: proximal po', query: 'proximal po', expected: ['ppo'] },
  { name: 'keystroke: proximal policy opt', query: 'proximal policy opt', expected: ['ppo'] },
  // Diacritics both ways
  { name: 'plain finds accented', query: 'leonard', expected: HUSSENOT_PAPERS },
  { name: 'accented finds plain', query: 'léonard', expected: HUSSENOT_PAPERS },
  { name: 'ß typed as ss (prefix)', query: 'strass', expected: ['strasse'] },
  { name: 'ß typed as ß', query: 'straßburger', expected: ['strasse'] },
  { name: 'æ typed as ae', query: 'aerin', expected: ['strasse'] },
  { name: 'ø typed as o', query: 'odegard', expected: ['strasse'] },
  { name: 'CJK full name', query: '王小明', expected: ['cjk'] },
  { name: 'CJK given name only', query: '小明', expected: ['cjk'] },
  { name: 'CJK org', query: '清华', expected: ['cjk'] },
  // Fields
  { name: 'org', query: 'deepmind', expected: ['bond', 'gemma', 'gemma2', 'chinchilla'] },
  { name: 'tag text', query: 'security', expected: ['xss'] },
  { name: 'note text', query: 'jeffreys', expected: ['bond'] },
  { name: 'hostile title is plain text', query: 'onerror', expected: ['xss'] },
  // AND across terms and fields
  { name: 'AND: author + title word', query: 'hussenot distillation', expected: ['bond', 'gemma2'] },
  { name: 'AND: nothing has both', query: 'gemini wasserstein', expected: [] },
  { name: 'stopwords do not have to match', query: 'distilling the knowledge in a network', expected: ['hinton-kd'] },
  { name: 'stopword alone still searches', query: 'the', includes: ['hinton-kd', 'attention'] },
  { name: 'quoted means exact words', query: '"distil"', expected: [] },
  // Ranking
  { name: 'title match beats abstract-only', query: 'distillation', above: [['bond', 'distil-abstract-only'], ['kd-survey', 'distil-abstract-only'], ['kd-survey', 'gemma2']] },
  { name: 'exact beats fuzzy (gemma vs gamma)', query: 'gemma', expected: ['gemma', 'gemma2', 'gamma'], above: [['gemma', 'gamma'], ['gemma2', 'gamma']] },
  { name: 'fuzzy alone still finds', query: 'gammma', expected: ['gamma'] },
  { name: 'title prefix beats abstract exact', query: 'transformer', above: [['vit', 'attention'], ['distil-abstract-only', 'lora']] },
  { name: 'author + title beats author + abstract', query: 'hussenot distillation', ordered: ['bond', 'gemma2'] },
  { name: 'both terms in title', query: 'imitation learning', expected: ['hyper-il', 'primal-wasserstein', 'gail'] },
  { name: 'title + abstract beats abstract only', query: 'reinforcement learning', above: [['dqn', 'ppo'], ['sac', 'warp']] },
  // Gibberish
  { name: 'gibberish', query: 'xqzvkwpl', expected: [] },
  { name: 'gibberish two words', query: 'zzqqxx jjkkvv', expected: [] },
  { name: 'one real one gibberish word', query: 'gemma zzqqxx', expected: [] },
  // Empty and filter-only: all matches in insertion order
  { name: 'empty query → all, insertion order', query: '', ordered: ALL, hasFreeText: false },
  { name: 'whitespace query → all', query: '   ', ordered: ALL },
  { name: 'tag filter', query: 'tag:rlhf', ordered: ['bond', 'warp', 'rlhf-instruct', 'dpo'], hasFreeText: false },
  { name: 'tag filter, case/accents', query: 'tag:RLHF', ordered: ['bond', 'warp', 'rlhf-instruct', 'dpo'] },
  { name: 'quoted tag', query: 'tag:"to read"', ordered: ['bond', 'dpo'] },
  { name: 'two tags AND', query: 'tag:rlhf tag:"to read"', ordered: ['bond', 'dpo'] },
  { name: 'two tags AND, disjoint', query: 'tag:rlhf tag:classic', ordered: [] },
  { name: 'negated tag', query: 'tag:classic -tag:rl', ordered: ['attention', 'hinton-kd', 'gail', 'resnet'] },
  { name: 'author filter', query: 'author:hussenot', ordered: ['bond', 'hyper-il', 'gemma', 'gemma2', 'warp', 'primal-wasserstein'] },
  { name: 'author filter prefix', query: 'author:huss', ordered: ['bond', 'hyper-il', 'gemma', 'gemma2', 'warp', 'primal-wasserstein'] },
  { name: 'author filter quoted multi-word', query: 'author:"van der Berg"', ordered: ['vdberg'] },
  { name: 'author filter words must be in one name', query: 'author:"anna berger"', ordered: [] },
  { name: 'author filter does not match mid-word', query: 'author:ssenot', ordered: [] },
  { name: 'two authors AND', query: 'author:ermon author:finn', ordered: ['dpo'] },
  { name: 'author filter accented value', query: 'author:Léonard', ordered: HUSSENOT_PAPERS.slice().sort((a, b) => ALL.indexOf(a) - ALL.indexOf(b)) },
  { name: 'author filter CJK', query: 'author:王小明', ordered: ['cjk'] },
  { name: 'negated author', query: 'tag:imitation -author:hussenot', ordered: ['gail'] },
  { name: 'year', query: 'year:2021', ordered: ['hyper-il', 'lora'] },
  { name: 'year range', query: 'year:2015..2016', ordered: ['dqn', 'hinton-kd', 'gail', 'resnet'] },
  { name: 'year open end', query: 'year:2024..', ordered: ['bond', 'gemma', 'gemma2', 'gemini15', 'warp', 'kd-survey', 'no-category'] },
  { name: 'year open start', query: 'year:..2015', ordered: ['dqn', 'hinton-kd', 'resnet'] },
  { name: 'two years OR', query: 'year:2015 year:2016', ordered: ['dqn', 'hinton-kd', 'gail', 'resnet'] },
  { name: 'negated year', query: 'tag:classic -year:2015', ordered: ['ppo', 'attention', 'gail'] },
  { name: 'cat:LG matches LG and cs.LG', query: 'cat:LG tag:imitation', ordered: ['hyper-il', 'gail', 'primal-wasserstein'] },
  { name: 'cat:cs.LG matches only cs.LG', query: 'cat:cs.LG tag:imitation', ordered: ['gail', 'primal-wasserstein'] },
  { name: 'cat:ML matches stat.ML', query: 'cat:ML', ordered: ['vdberg', 'hinton-kd'] },
  { name: 'two cats OR', query: 'cat:CV cat:CR', ordered: ['xss', 'resnet', 'vit'] },
  { name: 'status', query: 'status:reading', ordered: ['bond', 'gail'] },
  { name: 'two statuses OR', query: 'status:reading status:read tag:imitation', ordered: ['hyper-il', 'gail', 'primal-wasserstein'] },
  { name: 'profile filter (folded substring)', query: 'profile:leonard', ordered: ['bond', 'hyper-il'] },
  { name: 'profile filter partial word', query: 'profile:zha', ordered: ['cjk'] },
  { name: 'negated word', query: 'gemini -gemma', expected: ['gemini', 'gemini15'] },
  { name: 'negated word only', query: 'tag:llm -gemma', ordered: ['gemini'] },
  // Malformed filters: error reported, rest applies
  { name: 'malformed year keeps text', query: 'year:20x gemmma', expected: ['gemma', 'gemma2'], errors: 1 },
  { name: 'bad status keeps filters', query: 'status:maybe tag:speech', ordered: ['cjk'], errors: 1 },
  { name: 'unknown key searched as text', query: 'foo:gemma', expected: [], errors: 1 },
  { name: 'unknown key, real words', query: 'gem:wasserstein', expected: [], errors: 1 },
  // Combos and scope
  { name: 'combo: author + range + text', query: 'author:hussenot year:2021..2024 distillation', expected: ['bond', 'gemma2'] },
  { name: 'combo: author + range + typo', query: 'author:hussenot year:2021..2024 distilation', expected: ['bond', 'gemma2'] },
  { name: 'scope status', query: '', scope: { status: 'reading' }, ordered: ['bond', 'gail'] },
  { name: 'scope profile', query: '', scope: { profileId: 'a-hussenot' }, ordered: ['bond', 'hyper-il'] },
  { name: 'scope tag', query: '', scope: { tag: 'RLHF' }, ordered: ['bond', 'warp', 'rlhf-instruct', 'dpo'] },
  { name: 'scope AND query', query: 'distillation', scope: { status: 'read' }, expected: ['gemma2'] },
  { name: 'scope AND filter', query: 'tag:classic', scope: { status: 'read' }, ordered: ['dqn', 'attention'] },
  { name: 'unknown scope profile → nothing', query: '', scope: { profileId: 'a-nobody' }, ordered: [] },
];

function check(row: Row, engine: SearchEngine): void {
  const out = engine.search(row.query, row.scope);
  const { ids } = out;
  const msg = `${row.query} → ${JSON.stringify(ids)}`;
  assert.equal(new Set(ids).size, ids.length, `duplicates: ${msg}`);
  if (row.expected) assert.deepEqual([...ids].sort(), [...row.expected].sort(), msg);
  if (row.ordered) assert.deepEqual(ids, row.ordered, msg);
  if (row.first) assert.deepEqual(ids.slice(0, row.first.length), row.first, msg);
  for (const id of row.includes ?? []) assert.ok(ids.includes(id), `missing ${id}: ${msg}`);
  for (const id of row.excludes ?? []) assert.ok(!ids.includes(id), `unexpected ${id}: ${msg}`);
  for (const [a, b] of row.above ?? []) {
    assert.ok(ids.includes(a) && ids.includes(b), `both ${a} and ${b} expected: ${msg}`);
    assert.ok(ids.indexOf(a) < ids.indexOf(b), `${a} should rank above ${b}: ${msg}`);
  }
  if (row.errors !== undefined) assert.equal(out.errors.length, row.errors, out.errors.join(' | '));
  if (row.hasFreeText !== undefined) assert.equal(out.hasFreeText, row.hasFreeText);
}

describe('SearchEngine.search', () => {
  const engine = engineWith();
  test('size', () => assert.equal(engine.size, CORPUS.length));
  for (const row of rows) test(row.name, () => check(row, engine));
});

describe('SearchEngine updates', () => {
  test('upsert: a tag added is found by tag: and as text, removed is gone', () => {
    const engine = engineWith();
    const lora = docById('lora');
    assert.deepEqual(engine.search('tag:peft').ids, []);
    engine.upsert({ ...lora, tags: ['PEFT'] });
    assert.deepEqual(engine.search('tag:peft').ids, ['lora']);
    assert.deepEqual(engine.search('peft').ids, ['lora']);
    engine.upsert({ ...lora, tags: [] });
    assert.deepEqual(engine.search('tag:peft').ids, []);
    assert.deepEqual(engine.search('peft').ids, []);
    assert.equal(engine.size, CORPUS.length);
  });

  test('upsert: edited note text is found, old note text is not', () => {
    const engine = engineWith();
    const bond = docById('bond');
    assert.deepEqual(engine.search('jeffreys').ids, ['bond']);
    engine.upsert({ ...bond, note: 'Ask Pier about quantile rewards.' });
    assert.deepEqual(engine.search('jeffreys').ids, []);
    assert.deepEqual(engine.search('quantile').ids, ['bond']);
  });

  test('upsert: status change moves the paper between status filters and keeps insertion order', () => {
    const engine = engineWith();
    engine.upsert({ ...docById('ppo'), status: 'reading' });
    assert.deepEqual(engine.search('status:reading').ids, ['bond', 'ppo', 'gail']);
    assert.deepEqual(engine.search('').ids, ALL);
  });

  test('upsert of a new id appends it', () => {
    const engine = engineWith();
    engine.upsert({ ...docById('lora'), id: 'new', title: 'QLoRA: Efficient Finetuning of Quantized LLMs' });
    assert.equal(engine.size, CORPUS.length + 1);
    // "qlora" also reaches "lora" (one edit) in the copied abstract, but the title hit ranks first.
    assert.deepEqual(engine.search('qlora').ids, ['new', 'lora']);
    assert.equal(engine.search('').ids.at(-1), 'new');
  });

  test('remove drops the paper from text and filters', () => {
    const engine = engineWith();
    engine.remove('bond');
    engine.remove('does-not-exist');
    assert.equal(engine.size, CORPUS.length - 1);
    assert.deepEqual(engine.search('hussenot distillation').ids, ['gemma2']);
    assert.deepEqual(engine.search('tag:"to read"').ids, ['dpo']);
    assert.ok(!engine.search('').ids.includes('bond'));
    assert.deepEqual(engine.matchesFor('bond', 'bond'), {});
  });

  test('many edits (past compaction) keep results right', () => {
    const engine = engineWith();
    const base = docById('attention');
    for (let i = 0; i < 1500; i++) engine.upsert({ ...base, note: `edit number ${i} marker${i}` });
    assert.deepEqual(engine.search('marker1499').ids, ['attention']);
    assert.deepEqual(engine.search('marker14').ids, ['attention']); // prefix of the live version's word
    assert.deepEqual(engine.search('"marker10"').ids, []); // only dead versions had it
    assert.deepEqual(engine.search('marker10').ids, []);
    assert.deepEqual(engine.search('transformer attention').ids.filter((id) => id === 'attention'), ['attention']);
    assert.equal(engine.size, CORPUS.length);
  });

  test('addAll twice with the same ids replaces, not duplicates', () => {
    const engine = engineWith();
    engine.addAll(CORPUS.map((d) => structuredClone(d)));
    assert.equal(engine.size, CORPUS.length);
    assert.deepEqual(engine.search('gemmma').ids.sort(), ['gemma', 'gemma2']);
  });
});

describe('SearchEngine at a few thousand papers', () => {
  test('synthetic corpus: all results match, filters agree with a brute-force check', () => {
    const engine = new SearchEngine();
    const docs = Array.from({ length: 3000 }, (_, i) => ({
      ...docById(CORPUS[i % CORPUS.length]?.id ?? 'bond'),
      id: `s-${i}`,
      date: `${2010 + (i % 15)}-01-01`,
      year: 2010 + (i % 15),
      tags: i % 7 === 0 ? ['seven'] : [],
      status: (['unread', 'reading', 'read'] as const)[i % 3] ?? 'unread',
    }));
    engine.addAll(docs);
    assert.equal(engine.size, 3000);
    const brute = docs.filter((d) => d.tags.includes('seven') && d.status === 'read' && Number(d.date.slice(0, 4)) >= 2020).map((d) => d.id);
    assert.deepEqual(engine.search('tag:seven status:read year:2020..').ids, brute);
    const text = engine.search('hussenot distillation').ids;
    assert.equal(text.length, docs.filter((d) => d.authors.some((a) => a.includes('Hussenot')) && /distill/i.test(d.title + d.abstract)).length);
    assert.deepEqual(engine.search('xqzvkwpl').ids, []);
  });
});

describe('SearchEngine: identifiers are exact lookups', () => {
  // The corpus with identifiers: BOND's arXiv id, Attention's DOI and arXiv id, a paper with only an arXiv DOI; and a
  // paper whose abstract mentions BOND's id as text (a fuzzy search would find it too).
  const WITH_IDS = CORPUS.map((d) =>
    d.id === 'bond' ? { ...d, arxivId: '2407.14622' } : d.id === 'attention' ? { ...d, doi: '10.5555/3295222.3295349', arxivId: '1706.03762' } : d,
  ).concat([
    { ...docById('lora'), id: 'arxiv-doi-only', title: 'A Paper Known by its arXiv DOI', doi: '10.48550/arxiv.2101.00001', arxivId: null },
    { ...docById('lora'), id: 'mentions-bond', title: 'A Survey Citing BOND', abstract: 'See arXiv 2407.14622 and 10.5555/3295222.3295349.' },
  ]);
  const engine = engineWith(WITH_IDS);
  const rows: Array<[string, string, string[]]> = [
    ['a bare arXiv id', '2407.14622', ['bond']],
    ['with a version', '2407.14622v3', ['bond']],
    ['arXiv:', 'arXiv:2407.14622', ['bond']],
    ['an abs URL', 'https://arxiv.org/abs/2407.14622v1', ['bond']],
    ['a bare DOI, any case', '10.5555/3295222.3295349', ['attention']],
    ['doi:', 'doi:10.5555/3295222.3295349', ['attention']],
    ['a doi.org URL', 'https://doi.org/10.5555/3295222.3295349', ['attention']],
    ['the arXiv id of a paper that also has a DOI', 'arxiv:1706.03762', ['attention']],
    ['an arXiv id given only by its DOI', '2101.00001', ['arxiv-doi-only']],
    ['its arXiv DOI', '10.48550/arXiv.2101.00001', ['arxiv-doi-only']],
    ['two identifiers: either paper', '2407.14622 1706.03762', ['attention', 'bond']],
    ['an identifier no paper has: nothing, not fuzzy matches', '2407.99999', []],
    ['an identifier and a word the paper has', 'best-of-n 2407.14622', ['bond']],
    ['an identifier and a word it lacks', 'transformer 2407.14622', []],
    ['a negated identifier', 'distillation -arxiv:2407.14622', []],
  ];
  for (const [name, query, expected] of rows) {
    test(`${name}: ${JSON.stringify(query)}`, () => {
      const outcome = engine.search(query);
      assert.deepEqual(outcome.errors, [], query);
      if (name === 'a negated identifier') assert.ok(!outcome.ids.includes('bond') && outcome.ids.length > 0, outcome.ids.join());
      else assert.deepEqual([...outcome.ids].sort(), expected, query);
    });
  }

  test('an identifier is looked up after an upsert changes it, and not before', () => {
    const local = engineWith(WITH_IDS);
    assert.deepEqual(local.search('10.1000/new').ids, []);
    local.upsert({ ...docById('lora'), doi: '10.1000/new' });
    assert.deepEqual(local.search('10.1000/new').ids, ['lora']);
    local.upsert({ ...docById('lora'), doi: null });
    assert.deepEqual(local.search('10.1000/new').ids, []);
  });
});
