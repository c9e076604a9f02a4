import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProfilePage } from '../../../electron/core/parse/index.js';
import { normalizeLines } from '../../../electron/core/parse/normalize-text.js';
import { fixture } from './helpers.js';

const rows: { name: string; input: string; expected: string[] }[] = [
  { name: 'LF', input: 'a\nb', expected: ['a', 'b'] },
  { name: 'CRLF', input: 'a\r\nb\r\n', expected: ['a', 'b', ''] },
  { name: 'lone CR', input: 'a\rb\r\rc', expected: ['a', 'b', '', 'c'] },
  { name: 'mixed line ends', input: 'a\r\nb\rc\nd', expected: ['a', 'b', 'c', 'd'] },
  { name: 'Unicode line/paragraph separators', input: 'a\u2028b\u2029c', expected: ['a', 'b', 'c'] },
  { name: 'BOM at the start', input: '\uFEFFSabela Ramos', expected: ['Sabela Ramos'] },
  { name: 'NBSP → space', input: 'Sabela\u00A0Ramos', expected: ['Sabela Ramos'] },
  {
    name: 'U+2000–U+200A, U+202F, U+205F, U+3000 → space',
    input: 'a\u2000b\u2005c\u200Ad\u202Fe\u205Ff\u3000g',
    expected: ['a b c d e f g'],
  },
  { name: 'zero-width chars removed', input: 'Sa\u200Bbe\u200Cla\u200D Ra\u2060mos\uFEFF', expected: ['Sabela Ramos'] },
  { name: 'soft hyphen removed', input: 'distil\u00ADlation', expected: ['distillation'] },
  { name: 'tabs and space runs collapsed, lines trimmed', input: '  a \t  b  \n\t c', expected: ['a b', 'c'] },
  { name: 'NFD accents composed (NFC)', input: 'Le\u0301onard', expected: ['Léonard'] },
  { name: 'whitespace-only line is blank', input: 'a\n \u00A0\u200B \nb', expected: ['a', '', 'b'] },
];

for (const row of rows) {
  test(`normalize: ${row.name}`, () => {
    assert.deepEqual(normalizeLines(row.input), row.expected);
  });
}

// The same page through every line-end and space variant parses to the same result.
const SAMPLE = fixture('profile-sabela-ramos.txt');
const variants: { name: string; input: string }[] = [
  { name: 'CRLF', input: SAMPLE.replace(/\n/g, '\r\n') },
  { name: 'CR', input: SAMPLE.replace(/\n/g, '\r') },
  { name: 'BOM + NBSP instead of every space in the head', input: `\uFEFF${SAMPLE.replace('Sabela Ramos', 'Sabela\u00A0Ramos').replace('AI Score42', 'AI\u00A0Score\u202F42')}` },
  { name: 'zero-width spaces sprinkled in', input: SAMPLE.replace(/CLJul/g, 'CL\u200BJul').replace(/\n\n/g, '\n\u200B\n') },
  { name: 'indented lines and trailing spaces', input: SAMPLE.replace(/\n/g, '  \n   ') },
];
const baseline = parseProfilePage(SAMPLE);
for (const v of variants) {
  test(`normalize: sample with ${v.name} parses identically`, () => {
    assert.deepEqual(parseProfilePage(v.input), baseline);
  });
}
