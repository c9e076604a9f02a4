// Tags and saved searches in the sidebar, on a small library: the tag tree (fold, count, scope), keys 1–9 assigned
// from the tag menu, the rename that asks before merging (and its Undo), saved searches with live counts.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES_DIR, FolioHarness, expect, screenshotBothThemes, test } from './harness.js';

let harness: FolioHarness;

/** Which papers (by list position, newest first) carry which tag. */
const TAGGING: Record<string, number[]> = { ml: [0], 'ml/rl': [0, 1], 'ml/rl/offline': [2], 'ml/cv': [3, 4], 'to read': [4, 5, 6] };

test.beforeAll(async () => {
  harness = await FolioHarness.start();
  expect((await harness.core.commitImport(await readFile(path.join(FIXTURES_DIR, 'profile-sabela-ramos.txt'), 'utf8'))).ok).toBe(true);
  const ids = (await harness.core.query({ search: '', offset: 0, limit: 100 })).rows.map((row) => row.id);
  const byPaper = new Map<string, string[]>();
  for (const [tag, positions] of Object.entries(TAGGING)) for (const p of positions) byPaper.set(ids[p]!, [...(byPaper.get(ids[p]!) ?? []), tag]);
  for (const [id, tags] of byPaper) await harness.core.setTags(id, tags);
});

test.afterAll(async () => {
  await harness?.stop();
});

test.beforeEach(async ({ page }) => {
  await harness.open(page);
  await expect(tagList(page).getByRole('button', { name: entry('to read') })).toBeVisible();
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const tagList = (page: Page) => nav(page).getByRole('list', { name: 'Tags', exact: true });
const savedList = (page: Page) => nav(page).getByRole('list', { name: 'Saved searches', exact: true });
const toasts = (page: Page) => page.getByRole('region', { name: 'Notifications' });
const list = (page: Page) => page.getByRole('listbox', { name: 'Papers' });
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A sidebar entry's button: its name, then its count ("ml/rl 2 papers"), when it has one. */
const entry = (name: string) => new RegExp(`^${escaped(name)}(?: [\\d,]+ papers?)?$`);

test('the tag tree: a parent folds and unfolds (remembered), and its count covers the tags under it', async ({ page }) => {
  const toggle = tagList(page).getByRole('button', { name: 'Expand ml', exact: true });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(tagList(page).getByRole('button', { name: 'Collapse ml', exact: true })).toHaveAttribute('aria-expanded', 'true');
  const under = tagList(page).getByRole('list', { name: 'Tags under ml' });
  await expect(under.getByRole('button', { name: entry('ml/rl') })).toBeVisible();
  await expect(under.getByRole('button', { name: entry('ml/cv') })).toBeVisible();
  // ml/rl/offline stays folded under ml/rl.
  await expect(under.getByRole('button', { name: entry('ml/rl/offline') })).toHaveCount(0);
  await page.reload();
  await expect(tagList(page).getByRole('button', { name: 'Collapse ml', exact: true })).toBeVisible();

  // A parent's count is the papers with it or any tag under it, each once: ml 5 (papers 0–4), ml/rl 3 (0, 1, 2).
  await expect(tagList(page).getByRole('button', { name: entry('ml') })).toHaveAccessibleName('ml 5 papers');
  await tagList(page).getByRole('button', { name: 'Expand ml/rl' }).click();
  await expect(tagList(page).getByRole('button', { name: entry('ml/rl') })).toHaveAccessibleName('ml/rl 3 papers');
  await expect(tagList(page).getByRole('button', { name: entry('ml/rl/offline') })).toHaveAccessibleName('ml/rl/offline 1 paper');
  await screenshotBothThemes(page, 'sidebar-tag-tree');

  // Clicking the parent scopes the list to it and the tags under it.
  await tagList(page).getByRole('button', { name: entry('ml') }).click();
  await expect(list(page).getByRole('option')).toHaveCount(5);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tag “ml”');
});

test('tag menu: assign a key, then the key toggles that tag on the selected paper', async ({ page }) => {
  await tagList(page).getByRole('button', { name: entry('to read') }).hover();
  await tagList(page).getByRole('button', { name: 'Actions for tag to read' }).click();
  const menu = page.getByRole('menu', { name: 'Tag to read' });
  await expect(menu.getByRole('menuitemradio', { name: 'No key' })).toHaveAttribute('aria-checked', 'true');
  await screenshotBothThemes(page, 'tag-menu-keys');
  await menu.getByRole('menuitemradio', { name: 'Assign to key 3' }).click();
  await expect(toasts(page)).toContainText('Key 3 toggles “to read”');
  await expect(tagList(page).getByRole('button', { name: entry('to read') }).locator('..').locator('kbd')).toHaveText('3');

  await list(page).focus();
  await page.keyboard.press('ArrowDown');
  const selected = list(page).getByRole('option', { selected: true });
  const before = (await selected.getAttribute('aria-label')) ?? '';
  await page.keyboard.press('3');
  await expect(toasts(page)).toContainText(before.includes('to read') ? 'Removed tag to read from 1 paper' : 'Tagged 1 paper with to read');

  // Assigning 3 to another tag takes it from "to read".
  await tagList(page).getByRole('button', { name: 'Actions for tag ml' }).click();
  await page.getByRole('menu', { name: 'Tag ml' }).getByRole('menuitemradio', { name: 'Assign to key 3' }).click();
  await expect.poll(async () => (await harness.core.overview()).tags.filter((t) => t.key === 3).map((t) => t.name)).toEqual(['ml']);
});

test('renaming a tag onto another asks before merging, and Undo takes the merge back', async ({ page }) => {
  const overview = await harness.core.overview();
  const from = overview.tags.find((t) => t.name === 'ml/cv')!;
  const into = overview.tags.find((t) => t.name === 'to read')!;
  await tagList(page).getByRole('button', { name: 'Expand ml', exact: true }).click();
  await tagList(page).getByRole('button', { name: 'Actions for tag ml/cv' }).click();
  await page.getByRole('menu', { name: 'Tag ml/cv' }).getByRole('menuitem', { name: 'Rename…' }).click();
  const input = nav(page).getByRole('textbox', { name: 'Rename tag ml/cv' });
  await input.fill('To Read');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Merge tags' });
  await expect(dialog).toContainText('Merge “ml/cv” into “to read”?');
  await screenshotBothThemes(page, 'tag-merge-confirm');
  // Cancel changes nothing.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect((await harness.core.overview()).tags.some((t) => t.name === 'ml/cv')).toBe(true);

  await tagList(page).getByRole('button', { name: 'Actions for tag ml/cv' }).click();
  await page.getByRole('menu', { name: 'Tag ml/cv' }).getByRole('menuitem', { name: 'Rename…' }).click();
  await nav(page).getByRole('textbox', { name: 'Rename tag ml/cv' }).fill('to read');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Merge tags' }).getByRole('button', { name: 'Merge' }).click();
  await expect(toasts(page)).toContainText('Merged “ml/cv” into “to read”');
  await expect(tagList(page).getByRole('button', { name: entry('ml/cv') })).toHaveCount(0);
  const merged = (await harness.core.overview()).tags.find((t) => t.name === 'to read')!;
  expect(merged.count).toBeGreaterThanOrEqual(into.count);
  expect(merged.count).toBeLessThanOrEqual(into.count + from.count);

  await toasts(page).getByRole('button', { name: 'Undo' }).click();
  await expect(tagList(page).getByRole('button', { name: entry('ml/cv') })).toBeVisible();
  const after = (await harness.core.overview()).tags;
  expect(after.find((t) => t.name === 'ml/cv')?.count).toBe(from.count);
  expect(after.find((t) => t.name === 'to read')?.count).toBe(into.count);
});

test('saved searches: save the search with the sidebar’s view, live counts, rename, delete and Undo', async ({ page }) => {
  await tagList(page).getByRole('button', { name: entry('to read') }).click();
  const search = page.getByRole('searchbox', { name: 'Search papers' });
  await search.focus();
  await page.keyboard.type('year:2020..2030');
  const expected = (await harness.core.query({ search: 'year:2020..2030', scope: { tag: 'to read' }, offset: 0, limit: 0 })).total;
  await page.getByRole('button', { name: 'Save search…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save search' });
  await expect(dialog).toContainText('year:2020..2030');
  await expect(dialog).toContainText('Tag “to read”');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Recent to-read');
  await screenshotBothThemes(page, 'save-search-dialog');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(toasts(page)).toContainText('Saved search “Recent to-read”');
  // The saved search is now the view: its name is the list's title, the search box is free for more.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recent to-read');
  await expect(search).toHaveValue('');
  const item = savedList(page).getByRole('button', { name: entry('Recent to-read') });
  await expect(item).toHaveAccessibleName(`Recent to-read ${expected} paper${expected === 1 ? '' : 's'}`);
  await expect(list(page).getByRole('option')).toHaveCount(expected);

  // Live count: tagging another recent paper "to read" raises it.
  const untagged = (await harness.core.query({ search: 'year:2020..2030 -tag:"to read"', offset: 0, limit: 1 })).rows[0]!;
  await harness.core.setTags(untagged.id, [...untagged.tags, 'to read']);
  await expect(item).toHaveAccessibleName(`Recent to-read ${expected + 1} papers`);
  await screenshotBothThemes(page, 'saved-searches');

  // Rename from its menu (keyboard), then delete and undo.
  await savedList(page).getByRole('button', { name: 'Actions for saved search Recent to-read' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // Rename…
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Soon');
  await page.keyboard.press('Enter');
  await expect(savedList(page).getByRole('button', { name: entry('Soon') })).toBeVisible();
  await savedList(page).getByRole('button', { name: 'Actions for saved search Soon' }).click();
  await page.getByRole('menu', { name: 'Saved search Soon' }).getByRole('menuitem', { name: 'Delete' }).click();
  await expect(savedList(page).getByRole('listitem')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All papers');
  await toasts(page).getByRole('button', { name: 'Undo' }).last().click();
  await expect(savedList(page).getByRole('button', { name: entry('Soon') })).toBeVisible();
});
