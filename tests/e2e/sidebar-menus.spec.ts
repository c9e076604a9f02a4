// Context menus on sidebar entries, from one action list per kind (lib/sidebar-actions.ts): a profile's, the Trash's,
// a tag's and a saved search's, each opened by a right click, the Menu key and Shift+F10, and each action doing
// what its "…" menu or its view's button does (a confirmation before removing or emptying anything).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES_DIR, FolioHarness, expect, screenshotBothThemes, test } from './harness.js';

test.describe.configure({ mode: 'serial' });

let harness: FolioHarness;

test.beforeAll(async () => {
  harness = await FolioHarness.start();
  expect((await harness.core.commitImport(await readFile(path.join(FIXTURES_DIR, 'profile-sabela-ramos.txt'), 'utf8'))).ok).toBe(true);
  const ids = (await harness.core.query({ search: '', offset: 0, limit: 100 })).rows.map((row) => row.id);
  await harness.core.setTags(ids[0]!, ['to read']);
  await harness.core.saveSearch({ name: 'Gemma', search: 'gemma' });
  await harness.core.trashSelection({ ids: [ids[5]!] });
});

test.afterAll(async () => {
  await harness?.stop();
});

test.beforeEach(async ({ page }) => {
  await harness.open(page);
  await expect(nav(page).getByRole('button', { name: /^Sabela Ramos/ })).toBeVisible();
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const toasts = (page: Page) => page.getByRole('region', { name: 'Notifications' });
const menuItems = (page: Page, name: string) => page.getByRole('menu', { name }).getByRole('menuitem');

test('a profile: right click opens its menu; Esc closes it and changes nothing; "Remove profile…" asks first', async ({ page }) => {
  const profile = nav(page).getByRole('button', { name: /^Sabela Ramos/ });
  await profile.click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Profile Sabela Ramos' });
  await expect(menuItems(page, 'Profile Sabela Ramos')).toHaveText(['Show its papers', 'Remove profile…']);
  await expect(menuItems(page, 'Profile Sabela Ramos').first()).toBeFocused();
  await screenshotBothThemes(page, 'sidebar-profile-menu');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  await profile.click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Remove profile…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Sabela Ramos' });
  await expect(dialog).toContainText('12 papers');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect((await harness.core.overview()).profiles).toHaveLength(1);
});

test('a profile by keyboard: Shift+F10 on its entry, ↓ and Enter; "Show its papers" opens the profile view', async ({ page }) => {
  const profile = nav(page).getByRole('button', { name: /^Sabela Ramos/ });
  await profile.focus();
  await page.keyboard.press('Shift+F10');
  await expect(menuItems(page, 'Profile Sabela Ramos').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Profile Sabela Ramos' })).toBeVisible();
  await expect(profile).toHaveAttribute('aria-current', 'page');
  // Focus went back to the entry the menu was opened from.
  await expect(profile).toBeFocused();
});

test('the Trash: the Menu key opens its menu; "Empty Trash…" names the count, then empties it', async ({ page }) => {
  const trash = nav(page).getByRole('button', { name: /^Trash/ });
  await trash.focus();
  await page.keyboard.press('ContextMenu');
  await expect(menuItems(page, 'Trash')).toHaveText(['Open Trash', 'Empty Trash…']);
  await page.keyboard.press('ArrowDown');
  await expect(menuItems(page, 'Trash').nth(1)).toBeFocused();
  await screenshotBothThemes(page, 'sidebar-trash-menu');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Empty Trash' });
  await dialog.getByRole('button', { name: 'Delete 1 paper' }).click();
  await expect(toasts(page)).toContainText('Emptied the Trash (1 paper)');
  await expect.poll(async () => (await harness.core.overview()).trashCount).toBe(0);

  // Now there is nothing to empty: the item is there, disabled (and skipped by the arrows).
  await trash.click({ button: 'right' });
  await expect(menuItems(page, 'Trash').nth(1)).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(menuItems(page, 'Trash').first()).toBeFocused();
  await page.keyboard.press('Escape');
});

test('a tag and a saved search: right click, the Menu key and Shift+F10 open the same menu as their "…" button', async ({ page }) => {
  const tag = nav(page).getByRole('list', { name: 'Tags', exact: true }).getByRole('button', { name: /^to read/ });
  const tagItems = () => menuItems(page, 'Tag to read');
  await nav(page).getByRole('button', { name: 'Actions for tag to read' }).click();
  const fromButton = await tagItems().allTextContents();
  expect(fromButton).toEqual(['Rename…', 'Delete tag…']);
  await page.keyboard.press('Escape');
  for (const open of [() => tag.click({ button: 'right' }), () => tag.press('ContextMenu'), () => tag.press('Shift+F10')]) {
    await open();
    await expect(tagItems()).toHaveText(fromButton);
    await expect(page.getByRole('menu', { name: 'Tag to read' }).getByRole('menuitemradio', { name: 'Assign to key 1' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu', { name: 'Tag to read' })).toHaveCount(0);
  }

  const saved = nav(page).getByRole('list', { name: 'Saved searches', exact: true }).getByRole('button', { name: /^Gemma/ });
  await saved.press('Shift+F10');
  await expect(menuItems(page, 'Saved search Gemma')).toHaveText(['Rename…', 'Delete']);
  await page.keyboard.press('Enter');
  const rename = nav(page).getByRole('textbox', { name: 'Rename saved search Gemma' });
  await expect(rename).toBeFocused();
  await rename.fill('Gemma papers');
  await rename.press('Enter');
  await expect(toasts(page)).toContainText('Renamed saved search to “Gemma papers”');
  await nav(page).getByRole('button', { name: /^Gemma papers/ }).click({ button: 'right' });
  await page.getByRole('menu', { name: 'Saved search Gemma papers' }).getByRole('menuitem', { name: 'Delete' }).click();
  await expect(toasts(page)).toContainText('Deleted saved search “Gemma papers”');
  await expect.poll(async () => (await harness.core.overview()).savedSearches.length).toBe(0);
});
