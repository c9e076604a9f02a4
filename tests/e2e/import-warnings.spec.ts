// The import preview tells before anything is written (issue 8 §4): the warnings (a paper recovered from a damaged
// paste, same-title merges, a doubtful name about to merge two profiles), each paper's abstract start, and a field
// to correct the researcher's name, which the import then uses. Against a real library folder on disk.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES_DIR, FolioHarness, expect, screenshot, test } from './harness.js';

test.describe.configure({ mode: 'serial' });

let harness: FolioHarness;

/** A paste whose name line was lost, with navigation the parser does not know above it. */
async function namelessPaste(file: string, name: string): Promise<string> {
  const text = await readFile(path.join(FIXTURES_DIR, file), 'utf8');
  return `Research Feed\n${text.replace(`${name}\n`, '')}`;
}

test.beforeAll(async () => {
  harness = await FolioHarness.start();
  const first = await harness.core.commitImport(await namelessPaste('profile-sabela-ramos.txt', 'Sabela Ramos'));
  expect(first.ok && first.profileName).toBe('Research Feed');
});

test.afterAll(async () => {
  await harness?.stop();
});

test.beforeEach(async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'http://folio.localhost' });
  await harness.open(page);
});

async function pasteFromClipboard(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Control+V');
}

test('a damaged paste with a doubtful name: the preview shows why, each abstract start, and the import uses the corrected name', async ({ page }) => {
  // Robert Dadashi's page, without his name line, with one paper's date line lost and another paper listed
  // again a few months later.
  const damaged = (await namelessPaste('profile-overlap-a.txt', 'Robert Dadashi'))
    .replace('LGJan 22, 2024\n', '')
    .concat('\n\nLGMar 2, 2022\nContinuous Control with Action Quantization from Demonstrations\n\nRobert Dadashi, Léonard Hussenot et al.\n\nThe proceedings version.');
  await pasteFromClipboard(page, damaged);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByRole('heading', { name: 'Research Feed' })).toBeVisible();
  await expect(dialog.getByText(/^Already in library/)).toBeVisible();

  const nameCheck = dialog.getByRole('group', { name: "Check the researcher's name" });
  await expect(nameCheck).toContainText('Folio took "Research Feed" for the name, but it is not among the authors of the papers.');
  const warnings = dialog.getByRole('list', { name: 'Warnings' });
  await expect(warnings).toContainText('This page will be merged into the profile "Research Feed" already in the library (12 papers, 2 of them on this page)');
  await expect(warnings).toContainText('Paper "WARM: On the Benefits of Weight Averaged Reward Models" has no category/date line');
  await expect(warnings).toContainText('"Continuous Control with Action Quantization from Demonstrations" 2021-12-15 and 2022-03-02 are one paper');

  const found = dialog.getByRole('list', { name: 'Papers found' }).getByRole('listitem');
  await expect(found).toHaveCount(6);
  await expect(found.filter({ hasText: 'WARM: On the Benefits' })).toContainText('Aligning large language models (LLMs) with human preferences');
  await expect(found.filter({ hasText: 'BOND: aligning' })).toContainText('Reinforcement learning from human feedback (RLHF) is a key driver');
  await screenshot(page, 'import-warnings');

  // Correct the name: the preview follows, and nothing will be merged into the other profile.
  const nameField = nameCheck.getByRole('textbox', { name: 'Researcher’s name' });
  await expect(nameField).toHaveValue('Research Feed');
  await nameField.fill('Robert Dadashi');
  await expect(dialog.getByRole('heading', { name: 'Robert Dadashi' })).toBeVisible();
  await expect(dialog.getByText(/^Already in library/)).toHaveCount(0);
  await expect(warnings).not.toContainText('will be merged into the profile');
  await expect(nameCheck).toContainText('Using the name you typed.');
  await screenshot(page, 'import-name-corrected');

  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Imported Robert Dadashi: 4 new papers (2 already in library)');
  const nav = page.getByRole('navigation', { name: 'Library' });
  await expect(nav.getByRole('button', { name: /^Robert Dadashi/ })).toHaveAccessibleName('Robert Dadashi 6 papers');
  await expect(nav.getByRole('button', { name: /^Research Feed/ })).toHaveAccessibleName('Research Feed 12 papers');
  const profiles = (await harness.core.overview()).profiles.map((p) => p.name).sort();
  expect(profiles).toEqual(['Research Feed', 'Robert Dadashi']);
});
