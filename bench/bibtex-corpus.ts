// A seeded BibTeX library of any size, for the BibTeX parser comparison and the import benchmark: accented names,
// @string venues, math in titles, abstracts, DOIs, and optionally one entry in the middle whose title brace is never
// closed (a real library has one).
import { Rng } from './rng.js';

const GIVEN_TEX = ['In{\\`e}s', 'Zo{\\"e}', 'Tom\\\'{a}s', 'Joaqu{\\\'\\i}n', '{\\L}ukasz', 'S{\\o}ren', 'Ana', 'Wei', 'Kenta', 'Margaux'];
const FAMILY_TEX = ['M{\\o}ller', 'Gro{\\ss}', 'N{\\\'u}{\\~n}ez', 'Duclos-Varga', 'Dvo{\\v{r}}{\\\'a}k', 'Ibarra', 'Lindqvist', '{van der Berg}'];
const WORDS = ['learning', 'policy', 'reward', 'offline', 'robust', 'sampling', 'language', 'models', 'agents', 'inference'];

/** A .bib file of `count` entries (seeded), with one entry whose title brace is never closed, in the middle. */
export function generateBib(count: number, seed: number, withMalformed = true): { text: string; expected: Map<string, string>; malformed: string } {
  const rng = new Rng(seed);
  const lines = ['@string{neurips = "Advances in Neural Information Processing Systems"}', ''];
  const expected = new Map<string, string>();
  const malformedIndex = withMalformed ? Math.floor(count / 2) : -1;
  for (let i = 0; i < count; i++) {
    const words = Array.from({ length: rng.range(3, 8) }, () => rng.pick(WORDS));
    const title = `{GPU} ${words.join(' ')} for $\\alpha$-divergences (no. ${i})`;
    const authors = Array.from({ length: rng.range(1, 6) }, () => `${rng.pick(FAMILY_TEX)}, ${rng.pick(GIVEN_TEX)}`);
    const venue = rng.chance(0.5) ? 'neurips' : `{Journal of ${rng.pick(WORDS)} research}`;
    if (i === malformedIndex) {
      lines.push(`@article{entry${i},`, `  title = {${title},`, `  year = {2020}`, '}', '');
      continue;
    }
    expected.set(String(i), `GPU ${words.join(' ')} for α-divergences (no. ${i})`);
    lines.push(
      `@${rng.pick(['article', 'inproceedings', 'misc'])}{entry${i},`,
      `  title = {${title}},`,
      `  author = {${authors.join(' and ')}${rng.chance(0.1) ? ' and others' : ''}},`,
      `  booktitle = ${venue},`,
      `  year = ${2000 + rng.int(25)},`,
      `  month = ${rng.pick(['jan', 'mar', 'jul', 'oct'])},`,
      `  doi = {10.5555/bench.${i}},`,
      `  abstract = {We study ${words.join(' ')} with M{\\"o}bius maps and 50\\% fewer steps.}`,
      '}',
      '',
    );
  }
  return { text: lines.join('\n'), expected, malformed: `entry${malformedIndex}` };
}

