// Views of the library: sorting, the status views, a profile with its metric history, the dark theme,
// the main screenshots, and a 2,000-paper paste rendered through the virtualized list.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES_DIR, FolioHarness, expect, screenshot, screenshotBothThemes, test } from './harness.js';

test.describe.configure({ mode: 'serial' });

let harness: FolioHarness;
let sample: string;

test.beforeAll(async () => {
  harness = await FolioHarness.start();
  sample = await readFile(path.join(FIXTURES_DIR, 'profile-sabela-ramos.txt'), 'utf8');
  expect((await harness.core.commitImport(sample)).ok).toBe(true);
  // A second import later on, so "Date added" has something to order: 2 new papers (What Matters…, Challenging…).
  const bachem = await harness.core.commitImport(await readFile(path.join(FIXTURES_DIR, 'profile-overlap-c.txt'), 'utf8'));
  expect(bachem.ok && bachem.added).toBe(2);
});

test.afterAll(async () => {
  await harness?.stop();
});

test.beforeEach(async ({ page }) => {
  await harness.open(page);
});

const list = (page: Page) => page.getByRole('listbox', { name: 'Papers' });
const options = (page: Page) => list(page).getByRole('option');
const nav = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const details = (page: Page) => page.getByRole('region', { name: 'Paper details' });

/** Title and ISO date of every row shown, read from the options' accessible names ("title — authors, date[, status]"). */
async function rows(page: Page): Promise<Array<{ title: string; date: string }>> {
  const labels = await options(page).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  return labels.map((label) => {
    const m = /^(.*) — .*, (\d{4}-\d{2}-\d{2})(?:, \w+)?$/.exec(label);
    if (!m) throw new Error(`unexpected option name: ${label}`);
    return { title: m[1]!, date: m[2]! };
  });
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

test('sort by date, title and date added, both directions', async ({ page }) => {
  await expect(options(page)).toHaveCount(14);
  const sortBy = page.getByRole('combobox', { name: 'Sort by' });
  await expect(sortBy).toHaveValue('date');
  await expect(page.getByRole('button', { name: 'Sort descending' })).toBeVisible();
  let shown = await rows(page);
  expect(shown.map((r) => r.date)).toEqual(shown.map((r) => r.date).sort().reverse());
  expect(shown.at(-1)?.title).toMatch(/^Challenging Common Assumptions/); // 2018

  await page.getByRole('button', { name: 'Sort descending' }).click();
  await expect(page.getByRole('button', { name: 'Sort ascending' })).toBeVisible();
  await expect(options(page).first()).toHaveAccessibleName(/^Challenging Common Assumptions/);
  shown = await rows(page);
  expect(shown.map((r) => r.date)).toEqual(shown.map((r) => r.date).sort());

  await sortBy.selectOption({ label: 'Title' });
  await expect(page.getByRole('button', { name: 'Sort ascending' })).toBeVisible();
  await expect(options(page).first()).toHaveAccessibleName(/^Acme/);
  shown = await rows(page);
  expect(shown.map((r) => r.title)).toEqual([...shown.map((r) => r.title)].sort(collator.compare));
  await page.getByRole('button', { name: 'Sort ascending' }).click();
  await expect(options(page).first()).toHaveAccessibleName(/^What Matters/);

  // Date added, newest first: the two papers of the second import lead.
  await sortBy.selectOption({ label: 'Date added' });
  await expect(page.getByRole('button', { name: 'Sort descending' })).toBeVisible();
  shown = await rows(page);
  expect(shown.slice(0, 2).map((r) => r.title).sort()).toEqual([
    expect.stringMatching(/^Challenging Common Assumptions/),
    expect.stringMatching(/^What Matters In On-Policy/),
  ]);
  // The choice is remembered across a reload.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('added');
  // Relevance is offered only with free text.
  await expect(sortBy.locator('option', { hasText: 'Relevance' })).toBeDisabled();
});

test('status views list what the sidebar counts', async ({ page }) => {
  const titles = (await harness.core.query({ search: '', offset: 0, limit: 50 })).rows;
  const byTitle = (start: string) => titles.find((r) => r.title.startsWith(start))!.id;
  await harness.core.setStatus(byTitle('Reverb'), 'reading');
  await harness.core.setStatus(byTitle('Acme'), 'read');
  await harness.core.setStatus(byTitle('Gemma 3'), 'read');
  await page.reload();
  const item = (name: string) => nav(page).getByRole('button', { name: new RegExp(`^${name} \\d+ papers?$`) });
  await expect(item('All papers')).toHaveAccessibleName('All papers 14 papers');
  await expect(item('Unread')).toHaveAccessibleName('Unread 11 papers');
  await expect(item('Reading')).toHaveAccessibleName('Reading 1 paper');
  await expect(item('Read')).toHaveAccessibleName('Read 2 papers');

  for (const [name, count, pattern] of [
    ['Unread', 11, /, \d{4}-\d{2}-\d{2}$/],
    ['Reading', 1, /, reading$/],
    ['Read', 2, /, read$/],
  ] as const) {
    await item(name).click();
    await expect(item(name)).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(options(page)).toHaveCount(count);
    for (const option of await options(page).all()) await expect(option).toHaveAccessibleName(pattern);
  }
  // Changing a status while its view is open moves the paper out of it.
  await options(page).first().click();
  await details(page).getByRole('radio', { name: 'Unread' }).check();
  await expect(options(page)).toHaveCount(1);
  await expect(item('Read')).toHaveAccessibleName('Read 1 paper');
  await expect(item('Unread')).toHaveAccessibleName('Unread 12 papers');
});

test('re-importing a profile with new metrics shows them and their history', async ({ page }) => {
  const updated = sample.replace('h-index117', 'h-index121').replace('9,233citations', '9,800citations');
  expect(updated).not.toBe(sample);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByRole('textbox', { name: 'Text to import' }).fill(updated);
  await expect(dialog.getByText('Already in library · new metrics')).toBeVisible();
  await expect(dialog.getByText('0 new', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(
    'Updated Sabela Ramos: new metrics, no new papers (12 already in library)',
  );

  const header = page.getByRole('region', { name: 'Profile Sabela Ramos' });
  await expect(header).toBeVisible();
  await expect(nav(page).getByRole('button', { name: /^Sabela Ramos/ })).toHaveAttribute('aria-current', 'page');
  const metric = (label: string) => header.locator('.metric').filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) });
  await expect(metric('h-index').locator('.metric-value')).toHaveText('121');
  await expect(metric('Citations').locator('.metric-value')).toHaveText('9,800');
  await expect(metric('Papers').locator('.metric-value')).toHaveText('12');
  await expect(header.getByRole('img', { name: 'h-index history: 117, 121' })).toBeVisible();
  await expect(header.getByRole('img', { name: 'Citations history: 9233, 9800' })).toBeVisible();

  // The profile is the detail pane (the list pane keeps only the list), with the change since the last import.
  await expect(page.getByRole('main', { name: 'Paper list' }).getByRole('region', { name: 'Profile Sabela Ramos' })).toHaveCount(0);
  const changes = header.getByRole('table', { name: 'Changes between snapshots' });
  await expect(changes.locator('tbody tr')).toHaveCount(1);
  await expect(changes.locator('tbody tr').getByRole('cell')).toHaveText('h-index 117 → 121 (▲ 4)Citations 9,233 → 9,800 (▲ 567)');
  await screenshotBothThemes(page, 'profile-view');

  await header.getByText('Metric history (2 snapshots)').click();
  const table = header.getByRole('table', { name: 'Metric history' });
  await expect(table).toBeVisible();
  const bodyRows = table.locator('tbody tr');
  await expect(bodyRows).toHaveCount(2);
  // Newest first.
  await expect(bodyRows.nth(0).getByRole('cell')).toHaveText(['121', '12', '9,800', '45%', '42']);
  await expect(bodyRows.nth(1).getByRole('cell')).toHaveText(['117', '12', '9,233', '45%', '42']);
  await expect(options(page)).toHaveCount(12);
  await screenshot(page, 'profile');
});

test('library screenshot: the sample with a paper selected', async ({ page }) => {
  await expect(options(page)).toHaveCount(14);
  await options(page).filter({ hasText: 'BOND' }).click();
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(/^BOND/);
  await screenshot(page, 'library');
});

test('the dark theme toggles, persists, and is a real dark palette', async ({ page }) => {
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const background = () => page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
  const light = await background();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await background();
  expect(dark).not.toBe(light);
  const luminance = (rgb: string) => {
    const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  expect(luminance(dark)).toBeLessThan(60);
  expect(luminance(light)).toBeGreaterThan(200);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  await options(page).filter({ hasText: 'BOND' }).click();
  const search = page.getByRole('searchbox', { name: 'Search papers' });
  await search.fill('distilation');
  await expect(options(page)).toHaveCount(4);
  await screenshot(page, 'dark-theme');

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TOPICS = ['reward models', 'offline control', 'sparse attention', 'speech units', 'graph priors', 'tool use', 'protein folding', 'code repair'];

/** A profile page in the sample's layout with `count` papers, newest first, one day apart. */
function generatedProfile(count: number): string {
  const parts = ['Ada Generated', '', 'LG', 'h-index42', `${count.toLocaleString('en-US')}papers`, '12,345citations', 'Novelty50%', 'AI Score50', '', `${count} Papers`, ''];
  const start = Date.UTC(2025, 5, 30);
  for (let i = 1; i <= count; i++) {
    const date = new Date(start - (i - 1) * 86_400_000);
    const n = String(i).padStart(4, '0');
    const topic = TOPICS[i % TOPICS.length]!;
    parts.push(
      `${i % 3 === 0 ? 'CL' : 'LG'}${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`,
      `Generated study ${n} on ${topic}`,
      '',
      `Ada Generated, Coauthor ${n}, Second Author et al.`,
      '',
      `We report experiment ${n} on ${topic}, with a baseline, an ablation and a short discussion of limits.`,
      '',
    );
  }
  return parts.join('\n');
}

test('a 2,000-paper paste imports and the virtualized list renders only a window of rows', async ({ page }) => {
  test.setTimeout(120_000);
  const text = generatedProfile(2000);
  expect(text.length).toBeGreaterThan(400_000);
  // Pasted with Ctrl+V outside a text field, as a user would (the app puts the text in the dialog at once).
  // Playwright's fill() types through Input.insertText, which takes minutes for 400 kB in a textarea.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'http://folio.localhost' });
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByRole('textbox', { name: 'Text to import' })).toHaveValue(text);
  await expect(dialog.getByRole('heading', { name: 'Ada Generated' })).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByRole('heading', { name: 'Profile page · 2,000 papers' })).toBeVisible();
  await expect(dialog.getByText('2,000 new', { exact: true })).toBeVisible();
  // The preview lists a bounded number of rows and says how many more there are.
  await expect(dialog.getByText('…and 1,800 more')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(
    'Imported Ada Generated: 2,000 new papers',
    { timeout: 60_000 },
  );
  await expect(dialog).toBeHidden();
  await expect(nav(page).getByRole('button', { name: /^All papers/ })).toHaveAccessibleName('All papers 2,014 papers');

  // The profile view: 2,000 papers, newest first, only a window of them in the DOM.
  await expect(page.getByText('2,000 papers', { exact: true }).first()).toBeVisible();
  await expect(options(page).first()).toHaveAccessibleName(/^Generated study 0001 on/);
  await expect(options(page).first()).toHaveAttribute('aria-setsize', '2000');
  const rendered = await options(page).count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(200);

  // Scroll to the very end: the oldest paper appears, and still only a window is rendered.
  await list(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const last = options(page).filter({ hasText: 'Generated study 2000 on' });
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('aria-posinset', '2000');
  expect(await options(page).count()).toBeLessThan(200);
  await expect(options(page).filter({ hasText: 'Generated study 0001 on' })).toHaveCount(0);

  // Keyboard: Home goes back to the top and selects the first paper.
  await list(page).focus();
  await page.keyboard.press('Home');
  await expect(options(page).first()).toHaveAttribute('aria-selected', 'true');
  await expect(options(page).first()).toHaveAccessibleName(/^Generated study 0001 on/);
  await page.keyboard.press('End');
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(/^Generated study 2000 on/);
});
