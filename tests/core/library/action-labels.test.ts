// The two forms of an action's wording (the undo stack's imperative, a report's past tense) from one table of verbs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACTION_VERBS, imperative, pastTense, wording, type ActionVerb } from '../../../electron/core/library/action-labels.js';

const CASES: Array<{ verb: ActionVerb; rest: string; now: string; done: string }> = [
  { verb: 'Move', rest: '2 papers to the Trash', now: 'Move 2 papers to the Trash', done: 'Moved 2 papers to the Trash' },
  { verb: 'Tag', rest: '3,000 papers with ml/rl', now: 'Tag 3,000 papers with ml/rl', done: 'Tagged 3,000 papers with ml/rl' },
  { verb: 'Empty', rest: 'the Trash (1 paper)', now: 'Empty the Trash (1 paper)', done: 'Emptied the Trash (1 paper)' },
  { verb: 'Mark', rest: '1 paper read', now: 'Mark 1 paper read', done: 'Marked 1 paper read' },
  { verb: 'Remove', rest: 'tag Move from 2 papers', now: 'Remove tag Move from 2 papers', done: 'Removed tag Move from 2 papers' },
  { verb: 'Rename', rest: 'tag  to ', now: 'Rename tag  to ', done: 'Renamed tag  to ' },
];

test('imperative and past tense of the same wording differ only in the verb', () => {
  for (const { verb, rest, now, done } of CASES) {
    assert.equal(imperative(wording(verb, rest)), now);
    assert.equal(pastTense(wording(verb, rest)), done);
  }
});

test('every verb has a past tense that is a different word (never the imperative again)', () => {
  for (const [verb, past] of Object.entries(ACTION_VERBS)) {
    assert.match(past, /^[A-Z][a-z]+ed$/, verb);
    assert.notEqual(past, verb);
  }
});
