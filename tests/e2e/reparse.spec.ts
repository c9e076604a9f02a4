// Re-reading stored imports when a parser has improved: a library whose Sabela Ramos imports were read by the
// profile page parser's version 2 (the v2 fixture; its stored pages now hold a paper the old read "missed" and a
// title it "misread"). The calm banner offers the re-read, the dialog shows the plan (the new paper, the title old →
// new), Cancel changes nothing on disk, Apply adds and corrects without touching tags, notes or reading status.
import { createHash } from 'node:crypto';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { snapshotTree } from '../helpers/tree.js';
import { FolioHarness, expect, screenshotBothThemes, test } from './harness.js';

test.describe.configure({ mode: 'serial' });

const V2_LIBRARY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'core', 'library', 'fixtures', 'v2-library');
const MISREAD = 'Reverb: A Framework For Experience Replay';
const CORRECTED = 'Reverb: A Framework for Experience Replay';
const MISSED = 'Offline Datasets Recorded with Reverb';

/**
 * The v2 fixture, its Sabela Ramos pages changed as if version 2 of the parser had read them worse than version 3
 * does: one paper more in the text than in the library, one title spelled otherwise (record hashes updated to match).
 */
async function libraryReadByAnOlderParser(dir: string): Promise<void> {
  await cp(V2_LIBRARY, dir, { recursive: true });
  const file = path.join(dir, 'library.json');
  const library = JSON.parse(await readFile(file, 'utf8')) as {
    profiles: Array<{ id: string; name: string }>;
    imports: Array<{ profileId: string; file: string; sha256: string; chars: number; parserVersion: number }>;
  };
  const sabela = library.profiles.find((profile) => profile.name === 'Sabela Ramos')?.id;
  for (const record of library.imports.filter((r) => r.profileId === sabela)) {
    expect(record.parserVersion).toBe(2);
    const stored = path.join(dir, 'imports', record.file);
    const text = `${(await readFile(stored, 'utf8')).replace(MISREAD, CORRECTED)}\n\nLGMar 3, 2022\n${MISSED}\n\nSabela Ramos, Léonard Hussenot et al.\n\nWe release datasets recorded with Reverb for offline reinforcement learning.\n`;
    await writeFile(stored, text);
    record.sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
    record.chars = text.length;
  }
  await writeFile(file, JSON.stringify(library));
}

let harness: FolioHarness;
let reverbId: string;

test.beforeAll(async () => {
  harness = await FolioHarness.start(libraryReadByAnOlderParser);
  const found = await harness.core.query({ search: 'reverb experience replay', offset: 0, limit: 1 });
  reverbId = found.rows[0]?.id ?? '';
  expect(found.rows[0]?.title).toBe(MISREAD);
  await harness.core.setTags(reverbId, ['replay']);
  await harness.core.setNote(reverbId, 'Read the **sampling** section.');
  await harness.core.setStatus(reverbId, 'reading');
});

test.afterAll(async () => {
  await harness?.stop();
});

test.beforeEach(async ({ page }) => {
  await harness.open(page);
});

async function librarySnapshot(): Promise<Record<string, string>> {
  await harness.core.library.flush();
  return snapshotTree(harness.dir);
}

test('the banner offers the re-read; the dialog shows the new paper and the corrected title; Cancel writes nothing', async ({ page }) => {
  const before = await librarySnapshot();
  const banner = page.getByRole('region', { name: 'Improved parser' });
  await banner.getByRole('button', { name: 'Re-read 3 stored imports with the improved parser' }).click();
  const dialog = page.getByRole('dialog', { name: 'Re-read stored imports' });
  await expect(dialog.getByText('3 imports: 1 new paper, 1 field corrected in 1 paper.')).toBeVisible();
  const imports = dialog.getByRole('list', { name: 'Imports to re-read' }).getByRole('listitem').filter({ has: page.getByRole('heading') });
  await expect(imports).toHaveCount(3);
  await expect(dialog.getByRole('region', { name: 'New papers from Sabela Ramos' })).toContainText(MISSED);
  const corrections = dialog.getByRole('table', { name: 'Corrections from Sabela Ramos' });
  await expect(corrections.getByRole('row', { name: new RegExp(`^${MISREAD}`) }).getByRole('cell')).toHaveText(['Title', MISREAD, CORRECTED]);
  await expect(dialog.getByRole('button', { name: 'Apply' })).toBeFocused();
  await screenshotBothThemes(page, 'reparse-dialog');

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(banner).toBeVisible();
  expect(await librarySnapshot()).toEqual(before);
  expect((await harness.core.overview()).staleImports).toBe(3);
});

test('Apply adds the missed paper and corrects the title; tags, note and status stay; the banner goes', async ({ page }) => {
  const banner = page.getByRole('region', { name: 'Improved parser' });
  await banner.getByRole('button', { name: /^Re-read 3 stored imports/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Re-read stored imports' });
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Re-read 3 imports: 1 new paper, 1 field corrected in 1 paper');
  await expect(banner).toBeHidden();
  const nav = page.getByRole('navigation', { name: 'Library' });
  await expect(nav.getByRole('button', { name: /^All papers/ })).toHaveAccessibleName('All papers 15 papers');

  await page.getByRole('searchbox', { name: 'Search papers' }).fill('reverb');
  const papers = page.getByRole('listbox', { name: 'Papers' }).getByRole('option');
  // (A string filter ignores case, which is all the correction changes: regular expressions do not.)
  await expect(papers.filter({ hasText: /Framework for Experience/ })).toHaveCount(1);
  await expect(papers.filter({ hasText: /Framework For Experience/ })).toHaveCount(0);
  await expect(papers.filter({ hasText: MISSED })).toHaveCount(1);

  // On disk, after a restart: current, corrected, and the user's data as it was.
  await harness.restart();
  expect((await harness.core.overview()).staleImports).toBe(0);
  const reverb = await harness.core.paper(reverbId);
  expect(reverb.title).toBe(CORRECTED);
  expect([reverb.tags, reverb.note, reverb.status]).toEqual([['replay'], 'Read the **sampling** section.', 'reading']);
});
