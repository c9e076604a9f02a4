// A large library for the sidebar at scale: hundreds of researchers, each imported from a pasted profile page as the
// user would paste it, and hundreds of tags spread over their papers, some of them a tree of `/` paths. Seeded, so
// every run builds the same library.
import { rng } from '../helpers/rng.js';
import type { FolioCore } from '../../electron/core/folio.js';

const FIRST = ['Ada', 'Bram', 'Chiara', 'Dmitri', 'Elif', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kwame', 'Lena', 'Mateo', 'Noor', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zofia'];
const LAST = ['Abara', 'Berg', 'Castillo', 'Dubois', 'Eriksen', 'Fontaine', 'Gallo', 'Haddad', 'Ivanova', 'Jansen', 'Kowalski', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quint', 'Rossi', 'Schmidt', 'Takahashi'];
const WORDS = ['sparse', 'robust', 'causal', 'neural', 'bayesian', 'efficient', 'scalable', 'contrastive', 'offline', 'hierarchical', 'graph', 'policy', 'language', 'vision', 'diffusion', 'kernel', 'federated', 'adaptive'];
const NOUNS = ['transformers', 'bandits', 'estimators', 'retrieval', 'planning', 'representations', 'agents', 'priors', 'embeddings', 'optimizers'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Tags the specs look for (a tree under `ml`, a name with a space); hundreds of generated ones come after them. */
export const TREE_TAGS = ['ml', 'ml/rl', 'ml/rl/offline', 'ml/cv', 'to read'] as const;

/** A profile page as copied from the site (the profile-page source's layout), with one paper. */
function profilePage(name: string, index: number, random: () => number): string {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const title = `${pick(WORDS)} ${pick(WORDS)} ${pick(NOUNS)}, study ${index}`;
  return [
    name,
    'LG',
    `h-index${5 + Math.floor(random() * 40)}`,
    '1papers',
    `${100 + Math.floor(random() * 9000)}citations`,
    '1 Papers',
    `LG${pick(MONTHS)} ${1 + Math.floor(random() * 27)}, ${2015 + Math.floor(random() * 10)}`,
    title[0]!.toUpperCase() + title.slice(1),
    `${name}, ${pick(FIRST)} ${pick(LAST)}`,
    `We study ${pick(WORDS)} ${pick(NOUNS)} in setting ${index}.`,
  ].join('\n');
}

/** Imports `profiles` pasted profile pages and spreads `tags` tags over their papers (tag i on 1 + i mod 4 papers). */
export async function buildLargeLibrary(core: FolioCore, { profiles, tags }: { profiles: number; tags: number }): Promise<{ names: string[]; tagNames: string[] }> {
  const random = rng(20_261_205);
  const names = Array.from({ length: profiles }, (_, i) => `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${i}` : ''}`);
  for (const [i, name] of names.entries()) {
    const result = await core.commitImport(profilePage(name, i, random));
    if (!result.ok) throw new Error(`generated profile ${name} did not import: ${result.error}`);
  }
  const tagNames: string[] = [...TREE_TAGS];
  for (let i = 0; tagNames.length < tags; i++) tagNames.push(`${WORDS[i % WORDS.length]}-${NOUNS[Math.floor(i / WORDS.length) % NOUNS.length]}-${i}`);
  const ids = (await core.query({ search: '', offset: 0, limit: 1000 })).rows.map((row) => row.id);
  const byPaper = new Map<string, Set<string>>();
  tagNames.forEach((tag, i) => {
    for (let k = 0; k <= i % 4; k++) {
      const id = ids[(i * 7 + k * 131) % ids.length]!;
      byPaper.set(id, (byPaper.get(id) ?? new Set()).add(tag));
    }
  });
  for (const [id, list] of byPaper) await core.setTags(id, [...list]);
  return { names, tagNames };
}
