import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sameScope, scopeToQuery, type Scope } from '../../renderer/src/lib/scope.js';

test('scope: scopeToQuery', async (t) => {
  const cases: Array<{ name: string; input: Scope; expected: ReturnType<typeof scopeToQuery> }> = [
    { name: 'all papers: no scope', input: { kind: 'all' }, expected: undefined },
    { name: 'status', input: { kind: 'status', status: 'reading' }, expected: { status: 'reading' } },
    { name: 'profile', input: { kind: 'profile', id: 'prof-1' }, expected: { profileId: 'prof-1' } },
    { name: 'tag with spaces', input: { kind: 'tag', name: 'to read' }, expected: { tag: 'to read' } },
    { name: 'empty tag name passed through', input: { kind: 'tag', name: '' }, expected: { tag: '' } },
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
