import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorMessage, getFolio, hasFolio } from '../../renderer/src/lib/folio.js';
import { installFakeDom } from './fakeWindow.js';

const { window } = installFakeDom();

test('folio: errorMessage strips Electron’s remote-method prefix', async (t) => {
  const typed = new TypeError('bad input');
  const cases: Array<{ name: string; input: unknown; expected: string }> = [
    { name: 'plain Error', input: new Error('disk full'), expected: 'disk full' },
    { name: 'Electron prefix with Error:', input: new Error("Error invoking remote method 'folio:setNote': Error: disk full"), expected: 'disk full' },
    { name: 'Electron prefix with a named error', input: new Error("Error invoking remote method 'folio:query': ZodError: offset must be ≥ 0"), expected: 'offset must be ≥ 0' },
    { name: 'Electron prefix without an error name', input: new Error("Error invoking remote method 'folio:paper': unknown paper p-1"), expected: 'unknown paper p-1' },
    { name: 'the prefix only at the start', input: new Error("note: Error invoking remote method 'x': y"), expected: "note: Error invoking remote method 'x': y" },
    { name: 'an Error subclass', input: typed, expected: 'bad input' },
    { name: 'a string', input: 'just text', expected: 'just text' },
    { name: 'undefined', input: undefined, expected: 'undefined' },
    { name: 'a number', input: 42, expected: '42' },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => assert.equal(errorMessage(input), expected));
  }
});

test('folio: hasFolio / getFolio', async (t) => {
  const cases: Array<{ name: string; input: unknown; expected: boolean }> = [
    { name: 'missing', input: undefined, expected: false },
    { name: 'null', input: null, expected: false },
    { name: 'not an object', input: 'folio', expected: false },
    { name: 'the bridge', input: { query: () => {} }, expected: true },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => {
      window.folio = input;
      assert.equal(hasFolio(), expected);
      if (expected) assert.equal(getFolio(), input);
      else if (input === undefined || input === null) assert.throws(() => getFolio(), /window\.folio/);
    });
  }
  window.folio = undefined;
});
