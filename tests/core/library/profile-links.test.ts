// Which profiles list a paper: a reverse map built in slices after open (100k Sets at 100k papers), finished
// on the spot when asked before it is done, and kept right across imports that arrive while it is built.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Library } from '../../../electron/core/library/index.js';
import { libraryPath, openLib, paper, parsed } from './helpers.js';

/** What profilesOfPaper must say, from the profiles' own lists. */
function expected(lib: Library): Map<string, string[]> {
  const want = new Map<string, string[]>();
  for (const p of lib.papers()) want.set(p.id, []);
  for (const profile of lib.profiles()) for (const id of profile.paperIds) want.get(id)?.push(profile.name);
  return want;
}

function check(lib: Library, label: string): void {
  for (const [id, names] of expected(lib)) {
    assert.deepEqual(lib.profilesOfPaper(id).map((p) => p.name).sort(), names.sort(), `${label}: ${id}`);
  }
}

const turns = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

test('profilesOfPaper is right whenever it is asked: at once, mid-build, after an import mid-build, and after', async (t) => {
  const dir = await libraryPath(t);
  const setup = await openLib(t, dir);
  const titles = Array.from({ length: 40 }, (_, i) => `Shared paper ${i}`);
  for (let p = 0; p < 30; p++) {
    // Thirty profiles, each listing a window of the shared papers: most papers are on several profiles.
    await setup.commitImport(`p${p}`, parsed(`Author ${p}`, titles.slice(p, p + 8).map((title) => paper(title))), 1);
  }
  await setup.close();

  for (const when of ['at once', 'mid-build', 'import mid-build', 'after the build'] as const) {
    const lib = await openLib(t, dir);
    if (when === 'mid-build') await turns(1);
    if (when === 'import mid-build') {
      await turns(1);
      await lib.commitImport('late', parsed('Author 3', [paper('Shared paper 0'), paper('A late paper')]), 1);
      await lib.commitImport('new', parsed('Newcomer', [paper('Shared paper 39'), paper('Shared paper 5')]), 1);
    }
    if (when === 'after the build') await turns(50);
    check(lib, when);
    await lib.close();
  }
});
