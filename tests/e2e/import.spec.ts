// Importing a profile: the empty library, the sample, a real Ctrl+V paste with preview and confirm,
// re-import, Cancel, junk refused and an overlapping profile — against a real library folder on disk.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { snapshotTree } from '../helpers/tree.js';
import { FIXTURES_DIR, FolioHarness, expect, screenshot, screenshotBothThemes, test } from './harness.js';

test.describe.configure({ mode: 'serial' });

let harness: FolioHarness;
let sample: string;
let overlapA: string;

test.beforeAll(async () => {
  harness = await FolioHarness.start();
  sample = await readFile(path.join(FIXTURES_DIR, 'profile-sabela-ramos.txt'), 'utf8');
  overlapA = await readFile(path.join(FIXTURES_DIR, 'profile-overlap-a.txt'), 'utf8');
});

test.afterAll(async () => {
  await harness?.stop();
});

test.beforeEach(async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'http://folio.localhost' });
  await harness.open(page);
});

/** Puts `text` on the system clipboard and presses Ctrl+V with focus outside any text field. */
async function pasteFromClipboard(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  // Focus the document body: the paste must come from "anywhere outside a text field".
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Control+V');
}

/** Every file of the library folder with its sha256, after the core has written everything it started. */
async function librarySnapshot(): Promise<Record<string, string>> {
  await harness.core.library.flush();
  return snapshotTree(harness.dir);
}

test('an empty library explains the paste flow and offers the sample', async ({ page }) => {
  const list = page.getByRole('main', { name: 'Paper list' });
  await expect(list.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  await expect(list.getByText(/select all \((Ctrl\+|⌘)A\) and copy/)).toBeVisible();
  await expect(list.getByText(/Then paste here \((Ctrl\+|⌘)V\)\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try the sample profile' })).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Papers' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'All papers' })).toContainText('0');
  await expect(page.getByRole('button', { name: 'Export' })).toBeDisabled();
  await screenshot(page, 'empty');
});

test('"Try the sample profile" previews the bundled sample; Cancel writes nothing', async ({ page }) => {
  const before = await librarySnapshot();
  await page.getByRole('button', { name: 'Try the sample profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Text to import' })).toHaveValue(sample);
  await expect(dialog.getByRole('heading', { name: 'Sabela Ramos' })).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Papers found' }).getByRole('listitem')).toHaveCount(12);
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  expect(await librarySnapshot()).toEqual(before);
  expect((await harness.core.overview()).paperCount).toBe(0);
});

test('Ctrl+V outside a text field opens the preview; Import adds all 12 papers', async ({ page }) => {
  await pasteFromClipboard(page, sample);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Text to import' })).toHaveValue(sample);

  await expect(dialog.getByRole('heading', { name: 'Sabela Ramos' })).toBeVisible();
  const metric = (label: string) => dialog.locator('.metric').filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) }).getByRole('definition');
  await expect(metric('h-index')).toHaveText('117');
  await expect(metric('Papers')).toHaveText('12');
  await expect(metric('Citations')).toHaveText('9,233');
  await expect(metric('Novelty')).toHaveText('45%');
  await expect(metric('AI score')).toHaveText('42');
  await expect(dialog.getByRole('heading', { name: 'Profile page · 12 papers' })).toBeVisible();
  await expect(dialog.getByText('12 new', { exact: true })).toBeVisible();
  await expect(dialog.getByText('0 already in library', { exact: true })).toBeVisible();

  const found = dialog.getByRole('list', { name: 'Papers found' }).getByRole('listitem');
  await expect(found).toHaveCount(12);
  await expect(found.filter({ hasText: /^New/ })).toHaveCount(12);
  await expect(found.filter({ hasText: 'In library' })).toHaveCount(0);
  await expect(found.first()).toContainText('Gemma 2: Improving Open Language Models at a Practical Size');

  // The preview wrote nothing: the library is still empty.
  expect((await harness.core.overview()).paperCount).toBe(0);
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeFocused();
  await screenshot(page, 'import-preview');

  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(
    'Imported Sabela Ramos: 12 new papers',
  );
  await expect(page.getByRole('listbox', { name: 'Papers' }).getByRole('option')).toHaveCount(12);
  await expect(page.getByRole('region', { name: 'Profile Sabela Ramos' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Library' });
  await expect(nav.getByRole('button', { name: /^Sabela Ramos/ })).toHaveAccessibleName('Sabela Ramos 12 papers');
  await expect(nav.getByRole('button', { name: /^Sabela Ramos/ })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('button', { name: /^All papers/ })).toHaveAccessibleName('All papers 12 papers');
  await expect(nav.getByRole('button', { name: /^Unread/ })).toHaveAccessibleName('Unread 12 papers');

  // On disk: the core reopened from the folder sees the same 12 papers.
  await harness.restart();
  expect((await harness.core.overview()).paperCount).toBe(12);
  await page.reload();
  await expect(page.getByRole('listbox', { name: 'Papers' }).getByRole('option')).toHaveCount(12);
});

test('re-importing the same paste shows every paper "In library"; Cancel leaves the folder byte-identical', async ({ page }) => {
  await expect(page.getByRole('listbox', { name: 'Papers' }).getByRole('option')).toHaveCount(12);
  const before = await librarySnapshot();

  await pasteFromClipboard(page, sample);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByText('Already in library', { exact: true })).toBeVisible();
  const found = dialog.getByRole('list', { name: 'Papers found' }).getByRole('listitem');
  await expect(found).toHaveCount(12);
  await expect(found.filter({ hasText: 'In library' })).toHaveCount(12);
  await expect(found.filter({ hasText: /^New/ })).toHaveCount(0);
  await expect(dialog.getByText('0 new', { exact: true })).toBeVisible();
  await expect(dialog.getByText('12 already in library', { exact: true })).toBeVisible();

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('listbox', { name: 'Papers' }).getByRole('option')).toHaveCount(12);
  expect(await librarySnapshot()).toEqual(before);
});

test('a re-import with new metrics shows each changed one as old → new with the change, the others plainly', async ({ page }) => {
  await expect(page.getByRole('listbox', { name: 'Papers' }).getByRole('option')).toHaveCount(12);
  const before = await librarySnapshot();
  await pasteFromClipboard(page, sample.replace('h-index117', 'h-index119').replace('9,233citations', '9,180citations'));
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByText('Already in library · new metrics', { exact: true })).toBeVisible();
  const metric = (label: string) => dialog.locator('.metric').filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) });
  await expect(metric('h-index').locator('.metric-before')).toHaveText('117');
  await expect(metric('h-index').locator('.metric-after')).toHaveText('119');
  await expect(metric('h-index').locator('.metric-change')).toHaveText('(+2)');
  await expect(metric('h-index').getByRole('definition')).toHaveText(/^117\s*→\s*now\s*119\s*\(\+2\)$/);
  await expect(metric('Citations').getByRole('definition')).toHaveText(/^9,233\s*→\s*now\s*9,180\s*\(−53\)$/);
  // Unchanged figures read as before: the value alone.
  await expect(metric('Papers').getByRole('definition')).toHaveText('12');
  await expect(metric('Novelty').getByRole('definition')).toHaveText('45%');
  await expect(metric('Papers').locator('.metric-before')).toHaveCount(0);
  await dialog.locator('.import-person').scrollIntoViewIfNeeded();
  await screenshotBothThemes(page, 'import-metrics-old-new');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await librarySnapshot()).toEqual(before);
});

test('Ctrl+V inside a text field pastes text there and opens no import', async ({ page }) => {
  await page.evaluate((t) => navigator.clipboard.writeText(t), 'gemma');
  const search = page.getByRole('searchbox', { name: 'Search papers' });
  await search.focus();
  await page.keyboard.press('Control+V');
  await expect(search).toHaveValue('gemma');
  await expect(page.getByRole('dialog', { name: 'Import' })).toHaveCount(0);
  await expect(page.getByRole('listbox', { name: 'Papers' }).getByRole('option').first()).toHaveAccessibleName(/^Gemma/);
});

test('a junk paste says what was expected, cannot be imported and writes nothing', async ({ page }) => {
  const before = await librarySnapshot();
  await pasteFromClipboard(page, 'Dear all,\n\nthe seminar moves to room 4.\nCoffee at 3pm.\n');
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog).toBeVisible();
  const problem = dialog.getByRole('alert');
  await expect(problem).toContainText('Nothing to import');
  await expect(problem).toContainText(/Folio cannot read this text: expected one of Profile page, Google Scholar profile, .*BibTeX file.* or Folio backup\./);
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled();
  // Ctrl+Enter in the text must not import either.
  await dialog.getByRole('textbox', { name: 'Text to import' }).press('Control+Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await librarySnapshot()).toEqual(before);
  expect((await harness.core.overview()).paperCount).toBe(12);
});

test('an overlapping profile previews a mix of New and In library, then adds only the new papers', async ({ page }) => {
  await pasteFromClipboard(page, overlapA);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByRole('heading', { name: 'Robert Dadashi' })).toBeVisible();
  const found = dialog.getByRole('list', { name: 'Papers found' }).getByRole('listitem');
  await expect(found).toHaveCount(6);
  await expect(found.filter({ hasText: /^New/ })).toHaveCount(4);
  await expect(found.filter({ hasText: 'In library' })).toHaveCount(2);
  await expect(found.filter({ hasText: 'In library' }).filter({ hasText: /Gemma 2/i })).toHaveCount(1);
  await expect(found.filter({ hasText: 'In library' }).filter({ hasText: /BOND/i })).toHaveCount(1);
  await expect(found.filter({ hasText: /^New/ }).filter({ hasText: /WARM/ })).toHaveCount(1);
  await expect(dialog.getByText('4 new', { exact: true })).toBeVisible();
  await expect(dialog.getByText('2 already in library', { exact: true })).toBeVisible();

  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(
    'Imported Robert Dadashi: 4 new papers (2 already in library)',
  );
  const nav = page.getByRole('navigation', { name: 'Library' });
  await expect(nav.getByRole('button', { name: /^All papers/ })).toHaveAccessibleName('All papers 16 papers');
  await expect(nav.getByRole('button', { name: /^Robert Dadashi/ })).toHaveAccessibleName('Robert Dadashi 6 papers');
  await expect(nav.getByRole('button', { name: /^Sabela Ramos/ })).toHaveAccessibleName('Sabela Ramos 12 papers');
  await expect(page.getByRole('listbox', { name: 'Papers' }).getByRole('option')).toHaveCount(6);
});
