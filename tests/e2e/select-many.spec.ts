// Selecting many papers of a 10,000-paper library and acting on them: click, Shift+click (over rows never loaded),
// Ctrl+click, Ctrl+A; the "N papers selected" pane; a bulk tag of all 10,000 undone in one step with Ctrl+Z; keys 1–9
// on a selection; the rows' context menu by Shift+F10; a new search dropping the selection.
import type { Page } from '@playwright/test';
import type { FolioApi } from '../../electron/core/api.js';
import { rng } from '../helpers/rng.js';
import { FolioHarness, expect, screenshotBothThemes, test } from './harness.js';

test.describe.configure({ mode: 'serial' });

const PAPERS = 10_000;
let harness: FolioHarness;

const WORDS = ['learning', 'policy', 'reward', 'offline', 'robust', 'sampling', 'language', 'models', 'agents', 'inference'];
const FAMILIES = ['Møller', 'Duclos-Varga', 'Ibarra', 'Lindqvist', 'Fontaine', 'Okabe'];

/** A seeded .bib of `count` distinct papers (each its own DOI). */
function generatedBib(count: number, seed: number): string {
  const next = rng(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const words = Array.from({ length: 3 + Math.floor(next() * 4) }, () => pick(WORDS));
    lines.push(`@article{e${i},`, `  title = {${words.join(' ')}, study ${i}},`, `  author = {${pick(FAMILIES)}, A. and ${pick(FAMILIES)}, B.},`, `  year = ${2000 + (i % 25)},`, `  doi = {10.5555/many.${i}},`, '}', '');
  }
  return lines.join('\n');
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  harness = await FolioHarness.start();
  const result = await harness.core.commitImport(generatedBib(PAPERS, 20_261_205), { fileName: 'many.bib' });
  expect(result.ok).toBe(true);
  expect((await harness.core.overview()).paperCount).toBe(PAPERS);
});

test.afterAll(async () => {
  await harness?.stop();
});

test.beforeEach(async ({ page }) => {
  await harness.open(page);
  await expect(page.locator('.list-count')).toHaveText('10,000 papers');
});

const list = (page: Page) => page.getByRole('listbox', { name: 'Papers' });
const options = (page: Page) => list(page).getByRole('option');
const selectedRows = (page: Page) => list(page).locator('[role="option"][aria-selected="true"]');
const selectionPane = (page: Page) => page.getByRole('region', { name: 'Selection' });
const details = (page: Page) => page.getByRole('region', { name: 'Paper details' });
const toasts = (page: Page) => page.getByRole('region', { name: 'Notifications' });
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
/** The core through its contract (FolioApi), as the page calls it. */
const core = () => harness.core as unknown as Omit<FolioApi, 'onChanged'>;
const tagged = async (tag: string) => (await harness.core.query({ search: `tag:${tag}`, offset: 0, limit: 1 })).total;

test('click, Shift+click, Ctrl+click and Ctrl+A select; the pane counts them; a new search drops them', async ({ page }) => {
  await options(page).nth(0).click();
  await expect(selectedRows(page)).toHaveCount(1);
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(/study/);

  await options(page).nth(4).click({ modifiers: ['Shift'] });
  await expect(selectedRows(page)).toHaveCount(5);
  await expect(selectionPane(page).getByRole('heading', { level: 2 })).toHaveText('5 papers selected');
  await expect(details(page)).toHaveCount(0);

  await options(page).nth(2).click({ modifiers: [mod] });
  await expect(selectedRows(page)).toHaveCount(4);
  await expect(options(page).nth(2)).toHaveAttribute('aria-selected', 'false');
  await expect(selectionPane(page).getByRole('heading', { level: 2 })).toHaveText('4 papers selected');

  // Ctrl+A: the whole list, 10,000 rows of which the page holds a few hundred; the count is arithmetic, not ids.
  const before = harness.calls.length;
  await list(page).press(`${mod}+a`);
  await expect(selectionPane(page).getByRole('heading', { level: 2 })).toHaveText('10,000 papers selected');
  await expect(options(page).nth(3)).toHaveAttribute('aria-selected', 'true');
  expect(harness.calls.slice(before).filter((call) => call.method !== 'query')).toEqual([]);
  await options(page).nth(1).click({ modifiers: [mod] });
  await expect(selectionPane(page).getByRole('heading', { level: 2 })).toHaveText('9,999 papers selected');
  await screenshotBothThemes(page, 'selection-pane');

  // Shift+click from the first row to the last, across 9,000+ rows never loaded: the range is fetched, then shown.
  await options(page).nth(0).click();
  await list(page).evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(options(page).last()).toHaveAttribute('aria-posinset', String(PAPERS));
  await options(page).last().click({ modifiers: ['Shift'] });
  await expect(selectionPane(page).getByRole('heading', { level: 2 })).toHaveText('10,000 papers selected');

  // Another search: the selection is dropped, and the pane does not keep showing papers the list no longer has.
  await page.getByRole('searchbox', { name: 'Search papers' }).fill('study 42');
  await expect(selectionPane(page)).toHaveCount(0);
  await expect(selectedRows(page)).toHaveCount(0);
  await expect(details(page)).toContainText('Select a paper to see its details.');
});

test('a bulk tag of all 10,000 papers is one step: one Ctrl+Z takes it all back', async ({ page }) => {
  await list(page).focus();
  await list(page).press(`${mod}+a`);
  await expect(selectionPane(page).getByRole('heading', { level: 2 })).toHaveText('10,000 papers selected');
  const input = selectionPane(page).getByRole('combobox', { name: 'Add tag' });
  await input.click();
  await input.pressSequentially('bulk');
  await input.press('Enter');
  // The toast reports what happened; undo names the action by its imperative.
  await expect(toasts(page)).toContainText('Tagged 10,000 papers with bulk');
  await expect.poll(() => tagged('bulk')).toBe(PAPERS);
  // A call with the query, not 10,000 ids.
  const call = harness.calls.findLast((c) => c.method === 'tagSelection');
  expect(call?.args).toEqual([{ search: '', all: true, except: [] }, { add: ['bulk'] }]);

  await list(page).focus();
  await page.keyboard.press(`${mod}+z`);
  await expect(toasts(page)).toContainText('Undid: Tag 10,000 papers with bulk');
  await expect.poll(() => tagged('bulk')).toBe(0);
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(toasts(page)).toContainText('Redid');
  await expect.poll(() => tagged('bulk')).toBe(PAPERS);
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(() => tagged('bulk')).toBe(0);
});

test('keys 1–9 toggle their tag on the whole selection, as one undoable step', async ({ page }) => {
  const first = (await harness.core.query({ search: '', offset: 0, limit: 3 })).rows.map((row) => row.id);
  await harness.core.setTags(first[0]!, ['keyed']);
  await core().assignTagKey('keyed', 3);
  await page.reload();
  await expect(options(page).first()).toBeVisible();

  await options(page).nth(0).click();
  await options(page).nth(2).click({ modifiers: ['Shift'] });
  await expect(selectionPane(page).getByRole('heading', { level: 2 })).toHaveText('3 papers selected');
  // One of three has it: 3 adds it to the other two.
  await page.keyboard.press('3');
  await expect.poll(async () => Promise.all(first.map(async (id) => (await harness.core.paper(id)).tags))).toEqual([['keyed'], ['keyed'], ['keyed']]);
  // All three have it: 3 takes it off all three.
  await page.keyboard.press('3');
  await expect.poll(async () => Promise.all(first.map(async (id) => (await harness.core.paper(id)).tags))).toEqual([[], [], []]);
  // Undo: back to all three, in one step.
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => Promise.all(first.map(async (id) => (await harness.core.paper(id)).tags))).toEqual([['keyed'], ['keyed'], ['keyed']]);
});

test('Shift+F10 opens the rows’ context menu; arrows, Esc, and its actions act on the selection', async ({ page }) => {
  await options(page).nth(0).click();
  await options(page).nth(1).click({ modifiers: ['Shift'] });
  await list(page).focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Paper actions' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Edit…' })).toHaveAttribute('aria-disabled', 'true');
  await expect(menu.getByRole('menuitem', { name: 'Add tag…' })).toBeFocused();
  await screenshotBothThemes(page, 'context-menu');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(list(page)).toBeFocused();

  // The Menu key too; ArrowDown twice from "Add tag…" reaches "Mark as Reading".
  await page.keyboard.press('ContextMenu');
  await expect(menu).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Mark as Reading' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await expect.poll(async () => (await harness.core.query({ search: 'status:reading', offset: 0, limit: 1 })).total).toBe(2);
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => (await harness.core.query({ search: 'status:reading', offset: 0, limit: 1 })).total).toBe(0);

  // A right click on a row outside the selection selects that row alone first.
  await options(page).nth(5).click({ button: 'right' });
  await expect(selectedRows(page)).toHaveCount(1);
  await expect(menu.getByRole('menuitem', { name: 'Edit…' })).toHaveAttribute('aria-disabled', 'false');
  await page.keyboard.press('Escape');
});
