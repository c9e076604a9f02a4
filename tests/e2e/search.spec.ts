// Searching the library: typos forgiven, diacritics folded, matches highlighted, filters, query errors,
// no-results, click-to-filter and the search shortcuts. The sample and the Léonard Hussenot paste
// (14 papers in all) are imported straight through the core; the import UI has its own spec.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES_DIR, FolioHarness, expect, screenshot, test } from './harness.js';

test.describe.configure({ mode: 'serial' });

let harness: FolioHarness;

test.beforeAll(async () => {
  harness = await FolioHarness.start();
  for (const fixture of ['profile-sabela-ramos.txt', 'profile-chrome-crlf.txt']) {
    const result = await harness.core.commitImport(await readFile(path.join(FIXTURES_DIR, fixture), 'utf8'));
    expect(result.ok).toBe(true);
  }
});

test.afterAll(async () => {
  await harness?.stop();
});

test.beforeEach(async ({ page }) => {
  await harness.open(page);
  await expect(options(page)).toHaveCount(14);
});

const options = (page: Page) => page.getByRole('listbox', { name: 'Papers' }).getByRole('option');
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search papers' });
const details = (page: Page) => page.getByRole('region', { name: 'Paper details' });
const option = (page: Page, title: string | RegExp) =>
  options(page).filter({ has: page.locator('.paper-row-title', { hasText: title }) });

/** Types like a person (one key event per character) and checks that no keystroke was lost. */
async function typeSearch(page: Page, text: string): Promise<void> {
  const box = searchBox(page);
  await box.click();
  await box.pressSequentially(text);
  await expect(box).toHaveValue(text);
}

/** The titles of the rows the list shows, in order. */
async function expectTitles(page: Page, titles: Array<string | RegExp>): Promise<void> {
  await expect(options(page)).toHaveCount(titles.length);
  await expect(options(page).locator('.paper-row-title')).toHaveText(titles);
}

test('a misspelled word finds the distillation papers and highlights the match in titles', async ({ page }) => {
  await typeSearch(page, 'distilation');
  await expect(page.getByText('4 matches', { exact: true })).toBeVisible();
  await expect(options(page)).toHaveCount(4);
  for (const title of ['On-Policy Distillation of Language Models', 'BOND: Aligning LLMs with Best-of-N Distillation']) {
    await expect(option(page, title).locator('.paper-row-title mark')).toHaveText(['Distillation']);
  }

  // The open paper highlights the same word in its title and abstract.
  await option(page, 'On-Policy Distillation').click();
  await expect(option(page, 'On-Policy Distillation')).toHaveAttribute('aria-selected', 'true');
  const pane = details(page);
  await expect(pane.getByRole('heading', { level: 2 }).locator('mark')).toHaveText(['Distillation']);
  const abstractMarks = pane.locator('.abstract-paragraph mark');
  await expect(abstractMarks.first()).toBeVisible();
  expect(await abstractMarks.count()).toBeGreaterThan(2);
  for (const text of await abstractMarks.allTextContents()) expect(text.toLowerCase()).toMatch(/^distill/);
  await screenshot(page, 'search-highlights');
});

test('"leonard" finds Léonard and Leonard Hussenot and highlights the author', async ({ page }) => {
  await typeSearch(page, 'leonard');
  await expect(options(page)).toHaveCount(4);
  const bond = option(page, 'BOND');
  await expect(bond.locator('.paper-row-authors mark')).toHaveText(['Léonard']);
  await expect(option(page, 'Hyperparameter Selection').locator('.paper-row-authors mark')).toHaveText(['Leonard']);
  await bond.click();
  await expect(details(page).getByRole('button', { name: 'Léonard Hussenot' }).locator('mark')).toHaveText('Léonard');
});

test('filters: year, category, author, status and tag', async ({ page }) => {
  await typeSearch(page, 'year:2021');
  await expectTitles(page, [/^RLDS/, /^Hyperparameter Selection/, /^Reverb/]);

  await searchBox(page).fill('');
  await typeSearch(page, 'cat:CL');
  await expectTitles(page, [/^Gemini 2\.5/, /^Gemma 3/, /^Gemma 2/, /^Gemini: A Family/, /^Factually Consistent/]);

  await searchBox(page).fill('');
  await typeSearch(page, 'author:hussenot');
  await expectTitles(page, [/^BOND/, /^RLDS/, /^Hyperparameter Selection/, /^Primal Wasserstein/]);

  // status:read — mark one paper read from the detail pane first.
  await searchBox(page).fill('');
  await expect(options(page)).toHaveCount(14);
  await option(page, /^Reverb/).click();
  await details(page).getByRole('radio', { name: 'Read', exact: true }).check();
  await expect(option(page, /^Reverb/)).toHaveAccessibleName(/, read(;|$)/);
  await typeSearch(page, 'status:read');
  await expectTitles(page, [/^Reverb/]);

  // tag:x — tag two papers through the core; the list follows the change events.
  const reverb = (await harness.core.query({ search: 'reverb', offset: 0, limit: 1 })).rows[0]!;
  const acme = (await harness.core.query({ search: 'acme framework', offset: 0, limit: 1 })).rows[0]!;
  expect(acme.title).toMatch(/^Acme/);
  await harness.core.setTags(reverb.id, ['replay']);
  await harness.core.setTags(acme.id, ['replay', 'infra']);
  await searchBox(page).fill('');
  await typeSearch(page, 'tag:replay');
  await expectTitles(page, [/^Reverb/, /^Acme/]);
  await searchBox(page).press('End');
  await searchBox(page).pressSequentially(' status:unread');
  await expect(searchBox(page)).toHaveValue('tag:replay status:unread');
  await expectTitles(page, [/^Acme/]);
});

test('a malformed filter explains itself and the rest of the query still applies', async ({ page }) => {
  await typeSearch(page, 'year:20x');
  const box = searchBox(page);
  const problem = page.locator('#query-errors');
  await expect(problem).toHaveText('year:20x is not a year or range (use 2021, 2020..2024, 2020.. or ..2019).');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(box).toHaveAccessibleDescription(/year:20x is not a year or range/);
  await expect(options(page)).toHaveCount(14);

  await box.fill('');
  await typeSearch(page, 'colour:blue cat:CL');
  await expect(problem).toContainText('"colour:" is not a filter');
  await box.fill('');
  await expect(problem).toHaveCount(0);
  await expect(box).not.toHaveAttribute('aria-invalid', 'true');
});

test('gibberish finds nothing and says so', async ({ page }) => {
  await typeSearch(page, 'qzxwvkjhg');
  await expect(page.getByText('No papers match this search.')).toBeVisible();
  await expect(page.getByText('0 matches', { exact: true })).toBeVisible();
  await expect(options(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(searchBox(page)).toHaveValue('');
  await expect(options(page)).toHaveCount(14);
});

test('clicking an author, a tag chip or a "Listed on" profile filters by it', async ({ page }) => {
  await option(page, /^BOND/).click();
  await details(page).locator('.detail-authors').getByRole('button', { name: 'Robert Dadashi' }).click();
  await expect(searchBox(page)).toHaveValue('author:"Robert Dadashi"');
  await expectTitles(page, [/^BOND/, /^Primal Wasserstein/]);

  await searchBox(page).fill('');
  await option(page, /^BOND/).click();
  const listedOn = details(page).locator('.detail-profiles');
  await expect(listedOn).toContainText('Listed on');
  await listedOn.getByRole('button', { name: 'Léonard Hussenot' }).click();
  await expect(searchBox(page)).toHaveValue('profile:"Léonard Hussenot"');
  await expect(options(page)).toHaveCount(5);

  // A tag chip in a row (tags from the previous test: Acme has "replay" and "infra").
  await searchBox(page).fill('');
  const acme = option(page, /^Acme/);
  await acme.locator('.tag-chip', { hasText: 'infra' }).click();
  await expect(searchBox(page)).toHaveValue('tag:"infra"');
  await expectTitles(page, [/^Acme/]);

  // A tag in the detail pane's tag list.
  await searchBox(page).fill('year:2020');
  await expect(options(page)).toHaveCount(3);
  await option(page, /^Acme/).click();
  await details(page).getByRole('list', { name: 'Tags' }).getByRole('button', { name: 'replay', exact: true }).click();
  await expect(searchBox(page)).toHaveValue('year:2020 tag:"replay"');
  await expectTitles(page, [/^Acme/]);
});

test('"/" and Ctrl+F focus the search, Esc clears it', async ({ page }) => {
  const box = searchBox(page);
  await expect(box).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('');

  await box.pressSequentially('gemma');
  await expect(options(page)).toHaveCount(4);
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('');
  await expect(options(page)).toHaveCount(14);

  // From the list (not a text field), Ctrl+F goes back to the search box and selects what is there.
  await box.fill('reverb');
  await options(page).first().click();
  await expect(box).not.toBeFocused();
  await page.keyboard.press('Control+f');
  await expect(box).toBeFocused();
  await page.keyboard.type('acme');
  await expect(box).toHaveValue('acme');
  await expect(option(page, /^Acme/)).toHaveCount(1);

  // "/" typed inside the search box is just a character.
  await box.press('End');
  await box.pressSequentially('/x');
  await expect(box).toHaveValue('acme/x');
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('');
});

test('typing a long query key by key keeps every character and ends on the final results', async ({ page }) => {
  const box = searchBox(page);
  await box.click();
  const query = 'imitation hussenot';
  await box.pressSequentially(query);
  await expect(box).toHaveValue(query);
  await expect(option(page, /^Hyperparameter Selection/)).toBeVisible();
  const matches = await harness.core.query({ search: query, offset: 0, limit: 50 });
  await expect(options(page)).toHaveCount(matches.total);
  await expect(options(page).locator('.paper-row-title')).toHaveText(matches.rows.map((row) => row.title));
});
