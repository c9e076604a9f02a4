// Long titles in a narrow window: a title cut at the pane's edge shows whole on hover and on keyboard focus (drawn over
// the row), and a search that matched past the cut shows the part around the match behind a leading "…".
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES_DIR, FolioHarness, expect, screenshotBothThemes, test } from './harness.js';

test.describe.configure({ mode: 'serial' });

let harness: FolioHarness;
const LONG = 'Towards a unified theory of scalable offline reinforcement learning with diverse human preference signals from zebrafish';

test.beforeAll(async () => {
  harness = await FolioHarness.start();
  expect((await harness.core.commitImport(await readFile(path.join(FIXTURES_DIR, 'profile-sabela-ramos.txt'), 'utf8'))).ok).toBe(true);
  await harness.core.addPaper({ title: LONG, authors: ['Ada Okafor', 'Ben Lindqvist'], date: '2026-01-05' });
});

test.afterAll(async () => {
  await harness?.stop();
});

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 700 });
  await harness.open(page);
  await expect(rows(page).first()).toBeVisible();
});

const list = (page: Page) => page.getByRole('listbox', { name: 'Papers' });
const rows = (page: Page) => list(page).getByRole('option');
const longRow = (page: Page) => rows(page).filter({ hasText: 'Towards a unified' });
const tip = (page: Page) => list(page).locator('.paper-row-tip');

test('a match past the cut: the row shows a "…" window ending with the match, the mark inside the visible title', async ({ page }) => {
  await page.getByRole('searchbox', { name: 'Search papers' }).fill('zebrafish');
  await expect(rows(page)).toHaveCount(1);
  const title = rows(page).first().locator('.paper-row-title');
  await expect(title).toHaveText(/^….*zebrafish$/);
  await expect(title).not.toContainText('Towards');
  const [box, mark] = await Promise.all([title.boundingBox(), title.locator('mark').boundingBox()]);
  expect(mark!.x).toBeGreaterThanOrEqual(box!.x);
  expect(mark!.x + mark!.width).toBeLessThanOrEqual(box!.x + box!.width + 1);
  // The row's name still holds the whole title for screen readers.
  await expect(rows(page).first()).toHaveAccessibleName(new RegExp(`^${LONG} — `));
  await page.mouse.move(5, 690);
  await screenshotBothThemes(page, 'row-title-match-window');

  // The pointer resting on the row shows the whole title, the match marked; leaving hides it.
  await rows(page).first().hover();
  await expect(tip(page)).toHaveText(LONG);
  await expect(tip(page).locator('mark')).toHaveText('zebrafish');
  await screenshotBothThemes(page, 'row-title-hover');
  await page.mouse.move(5, 690);
  await expect(tip(page)).toHaveCount(0);
});

test('no search: a cut title shows from its start; keyboard focus on the row shows it whole, a click does not', async ({ page }) => {
  const row = longRow(page);
  await expect(row.locator('.paper-row-title')).toHaveText(LONG);
  const cut = await row.locator('.paper-row-title').evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(cut).toBe(true);
  await expect(tip(page)).toHaveCount(0);

  // The long paper is the newest: Home from the keyboard lands on it.
  await list(page).focus();
  await page.keyboard.press('Home');
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(tip(page)).toHaveText(LONG);
  await screenshotBothThemes(page, 'row-title-focus');
  // A short title that fits shows no tip.
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  const secondCut = await rows(page).nth(1).locator('.paper-row-title').evaluate((el) => el.scrollWidth > el.clientWidth);
  await expect(tip(page)).toHaveCount(secondCut ? 1 : 0);

  // A mouse press hands the tip back to the pointer: clicking a row far from the long one shows nothing there.
  await page.mouse.move(5, 690);
  await rows(page).nth(3).click();
  await page.mouse.move(5, 690);
  await expect(tip(page)).toHaveCount(0);
});
