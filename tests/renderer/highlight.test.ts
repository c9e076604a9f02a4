import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MatchRange } from '../../electron/core/model.js';
import { itemRanges, normalizeRanges, segments, splitParagraphs, type Segment } from '../../renderer/src/lib/highlight.js';
import { rng } from './helpers.js';

/** Compact form of segments: marked text in [brackets]. */
const show = (segs: Segment[]) => segs.map((s) => (s.marked ? `[${s.text}]` : s.text)).join('|');

const isWellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

test('highlight: normalizeRanges clamps, sorts and merges', async (t) => {
  const cases: Array<{ name: string; input: { ranges: MatchRange[] | undefined; length: number }; expected: Array<[number, number]> }> = [
    { name: 'undefined', input: { ranges: undefined, length: 5 }, expected: [] },
    { name: 'none', input: { ranges: [], length: 5 }, expected: [] },
    { name: 'one', input: { ranges: [[1, 3]], length: 5 }, expected: [[1, 3]] },
    { name: 'unsorted', input: { ranges: [[4, 5], [0, 1]], length: 5 }, expected: [[0, 1], [4, 5]] },
    { name: 'overlapping', input: { ranges: [[0, 3], [2, 5]], length: 9 }, expected: [[0, 5]] },
    { name: 'touching merge', input: { ranges: [[0, 2], [2, 4]], length: 9 }, expected: [[0, 4]] },
    { name: 'nested', input: { ranges: [[0, 9], [2, 3]], length: 9 }, expected: [[0, 9]] },
    { name: 'duplicates', input: { ranges: [[1, 2], [1, 2], [1, 2]], length: 9 }, expected: [[1, 2]] },
    { name: 'past the end is clamped', input: { ranges: [[3, 50]], length: 5 }, expected: [[3, 5]] },
    { name: 'entirely past the end is dropped', input: { ranges: [[7, 9]], length: 5 }, expected: [] },
    { name: 'negative start is clamped', input: { ranges: [[-4, 2]], length: 5 }, expected: [[0, 2]] },
    { name: 'empty and reversed ranges are dropped', input: { ranges: [[2, 2], [4, 1]], length: 5 }, expected: [] },
    { name: 'NaN is dropped', input: { ranges: [[Number.NaN, 2], [1, Number.NaN]], length: 5 }, expected: [] },
    { name: 'Infinity clamps', input: { ranges: [[-Infinity, Infinity]], length: 5 }, expected: [[0, 5]] },
    { name: 'empty text', input: { ranges: [[0, 3]], length: 0 }, expected: [] },
    { name: 'input not mutated, chain of merges', input: { ranges: [[5, 6], [0, 2], [1, 4], [3, 5]], length: 9 }, expected: [[0, 6]] },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => {
      const before = JSON.stringify(input.ranges);
      assert.deepEqual(normalizeRanges(input.ranges, input.length), expected);
      assert.equal(JSON.stringify(input.ranges), before, 'ranges not mutated');
    });
  }
});

test('highlight: segments', async (t) => {
  const cases: Array<{ name: string; input: { text: string; ranges: MatchRange[] | undefined }; expected: string }> = [
    { name: 'no ranges: one plain segment', input: { text: 'Attention', ranges: undefined }, expected: 'Attention' },
    { name: 'empty text', input: { text: '', ranges: [] }, expected: '' },
    { name: 'empty text with ranges', input: { text: '', ranges: [[0, 2]] }, expected: '' },
    { name: 'prefix', input: { text: 'Attention is all', ranges: [[0, 4]] }, expected: '[Atte]|ntion is all' },
    { name: 'suffix', input: { text: 'Attention is all', ranges: [[13, 16]] }, expected: 'Attention is |[all]' },
    { name: 'whole text', input: { text: 'all', ranges: [[0, 3]] }, expected: '[all]' },
    { name: 'two ranges', input: { text: 'deep learning rocks', ranges: [[0, 4], [5, 13]] }, expected: '[deep]| |[learning]| rocks' },
    { name: 'overlapping and unsorted merged', input: { text: 'abcdefgh', ranges: [[4, 6], [1, 3], [2, 5]] }, expected: 'a|[bcdef]|gh' },
    { name: 'run past the text (stale after an edit)', input: { text: 'short', ranges: [[3, 40], [90, 99]] }, expected: 'sho|[rt]' },
    { name: 'accented (precomposed) letters', input: { text: 'Léo Núñez', ranges: [[0, 3], [4, 9]] }, expected: '[Léo]| |[Núñez]' },
    { name: 'ranges are UTF-16 units: emoji before the match', input: { text: '🧪 Léo', ranges: [[3, 6]] }, expected: '🧪 |[Léo]' },
    { name: 'a whole emoji', input: { text: 'a🧪b', ranges: [[1, 3]] }, expected: 'a|[🧪]|b' },
    { name: 'a range ending inside an emoji takes the whole emoji', input: { text: 'a🧪b', ranges: [[0, 2]] }, expected: '[a🧪]|b' },
    { name: 'a range starting inside an emoji takes the whole emoji', input: { text: 'a🧪b', ranges: [[2, 4]] }, expected: 'a|[🧪b]' },
    { name: 'a range inside one emoji', input: { text: '🧪🧪', ranges: [[1, 2]] }, expected: '[🧪]|🧪' },
    { name: 'multi-line text', input: { text: 'one\ntwo', ranges: [[2, 5]] }, expected: 'on|[e\nt]|wo' },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => {
      const segs = segments(input.text, input.ranges);
      assert.equal(show(segs), expected);
      assert.equal(segs.map((s) => s.text).join(''), input.text, 'segments rebuild the text');
      for (const s of segs) assert.ok(isWellFormed(s.text), `segment ${JSON.stringify(s.text)} has a lone surrogate`);
    });
  }
});

test('highlight: segments on random ranges (fixed seed) rebuild the text, alternate, never split a code point', () => {
  const random = rng(11);
  const texts = ['', 'a', 'Attention is all you need', 'Léo 🧪 Núñez 👩‍🔬 e\u0301 日本語', '🧪🧪🧪'];
  for (let k = 0; k < 2_000; k++) {
    const text = texts[k % texts.length]!;
    const ranges: MatchRange[] = Array.from({ length: Math.floor(random() * 5) }, () => {
      const a = Math.floor(random() * (text.length + 6)) - 3;
      const b = Math.floor(random() * (text.length + 6)) - 3;
      return [a, b];
    });
    const segs = segments(text, ranges);
    assert.equal(segs.map((s) => s.text).join(''), text);
    for (let i = 1; i < segs.length; i++) assert.notEqual(segs[i]!.marked, segs[i - 1]!.marked, 'no two adjacent segments alike');
    for (const s of segs) {
      assert.ok(isWellFormed(s.text), `${JSON.stringify(ranges)} on ${JSON.stringify(text)}`);
      if (text !== '') assert.notEqual(s.text, '', 'no empty segments');
    }
  }
});

test('highlight: itemRanges', async (t) => {
  const items = [
    { index: 0, ranges: [[0, 2]] as MatchRange[] },
    { index: 3, ranges: [[1, 4]] as MatchRange[] },
  ];
  const cases: Array<{ name: string; input: { items: typeof items | undefined; index: number }; expected: MatchRange[] | undefined }> = [
    { name: 'found', input: { items, index: 3 }, expected: [[1, 4]] },
    { name: 'first', input: { items, index: 0 }, expected: [[0, 2]] },
    { name: 'not matched', input: { items, index: 1 }, expected: undefined },
    { name: 'no matches at all', input: { items: undefined, index: 0 }, expected: undefined },
    { name: 'negative index', input: { items, index: -1 }, expected: undefined },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => assert.deepEqual(itemRanges(input.items, input.index), expected));
  }
});

test('highlight: splitParagraphs shifts ranges into each paragraph', async (t) => {
  const cases: Array<{ name: string; input: { text: string; ranges: MatchRange[] | undefined }; expected: Array<{ text: string; ranges: MatchRange[] }> }> = [
    { name: 'one paragraph', input: { text: 'abc def', ranges: [[4, 7]] }, expected: [{ text: 'abc def', ranges: [[4, 7]] }] },
    {
      name: 'two paragraphs, a range in the second',
      input: { text: 'abc\n\ndef', ranges: [[5, 8]] },
      expected: [
        { text: 'abc', ranges: [] },
        { text: 'def', ranges: [[0, 3]] },
      ],
    },
    {
      name: 'a range across the break is split in two',
      input: { text: 'abc\n\ndef', ranges: [[1, 7]] },
      expected: [
        { text: 'abc', ranges: [[1, 3]] },
        { text: 'def', ranges: [[0, 2]] },
      ],
    },
    {
      name: 'a range only over the separator is dropped',
      input: { text: 'abc\n\ndef', ranges: [[3, 5]] },
      expected: [
        { text: 'abc', ranges: [] },
        { text: 'def', ranges: [] },
      ],
    },
    {
      name: 'separators with spaces, blank paragraphs skipped',
      input: { text: '\n\nabc\n \n\n\n  \n\ndef\n\n', ranges: [[2, 3], [14, 15]] },
      expected: [
        { text: 'abc', ranges: [[0, 1]] },
        { text: 'def', ranges: [[0, 1]] },
      ],
    },
    { name: 'single newlines stay inside a paragraph', input: { text: 'a\nb\nc', ranges: [[2, 3]] }, expected: [{ text: 'a\nb\nc', ranges: [[2, 3]] }] },
    { name: 'empty text', input: { text: '', ranges: [[0, 1]] }, expected: [] },
    { name: 'ranges past the end', input: { text: 'ab\n\ncd', ranges: [[5, 99]] }, expected: [{ text: 'ab', ranges: [] }, { text: 'cd', ranges: [[1, 2]] }] },
    { name: 'no ranges', input: { text: 'ab\n\ncd', ranges: undefined }, expected: [{ text: 'ab', ranges: [] }, { text: 'cd', ranges: [] }] },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => {
      const out = splitParagraphs(input.text, input.ranges);
      assert.deepEqual(out, expected);
      for (const p of out) for (const [s, e] of p.ranges) assert.ok(s >= 0 && e <= p.text.length && s < e);
    });
  }
});
