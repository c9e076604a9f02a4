import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNumber, readStored, writeStored } from '../../renderer/src/lib/storage.js';
import { installFakeDom } from './fakeWindow.js';

const { window } = installFakeDom();

test('storage: readStored returns the stored value only when it is valid JSON of the right shape', async (t) => {
  const cases: Array<{ name: string; input: string | null; expected: number }> = [
    { name: 'missing', input: null, expected: 220 },
    { name: 'valid number', input: '300', expected: 300 },
    { name: 'zero', input: '0', expected: 0 },
    { name: 'wrong type', input: '"300"', expected: 220 },
    { name: 'not JSON', input: '30px', expected: 220 },
    { name: 'empty string', input: '', expected: 220 },
    { name: 'JSON null', input: 'null', expected: 220 },
    { name: 'NaN is not a number here', input: 'NaN', expected: 220 },
    { name: 'huge exponent (Infinity after parse)', input: '1e999', expected: 220 },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => {
      window.localStorage.data.clear();
      if (input !== null) window.localStorage.data.set('k', input);
      assert.equal(readStored('k', 220, isNumber), expected);
    });
  }
});

test('storage: writeStored stores JSON, removes on undefined, never throws', () => {
  window.localStorage.data.clear();
  writeStored('a', { x: [1, 'é'] });
  assert.equal(window.localStorage.data.get('a'), '{"x":[1,"é"]}');
  writeStored('b', null);
  assert.equal(window.localStorage.data.get('b'), 'null', 'null is a value, not a removal');
  writeStored('a', undefined);
  assert.equal(window.localStorage.data.has('a'), false);
  window.localStorage.broken = true;
  assert.doesNotThrow(() => writeStored('c', 1));
  assert.doesNotThrow(() => writeStored('c', undefined));
  assert.equal(readStored('b', 'fallback', (v): v is string => typeof v === 'string'), 'fallback', 'read errors fall back');
  window.localStorage.broken = false;
});

test('storage: isNumber', async (t) => {
  const cases: Array<{ name: string; input: unknown; expected: boolean }> = [
    { name: 'integer', input: 3, expected: true },
    { name: 'negative float', input: -2.5, expected: true },
    { name: 'NaN', input: Number.NaN, expected: false },
    { name: 'Infinity', input: Infinity, expected: false },
    { name: 'numeric string', input: '3', expected: false },
    { name: 'null', input: null, expected: false },
    { name: 'boxed', input: Object(3), expected: false },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => assert.equal(isNumber(input), expected));
  }
});
