import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TagSummary } from '../../electron/core/api.js';
import { buildTagTree, filterTagTree, parentNames, sortTagTree, type TagNode } from '../../renderer/src/lib/tagTree.js';

const tag = (name: string, count = 1): TagSummary => ({ name, color: '#3b82f6', count, path: name.split('/') });
/** A tree as text: "name(weight)[children]", so each case reads as one line. */
const show = (nodes: readonly TagNode[]): string =>
  nodes.map((n) => `${n.tag ? '' : '~'}${n.name}(${n.weight})${n.children.length ? `[${show(n.children)}]` : ''}`).join(' ');

test('tagTree: buildTagTree', async (t) => {
  const cases: Array<{ name: string; tags: TagSummary[]; expected: string }> = [
    { name: 'none', tags: [], expected: '' },
    { name: 'flat', tags: [tag('b', 2), tag('a', 1)], expected: 'b(2) a(1)' },
    { name: 'parent and child', tags: [tag('ml', 2), tag('ml/rl', 3)], expected: 'ml(5)[ml/rl(3)]' },
    { name: 'a child without its parent tag makes a bare parent', tags: [tag('ml/rl', 3), tag('ml/cv', 1)], expected: '~ml(4)[ml/rl(3) ml/cv(1)]' },
    { name: 'three levels, child listed before parent', tags: [tag('a/b/c', 1), tag('a', 1)], expected: 'a(2)[~a/b(1)[a/b/c(1)]]' },
    { name: 'empty segments stay flat', tags: [tag('a//b', 1), tag('/x', 2), tag('y/', 3)], expected: 'a//b(1) /x(2) y/(3)' },
    { name: 'zero counts', tags: [tag('p/q', 0)], expected: '~p(0)[p/q(0)]' },
    { name: 'spaces and unicode', tags: [tag('to read', 1), tag('ß/ü', 2)], expected: 'to read(1) ~ß(2)[ß/ü(2)]' },
  ];
  for (const { name, tags, expected } of cases) await t.test(name, () => assert.equal(show(buildTagTree(tags)), expected));
});

test('tagTree: sortTagTree', async (t) => {
  const tree = buildTagTree([tag('beta', 1), tag('Alpha', 1), tag('ml/rl', 5), tag('ml/cv', 7), tag('item10', 2), tag('item9', 2)]);
  const cases: Array<{ sort: 'name' | 'count'; expected: string }> = [
    { sort: 'name', expected: 'Alpha(1) beta(1) item9(2) item10(2) ~ml(12)[ml/cv(7) ml/rl(5)]' },
    { sort: 'count', expected: '~ml(12)[ml/cv(7) ml/rl(5)] item9(2) item10(2) Alpha(1) beta(1)' },
  ];
  for (const { sort, expected } of cases) await t.test(sort, () => assert.equal(show(sortTagTree(tree, sort)), expected));
});

test('tagTree: filterTagTree', async (t) => {
  const tree = buildTagTree([tag('ml', 1), tag('ml/rl', 1), tag('ml/rl/offline', 1), tag('vision', 1), tag('to read', 1)]);
  const cases: Array<{ filter: string; expected: string; hidden: number }> = [
    { filter: '', expected: 'ml(3)[ml/rl(2)[ml/rl/offline(1)]] vision(1) to read(1)', hidden: 0 },
    { filter: '   ', expected: 'ml(3)[ml/rl(2)[ml/rl/offline(1)]] vision(1) to read(1)', hidden: 0 },
    { filter: 'OFF', expected: 'ml(3)[ml/rl(2)[ml/rl/offline(1)]]', hidden: 2 },
    { filter: 'ml', expected: 'ml(3)[ml/rl(2)[ml/rl/offline(1)]]', hidden: 2 },
    { filter: 'rl/', expected: 'ml(3)[ml/rl(2)[ml/rl/offline(1)]]', hidden: 2 },
    { filter: 'is', expected: 'vision(1)', hidden: 4 },
    { filter: 'o r', expected: 'to read(1)', hidden: 4 },
    { filter: 'zzz', expected: '', hidden: 5 },
  ];
  for (const { filter, expected, hidden } of cases) {
    await t.test(JSON.stringify(filter), () => {
      const result = filterTagTree(tree, filter);
      assert.equal(show(result.nodes), expected);
      assert.equal(result.hidden, hidden);
    });
  }
});

test('tagTree: parentNames', () => {
  assert.deepEqual(parentNames(buildTagTree([tag('a/b/c'), tag('d'), tag('e/f')])), ['a', 'a/b', 'e']);
});
