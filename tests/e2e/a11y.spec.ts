// axe on every main view, in the light and the dark theme, with no rule disabled: zero violations (WCAG AA colours
// included: 4.5:1 text, 3:1 graphics). The views: the empty library, the list, a paper with a note, the profile view,
// the import dialog with a preview, the tag menu, the save-search dialog, the collapsed panes, the selection pane and
// a re-import's preview of changed metrics.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { FIXTURES_DIR, FolioHarness, expect, test } from './harness.js';

let empty: FolioHarness;
let harness: FolioHarness;
let sample: string;

test.beforeAll(async () => {
  sample = await readFile(path.join(FIXTURES_DIR, 'profile-sabela-ramos.txt'), 'utf8');
  empty = await FolioHarness.start();
  harness = await FolioHarness.start();
  expect((await harness.core.commitImport(sample)).ok).toBe(true);
  const ids = (await harness.core.query({ search: '', offset: 0, limit: 3 })).rows.map((row) => row.id);
  await harness.core.setTags(ids[0]!, ['to read', 'ml/rl']);
  await harness.core.setTags(ids[1]!, ['ml']);
  await harness.core.setStatus(ids[0]!, 'reading');
  await harness.core.assignTagKey('to read', 1);
  await harness.core.setNote(ids[0]!, '# Heading one\n\nSome **notes** with a [link](https://example.org).\n\n## Two\n\n- a list');
});

test.afterAll(async () => {
  await empty?.stop();
  await harness?.stop();
});

test.beforeEach(() => {
  // axe walks the whole page twice per view; on a busy machine that takes a while.
  test.setTimeout(150_000);
});

/** Runs axe in both themes; every violation is listed with its nodes, so a failure says what to fix. */
async function expectNoViolations(page: Page, view: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} ${n.failureSummary?.split('\n').slice(1).join(' ')}`).join('\n')}`);
    expect(found, `${view}, ${scheme} theme`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('empty library and the import dialog with a preview', async ({ page }) => {
  await empty.open(page);
  await expect(page.getByRole('button', { name: 'Try the sample profile' })).toBeVisible();
  await expectNoViolations(page, 'empty library');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByRole('textbox', { name: 'Text to import' }).fill(sample);
  await expect(dialog.getByRole('list', { name: 'Papers found' })).toBeVisible();
  await expectNoViolations(page, 'import dialog with a preview');
});

test('the list, a paper with a note, the profile view', async ({ page }) => {
  await harness.open(page);
  const list = page.getByRole('listbox', { name: 'Papers' });
  await expect(list.getByRole('option').first()).toHaveAccessibleName(/, reading; tagged to read, ml\/rl; has a note$/);
  await expectNoViolations(page, 'library list');
  await list.getByRole('option').first().click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Paper details' }).getByRole('button', { name: 'Preview' })).toHaveAttribute('aria-pressed', 'true');
  await expectNoViolations(page, 'paper details with a note');
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Sabela Ramos/ }).click();
  await expect(page.getByRole('region', { name: 'Profile Sabela Ramos' })).toBeVisible();
  await expectNoViolations(page, 'profile view');
});

test('the tag menu, the save-search dialog, the collapsed panes', async ({ page }) => {
  await harness.open(page);
  const nav = page.getByRole('navigation', { name: 'Library' });
  await nav.getByRole('button', { name: 'Actions for tag to read' }).click();
  await expect(page.getByRole('menu', { name: 'Tag to read' })).toBeVisible();
  await expectNoViolations(page, 'tag menu');
  await page.keyboard.press('Escape');
  await nav.getByRole('button', { name: /^Sabela Ramos/ }).click({ button: 'right' });
  await expect(page.getByRole('menu', { name: 'Profile Sabela Ramos' })).toBeVisible();
  await expectNoViolations(page, 'a profile’s context menu');
  await page.keyboard.press('Escape');

  await page.getByRole('searchbox', { name: 'Search papers' }).fill('learning');
  await page.getByRole('button', { name: 'Save search…' }).click();
  await expect(page.getByRole('dialog', { name: 'Save search' })).toBeVisible();
  await expectNoViolations(page, 'save-search dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Hide sidebar' }).click();
  await page.getByRole('button', { name: 'Hide paper details' }).click();
  await expect(nav).toHaveCount(0);
  await expectNoViolations(page, 'collapsed panes');
});

test('the selection pane (its drop-down), a re-import preview with changed metrics', async ({ page }) => {
  await harness.open(page);
  const list = page.getByRole('listbox', { name: 'Papers' });
  await list.getByRole('option').first().click();
  await list.getByRole('option').nth(2).click({ modifiers: ['Shift'] });
  const pane = page.getByRole('region', { name: 'Selection' });
  await expect(pane.getByRole('heading', { level: 2 })).toHaveText('3 papers selected');
  await expectNoViolations(page, 'selection pane');
  // The native drop-down takes the theme: dark background and light text in the dark theme, not the browser's white.
  await page.emulateMedia({ colorScheme: 'dark' });
  const colours = await pane.getByRole('combobox', { name: 'Tag to remove' }).evaluate((el) => {
    const style = getComputedStyle(el);
    return { background: style.backgroundColor, text: style.color, scheme: style.colorScheme };
  });
  expect(colours).toEqual({ background: 'rgb(42, 42, 47)', text: 'rgb(236, 236, 239)', scheme: 'light dark' });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByRole('textbox', { name: 'Text to import' }).fill(sample.replace('h-index117', 'h-index119'));
  await expect(dialog.locator('.metric.changed')).toHaveCount(1);
  await expectNoViolations(page, 're-import preview with changed metrics');
});
