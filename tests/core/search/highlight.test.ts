import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FieldMatches } from '../../../electron/core/api.js';
import type { MatchRange } from '../../../electron/core/model.js';
import { engineWith } from './corpus.js';
import { docById } from './corpus.js';

/** [start, end) of the n-th occurrence of `needle` in `text` (n from 0); fails the test if absent. */
function at(text: string, needle: string, n = 0): MatchRange {
  let from = -1;
  for (let i = 0; i <= n; i++) {
    from = text.indexOf(needle, from + 1);
    assert.notEqual(from, -1, `"${needle}" not in "${text}"`);
  }
  return [from, from + needle.length];
}

const bond = docById('bond');
const strasse = docById('strasse');
const cjk = docById('cjk');
const xss = docById('xss');
const attention = docById('attention');

interface Row {
  name: string;
  id: string;
  query: string;
  expected: FieldMatches;
}

const rows: Row[] = [
  {
    name: 'prefix covers only the typed part',
    id: 'bond',
    query: 'distil',
    expected: {
      title: [at(bond.title, 'Distil')],
      abstract: [at(bond.abstract, 'Distil')],
    },
  },
  {
    name: 'typo marks the whole word',
    id: 'bond',
    query: 'distilation',
    expected: { title: [at(bond.title, 'Distillation')], abstract: [at(bond.abstract, 'Distillation')] },
  },
  {
    name: 'plain query on accented author: range over the accented text',
    id: 'bond',
    query: 'leon',
    expected: { authors: [{ index: 2, ranges: [at('Léonard Hussenot', 'Léon')] }] },
  },
  {
    name: 'accented query on plain author',
    id: 'hyper-il',
    query: 'léonard',
    expected: { authors: [{ index: 0, ranges: [[0, 7]] }] },
  },
  {
    name: 'ß: folded prefix "strass" maps back to "Straß" (5 chars, not 6)',
    id: 'strasse',
    query: 'strass',
    expected: { authors: [{ index: 0, ranges: [at(strasse.authors[0] ?? '', 'Straß')] }] },
  },
  {
    name: 'ß inside a title word: prefix "gross" ends after "ß", the char that folded to the last "s"',
    id: 'strasse',
    query: 'gross',
    expected: { title: [at(strasse.title, 'Groß')] },
  },
  {
    name: 'æ: "ae" maps to the single char "Æ"',
    id: 'strasse',
    query: 'ae',
    expected: {
      title: [at(strasse.title, 'Æ')],
      authors: [{ index: 1, ranges: [[0, 1]] }],
    },
  },
  {
    name: 'multi-field: title, author, org and tag',
    id: 'gemma',
    query: 'gemma deepmind',
    expected: {
      title: [[0, 5]],
      authors: [{ index: 0, ranges: [[0, 5]] }],
      orgs: [{ index: 0, ranges: [at('Google DeepMind', 'DeepMind')] }],
      abstract: [at(docById('gemma').abstract, 'Gemma')],
    },
  },
  {
    name: 'note and tags',
    id: 'attention',
    query: 'multi class',
    expected: {
      title: [],
      note: [at(attention.note, 'multi')],
      tags: [{ index: 0, ranges: [[0, 5]] }],
    },
  },
  {
    name: 'CJK characters',
    id: 'cjk',
    query: '小明 清华',
    expected: {
      // 华 of 清华 also marks the given name of 李华: each Han character is a term.
      authors: [
        { index: 0, ranges: [at(cjk.authors[0] ?? '', '小明')] },
        { index: 1, ranges: [at(cjk.authors[1] ?? '', '华')] },
      ],
      orgs: [{ index: 0, ranges: [[0, 2]] }],
    },
  },
  {
    name: 'hostile title: offsets into the raw string',
    id: 'xss',
    query: 'onerror',
    expected: { title: [at(xss.title, 'onerror')] },
  },
  {
    name: 'author: and tag: filters highlight the matched name words and the whole tag',
    id: 'bond',
    query: 'author:"robert dad" tag:"to read"',
    expected: {
      authors: [{ index: 1, ranges: [[0, 6], [7, 10]] }],
      tags: [{ index: 1, ranges: [[0, 7]] }],
    },
  },
  {
    name: 'negated terms and filters are not highlighted; stopwords next to words are not',
    id: 'bond',
    query: 'the bond -rlhf -tag:rlhf',
    expected: { title: [at(bond.title, 'BOND')], abstract: [at(bond.abstract, 'BOND')] },
  },
  {
    name: 'adjacent matches merge into one range',
    id: 'bond',
    query: 'best',
    expected: { title: [at(bond.title, 'Best')], abstract: [at(bond.abstract, 'Best'), at(bond.abstract, 'Best', 1)] },
  },
  {
    name: 'no match → empty object',
    id: 'bond',
    query: 'xqzvkwpl',
    expected: {},
  },
  {
    name: 'unknown id → empty object',
    id: 'nope',
    query: 'bond',
    expected: {},
  },
];

describe('SearchEngine.matchesFor', () => {
  const engine = engineWith();
  for (const row of rows) {
    test(row.name, () => {
      const expected = Object.fromEntries(Object.entries(row.expected).filter(([, v]) => !(Array.isArray(v) && v.length === 0)));
      assert.deepEqual(engine.matchesFor(row.id, row.query), expected);
    });
  }

  test('decomposed accents (NFD) in the stored text: range covers the combining mark', () => {
    const e = engineWith([{ ...docById('bond'), id: 'nfd', title: 'Le\u0301onard and Zoe\u0308', authors: [] }]);
    assert.deepEqual(e.search('leonard zoe').ids, ['nfd']);
    assert.deepEqual(e.matchesFor('nfd', 'leo zoe'), { title: [[0, 4], [13, 17]] });
  });

  test('every highlighted range slices to text that folds to a match', () => {
    const e = engineWith();
    const m = e.matchesFor('strasse', 'jurgen gottingen benchmarks');
    assert.deepEqual(m.authors, [{ index: 0, ranges: [[0, 6]] }]);
    assert.equal(strasse.authors[0]?.slice(0, 6), 'Jürgen');
    assert.equal(m.orgs?.[0]?.ranges[0] && strasse.orgs[0]?.slice(...(m.orgs[0].ranges[0] as [number, number])), 'Göttingen');
    assert.deepEqual(m.title, [at(strasse.title, 'Benchmarks')]);
  });
});
