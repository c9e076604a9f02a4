import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { DEBOUNCE_MS, NoteSaver, type NoteSaveState } from '../../renderer/src/lib/noteSaver.js';
import { deferred, rng, settle, type Deferred } from './helpers.js';

// The saver's boundary is the save(id, text) function (the core's setNote over IPC). The fake below records
// every call with the virtual time it was made at and lets the test answer each one (ok / fail) when it likes.
// "stored" is what the core holds: a save takes effect when it is answered ok. Answers are given in call order
// unless a test says otherwise (IPC to one main process answers in order).

interface SaveCall {
  id: string;
  text: string;
  at: number;
  deferred: Deferred<void>;
  settled: boolean;
}

function harness(t: TestContext, options: { delay?: number; auto?: boolean } = {}) {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let now = 0;
  const calls: SaveCall[] = [];
  const stored = new Map<string, string>();
  const inFlight = new Map<string, number>();
  let maxOverlap = 0;
  const save = (id: string, text: string): Promise<void> => {
    const call: SaveCall = { id, text, at: now, deferred: deferred<void>(), settled: false };
    calls.push(call);
    const n = (inFlight.get(id) ?? 0) + 1;
    inFlight.set(id, n);
    maxOverlap = Math.max(maxOverlap, n);
    if (options.auto) {
      call.settled = true;
      inFlight.set(id, n - 1);
      stored.set(id, text);
      call.deferred.resolve();
    }
    return call.deferred.promise;
  };
  const saver = options.delay === undefined ? new NoteSaver(save) : new NoteSaver(save, options.delay);
  const pending = () => calls.filter((c) => !c.settled);
  const finish = (call: SaveCall) => {
    call.settled = true;
    inFlight.set(call.id, (inFlight.get(call.id) ?? 1) - 1);
  };
  return {
    saver,
    calls,
    stored,
    pending,
    get now() {
      return now;
    },
    get maxOverlap() {
      return maxOverlap;
    },
    /** Advances virtual time 1 ms at a time so each timer fires at its exact time, then settles promises. */
    async advance(ms: number): Promise<void> {
      for (let i = 0; i < ms; i++) {
        now++;
        const before = calls.length;
        t.mock.timers.tick(1);
        if (calls.length !== before || options.auto) await settle();
      }
      await settle();
    },
    async ok(call: SaveCall | undefined = pending()[0]): Promise<void> {
      assert.ok(call && !call.settled, 'a pending save to answer');
      finish(call);
      stored.set(call.id, call.text);
      call.deferred.resolve();
      await settle();
    },
    async fail(call: SaveCall | undefined = pending()[0], reason: unknown = new Error('disk full')): Promise<void> {
      assert.ok(call && !call.settled, 'a pending save to fail');
      finish(call);
      call.deferred.reject(reason);
      await settle();
    },
    texts: () => calls.map((c) => c.text),
  };
}

test('noteSaver: debounce — one save of the latest text, DEBOUNCE_MS after the last keystroke', async (t) => {
  const cases: Array<{ name: string; input: { delay?: number; edits: Array<[at: number, text: string]> }; expected: Array<[at: number, text: string]> }> = [
    { name: 'one keystroke', input: { edits: [[0, 'a']] }, expected: [[DEBOUNCE_MS, 'a']] },
    { name: 'a burst is one save', input: { edits: [[0, 'a'], [100, 'ab'], [200, 'abc'], [300, 'abcd']] }, expected: [[700, 'abcd']] },
    { name: 'a keystroke 1 ms before the deadline postpones it', input: { edits: [[0, 'a'], [399, 'ab']] }, expected: [[799, 'ab']] },
    { name: 'a pause longer than the debounce: two saves', input: { edits: [[0, 'a'], [500, 'ab']] }, expected: [[400, 'a'], [900, 'ab']] },
    { name: 'keystroke exactly at the deadline: the first save already started', input: { edits: [[0, 'a'], [400, 'ab']] }, expected: [[400, 'a'], [800, 'ab']] },
    { name: 'clearing the note saves the empty string', input: { edits: [[0, 'x'], [50, '']] }, expected: [[450, '']] },
    { name: 'emoji, accents, newlines and markdown kept verbatim', input: { edits: [[0, 'café 👩‍🔬\n\n- [ ] *todo*  ']] }, expected: [[400, 'café 👩‍🔬\n\n- [ ] *todo*  ']] },
    { name: 'custom delay', input: { delay: 50, edits: [[0, 'a'], [30, 'ab']] }, expected: [[80, 'ab']] },
    { name: 'zero delay still waits for the timer', input: { delay: 0, edits: [[0, 'a']] }, expected: [[1, 'a']] },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, async (t) => {
      const h = harness(t, { auto: true, ...(input.delay === undefined ? {} : { delay: input.delay }) });
      for (const [at, text] of input.edits) {
        await h.advance(at - h.now);
        h.saver.edit('p1', text);
        assert.equal(h.calls.length, expected.filter(([when]) => when <= at).length, 'never saves synchronously on edit');
      }
      await h.advance(2_000);
      assert.deepEqual(
        h.calls.map((c): [number, string] => [c.at, c.text]),
        expected,
      );
      assert.equal(h.saver.state('p1'), 'saved');
      assert.equal(h.saver.pendingText('p1'), undefined);
      assert.equal(h.saver.hasPending(), false);
    });
  }
});

test('noteSaver: states go idle → pending → saving → saved', async (t) => {
  const h = harness(t);
  const seen: NoteSaveState[] = [];
  h.saver.subscribe((id) => {
    assert.equal(id, 'p1');
    seen.push(h.saver.state('p1'));
  });
  assert.equal(h.saver.state('p1'), 'idle');
  assert.equal(h.saver.state('never-touched'), 'idle');
  h.saver.edit('p1', 'hello');
  assert.equal(h.saver.state('p1'), 'pending');
  await h.advance(DEBOUNCE_MS);
  assert.equal(h.saver.state('p1'), 'saving');
  assert.equal(h.saver.pendingText('p1'), 'hello', 'unconfirmed while the save is in flight');
  await h.ok();
  assert.equal(h.saver.state('p1'), 'saved');
  assert.deepEqual(seen, ['pending', 'saving', 'saved']);
});

test('noteSaver: saves of one paper never overlap; an edit during a save is saved after it', async (t) => {
  await t.test('debounce ends while the save is in flight: next save right after', async (t) => {
    const h = harness(t);
    h.saver.edit('p1', 'a');
    await h.advance(DEBOUNCE_MS);
    h.saver.edit('p1', 'ab');
    await h.advance(DEBOUNCE_MS * 3);
    assert.deepEqual(h.texts(), ['a'], 'waits for the first save');
    assert.equal(h.saver.pendingText('p1'), 'ab');
    await h.ok();
    assert.deepEqual(h.texts(), ['a', 'ab'], 'started as soon as the first one ended');
    assert.equal(h.saver.state('p1'), 'saving');
    await h.ok();
    assert.equal(h.saver.state('p1'), 'saved');
    assert.equal(h.stored.get('p1'), 'ab');
    assert.equal(h.maxOverlap, 1);
  });
  await t.test('save ends before the debounce: next save when the debounce ends', async (t) => {
    const h = harness(t);
    h.saver.edit('p1', 'a');
    await h.advance(DEBOUNCE_MS);
    h.saver.edit('p1', 'ab');
    await h.advance(100);
    await h.ok();
    assert.equal(h.saver.state('p1'), 'pending', 'the newer text is not saved yet');
    assert.equal(h.saver.pendingText('p1'), 'ab');
    await h.advance(DEBOUNCE_MS - 101);
    assert.deepEqual(h.texts(), ['a']);
    await h.advance(1);
    assert.deepEqual(h.texts(), ['a', 'ab']);
    await h.ok();
    assert.equal(h.stored.get('p1'), 'ab');
    assert.equal(h.maxOverlap, 1);
  });
  await t.test('papers save independently', async (t) => {
    const h = harness(t);
    h.saver.edit('p1', 'one');
    await h.advance(200);
    h.saver.edit('p2', 'two');
    await h.advance(200);
    assert.deepEqual(h.calls.map((c) => c.id), ['p1']);
    await h.advance(200);
    assert.deepEqual(h.calls.map((c) => c.id), ['p1', 'p2'], 'p2 does not wait for p1’s save');
    await h.ok(h.calls[1]);
    assert.equal(h.saver.state('p2'), 'saved');
    assert.equal(h.saver.state('p1'), 'saving');
    assert.equal(h.saver.hasPending(), true);
    await h.ok(h.calls[0]);
    assert.equal(h.saver.hasPending(), false);
  });
});

test('noteSaver: a failed save is retried with backoff 1 s, 2 s, 4 s … capped at 30 s', async (t) => {
  const h = harness(t);
  h.saver.edit('p1', 'text');
  await h.advance(DEBOUNCE_MS);
  const gaps: number[] = [];
  for (let attempt = 0; attempt < 8; attempt++) {
    const call = h.pending()[0];
    assert.ok(call);
    await h.fail(call);
    assert.equal(h.saver.state('p1'), 'error');
    assert.equal(h.saver.pendingText('p1'), 'text', 'kept while failing');
    assert.equal(h.saver.hasPending(), true);
    const before = h.calls.length;
    const failedAt = h.now;
    while (h.calls.length === before) {
      assert.ok(h.now - failedAt <= 60_000, 'retries');
      await h.advance(1);
    }
    gaps.push(h.now - failedAt);
  }
  assert.deepEqual(gaps, [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  assert.equal(h.saver.state('p1'), 'error', 'still shown as failing while a retry is in flight');
  await h.ok();
  assert.equal(h.saver.state('p1'), 'saved');
  assert.equal(h.stored.get('p1'), 'text');
  // The backoff starts over after a success.
  h.saver.edit('p1', 'text 2');
  await h.advance(DEBOUNCE_MS);
  await h.fail();
  const before = h.calls.length;
  await h.advance(999);
  assert.equal(h.calls.length, before);
  await h.advance(1);
  assert.equal(h.calls.length, before + 1, 'back to 1 s');
});

test('noteSaver: failures of every shape are retried', async (t) => {
  const cases: Array<{ name: string; input: 'reject-error' | 'reject-string' | 'throw-sync' }> = [
    { name: 'rejects with an Error', input: 'reject-error' },
    { name: 'rejects with a string', input: 'reject-string' },
    { name: 'throws synchronously', input: 'throw-sync' },
  ];
  for (const { name, input } of cases) {
    await t.test(name, async (t) => {
      t.mock.timers.enable({ apis: ['setTimeout'] });
      const attempts: string[] = [];
      const saver = new NoteSaver((_id, text) => {
        attempts.push(text);
        if (attempts.length === 1) {
          if (input === 'throw-sync') throw new Error('bridge gone');
          return Promise.reject(input === 'reject-string' ? 'nope' : new Error('nope'));
        }
        return Promise.resolve();
      });
      saver.edit('p', 'x');
      t.mock.timers.tick(DEBOUNCE_MS);
      await settle();
      assert.equal(saver.state('p'), 'error');
      t.mock.timers.tick(1_000);
      await settle();
      assert.deepEqual(attempts, ['x', 'x']);
      assert.equal(saver.state('p'), 'saved');
      assert.equal(saver.pendingText('p'), undefined);
    });
  }
});

test('noteSaver: typing while saves fail keeps showing the error and saves the newest text', async (t) => {
  const h = harness(t);
  h.saver.edit('p1', 'a');
  await h.advance(DEBOUNCE_MS);
  await h.fail();
  h.saver.edit('p1', 'ab');
  assert.equal(h.saver.state('p1'), 'error', 'the problem stays visible while typing');
  assert.equal(h.saver.pendingText('p1'), 'ab');
  await h.advance(5_000);
  assert.deepEqual(h.texts(), ['a', 'ab'], 'the retry sends the newest text');
  await h.ok();
  assert.equal(h.saver.state('p1'), 'saved');
  assert.equal(h.stored.get('p1'), 'ab');
});

test('noteSaver: flush(id) starts the save synchronously', async (t) => {
  await t.test('pending text: saved now, debounce cancelled', async (t) => {
    const h = harness(t);
    h.saver.edit('p1', 'a');
    h.saver.edit('p2', 'b');
    h.saver.flush('p1');
    assert.deepEqual(h.texts(), ['a'], 'before any await; only that paper');
    assert.equal(h.saver.state('p1'), 'saving');
    await h.ok();
    await h.advance(DEBOUNCE_MS * 2);
    assert.deepEqual(h.texts(), ['a', 'b'], 'no second save of p1 when its old timer would have fired');
  });
  await t.test('nothing pending: no save', async (t) => {
    const h = harness(t);
    h.saver.flush('unknown');
    h.saver.edit('p1', 'a');
    h.saver.flush('p1');
    await h.ok();
    h.saver.flush('p1');
    assert.deepEqual(h.texts(), ['a']);
  });
  await t.test('a save in flight: the flushed text goes right after it, without waiting for a debounce', async (t) => {
    const h = harness(t);
    h.saver.edit('p1', 'a');
    h.saver.flush('p1');
    h.saver.edit('p1', 'ab');
    h.saver.flush('p1');
    assert.deepEqual(h.texts(), ['a'], 'no overlapping save');
    await h.ok();
    assert.deepEqual(h.texts(), ['a', 'ab']);
    await h.ok();
    assert.equal(h.stored.get('p1'), 'ab');
    assert.equal(h.saver.state('p1'), 'saved');
  });
  await t.test('during the error backoff: retries now', async (t) => {
    const h = harness(t);
    h.saver.edit('p1', 'a');
    h.saver.flush('p1');
    await h.fail();
    h.saver.flush('p1');
    assert.deepEqual(h.texts(), ['a', 'a']);
    await h.ok();
    assert.equal(h.saver.state('p1'), 'saved');
  });
});

test('noteSaver: flushAll starts every pending save synchronously, even over a save in flight', async (t) => {
  const h = harness(t);
  h.saver.edit('p1', 'one');
  h.saver.flush('p1'); // in flight
  h.saver.edit('p1', 'one more');
  h.saver.edit('p2', 'two');
  h.saver.edit('p3', 'three');
  h.saver.flush('p3');
  await h.ok(h.calls[1]); // p3 saved: nothing pending for it
  const before = h.calls.length;
  h.saver.flushAll();
  assert.deepEqual(
    h.calls.slice(before).map((c) => [c.id, c.text]),
    [
      ['p1', 'one more'],
      ['p2', 'two'],
    ],
  );
  await h.ok();
  await h.ok();
  await h.ok();
  await h.advance(60_000);
  assert.equal(h.pending().length, 0);
  assert.deepEqual(Object.fromEntries(h.stored), { p1: 'one more', p2: 'two', p3: 'three' });
  assert.equal(h.saver.hasPending(), false);
  for (const id of ['p1', 'p2', 'p3']) assert.equal(h.saver.state(id), 'saved', id);
});

test('noteSaver: after flushAll over a save in flight, the saver settles on "saved" without extra saves', async (t) => {
  // The window was hidden (visibilitychange → flushAll) while a save was in flight, and stays open.
  const cases: Array<{ name: string; input: Array<'ok-first' | 'ok-second' | 'fail-first' | 'fail-second' | 'ok-next' | 'wait'>; expected: { texts: string[]; stored: string } }> = [
    { name: 'both answered at once', input: ['ok-first', 'ok-second'], expected: { texts: ['a', 'ab'], stored: 'ab' } },
    { name: 'second answered a while after the first', input: ['ok-first', 'wait', 'ok-second', 'wait'], expected: { texts: ['a', 'ab'], stored: 'ab' } },
    { name: 'first fails, second saves', input: ['fail-first', 'wait', 'ok-second', 'wait'], expected: { texts: ['a', 'ab'], stored: 'ab' } },
    { name: 'first saves, second fails and is retried', input: ['ok-first', 'fail-second', 'wait', 'ok-next'], expected: { texts: ['a', 'ab', 'ab'], stored: 'ab' } },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, async (t) => {
      const h = harness(t);
      h.saver.edit('p1', 'a');
      h.saver.flush('p1');
      h.saver.edit('p1', 'ab');
      h.saver.flushAll();
      const [first, second] = h.calls;
      for (const step of input) {
        if (step === 'wait') await h.advance(2_000);
        else if (step === 'ok-first') await h.ok(first);
        else if (step === 'ok-next') await h.ok();
        else if (step === 'ok-second') await h.ok(second);
        else if (step === 'fail-first') await h.fail(first);
        else await h.fail(second);
      }
      await h.advance(60_000);
      const unanswered = h.pending().length;
      while (h.pending().length > 0) await h.ok();
      await h.advance(60_000);
      assert.equal(h.saver.state('p1'), 'saved', 'not stuck on pending/error');
      assert.deepEqual(h.texts(), expected.texts, 'no redundant overlapping save');
      assert.equal(unanswered, 0);
      assert.equal(h.stored.get('p1'), expected.stored);
      assert.equal(h.saver.pendingText('p1'), undefined);
      assert.equal(h.saver.state('p1'), 'saved');
    });
  }
});

test('noteSaver: pendingText is the unsaved text', async (t) => {
  const cases: Array<{ name: string; input: (h: ReturnType<typeof harness>) => Promise<void>; expected: string | undefined }> = [
    { name: 'never edited', input: async () => {}, expected: undefined },
    { name: 'typed, not saved yet', input: async (h) => h.saver.edit('p', 'draft'), expected: 'draft' },
    { name: 'typed empty text', input: async (h) => h.saver.edit('p', ''), expected: '' },
    {
      name: 'saving',
      input: async (h) => {
        h.saver.edit('p', 'draft');
        h.saver.flush('p');
      },
      expected: 'draft',
    },
    {
      name: 'saved',
      input: async (h) => {
        h.saver.edit('p', 'draft');
        h.saver.flush('p');
        await h.ok();
      },
      expected: undefined,
    },
    {
      name: 'save failed',
      input: async (h) => {
        h.saver.edit('p', 'draft');
        h.saver.flush('p');
        await h.fail();
      },
      expected: 'draft',
    },
    {
      name: 'typed again while saving',
      input: async (h) => {
        h.saver.edit('p', 'draft');
        h.saver.flush('p');
        h.saver.edit('p', 'draft 2');
        await h.ok();
      },
      expected: 'draft 2',
    },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, async (t) => {
      const h = harness(t);
      await input(h);
      assert.equal(h.saver.pendingText('p'), expected);
      assert.equal(h.saver.hasPending(), expected !== undefined);
    });
  }
});

test('noteSaver: unsubscribe stops notifications', async (t) => {
  const h = harness(t);
  let heard = 0;
  const off = h.saver.subscribe(() => heard++);
  h.saver.edit('p', 'a');
  off();
  h.saver.edit('p', 'ab');
  assert.equal(heard, 1);
});

// Randomized interleavings of typing, time passing, flushes and answers (ok / failure, in call order).
// Invariants: at every step, text the core does not hold yet is still pendingText (so reopening the paper or
// flushAll finds it); saves overlap only after flushAll; in the end the core holds the last keystroke of
// every paper and the saver says so.
async function interleave(t: TestContext, seed: number, withFlushAll: boolean): Promise<void> {
  const random = rng(seed);
  const h = harness(t);
  const ids = ['p1', 'p2'];
  const last = new Map<string, string>();
  let usedFlushAll = false;
  let n = 0;
  const check = (when: string) => {
    for (const [id, text] of last) {
      if (h.stored.get(id) !== text) {
        assert.equal(h.saver.pendingText(id), text, `${when}: unsaved "${text}" of ${id} is still pending`);
      }
    }
    if (!usedFlushAll) assert.ok(h.maxOverlap <= 1, `${when}: saves overlapped`);
  };
  for (let step = 0; step < 400; step++) {
    const r = random();
    const id = ids[Math.floor(random() * ids.length)]!;
    let what: string;
    if (r < 0.35) {
      const text = `${id}#${++n}`;
      h.saver.edit(id, text);
      last.set(id, text);
      what = `edit ${text}`;
    } else if (r < 0.6) {
      const ms = Math.floor(random() * 1_200);
      await h.advance(ms);
      what = `advance ${ms}`;
    } else if (r < 0.68) {
      h.saver.flush(id);
      what = `flush ${id}`;
    } else if (withFlushAll && r < 0.72) {
      h.saver.flushAll();
      usedFlushAll = true;
      what = 'flushAll';
    } else {
      const call = h.pending()[0];
      if (!call) continue;
      if (random() < 0.3) await h.fail(call);
      else await h.ok(call);
      what = `answer ${call.text}`;
    }
    check(`seed ${seed} step ${step} (${what})`);
  }
  // Drain: the core recovers, everything is answered and every timer allowed to fire.
  for (let round = 0; round < 50 && (h.pending().length > 0 || h.saver.hasPending()); round++) {
    while (h.pending().length > 0) await h.ok();
    await h.advance(31_000);
  }
  await h.advance(31_000);
  assert.equal(h.pending().length, 0, 'no save left in flight');
  for (const [id, text] of last) {
    assert.equal(h.stored.get(id), text, `seed ${seed}: the core holds ${id}'s last keystroke`);
    assert.equal(h.saver.pendingText(id), undefined);
    assert.equal(h.saver.state(id), 'saved', `seed ${seed}: ${id} shows saved`);
  }
  assert.equal(h.saver.hasPending(), false);
}

test('noteSaver: randomized interleavings never lose the last keystroke (fixed seeds)', async (t) => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99, 2024]) {
    await t.test(`edits, flushes, failures — seed ${seed}`, (t) => interleave(t, seed, false));
  }
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99, 2024]) {
    await t.test(`…and flushAll over saves in flight — seed ${seed}`, (t) => interleave(t, seed, true));
  }
});
