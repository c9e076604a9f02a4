// Large BibTeX libraries dropped on the window: the preview reads them off the core's event loop with a progress
// bar that moves, Cancel stops the read and leaves the folder byte-identical, and a 10,000-entry library is read and
// imported with its progress shown, the page never holding its main thread for over 50 ms meanwhile. While that is
// measured the test waits on the core's side or with a plain DOM check: Playwright's role queries walk the page's
// accessibility tree on its main thread, and would count as long tasks of their own.
import type { Page } from '@playwright/test';
import { snapshotTree } from '../helpers/tree.js';
import { rng } from '../helpers/rng.js';
import { FolioHarness, dataTransferOf, dropFiles, expect, screenshot, test } from './harness.js';
import { longTasksDuring } from './main-thread.js';

test.describe.configure({ mode: 'serial' });
// No Playwright trace: its DOM snapshots at each step run on the page's main thread (Chromium's own tracing, which
// measures the long tasks, is another thing).
test.use({ trace: 'off' });

const ENTRIES = 10_000;
/** Large enough that reading it takes seconds on any machine: Cancel certainly comes while it is read. */
const CANCELLED_ENTRIES = 40_000;
let harness: FolioHarness;
let big: string;

const WORDS = ['learning', 'policy', 'reward', 'offline', 'robust', 'sampling', 'language', 'models', 'agents', 'inference', 'distillation', 'preference'];
const FAMILIES = ['M{\\o}ller', 'Duclos-Varga', 'Ibarra', 'Lindqvist', 'Fontaine', 'Achterberg', 'Okabe', '{van der Berg}'];
const GIVEN = ['In{\\`e}s', 'Zo{\\"e}', 'Tom\\\'{a}s', 'Margaux', 'Ruud', 'Hana', 'Kenta', 'Ana'];

/** A seeded .bib of `count` distinct entries, each with a DOI, as a reference manager exports a large library. */
function generatedBib(count: number, seed: number): string {
  const next = rng(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const lines = ['@string{neurips = "Advances in Neural Information Processing Systems"}', ''];
  for (let i = 0; i < count; i++) {
    const words = Array.from({ length: 3 + Math.floor(next() * 5) }, () => pick(WORDS));
    const authors = Array.from({ length: 1 + Math.floor(next() * 4) }, () => `${pick(FAMILIES)}, ${pick(GIVEN)}`);
    lines.push(
      `@inproceedings{entry${i},`,
      `  title = {{GPU} ${words.join(' ')}, study ${i}},`,
      `  author = {${authors.join(' and ')}},`,
      `  booktitle = neurips,`,
      `  year = ${2000 + Math.floor(next() * 25)},`,
      `  doi = {10.5555/folio.${i}},`,
      `  abstract = {We study ${words.join(' ')} with M{\\"o}bius maps.}`,
      '}',
      '',
    );
  }
  return lines.join('\n');
}

test.beforeAll(async () => {
  harness = await FolioHarness.start();
  const imported = await harness.core.commitImport(await harness.core.sampleProfile());
  expect(imported.ok).toBe(true);
  big = generatedBib(ENTRIES, 20_250_731);
});

test.afterAll(async () => {
  await harness?.stop();
});

test.beforeEach(async ({ page }) => {
  await harness.open(page);
});

async function librarySnapshot(): Promise<Record<string, string>> {
  await harness.core.library.flush();
  return snapshotTree(harness.dir);
}

/** The previewImport or commitImport call the page made last, once it has been made. */
const lastCall = (method: 'previewImport' | 'commitImport') => harness.calls.findLast((call) => call.method === method);
const jobIdOf = (call: (typeof harness.calls)[number] | undefined) => (call?.args as [string, { jobId: string }] | undefined)?.[1].jobId;

/** Every 'import-progress' change the core sent, from now on, for the test to read as it goes. */
function recordProgress(): { seen: Array<{ jobId: string; phase: string; done: number; total: number }>; stop: () => void } {
  const seen: Array<{ jobId: string; phase: string; done: number; total: number }> = [];
  const stop = harness.core.onChanged((change) => {
    if (change.kind === 'import-progress') seen.push({ jobId: change.jobId, phase: change.phase, done: change.done, total: change.total });
  });
  return { seen, stop };
}

/** Drops the file, waits until it is being read (the core reported progress) and the bar shows it, then Cancel. */
async function readThenCancel(page: Page, transfer: Awaited<ReturnType<typeof dataTransferOf>>, shot: string) {
  const progress = recordProgress();
  await dropFiles(page, transfer);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  const reading = dialog.getByRole('progressbar', { name: 'Reading big.bib' });
  await expect.poll(async () => Number(await reading.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(0);
  await expect(reading).toHaveAttribute('aria-valuemax', String(CANCELLED_ENTRIES));
  await expect(reading).toHaveAttribute('aria-valuetext', /^Reading big\.bib: [\d,]+ of 40,000 entries read$/);
  await screenshot(page, shot);
  const preview = lastCall('previewImport');
  expect(preview?.result, 'still reading when Cancel is pressed').toBeUndefined();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  progress.stop();
  return { preview, jobId: jobIdOf(preview), progress: progress.seen };
}

test('reading 40,000 entries shows its progress; Cancel stops the read and the folder stays byte-identical', async ({ page }) => {
  test.setTimeout(120_000);
  const before = await librarySnapshot();
  const transfer = await dataTransferOf(page, [{ name: 'big.bib', text: generatedBib(CANCELLED_ENTRIES, 7) }]);
  const { preview, jobId, progress } = await readThenCancel(page, transfer, 'import-progress');
  // The read was stopped (its worker terminated), not left to finish in the background, and wrote nothing.
  await expect.poll(() => harness.calls.find((call) => call.method === 'cancelImport' && (call.args as string[])[0] === jobId)?.result).toBe(true);
  await expect.poll(() => preview?.result).toEqual({ ok: false, error: 'Import cancelled; nothing was changed.', cancelled: true });
  expect(progress.filter((p) => p.jobId === jobId && p.phase === 'parse').length).toBeGreaterThan(0);
  expect(await librarySnapshot()).toEqual(before);

  // Again in the dark theme, for its screenshot.
  await page.emulateMedia({ colorScheme: 'dark' });
  await readThenCancel(page, transfer, 'import-progress-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await librarySnapshot()).toEqual(before);
  expect((await harness.core.overview()).paperCount).toBe(12);
});

test('10,000 entries: read and imported with their progress shown, and no long task on the page meanwhile', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const transfer = await dataTransferOf(page, [{ name: 'big.bib', text: big }]);
  // The highest value the progress bar showed, read by an observer of the app's DOM (cheap, no role queries).
  await page.evaluate(() => {
    const shown: Record<string, number> = {};
    (globalThis as unknown as { __progressShown: typeof shown }).__progressShown = shown;
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('[role="progressbar"][aria-valuenow]')) {
        const name = bar.getAttribute('aria-label') ?? '';
        shown[name] = Math.max(shown[name] ?? 0, Number(bar.getAttribute('aria-valuenow')));
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
  const progress = recordProgress();

  const whileReading = await longTasksDuring(browser, page, async () => {
    await dropFiles(page, transfer);
    await expect.poll(() => lastCall('previewImport')?.result, { timeout: 60_000 }).toMatchObject({ ok: true, newCount: ENTRIES });
    await page.waitForFunction(() => document.querySelector('.import-source')?.textContent === 'BibTeX file big.bib · 10,000 papers');
  });
  expect(whileReading, 'long tasks while the file was read and previewed').toEqual([]);

  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByText('10,000 new', { exact: true })).toBeVisible();
  await expect(dialog.getByText('…and 9,800 more')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeFocused();

  const whileImporting = await longTasksDuring(browser, page, async () => {
    await page.keyboard.press('Enter');
    await expect.poll(() => lastCall('commitImport')?.result, { timeout: 60_000 }).toMatchObject({ ok: true, source: 'bibtex', added: ENTRIES, present: 0 });
    await page.waitForFunction(() => document.querySelector('.import-dialog') === null);
  });
  expect(whileImporting, 'long tasks while the file was imported').toEqual([]);
  progress.stop();

  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Imported BibTeX file big.bib: 10,000 new papers');
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^All papers/ })).toHaveAccessibleName('All papers 10,012 papers');
  // The core reported the read batch by batch, and the commit; the page showed the read's bar.
  const previewJob = jobIdOf(lastCall('previewImport'));
  const commitJob = jobIdOf(lastCall('commitImport'));
  const parsed = progress.seen.filter((p) => p.jobId === previewJob && p.phase === 'parse').map((p) => p.done);
  expect(parsed.length).toBeGreaterThan(10);
  expect(parsed.at(-1)).toBe(ENTRIES);
  expect(progress.seen.filter((p) => p.jobId === commitJob).map((p) => [p.phase, p.done, p.total])).toEqual([
    ['commit', 0, ENTRIES],
    ['commit', ENTRIES, ENTRIES],
  ]);
  const shown = await page.evaluate(() => (globalThis as unknown as { __progressShown: Record<string, number> }).__progressShown);
  expect(shown['Reading big.bib']).toBeGreaterThan(0);
});
