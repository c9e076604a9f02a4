// Hybrid logical clock: table tests of each step, and seeded property tests of its order and monotonicity.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  compareHlc,
  deviceOf,
  initialClock,
  now,
  parseHlc,
  receive,
  serializeHlc,
  type Hlc,
} from '../../../electron/core/sync/hlc.js';

const SEED = 11;
const at = (wall: number, counter: number, device = 'laptop'): Hlc => ({ wall, counter, device });

test('now(): the physical time when it moved on, else the same wall and the next counter', () => {
  const rows: Array<{ clock: Hlc; physical: number; expected: Hlc; why: string }> = [
    { clock: initialClock('laptop'), physical: 1000, expected: at(1000, 0), why: 'first stamp' },
    { clock: at(1000, 0), physical: 1001, expected: at(1001, 0), why: 'clock moved on' },
    { clock: at(1000, 0), physical: 1000, expected: at(1000, 1), why: 'same millisecond' },
    { clock: at(1000, 7), physical: 400, expected: at(1000, 8), why: 'clock went backwards: never earlier' },
    { clock: at(1000, 7), physical: 1000.9, expected: at(1000, 8), why: 'fractions of a millisecond are dropped' },
  ];
  for (const { clock, physical, expected, why } of rows) assert.deepEqual(now(clock, physical), expected, why);
});

test('receive(): later than both clocks, and a remote clock far ahead is followed but reported', () => {
  const rows: Array<{ clock: Hlc; remote: Hlc; physical: number; expected: Hlc; isSkewed: boolean; why: string }> = [
    { clock: at(1000, 3), remote: at(900, 9, 'desk'), physical: 1200, expected: at(1200, 0), isSkewed: false, why: 'physical time is ahead' },
    { clock: at(1000, 3), remote: at(1000, 9, 'desk'), physical: 500, expected: at(1000, 10), isSkewed: false, why: 'same wall: after the larger counter' },
    { clock: at(1000, 3), remote: at(900, 9, 'desk'), physical: 500, expected: at(1000, 4), isSkewed: false, why: 'ours is ahead' },
    { clock: at(1000, 3), remote: at(5000, 2, 'desk'), physical: 1000, expected: at(5000, 3), isSkewed: false, why: 'remote ahead within drift' },
    { clock: at(1000, 3), remote: at(1000 + 86_400_001, 0, 'desk'), physical: 1000, expected: at(1000 + 86_400_001, 1), isSkewed: true, why: 'remote more than a day ahead' },
  ];
  for (const { clock, remote, physical, expected, isSkewed, why } of rows) {
    const received = receive(clock, remote, physical);
    assert.deepEqual(received.clock, expected, why);
    assert.equal(received.isSkewed, isSkewed, why);
    assert.ok(compareHlc(received.clock, remote) > 0 && compareHlc(received.clock, clock) > 0, why);
  }
  assert.equal(receive(at(0, 0), at(10_000, 0, 'desk'), 0, 5_000).isSkewed, true, 'drift bound is a parameter');
});

test('serialize/parse: round trip, fixed width, and junk refused', () => {
  assert.equal(serializeHlc(at(0x190f3a1b2c3, 5, 'lap-top_2')), '0190f3a1b2c3-00000005-lap-top_2');
  assert.equal(deviceOf('0190f3a1b2c3-00000005-lap-top_2'), 'lap-top_2');
  const junk = ['', '0190f3a1b2c3-00000005-', '190f3a1b2c3-00000005-x', '0190f3a1b2c3-0000005-x', '0190F3A1B2C3-00000005-x', '0190f3a1b2c3-00000005-a.b', '0190f3a1b2c3-00000005-x y'];
  for (const text of junk) assert.equal(parseHlc(text), null, JSON.stringify(text));
  assert.throws(() => serializeHlc(at(1, 0, 'a/b')), /device id/);
  assert.throws(() => serializeHlc(at(-1, 0)), /clock time/);
  assert.throws(() => serializeHlc(at(1, 2 ** 32)), /counter/);
  assert.throws(() => initialClock(''), /device id/);
});

const device = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const stamp = fc.record({ wall: fc.integer({ min: 0, max: 2 ** 48 - 1 }), counter: fc.integer({ min: 0, max: 2 ** 32 - 1 }), device });

test('property: serialized stamps compare as strings exactly as compareHlc orders them', () => {
  fc.assert(
    fc.property(stamp, stamp, (a, b) => {
      assert.deepEqual(parseHlc(serializeHlc(a)), { ...a });
      const byString = Math.sign(serializeHlc(a) < serializeHlc(b) ? -1 : serializeHlc(a) > serializeHlc(b) ? 1 : 0);
      assert.equal(byString, Math.sign(compareHlc(a, b)));
    }),
    { seed: SEED, numRuns: 2000 },
  );
});

test('property: a device never issues a stamp at or before an earlier one, whatever its clock and what it receives', () => {
  const event = fc.oneof(
    fc.record({ kind: fc.constant('local' as const), physical: fc.integer({ min: 0, max: 10_000 }) }),
    fc.record({ kind: fc.constant('remote' as const), physical: fc.integer({ min: 0, max: 10_000 }), remote: stamp.map((s) => ({ ...s, wall: s.wall % 20_000, counter: s.counter % 50 })) }),
  );
  fc.assert(
    fc.property(fc.array(event, { maxLength: 200 }), (events) => {
      let clock = initialClock('me');
      for (const e of events) {
        const next = e.kind === 'local' ? now(clock, e.physical) : receive(clock, e.remote, e.physical).clock;
        assert.ok(compareHlc(next, clock) > 0, 'monotonic');
        if (e.kind === 'remote') assert.ok(compareHlc(next, e.remote) > 0, 'after what it saw');
        assert.ok(next.wall <= Math.max(clock.wall, e.physical, e.kind === 'remote' ? e.remote.wall : 0), 'wall never invented');
        clock = next;
      }
    }),
    { seed: SEED, numRuns: 500 },
  );
});
