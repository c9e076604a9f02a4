// `folio import` never silently drops, merges or refuses papers (issue 8 §4): titles without letters are imported,
// merges and doubtful profile names are printed as warnings, and --name corrects a name. Real library folders.
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, test } from 'node:test';
import { FIXTURES, withTempDir } from '../helpers/tree.js';
import { CACHE_DIR, folio } from './helpers.js';

after(() => rm(CACHE_DIR, { recursive: true, force: true }));


const fixture = (name: string) => readFile(path.join(FIXTURES, name), 'utf8');
const profiles = async (library: string) => JSON.parse((await folio(['profiles', '--json', '--library', library])).stdout) as Array<{ name: string; paperCount: number }>;

test('titles with no letters ("🚀🚀🚀", "<", "，") are imported, not a stack trace that refuses the paste', async () => {
  await withTempDir(async (dir) => {
    const sample = await fixture('profile-sabela-ramos.txt');
    const paste = sample.replace('Gemma 3 Technical Report', '🚀🚀🚀').replace('MedGemma Technical Report', '<').replace('Hyperparameter Selection for Imitation Learning', '，');
    await writeFile(path.join(dir, 'paste.txt'), paste);
    const run = await folio(['import', path.join(dir, 'paste.txt'), '--library', path.join(dir, 'lib')]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^Imported Sabela Ramos: 12 new, 0 already present\.$/m);
    const titles = JSON.parse((await folio(['list', '--json', '--library', path.join(dir, 'lib')])).stdout).map((p: { title: string }) => p.title);
    for (const title of ['🚀🚀🚀', '<', '，']) assert.ok(titles.includes(title), `${title} missing from ${titles.join(' | ')}`);
  });
});

test('a paper merged with a stored one of another date is named in the warnings the CLI prints', async () => {
  await withTempDir(async (dir) => {
    const library = path.join(dir, 'lib');
    assert.equal((await folio(['import', path.join(FIXTURES, 'profile-sabela-ramos.txt'), '--library', library])).code, 0);
    const later = (await fixture('profile-overlap-b.txt')).replace('CLMay 31, 2023', 'CLJan 10, 2024');
    assert.notEqual(later, await fixture('profile-overlap-b.txt'));
    await writeFile(path.join(dir, 'b.txt'), later);
    const run = await folio(['import', path.join(dir, 'b.txt'), '--library', library]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /^warning: "Factually Consistent Summarization via Reinforcement Learning with Textual Entailment Feedback" 2023-05-31 and 2024-01-10 are one paper: same title, dates within 1 year \(kept 2023-05-31\)\.$/m,
    );
  });
});

test('two researchers whose pastes carry the same unknown navigation are two profiles, each with its own name', async () => {
  await withTempDir(async (dir) => {
    const library = path.join(dir, 'lib');
    const nav = 'ScholarScope\nResearch Feed\nMy Reading List\n\n';
    for (const [file, fixtureName] of [['a.txt', 'profile-sabela-ramos.txt'], ['b.txt', 'profile-overlap-a.txt']] as const) {
      await writeFile(path.join(dir, file), nav + (await fixture(fixtureName)));
      const run = await folio(['import', path.join(dir, file), '--library', library]);
      assert.equal(run.code, 0, run.stderr);
    }
    assert.deepEqual((await profiles(library)).map((p) => [p.name, p.paperCount]).sort(), [['Robert Dadashi', 6], ['Sabela Ramos', 12]]);
  });
});

test('pastes that lost their name line: the doubtful merge is printed, and --name keeps the second researcher apart', async () => {
  await withTempDir(async (dir) => {
    const library = path.join(dir, 'lib');
    const nameless = async (fixtureName: string, name: string) => `Research Feed\n${(await fixture(fixtureName)).replace(`${name}\n`, '')}`;
    await writeFile(path.join(dir, 'a.txt'), await nameless('profile-sabela-ramos.txt', 'Sabela Ramos'));
    await writeFile(path.join(dir, 'b.txt'), await nameless('profile-overlap-a.txt', 'Robert Dadashi'));
    assert.equal((await folio(['import', path.join(dir, 'a.txt'), '--library', library])).code, 0);
    const merged = await folio(['import', path.join(dir, 'b.txt'), '--library', library]);
    assert.equal(merged.code, 0, merged.stderr);
    assert.match(merged.stdout, /^warning: This page will be merged into the profile "Research Feed" already in the library \(12 papers, 2 of them on this page\), and its metrics replaced\. Folio took "Research Feed" for the name, but it is not among the authors of the papers\. Correct the name if this is someone else\.$/m);

    const other = path.join(dir, 'lib2');
    assert.equal((await folio(['import', path.join(dir, 'a.txt'), '--library', other])).code, 0);
    const corrected = await folio(['import', path.join(dir, 'b.txt'), '--name', 'Robert Dadashi', '--library', other]);
    assert.equal(corrected.code, 0, corrected.stderr);
    assert.match(corrected.stdout, /^Imported Robert Dadashi: 4 new, 2 already present\.$/m);
    assert.doesNotMatch(corrected.stdout, /merged into the profile/);
    assert.deepEqual((await profiles(other)).map((p) => p.name).sort(), ['Research Feed', 'Robert Dadashi']);
    const bad = await folio(['import', path.join(dir, 'b.txt'), '--name', '  —  ', '--library', other]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /has no letters or digits/);
  });
});
