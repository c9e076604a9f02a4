import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isHexColor, TAG_PALETTE } from '../../renderer/src/lib/tagColors.js';

test('tagColors: isHexColor accepts exactly #rrggbb', async (t) => {
  const cases: Array<{ name: string; input: string; expected: boolean }> = [
    { name: 'lower case', input: '#3b82f6', expected: true },
    { name: 'upper case', input: '#ABCDEF', expected: true },
    { name: 'mixed case', input: '#aBc123', expected: true },
    { name: 'short form', input: '#abc', expected: false },
    { name: 'with alpha', input: '#3b82f6ff', expected: false },
    { name: 'no hash', input: '3b82f6', expected: false },
    { name: 'not hex', input: '#3b82g6', expected: false },
    { name: 'named colour', input: 'red', expected: false },
    { name: 'surrounding space', input: ' #3b82f6', expected: false },
    { name: 'trailing newline', input: '#3b82f6\n', expected: false },
    { name: 'css injection', input: '#3b82f6;background:url(x)', expected: false },
    { name: 'empty', input: '', expected: false },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => assert.equal(isHexColor(input), expected));
  }
});

// WCAG relative luminance / contrast, to check the palette's documented promise.
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

test('tagColors: the palette is ten distinct valid colours with distinct names', () => {
  assert.equal(TAG_PALETTE.length, 10);
  for (const { color } of TAG_PALETTE) assert.ok(isHexColor(color), color);
  assert.equal(new Set(TAG_PALETTE.map((p) => p.color.toLowerCase())).size, TAG_PALETTE.length);
  assert.equal(new Set(TAG_PALETTE.map((p) => p.name)).size, TAG_PALETTE.length);
});

test('tagColors: every palette colour keeps ≥ 3:1 contrast against the light and dark backgrounds', async (t) => {
  // --bg of both themes in renderer/src/styles/theme.css. (Against --bg-sidebar / --bg-elevated, Amber, Red and
  // Purple fall just short, 2.91–2.96:1; the module promises the main backgrounds only.)
  const backgrounds = { 'light --bg': '#ffffff', 'dark --bg': '#1c1c1f' };
  for (const { name, color } of TAG_PALETTE) {
    await t.test(name, () => {
      for (const [theme, bg] of Object.entries(backgrounds)) {
        assert.ok(contrast(color, bg) >= 3, `${name} ${color} on ${theme} ${bg}: ${contrast(color, bg).toFixed(2)}:1`);
      }
    });
  }
});
