// The front door for every source, over the seed library (Sabela Ramos's profile page): a Google Scholar page pasted
// with Ctrl+V and library.bib dropped on the window, each previewed with the source it was read as and the library
// papers its rows match (and why), both imported, then found by a typo in the title; File ▸ Import File… through the
// menu bridge; junk and binary files refused with one line and the folder byte-identical; a researcher's metrics from
// two sources as two series.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { snapshotTree } from '../helpers/tree.js';
import { FIXTURES_DIR, FolioHarness, dragFilesOver, dropFiles, expect, menuActions, screenshotBothThemes, test } from './harness.js';

test.describe.configure({ mode: 'serial' });

const SOURCES_DIR = path.join(FIXTURES_DIR, 'sources');
/** The first bytes of a PNG: what a user might drag in by mistake. */
const PNG_BYTES = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00];

let harness: FolioHarness;
let scholarPage: string;
let bibtex: string;
let scratch: string;

test.beforeAll(async () => {
  harness = await FolioHarness.start();
  const seed = await readFile(path.join(FIXTURES_DIR, 'profile-sabela-ramos.txt'), 'utf8');
  const imported = await harness.core.commitImport(seed);
  expect(imported.ok && imported.added).toBe(12);
  scholarPage = await readFile(path.join(SOURCES_DIR, 'google-scholar-profile.txt'), 'utf8');
  bibtex = await readFile(path.join(SOURCES_DIR, 'library.bib'), 'utf8');
  scratch = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-files-'));
});

test.afterAll(async () => {
  await harness?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
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

async function librarySnapshot(): Promise<Record<string, string>> {
  await harness.core.library.flush();
  return snapshotTree(harness.dir);
}

/** The preview's row for the paper titled `title` (as the incoming text prints it). */
const row = (page: Page, title: string) =>
  page.getByRole('dialog', { name: 'Import' }).getByRole('list', { name: 'Papers found' }).getByRole('listitem').filter({ hasText: title });

test('a Google Scholar paste and a dropped .bib: each preview names its source and the matches; both import; a typo finds a paper', async ({ page }) => {
  await pasteFromClipboard(page, scholarPage);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByRole('heading', { name: 'Google Scholar profile · 14 papers' })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Inès Duclos-Varga' })).toBeVisible();
  await expect(dialog.getByText('11 new', { exact: true })).toBeVisible();
  await expect(dialog.getByText('3 already in library', { exact: true })).toBeVisible();
  const found = dialog.getByRole('list', { name: 'Papers found' }).getByRole('listitem');
  await expect(found).toHaveCount(14);
  await expect(found.filter({ hasText: /^In library/ })).toHaveCount(3);
  await expect(found.filter({ hasText: /^New/ })).toHaveCount(11);
  // Scholar sentence-cases titles and cuts long ones: each row names the library's paper and why it is that one.
  await expect(row(page, 'Gemma 2: Improving open language models')).toContainText('matches Gemma 2: Improving Open Language Models at a Practical Size (same title)');
  await expect(row(page, 'BOND: Aligning LLMs with best-of-N')).toContainText('matches BOND: Aligning LLMs with Best-of-N Distillation (same title)');
  await expect(row(page, 'Gemini 2.5: Pushing the frontier')).toContainText(
    'matches Gemini 2.5: Pushing the Frontier with Advanced Reasoning, Multimodality, Long Context, and Next Generation Agentic Capabilities (same title, shortened)',
  );
  await expect(row(page, 'Tokenizer-free reward models')).not.toContainText('matches');
  expect((await harness.core.overview()).paperCount, 'the preview wrote nothing').toBe(12);
  await screenshotBothThemes(page, 'import-preview-scholar');

  // Files dragged over the open dialog: the overlay says where they go; the drop queues library.bib after the paste.
  await dragFilesOver(page, [{ name: 'library.bib', text: bibtex }]);
  await expect(page.getByText('Drop files to import')).toBeVisible();
  await screenshotBothThemes(page, 'drop-overlay');
  await dropFiles(page, [{ name: 'library.bib', text: bibtex }]);
  await expect(page.getByText('Drop files to import')).toBeHidden();
  const queue = dialog.getByRole('list', { name: 'Files to import' }).getByRole('listitem');
  await expect(queue).toHaveText(['Pasted textGoogle Scholar profile · 14 papers', 'library.bibWaiting']);
  await expect(queue.first()).toHaveAttribute('aria-current', 'step');

  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Imported Inès Duclos-Varga: 11 new papers (3 already in library)');
  // library.bib's turn, previewed against the library as it is now (the Scholar papers in it).
  await expect(dialog.getByRole('heading', { name: 'BibTeX file library.bib · 10 papers' })).toBeVisible();
  await expect(queue).toHaveText(['Pasted textImported Inès Duclos-Varga: 11 new papers (3 already in library)', 'library.bibBibTeX file library.bib · 10 papers']);
  await expect(dialog.getByRole('region', { name: 'File library.bib' })).toContainText('@string{neurips');
  await expect(dialog.locator('.import-person'), 'a list without a person has no profile block').toHaveCount(0);
  await expect(dialog.getByText('3 new', { exact: true })).toBeVisible();
  await expect(dialog.getByText('7 already in library', { exact: true })).toBeVisible();
  await expect(row(page, 'Gemma 2: Improving Open Language Models at a Practical Size')).toContainText(
    'matches Gemma 2: Improving Open Language Models at a Practical Size (same arXiv id)',
  );
  await expect(row(page, 'Offline Preference Distillation')).toContainText('matches Offline preference distillation with learned reward ensembles (same title)');
  await expect(row(page, 'Safe Imitation Learning for Autonomous Excavators')).toContainText(/^New/);
  await expect(row(page, 'Safe Imitation Learning for Autonomous Excavators')).not.toContainText('matches');

  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Imported BibTeX file library.bib: 3 new papers (7 already in library)');
  const nav = page.getByRole('navigation', { name: 'Library' });
  await expect(nav.getByRole('button', { name: /^All papers/ })).toHaveAccessibleName('All papers 26 papers');
  await expect(nav.getByRole('button', { name: /^Inès Duclos-Varga/ })).toHaveAccessibleName('Inès Duclos-Varga 14 papers');

  // Found by a typo in its title, under the title of the richest source (the .bib's, not Scholar's sentence case).
  const search = page.getByRole('searchbox', { name: 'Search papers' });
  await search.fill('ofline prefrence distilation');
  const papers = page.getByRole('listbox', { name: 'Papers' }).getByRole('option');
  await expect(papers.first()).toHaveAccessibleName(/^Offline Preference Distillation with Learned Reward Ensembles —/);
});

// A DOI typed alone is an exact lookup: the paper it names comes first.
test('the DOI of an imported paper finds that paper', async ({ page }) => {
  const search = page.getByRole('searchbox', { name: 'Search papers' });
  await search.fill('10.1109/LRA.2023.3291277');
  const papers = page.getByRole('listbox', { name: 'Papers' }).getByRole('option');
  await expect(papers.first()).toHaveAccessibleName(/^Safe Imitation Learning for Autonomous Excavators —/);
});

test('File ▸ Import File… reads the chosen files in main and previews them; a binary one is refused with one line', async ({ page }) => {
  const png = path.join(scratch, 'photo.png');
  await writeFile(png, Buffer.from(PNG_BYTES));
  const chosen = [path.join(SOURCES_DIR, 'library.ris'), png];
  menuActions(page, { chooseImportFiles: async () => chosen }).importFiles();

  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('photo.png is not imported: it is not a text file.');
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByRole('heading', { name: 'RIS file library.ris · 7 papers' })).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Files to import' }), 'one readable file: no queue').toHaveCount(0);
  const found = dialog.getByRole('list', { name: 'Papers found' }).getByRole('listitem');
  await expect(found).toHaveCount(7);
  await expect(found.filter({ hasText: /^In library/ }).first()).toContainText(/matches .+ \((same DOI|same arXiv id|same title|same title, shortened)\)/);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(/Imported RIS file library\.ris: \d+ new papers? \(\d+ already in library\)/);
});

test('a junk file gets the one message listing what Folio reads; a binary one is refused; Cancel leaves the folder byte-identical', async ({ page }) => {
  const before = await librarySnapshot();
  await dropFiles(page, [
    { name: 'minutes.txt', text: 'Dear all,\n\nthe seminar moves to room 4.\nCoffee at 3pm.\n' },
    { name: 'scan.png', bytes: PNG_BYTES, type: 'image/png' },
  ]);
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('scan.png is not imported: it is not a text file.');
  const dialog = page.getByRole('dialog', { name: 'Import' });
  const problem = dialog.getByRole('alert');
  await expect(problem).toContainText('Nothing to import');
  await expect(problem).toContainText(/^Nothing to importFolio cannot read this text: expected one of Profile page, Google Scholar profile, .*BibTeX file.* or Folio backup\.$/);
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await librarySnapshot()).toEqual(before);
});

test('a researcher imported from two sources: the profile shows each source’s metrics and one series per source', async ({ page }) => {
  // The seed researcher's Google Scholar page (the fixture's layout and figures, her name), imported twice with
  // the citations rising: Scholar's series has two points, the profile page's one.
  const asSabela = scholarPage.replaceAll('Inès Duclos-Varga', 'Sabela Ramos');
  await pasteFromClipboard(page, asSabela);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByRole('heading', { name: 'Google Scholar profile · 14 papers' })).toBeVisible();
  await expect(dialog.getByText('Already in library · new metrics')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await pasteFromClipboard(page, asSabela.replace('Citations\t3045\t3045', 'Citations\t3210\t3210'));
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Updated Sabela Ramos: new metrics, no new papers');

  const header = page.getByRole('region', { name: 'Profile Sabela Ramos' });
  const bySource = header.getByRole('table', { name: 'Latest metrics by source' });
  await expect(bySource.getByRole('row', { name: /^Profile page/ }).getByRole('cell')).toHaveText(['117', '12', '9,233', '45%', '42', '—']);
  await expect(bySource.getByRole('row', { name: /^Google Scholar profile/ }).getByRole('cell')).toHaveText(['12', '—', '3,210', '—', '—', '13']);
  // The profile has the detail pane to itself: the chart shows without opening the history fold.
  await expect(header.getByRole('img', { name: /by source/ })).toBeVisible();

  await header.getByText('Metric history (3 snapshots)').click();
  const chart = header.getByRole('img', { name: /^Citations by source/ });
  await expect(chart).toHaveAccessibleName(/Profile page: 9,233 \(.+\)\. Google Scholar profile: 3,045 \(.+\), 3,210 \(.+\)\./);
  const legend = header.getByRole('list', { name: 'Sources' });
  await expect(legend.getByRole('listitem')).toHaveText(['Profile page', 'Google Scholar profile']);
  await header.getByRole('combobox', { name: 'Chart' }).selectOption({ label: 'h-index' });
  await expect(header.getByRole('img', { name: /^h-index by source/ })).toHaveAccessibleName(/Profile page: 117 .*Google Scholar profile: 12 .*, 12 /);
  await header.getByRole('combobox', { name: 'Chart' }).selectOption({ label: 'Citations' });
  const history = header.getByRole('table', { name: 'Metric history' });
  await expect(history.locator('tbody tr')).toHaveCount(3);
  await expect(history.locator('tbody tr').first().getByRole('cell').first()).toHaveText('Google Scholar profile');
  await screenshotBothThemes(page, 'profile-two-sources');
});
