// Keyboard use: list navigation, Enter into the details and Esc back, Esc clearing search then selection,
// a Tab order that reaches every main control with a visible focus ring, and the import dialog's focus trap.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES_DIR, FolioHarness, expect, test } from './harness.js';

test.describe.configure({ mode: 'serial' });

let harness: FolioHarness;

test.beforeAll(async () => {
  harness = await FolioHarness.start();
  const result = await harness.core.commitImport(await readFile(path.join(FIXTURES_DIR, 'profile-sabela-ramos.txt'), 'utf8'));
  expect(result.ok).toBe(true);
});

test.afterAll(async () => {
  await harness?.stop();
});

test.beforeEach(async ({ page }) => {
  await harness.open(page);
  await expect(options(page)).toHaveCount(12);
});

const list = (page: Page) => page.getByRole('listbox', { name: 'Papers' });
const options = (page: Page) => list(page).getByRole('option');
const selected = (page: Page) => list(page).locator('[role="option"][aria-selected="true"]');
const details = (page: Page) => page.getByRole('region', { name: 'Paper details' });

interface Focused {
  name: string;
  tag: string;
  role: string | null;
  inDialog: boolean;
  /** An outline, a ring (box-shadow), a focus-coloured border or bar on the element or its two nearest ancestors. */
  hasIndicator: boolean;
}

/** What has focus now, and whether it is visibly marked. */
function describeFocus(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const themeColor = (variable: string) => {
      const probe = document.createElement('span');
      probe.style.color = `var(${variable})`;
      document.body.append(probe);
      const color = getComputedStyle(probe).color;
      probe.remove();
      return color;
    };
    const focusColors = [themeColor('--focus'), themeColor('--accent')];
    const marked = (node: Element) => {
      const s = getComputedStyle(node);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
      const ring = s.boxShadow !== 'none';
      const border = focusColors.includes(s.borderTopColor) && parseFloat(s.borderTopWidth) > 0;
      // A focus bar drawn by a pseudo-element (the resize handles' 1px rule widens to a coloured bar; its
      // colour may still be mid-transition, so only its width and opacity are checked).
      const bar = ['::before', '::after'].some((pseudo) => {
        const p = getComputedStyle(node, pseudo);
        const opaque = p.backgroundColor !== 'transparent' && !/rgba\(.*, 0\)$/.test(p.backgroundColor);
        return p.content !== 'none' && opaque && parseFloat(p.width) >= 2 && parseFloat(p.width) <= 8;
      });
      return outline || ring || border || bar;
    };
    const chain = [el, el.parentElement, el.parentElement?.parentElement].filter((n): n is HTMLElement => !!n);
    const labelledBy = el.getAttribute('aria-labelledby');
    const name =
      el.getAttribute('aria-label') ??
      (labelledBy ? document.getElementById(labelledBy)?.textContent : null) ??
      (el instanceof HTMLInputElement && el.labels?.[0] ? el.labels[0].textContent : null) ??
      el.textContent ??
      '';
    return {
      name: name.replace(/\s+/g, ' ').trim(),
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role') ?? (el instanceof HTMLInputElement ? el.type : null),
      inDialog: !!el.closest('[role="dialog"]'),
      hasIndicator: chain.some(marked),
    };
  });
}

test('arrow keys move the selection, Enter opens the details, Esc goes back and clears', async ({ page }) => {
  await list(page).focus();
  await expect(selected(page)).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await expect(options(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(list(page)).toHaveAttribute('aria-activedescendant', 'paper-option-0');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(options(page).nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(selected(page)).toHaveCount(1);
  await page.keyboard.press('ArrowUp');
  await expect(options(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(list(page)).toHaveAttribute('aria-activedescendant', 'paper-option-1');
  // The details follow the selection.
  const title1 = (await options(page).nth(1).locator('.paper-row-title').textContent())!;
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(title1);

  await page.keyboard.press('End');
  await expect(options(page).nth(11)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown'); // stays on the last row
  await expect(options(page).nth(11)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(options(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp'); // stays on the first row
  await expect(options(page).nth(0)).toHaveAttribute('aria-selected', 'true');

  // Enter: focus moves into the detail pane; Tab continues inside it; Esc returns to the list.
  await page.keyboard.press('Enter');
  await expect(details(page)).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await details(page).evaluate((pane) => pane.contains(document.activeElement))).toBe(true);
  await details(page).focus();
  await page.keyboard.press('Escape');
  await expect(list(page)).toBeFocused();
  await expect(options(page).nth(0)).toHaveAttribute('aria-selected', 'true');

  // Esc in the list: first clears the search, then the selection.
  const search = page.getByRole('searchbox', { name: 'Search papers' });
  await search.fill('gemma');
  await expect(options(page)).toHaveCount(4);
  await search.press('ArrowDown'); // from the search box into the list
  await expect(list(page)).toBeFocused();
  await expect(selected(page)).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(options(page)).toHaveCount(12);
  // Another list: the selection made in the search's results is dropped with it (issue 10).
  await expect(selected(page)).toHaveCount(0);
  await expect(details(page)).toContainText('Select a paper to see its details.');
  await page.keyboard.press('ArrowDown');
  await expect(selected(page)).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(selected(page)).toHaveCount(0);
  await expect(details(page)).toContainText('Select a paper to see its details.');
});

test('Tab reaches every main control, each with a visible focus indicator', async ({ page }) => {
  // A paper open, so the detail pane's controls exist.
  await options(page).nth(2).click();
  await expect(details(page).getByRole('radiogroup', { name: 'Reading status' })).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search papers' })).toBeFocused();

  const seen: Focused[] = [];
  for (let i = 0; i < 80; i++) {
    const focused = await describeFocus(page);
    if (focused) {
      if (seen.length > 0 && focused.name === 'Search papers') break; // wrapped around
      seen.push(focused);
    }
    await page.keyboard.press('Tab');
  }
  const names = seen.map((f) => f.name);
  const reached = (name: string | RegExp) =>
    expect(names.some((n) => (typeof name === 'string' ? n === name : name.test(n))), `Tab reaches ${name} (order: ${names.join(' | ')})`).toBe(true);
  for (const name of [
    'Search papers',
    'Search syntax help',
    'Import',
    'Export',
    'Dark theme',
    /^All papers/,
    /^Unread/,
    /^Reading/,
    /^Read/,
    /Sabela Ramos/, // the avatar's initials (aria-hidden) come first in its text
    'Resize sidebar',
    'Sort by',
    /^Sort (ascending|descending)$/,
    'Papers',
    'Resize paper list',
    'Add tag',
    'Edit',
    'Preview',
    'Note',
  ]) {
    reached(name);
  }
  expect(seen.some((f) => f.role === 'radio'), 'Tab reaches the reading status').toBe(true);
  // The order follows the layout: toolbar, sidebar, list, details.
  const at = (name: string) => names.indexOf(name);
  expect(at('Search papers')).toBeLessThan(at('Import'));
  expect(at('Import')).toBeLessThan(at('Resize sidebar'));
  expect(at('Resize sidebar')).toBeLessThan(at('Papers'));
  expect(at('Papers')).toBeLessThan(at('Add tag'));
  const unmarked = seen.filter((f) => !f.hasIndicator).map((f) => `${f.tag}[${f.role ?? ''}] "${f.name}"`);
  expect(unmarked, 'every focus stop is visibly marked').toEqual([]);
});

test('the import dialog traps focus, makes the app inert, and Esc closes it', async ({ page }) => {
  const importButton = page.getByRole('button', { name: 'Import', exact: true });
  await importButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Text to import' })).toBeFocused();
  expect(await page.locator('#app').getAttribute('inert')).not.toBeNull();

  // Tab and Shift+Tab cycle inside the dialog (Import is disabled with no text: textarea ↔ Cancel).
  for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    const focused = await describeFocus(page);
    expect(focused?.inDialog, `after ${key} focus stays in the dialog (on ${focused?.name})`).toBe(true);
    expect(focused?.hasIndicator, `${focused?.name} shows focus`).toBe(true);
  }
  // With valid text, Import joins the cycle.
  await dialog.getByRole('textbox', { name: 'Text to import' }).fill(await readFile(path.join(FIXTURES_DIR, 'profile-overlap-a.txt'), 'utf8'));
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeFocused();
  await page.keyboard.press('Tab');
  expect((await describeFocus(page))?.inDialog).toBe(true);

  // Shortcuts of the app do nothing while the dialog is open.
  // (The app behind is aria-hidden, so it is not reachable by role either.)
  await expect(page.getByRole('searchbox', { name: 'Search papers' })).toHaveCount(0);
  await page.keyboard.press('Control+f');
  expect((await describeFocus(page))?.inDialog).toBe(true);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(importButton).toBeFocused();
  expect(await page.locator('#app').getAttribute('inert')).toBeNull();
  expect((await harness.core.overview()).paperCount).toBe(12);
});
