// The highlighter's ASCII scan skips words without making strings of them (first char, length window, and
// for typo rules a bag-distance bound). It must mark exactly what the general token path marks: the same
// text with one accented word appended goes through the general path, and the ranges inside the original
// text must agree.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { highlight } from '../../../electron/core/search/highlight.js';
import { planTerms } from '../../../electron/core/search/plan.js';
import { parseQuery } from '../../../electron/core/search/query-parser.js';
import { rng } from '../../helpers/rng.js';

const QUERIES = ['distillation', 'distilation', 'knowledge distillation', 'reinforcment learning', 'models', 'large language models', 'lerning', 'Transformers', 'aab', 'abcab'];

describe('highlight: the ASCII scan marks what the token path marks', () => {
  const rand = rng(3);
  // Words from a few letters, and near-misses of the query words: many same-length words, many typos.
  const base = 'distillation distilation distillations instillation knowledge knowlege model models modes mode large larger language languages learning lerning earning reinforcement Transformer aab abc abcab bacab'.split(' ');
  const word = (): string => {
    if (rand() < 0.5) {
      let w = '';
      for (let k = 1 + Math.floor(rand() * 12); k > 0; k--) w += 'abcdilnst'[Math.floor(rand() * 9)];
      return rand() < 0.2 ? w.toUpperCase() : w;
    }
    const w = base[Math.floor(rand() * base.length)] as string;
    return rand() < 0.2 ? w.toUpperCase() : w;
  };
  const texts = Array.from({ length: 300 }, () => Array.from({ length: 5 + Math.floor(rand() * 30) }, word).join(rand() < 0.5 ? ' ' : ', '));

  for (const q of QUERIES) {
    test(q, () => {
      const rules = planTerms(parseQuery(q).terms);
      for (const text of texts) {
        const fast = highlight({ title: text, authors: [], orgs: [], abstract: text, tags: [], note: '' }, rules, []);
        const general = highlight({ title: `${text} é`, authors: [], orgs: [], abstract: `${text} é`, tags: [], note: '' }, rules, []);
        const inside = (ranges: ReadonlyArray<readonly [number, number]> | undefined) => (ranges ?? []).filter(([s]) => s < text.length);
        assert.deepEqual(inside(fast.title), inside(general.title), `${q} in ${text}`);
        assert.deepEqual(inside(fast.abstract), inside(general.abstract), `${q} in ${text}`);
      }
    });
  }
});
