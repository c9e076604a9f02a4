// Version vectors: what a snapshot or an edit has seen of each device.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareVectors, hasSeen, isVersionVector, mergeVectors, withStamp } from '../../../electron/core/sync/version-vector.js';

const s = (wall: number, device: string, counter = 0): string =>
  `${wall.toString(16).padStart(12, '0')}-${counter.toString(16).padStart(8, '0')}-${device}`;

test('hasSeen: a stamp at or before the device entry, never another device', () => {
  const v = { a: s(10, 'a'), b: s(5, 'b', 3) };
  const rows: Array<[string, boolean]> = [
    [s(10, 'a'), true],
    [s(9, 'a', 99), true],
    [s(10, 'a', 1), false],
    [s(5, 'b', 3), true],
    [s(5, 'b', 4), false],
    [s(1, 'c'), false],
    [s(1, 'a-b'), false],
  ];
  for (const [stamp, expected] of rows) assert.equal(hasSeen(v, stamp), expected, stamp);
});

test('compare, merge and withStamp', () => {
  const a = { a: s(10, 'a') };
  const ab = { a: s(10, 'a'), b: s(3, 'b') };
  const b2 = { a: s(9, 'a'), b: s(4, 'b') };
  const rows: Array<[Record<string, string>, Record<string, string>, string]> = [
    [{}, {}, 'equal'],
    [a, a, 'equal'],
    [{}, a, 'before'],
    [a, ab, 'before'],
    [ab, a, 'after'],
    [ab, b2, 'concurrent'],
    [{ b: s(1, 'b') }, a, 'concurrent'],
  ];
  for (const [x, y, expected] of rows) assert.equal(compareVectors(x, y), expected, `${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
  assert.deepEqual(mergeVectors(ab, b2), { a: s(10, 'a'), b: s(4, 'b') });
  assert.equal(compareVectors(mergeVectors(ab, b2), ab), 'after');
  assert.equal(withStamp(ab, s(2, 'b')), ab, 'already seen: unchanged');
  assert.deepEqual(withStamp(ab, s(7, 'c')), { ...ab, c: s(7, 'c') });
});

test('isVersionVector refuses what a damaged or foreign file could hold', () => {
  assert.equal(isVersionVector({ a: s(1, 'a') }), true);
  assert.equal(isVersionVector({}), true);
  for (const bad of [null, [], 'x', { a: s(1, 'b') }, { a: 'junk' }, { 'a.b': s(1, 'a.b') }, { a: 5 }]) {
    assert.equal(isVersionVector(bad), false, JSON.stringify(bad));
  }
});
