import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TagSummary } from '../../electron/core/api.js';
import { isContextMenuKey, tagForKey, toggleAdds, undoKey } from '../../renderer/src/lib/shortcuts.js';

const keys = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

test('shortcuts: undo and redo keys', async (t) => {
  const cases: Array<{ name: string; event: ReturnType<typeof keys>; expected: 'undo' | 'redo' | null }> = [
    { name: 'Ctrl+Z', event: keys('z', { ctrlKey: true }), expected: 'undo' },
    { name: 'Cmd+Z', event: keys('z', { metaKey: true }), expected: 'undo' },
    { name: 'Ctrl+Shift+Z (key reads "Z")', event: keys('Z', { ctrlKey: true, shiftKey: true }), expected: 'redo' },
    { name: 'Cmd+Shift+Z', event: keys('z', { metaKey: true, shiftKey: true }), expected: 'redo' },
    { name: 'Ctrl+Y', event: keys('y', { ctrlKey: true }), expected: 'redo' },
    { name: 'Cmd+Y is not redo on a Mac', event: keys('y', { metaKey: true }), expected: null },
    { name: 'Ctrl+Shift+Y', event: keys('y', { ctrlKey: true, shiftKey: true }), expected: null },
    { name: 'plain z', event: keys('z'), expected: null },
    { name: 'Ctrl+Alt+Z', event: keys('z', { ctrlKey: true, altKey: true }), expected: null },
    { name: 'Ctrl+A', event: keys('a', { ctrlKey: true }), expected: null },
  ];
  for (const c of cases) await t.test(c.name, () => assert.equal(undoKey(c.event), c.expected));
});

test('shortcuts: the context menu keys', async (t) => {
  const cases: Array<{ name: string; event: ReturnType<typeof keys>; expected: boolean }> = [
    { name: 'the Menu key', event: keys('ContextMenu'), expected: true },
    { name: 'Shift+F10', event: keys('F10', { shiftKey: true }), expected: true },
    { name: 'F10 alone', event: keys('F10'), expected: false },
    { name: 'Ctrl+Shift+F10', event: keys('F10', { shiftKey: true, ctrlKey: true }), expected: false },
    { name: 'Shift+F1', event: keys('F1', { shiftKey: true }), expected: false },
  ];
  for (const c of cases) await t.test(c.name, () => assert.equal(isContextMenuKey(c.event), c.expected));
});

const tag = (name: string, key?: number): TagSummary => ({ name, color: '#3a7bd5', count: 1, path: name.split('/'), ...(key === undefined ? {} : { key: key as TagSummary['key'] & number }) });

test('shortcuts: the tag a digit key toggles', async (t) => {
  const cases: Array<{ name: string; tags: TagSummary[]; key: number; expected: string | undefined }> = [
    { name: 'the tag holding the key', tags: [tag('a', 2), tag('b', 1)], key: 1, expected: 'b' },
    { name: 'a key no tag holds: none (not the nth tag)', tags: [tag('a', 2), tag('b')], key: 1, expected: undefined },
    { name: 'no tag holds any key: none (keys are assigned, not taken by position)', tags: [tag('a'), tag('b'), tag('c')], key: 2, expected: undefined },
    { name: 'no tags', tags: [], key: 1, expected: undefined },
    { name: 'key 9 on a nested tag', tags: [tag('ml'), tag('ml/rl', 9)], key: 9, expected: 'ml/rl' },
  ];
  for (const c of cases) await t.test(c.name, () => assert.equal(tagForKey(c.tags, c.key)?.name, c.expected));
});

test('shortcuts: a toggle on many papers adds unless every one has the tag', async (t) => {
  const cases: Array<{ selected: number; withTag: number; expected: boolean }> = [
    { selected: 1, withTag: 0, expected: true },
    { selected: 1, withTag: 1, expected: false },
    { selected: 10_000, withTag: 9_999, expected: true },
    { selected: 10_000, withTag: 10_000, expected: false },
    { selected: 0, withTag: 0, expected: true },
    { selected: 3, withTag: 5, expected: false },
  ];
  for (const c of cases) await t.test(`${c.withTag} of ${c.selected}`, () => assert.equal(toggleAdds(c.selected, c.withTag), c.expected));
});
