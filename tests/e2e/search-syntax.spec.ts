// The search box's syntax messages, with a real keyboard: `tag:to read` without quotes offers its fix as a button,
// `tag:` alone says what it lacks, OR and -word work, and clicking an author adds to the search instead of replacing it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES_DIR, FolioHarness, expect, screenshotBothThemes, test } from './harness.js';

let harness: FolioHarness;

test.beforeAll(async () => {
  harness = await FolioHarness.start();
  expect((await harness.core.commitImport(await readFile(path.join(FIXTURES_DIR, 'profile-sabela-ramos.txt'), 'utf8'))).ok).toBe(true);
  const ids = (await harness.core.query({ search: '', offset: 0, limit: 3 })).rows.map((row) => row.id);
  await harness.core.setTags(ids[0]!, ['to read']);
  await harness.core.setTags(ids[2]!, ['to read']);
});

test.afterAll(async () => {
  await harness?.stop();
});

test.beforeEach(async ({ page }) => {
  await harness.open(page);
  await expect(options(page).first()).toBeVisible();
});

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search papers' });
const options = (page: Page) => page.getByRole('listbox', { name: 'Papers' }).getByRole('option');
const problems = (page: Page) => page.locator('#query-errors');
const total = async (search: string) => (await harness.core.query({ search, offset: 0, limit: 0 })).total;

test('tag:to read without quotes: the error offers tag:"to read", and the button fixes the search', async ({ page }) => {
  await page.keyboard.press('/');
  await page.keyboard.type('tag:to read');
  await expect(problems(page)).toContainText('tag:to matches no tag: did you mean tag:"to read"?');
  await expect(searchBox(page)).toHaveAttribute('aria-describedby', 'query-errors');
  await screenshotBothThemes(page, 'search-did-you-mean');
  await problems(page).getByRole('button', { name: 'tag:"to read"' }).click();
  await expect(searchBox(page)).toHaveValue('tag:"to read"');
  await expect(problems(page)).toHaveCount(0);
  await expect(options(page)).toHaveCount(2);
});

test('tag: alone says it needs a tag name; OR joins and -word excludes', async ({ page }) => {
  await searchBox(page).focus();
  await page.keyboard.type('tag:');
  await expect(problems(page)).toContainText('tag: needs a tag name');

  await searchBox(page).fill('');
  await page.keyboard.type('gemma OR reverb');
  await expect(problems(page)).toHaveCount(0);
  const either = await total('gemma OR reverb');
  expect(either).toBeGreaterThan(await total('gemma'));
  await expect(options(page)).toHaveCount(either);

  await searchBox(page).fill('gemma -technical');
  await expect(options(page)).toHaveCount(await total('gemma -technical'));
  expect(await total('gemma -technical')).toBeLessThan(await total('gemma'));
});

test('clicking an author adds author:"Name" to the search and keeps what was typed', async ({ page }) => {
  await searchBox(page).focus();
  await page.keyboard.type('distillation');
  await expect(options(page).first()).toBeVisible();
  await options(page).first().click();
  const details = page.getByRole('region', { name: 'Paper details' });
  const author = details.getByRole('toolbar', { name: 'Authors' }).getByRole('button').first();
  const name = ((await author.getAttribute('aria-label')) ?? '').replace('Filter by author ', '');
  await author.click();
  await expect(searchBox(page)).toHaveValue(`distillation author:"${name}"`);
});
