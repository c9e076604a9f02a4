// The line reading and author-list splitting shared by the arXiv, dblp and ORCID sources: table tests with the tails
// each site prints when it cuts a list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameAndOrg, pasteLines, splitAuthorList } from '../../../../electron/core/parse/sources/paste-lines.js';

test('pasteLines: CRLF, NBSP, bidi and zero-width marks are gone; anything but a string is no lines', () => {
  assert.deepEqual(pasteLines('Preferred source (of 2)\u200e\r\n\u200fJingyi\u00a0Chen\u200b \r\n\u2066陈静怡\u2069'), [
    'Preferred source (of 2)',
    'Jingyi Chen',
    '陈静怡',
  ]);
  assert.deepEqual(pasteLines(undefined), []);
  assert.deepEqual(pasteLines(42), []);
});

test('splitAuthorList: the tails that mean the site cut the list', () => {
  const rows: [string, ',' | ';', string[], boolean][] = [
    ['Hana Okabe, Tomás Ibarra', ',', ['Hana Okabe', 'Tomás Ibarra'], false],
    ['A B, C D, et al. (48 additional authors not shown)', ',', ['A B', 'C D'], true],
    ['A B, Wangding Zeng et al. (100 additional authors not shown)', ',', ['A B', 'Wangding Zeng'], true],
    ['A B, C D et al.', ',', ['A B', 'C D'], true],
    ['A B, C D, …', ',', ['A B', 'C D'], true],
    ['A B, C D, ...', ',', ['A B', 'C D'], true],
    ['A; B; C + 7 more', ';', ['A', 'B', 'C'], true],
    ['A; B +12 authors', ';', ['A', 'B'], true],
    ['A; B and 3 others', ';', ['A', 'B'], true],
    ['Jane Doe (MIT, CSAIL), Bo Li', ',', ['Jane Doe (MIT, CSAIL)', 'Bo Li'], false],
    ['陈静怡; 王磊', ';', ['陈静怡', '王磊'], false],
    ['Jo Almoreal', ',', ['Jo Almoreal'], false], // "al" inside a word is no "et al."
    ['', ',', [], false],
    [' , ,', ',', [], false],
  ];
  for (const [text, separator, authors, truncated] of rows) {
    assert.deepEqual(splitAuthorList(text, separator), { authors, truncated }, text);
  }
});

test('nameAndOrg: a trailing parenthesis is the organisation', () => {
  assert.deepEqual(nameAndOrg('Hana Okabe (Google DeepMind)'), { name: 'Hana Okabe', org: 'Google DeepMind' });
  assert.deepEqual(nameAndOrg('Hana Okabe'), { name: 'Hana Okabe', org: null });
  assert.deepEqual(nameAndOrg('(Anonymous)'), { name: '(Anonymous)', org: null });
});
