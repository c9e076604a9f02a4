import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SavedSearch } from '../../electron/core/api.js';
import { sameScope, scopeToQuery, viewOf, type Scope } from '../../renderer/src/lib/scope.js';

test('scope: scopeToQuery', async (t) => {
  const cases: Array<{ name: string; input: Scope; expected: ReturnType<typeof scopeToQuery> }> = [
    { name: 'all papers: no scope', input: { kind: 'all' }, expected: undefined },
    { name: 'status', input: { kind: 'status', status: 'reading' }, expected: { status: 'reading' } },
    { name: 'profile', input: { kind: 'profile', id: 'prof-1' }, expected: { profileId: 'prof-1' } },
    { name: 'tag with spaces', input: { kind: 'tag', name: 'to read' }, expected: { tag: 'to read' } },
    { name: 'empty tag name passed through', input: { kind: 'tag', name: '' }, expected: { tag: '' } },
    { name: 'trash', input: { kind: 'trash' }, expected: { trash: true } },
    { name: 'duplicates: not a list scope', input: { kind: 'duplicates' }, expected: undefined },
    { name: 'saved: resolved by viewOf, not here', input: { kind: 'saved', id: 's1' }, expected: undefined },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => assert.deepEqual(scopeToQuery(input), expected));
  }
});

test('scope: sameScope', async (t) => {
  const cases: Array<{ name: string; input: [Scope, Scope]; expected: boolean }> = [
    { name: 'all = all', input: [{ kind: 'all' }, { kind: 'all' }], expected: true },
    { name: 'same tag', input: [{ kind: 'tag', name: 'ml' }, { kind: 'tag', name: 'ml' }], expected: true },
    { name: 'tag names differ by case', input: [{ kind: 'tag', name: 'ml' }, { kind: 'tag', name: 'ML' }], expected: false },
    { name: 'different kinds', input: [{ kind: 'all' }, { kind: 'status', status: 'read' }], expected: false },
    { name: 'different status', input: [{ kind: 'status', status: 'read' }, { kind: 'status', status: 'unread' }], expected: false },
    { name: 'different profile', input: [{ kind: 'profile', id: 'a' }, { kind: 'profile', id: 'b' }], expected: false },
    { name: 'tag vs profile with the same string', input: [{ kind: 'tag', name: 'x' }, { kind: 'profile', id: 'x' }], expected: false },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => {
      assert.equal(sameScope(...input), expected);
      assert.equal(sameScope(input[1], input[0]), expected, 'symmetric');
    });
  }
});

test('scope: viewOf combines a saved search with what is typed', async (t) => {
  const saved: SavedSearch[] = [
    { id: 's1', name: 'RL reading', search: 'tag:rl', scope: { status: 'reading' } },
    { id: 's2', name: 'Everything', search: '  ', scope: {} },
  ];
  const cases: Array<{ name: string; scope: Scope; search: string; expected: ReturnType<typeof viewOf> }> = [
    { name: 'not saved: search and scope as they are', scope: { kind: 'tag', name: 'ml' }, search: 'x', expected: { search: 'x', scope: { tag: 'ml' } } },
    { name: 'saved alone', scope: { kind: 'saved', id: 's1' }, search: '', expected: { search: 'tag:rl', scope: { status: 'reading' } } },
    { name: 'saved plus typed words', scope: { kind: 'saved', id: 's1' }, search: ' policy ', expected: { search: 'tag:rl policy', scope: { status: 'reading' } } },
    { name: 'saved with a blank search and no scope', scope: { kind: 'saved', id: 's2' }, search: 'a', expected: { search: 'a', scope: undefined } },
    { name: 'a saved search deleted meanwhile: the typed search alone', scope: { kind: 'saved', id: 'gone' }, search: 'a', expected: { search: 'a', scope: undefined } },
  ];
  for (const { name, scope, search, expected } of cases) {
    await t.test(name, () => assert.deepEqual(viewOf(scope, search, saved), expected));
  }
});
