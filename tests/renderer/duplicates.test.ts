import { test } from 'node:test';
import assert from 'node:assert/strict';
import { differingFields, type ComparedField } from '../../renderer/src/lib/duplicates.js';

const base = { title: 'Deep Residual Learning', authors: ['K. He', 'X. Zhang'], date: '2016', category: 'cs.CV' as string | null };

test('duplicates: the fields a pair differs in', async (t) => {
  const cases: Array<{ name: string; b: Partial<typeof base>; expected: ComparedField[] }> = [
    { name: 'identical', b: {}, expected: [] },
    { name: 'title case and spacing only', b: { title: 'deep  residual learning ' }, expected: [] },
    { name: 'a typo in the title', b: { title: 'Deep Residual Leaning' }, expected: ['title'] },
    { name: 'author order', b: { authors: ['X. Zhang', 'K. He'] }, expected: ['authors'] },
    { name: 'an author missing', b: { authors: ['K. He'] }, expected: ['authors'] },
    { name: 'date precision', b: { date: '2016-06' }, expected: ['date'] },
    { name: 'no category vs one', b: { category: null }, expected: ['category'] },
    { name: 'everything', b: { title: 'X', authors: [], date: '', category: null }, expected: ['title', 'authors', 'date', 'category'] },
  ];
  for (const c of cases) await t.test(c.name, () => assert.deepEqual([...differingFields(base, { ...base, ...c.b })].sort(), [...c.expected].sort()));
});
