// Trash, undo, edit, add and duplicates through the UI: Delete to the Trash, Restore, Empty Trash with a confirmation;
// a re-imported trashed paper shown "In Trash" and restored only when asked; an edit that a re-import leaves alone,
// reverted per field; a paper added by the form and one by a pasted BibTeX entry; a duplicate pair merged, undone,
// and marked "not a duplicate".
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { FolioApi } from '../../electron/core/api.js';
import { FIXTURES_DIR, FolioHarness, expect, screenshotBothThemes, test } from './harness.js';

test.describe.configure({ mode: 'serial' });

let harness: FolioHarness;
let profileText: string;
const ids: Record<string, string> = {};

/** The core through its contract (FolioApi), as the page calls it. */
const core = () => harness.core as unknown as Omit<FolioApi, 'onChanged'>;

test.beforeAll(async () => {
  harness = await FolioHarness.start();
  profileText = await readFile(path.join(FIXTURES_DIR, 'profile-sabela-ramos.txt'), 'utf8');
  const result = await harness.core.commitImport(profileText);
  expect(result.ok).toBe(true);
  for (const [name, search] of [
    ['reverb', 'Reverb experience replay'],
    ['acme', 'Acme distributed'],
    ['rlds', 'RLDS ecosystem'],
  ] as const) {
    ids[name] = (await harness.core.query({ search, offset: 0, limit: 1 })).rows[0]!.id;
  }
});

test.afterAll(async () => {
  await harness?.stop();
});

test.beforeEach(async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'http://folio.localhost' });
  await harness.open(page);
  await expect(options(page).first()).toBeVisible();
});

const list = (page: Page) => page.getByRole('listbox', { name: 'Papers' });
const options = (page: Page) => list(page).getByRole('option');
const option = (page: Page, title: RegExp) => options(page).filter({ has: page.locator('.paper-row-title', { hasText: title }) });
const details = (page: Page) => page.getByRole('region', { name: 'Paper details' });
const toasts = (page: Page) => page.getByRole('region', { name: 'Notifications' });
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

async function openPaper(page: Page, title: RegExp): Promise<void> {
  await option(page, title).click();
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(title);
}

test('Delete moves to the Trash; the Trash lists it; Restore; Empty Trash asks first, naming the count', async ({ page }) => {
  await openPaper(page, /^Reverb/);
  await option(page, /^Acme/).click({ modifiers: [mod] });
  await expect(page.getByRole('region', { name: 'Selection' }).getByRole('heading', { level: 2 })).toHaveText('2 papers selected');
  await list(page).focus();
  await page.keyboard.press('Delete');
  await expect(option(page, /^Reverb/)).toHaveCount(0);
  await expect(option(page, /^Acme/)).toHaveCount(0);
  await expect.poll(async () => (await harness.core.overview()).trashCount).toBe(2);

  await sidebar(page).getByRole('button', { name: /^Trash/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible();
  await expect(options(page)).toHaveCount(2);
  await openPaper(page, /^Reverb/);
  await expect(details(page).getByRole('status').filter({ hasText: 'In the Trash' })).toBeVisible();
  await screenshotBothThemes(page, 'trash-view');
  await details(page).getByRole('button', { name: 'Restore' }).click();
  await expect(options(page)).toHaveCount(1);
  await expect.poll(async () => (await harness.core.paper(ids.reverb!)).trashedAt).toBeNull();

  // Empty Trash: a confirmation with the count; Cancel (the focused button) keeps everything.
  await page.getByRole('button', { name: 'Empty Trash…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Empty Trash' });
  await expect(dialog).toContainText('1 paper');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  expect((await harness.core.overview()).trashCount).toBe(1);
  await page.getByRole('button', { name: 'Empty Trash…' }).click();
  await dialog.getByRole('button', { name: 'Delete 1 paper' }).click();
  await expect.poll(async () => (await harness.core.overview()).trashCount).toBe(0);
  await expect(options(page)).toHaveCount(0);
  // Undoable in this session.
  await page.keyboard.press(`${mod}+z`);
  await expect(toasts(page)).toContainText('Undid');
  await expect.poll(async () => (await harness.core.overview()).trashCount).toBe(1);
});

test('a re-import leaves a trashed paper in the Trash unless "Restore from Trash" is ticked', async ({ page }) => {
  // Acme is in the Trash (the test before).
  expect((await harness.core.paper(ids.acme!)).trashedAt).not.toBeNull();
  await page.evaluate((t) => navigator.clipboard.writeText(t), profileText);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Control+V');
  const dialog = page.getByRole('dialog', { name: 'Import' });
  const row = dialog.getByRole('list', { name: 'Papers found' }).getByRole('listitem').filter({ hasText: /^In Trash/ });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Acme');
  const restore = row.getByRole('checkbox', { name: /^Restore .*Acme.* from Trash$/ });
  await expect(restore).not.toBeChecked();
  await restore.check();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(async () => (await harness.core.paper(ids.acme!)).trashedAt).toBeNull();
  const commit = harness.calls.findLast((c) => c.method === 'commitImport');
  expect((commit?.args as unknown[] | undefined)?.[1]).toMatchObject({ restoreFromTrash: [ids.acme] });
});

test('an edit is the user’s: marked, kept through a re-import, reverted per field, undone with Ctrl+Z', async ({ page }) => {
  await openPaper(page, /^RLDS/);
  const imported = (await harness.core.paper(ids.rlds!)).title;
  await details(page).getByRole('button', { name: 'Edit paper' }).click();
  const form = page.getByRole('form', { name: 'Edit paper' });
  await expect(form.getByRole('textbox', { name: 'Title' })).toBeFocused();
  await form.getByRole('textbox', { name: 'Title' }).fill('RLDS, corrected by hand');
  await form.getByRole('textbox', { name: 'Venue' }).fill('NeurIPS Datasets and Benchmarks');
  await form.getByRole('textbox', { name: 'Date' }).fill('July 2021');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText('Write the date as 2024, 2024-07 or 2024-07-31.');
  await form.getByRole('textbox', { name: 'Date' }).fill('2021-11');
  await screenshotBothThemes(page, 'edit-form');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText('RLDS, corrected by hand');
  const editCall = harness.calls.findLast((c) => c.method === 'editPaper');
  expect(editCall?.args).toEqual([ids.rlds, { set: { title: 'RLDS, corrected by hand', venue: 'NeurIPS Datasets and Benchmarks', date: '2021-11' } }]);
  await expect(details(page).getByLabel(/^Title edited; imported: /)).toHaveAccessibleName(`Title edited; imported: ${imported}`);

  // The same profile imported again: the edit stays.
  const again = await harness.core.commitImport(profileText);
  expect(again.ok).toBe(true);
  await page.reload();
  await openPaper(page, /^RLDS, corrected/);
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText('RLDS, corrected by hand');

  // Revert the title only; the venue stays edited.
  await details(page).getByRole('button', { name: 'Revert Title' }).click();
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(imported);
  await expect(details(page).getByRole('button', { name: 'Revert Venue' })).toBeVisible();
  // Ctrl+Z: the revert undone, the corrected title back.
  await list(page).focus();
  await page.keyboard.press(`${mod}+z`);
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText('RLDS, corrected by hand');
});

test('add a paper by the form, and one by a pasted BibTeX entry through the import preview', async ({ page }) => {
  await page.getByRole('button', { name: 'Add paper…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add paper' });
  await expect(dialog.getByRole('textbox', { name: /^Title/ })).toBeFocused();
  await dialog.getByRole('button', { name: 'Add paper' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('A title is needed.');
  await dialog.getByRole('textbox', { name: /^Title/ }).click();
  await page.keyboard.type('A paper typed in by hand');
  await dialog.getByRole('textbox', { name: /^Authors/ }).fill('Ada Lovelace\nCharles Babbage');
  await dialog.getByRole('textbox', { name: 'Date' }).fill('1843');
  await dialog.getByRole('textbox', { name: 'DOI' }).fill('10.5555/by.hand');
  await screenshotBothThemes(page, 'add-paper-dialog');
  await dialog.getByRole('button', { name: 'Add paper' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(toasts(page)).toContainText('Added “A paper typed in by hand”');
  await expect(option(page, /^A paper typed in by hand/)).toHaveCount(1);
  const added = (await harness.core.query({ search: 'typed in by hand', offset: 0, limit: 1 })).rows[0];
  expect(added?.authors).toEqual(['Ada Lovelace', 'Charles Babbage']);

  // BibTeX: pasted from the clipboard into the tab's text box, previewed by the import dialog, imported.
  const bib = '@article{knuth1974, title = {Computer Programming as an Art}, author = {Knuth, Donald E.}, journal = {Communications of the ACM}, year = {1974}}';
  await page.evaluate((t) => navigator.clipboard.writeText(t), bib);
  await page.getByRole('button', { name: 'Add paper…' }).click();
  await dialog.getByRole('tab', { name: 'Paste BibTeX' }).click();
  await dialog.getByRole('textbox', { name: 'BibTeX entry' }).focus();
  await page.keyboard.press('Control+V');
  await expect(dialog.getByRole('textbox', { name: 'BibTeX entry' })).toHaveValue(bib);
  await dialog.getByRole('button', { name: 'Preview import' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Import' });
  await expect(importDialog.getByRole('list', { name: 'Papers found' })).toContainText('Computer Programming as an Art');
  await importDialog.getByRole('button', { name: 'Import' }).click();
  await expect(option(page, /^Computer Programming as an Art/)).toHaveCount(1);
});

test('possible duplicates: Merge (undoable) and "Not a duplicate" (never proposed again)', async ({ page }) => {
  const bib = [
    '@article{a, title = {Scaling laws for offline reinforcement learning}, author = {Ramos, Sabela}, year = {2023}}',
    '@article{b, title = {Scaling laws for ofline reinforcement learning}, author = {Ramos, S.}, year = {2023}}',
    // The same title years apart: an import keeps them apart, duplicates() proposes them.
    '@article{c, title = {Sparse mixtures of experts at scale}, author = {Lin, Wei}, year = {2018}}',
    '@article{d, title = {Sparse mixtures of experts at scale}, author = {Lin, W.}, year = {2022}}',
  ].join('\n\n');
  const result = await harness.core.commitImport(bib, { fileName: 'dups.bib' });
  expect(result.ok).toBe(true);
  await page.reload();
  await sidebar(page).getByRole('button', { name: /^Possible duplicates/ }).click();
  const view = page.getByRole('region', { name: 'Possible duplicates' });
  const pairs = view.getByRole('list', { name: 'Duplicate pairs' }).getByRole('listitem');
  await expect(pairs).toHaveCount(2);
  await screenshotBothThemes(page, 'duplicates-view');

  const scaling = pairs.filter({ hasText: 'Scaling laws' });
  await expect(scaling.locator('.differs')).not.toHaveCount(0);
  await scaling.getByRole('radio', { name: /^Keep “Scaling laws for offline/ }).check();
  await scaling.getByRole('button', { name: 'Merge' }).click();
  await expect(pairs).toHaveCount(1);
  await expect.poll(async () => (await harness.core.query({ search: 'scaling laws', offset: 0, limit: 5 })).total).toBe(1);
  await page.keyboard.press(`${mod}+z`);
  await expect(toasts(page)).toContainText('Undid');
  await expect(pairs).toHaveCount(2);
  await expect.poll(async () => (await harness.core.query({ search: 'scaling laws', offset: 0, limit: 5 })).total).toBe(2);

  await pairs.filter({ hasText: 'experts' }).getByRole('button', { name: 'Not a duplicate' }).click();
  await expect(pairs).toHaveCount(1);
  await page.reload();
  await sidebar(page).getByRole('button', { name: /^Possible duplicates/ }).click();
  await expect(pairs).toHaveCount(1);
  expect((await core().duplicates()).pairs.some((pair) => pair.a.title.includes('experts'))).toBe(false);
});

test('remove a profile: asked first; its papers with the user’s data stay, the others go to the Trash; Undo brings it back', async ({ page }) => {
  const profileId = (await harness.core.overview()).profiles[0]!.id;
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Sabela Ramos/ }).click();
  // The action sits in the profile view (the detail pane), not above the list.
  const view = page.getByRole('region', { name: 'Profile Sabela Ramos' });
  await expect(page.getByRole('main', { name: 'Paper list' }).getByRole('button', { name: 'Remove profile…' })).toHaveCount(0);
  await expect(view.getByRole('button', { name: 'Remove profile…' })).toBeVisible();
  await screenshotBothThemes(page, 'profile-view-actions');
  await view.getByRole('button', { name: 'Remove profile…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Sabela Ramos' });
  await expect(dialog).toContainText('12 papers');
  await dialog.getByRole('button', { name: 'Remove profile' }).click();
  // RLDS holds an edit (the edit test): it stays; the other eleven go to the Trash.
  await expect(toasts(page)).toContainText('Removed Sabela Ramos: 11 to the Trash, 1 kept');
  await expect(page.getByRole('heading', { level: 1, name: 'All papers' })).toBeVisible();
  await expect.poll(async () => (await harness.core.overview()).profiles.length).toBe(0);
  expect((await harness.core.paper(ids.rlds!)).trashedAt).toBeNull();
  expect((await harness.core.paper(ids.reverb!)).trashedAt).not.toBeNull();
  await toasts(page).getByRole('button', { name: 'Undo' }).first().click();
  await expect.poll(async () => (await harness.core.overview()).profiles.map((p) => p.id)).toEqual([profileId]);
  expect((await harness.core.paper(ids.reverb!)).trashedAt).toBeNull();
});
