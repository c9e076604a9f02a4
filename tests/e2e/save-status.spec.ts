// A full disk while the app runs: an edit the disk refuses stays shown, a banner that cannot be dismissed says
// why and that Folio retries, and it goes away once a retry saves the edit; an import the disk refuses keeps its
// dialog open with the reason and a Retry. The harness runs the real core in this process, so faults.inject
// reaches the writes behind the page.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { faults } from '../../electron/core/library/disk.js';
import { FIXTURES_DIR, FolioHarness, expect, screenshot, test } from './harness.js';

test.describe.configure({ mode: 'serial' });

let harness: FolioHarness;

test.beforeAll(async () => {
  harness = await FolioHarness.start();
  const result = await harness.core.commitImport(await readFile(path.join(FIXTURES_DIR, 'profile-sabela-ramos.txt'), 'utf8'));
  expect(result.ok).toBe(true);
});

test.afterEach(() => faults.clear());

test.afterAll(async () => {
  await harness?.stop();
});

test.beforeEach(async ({ page }) => {
  await harness.open(page);
  await expect(options(page)).toHaveCount(12);
});

const options = (page: Page) => page.getByRole('listbox', { name: 'Papers' }).getByRole('option');
const details = (page: Page) => page.getByRole('region', { name: 'Paper details' });
const saveBanner = (page: Page) => page.getByRole('alert').filter({ hasText: 'Not saved' });

test('an edit the disk refuses: shown, a banner that stays until a retry saves it', async ({ page }) => {
  await options(page).filter({ hasText: 'Reverb' }).click();
  const status = details(page).getByRole('radiogroup', { name: 'Reading status' });
  await expect(status).toBeVisible();
  const id = (await harness.core.query({ search: 'Reverb experience replay', offset: 0, limit: 1 })).rows[0]!.id;

  faults.inject({ site: 'user.journal', op: 'write', kind: 'ENOSPC' });
  await status.getByRole('radio', { name: 'Read', exact: true }).click();
  const banner = saveBanner(page);
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(`Not saved: the disk holding ${harness.dir} is full. Free some space, then try again.`);
  await expect(banner).toContainText('1 change is waiting to be saved');
  await expect(banner).toContainText('retries');
  await expect(banner.getByRole('button')).toHaveCount(1); // Retry; nothing to dismiss it with
  await expect(status.getByRole('radio', { name: 'Read', exact: true })).toBeChecked(); // the edit stays shown

  // Each edit waits as its own change (the journal records what each one changes, not the paper's whole data).
  const addTag = details(page).getByRole('combobox', { name: 'Add tag' });
  await addTag.click();
  await addTag.pressSequentially('pending');
  await addTag.press('Enter');
  await expect(details(page).getByRole('list', { name: 'Tags' })).toContainText('pending');
  await expect(banner).toContainText('2 changes are waiting to be saved');
  await options(page).filter({ hasText: 'Acme' }).click();
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(/Acme/);
  await status.getByRole('radio', { name: 'Reading', exact: true }).click();
  await expect(banner).toContainText('3 changes are waiting to be saved');
  await screenshot(page, 'save-banner-light');

  // Still full: Retry leaves the banner as it is.
  await banner.getByRole('button', { name: 'Retry' }).click();
  await expect(banner.getByRole('button', { name: 'Retry' })).toBeEnabled();
  await expect(banner).toContainText('3 changes are waiting to be saved');

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(page, 'save-banner-dark');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  faults.clear(); // space is back
  await banner.getByRole('button', { name: 'Retry' }).click();
  await expect(saveBanner(page)).toHaveCount(0);
  await harness.restart();
  const paper = await harness.core.paper(id);
  expect(paper.status).toBe('read');
  expect(paper.tags).toEqual(['pending']);
});

test('an import the disk refuses: the dialog stays open with the reason, and Retry imports', async ({ page }) => {
  const paste = await readFile(path.join(FIXTURES_DIR, 'profile-overlap-a.txt'), 'utf8');
  const profilesBefore = (await harness.core.overview()).profiles.length;
  faults.inject({ site: 'library.json', op: 'write', kind: 'short' });
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByRole('textbox', { name: 'Text to import' }).fill(paste);
  await expect(dialog.getByRole('list', { name: 'Papers found' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Import' }).click();
  const reason = dialog.getByRole('alert');
  await expect(reason).toHaveText(`Not saved: the disk holding ${harness.dir} is full. Free some space, then try again.`);
  await expect(dialog.getByRole('textbox', { name: 'Text to import' })).toHaveValue(paste);
  expect((await harness.core.overview()).profiles.length).toBe(profilesBefore);
  await screenshot(page, 'import-not-saved');

  faults.clear();
  await dialog.getByRole('button', { name: 'Retry' }).click();
  await expect(dialog).toBeHidden();
  expect((await harness.core.overview()).profiles.length).toBe(profilesBefore + 1);
});
