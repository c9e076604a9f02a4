// Per-paper user data through the UI: tags (add, autocomplete, remove + Undo, keys 1–9, rename / merge /
// recolour / delete + Undo), the Markdown note (autosave, switching papers mid-typing, sanitized preview),
// reading status with the sidebar counts — and all of it still there after an app restart.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES_DIR, FolioHarness, expect, screenshot, test } from './harness.js';

test.describe.configure({ mode: 'serial' });

let harness: FolioHarness;
/** Paper ids by a short name. */
const ids: Record<string, string> = {};

test.beforeAll(async () => {
  harness = await FolioHarness.start();
  const result = await harness.core.commitImport(await readFile(path.join(FIXTURES_DIR, 'profile-sabela-ramos.txt'), 'utf8'));
  expect(result.ok).toBe(true);
  for (const [name, search] of [
    ['reverb', 'Reverb experience replay'],
    ['acme', 'Acme distributed'],
    ['rlds', 'RLDS ecosystem'],
  ] as const) {
    const row = (await harness.core.query({ search, offset: 0, limit: 1 })).rows[0];
    expect(row?.title.toLowerCase()).toContain(name);
    ids[name] = row!.id;
  }
});

test.afterAll(async () => {
  await harness?.stop();
});

test.beforeEach(async ({ page }) => {
  await harness.open(page);
  await expect(options(page)).toHaveCount(12);
});

const options = (page: Page) => page.getByRole('listbox', { name: 'Papers' }).getByRole('option');
const option = (page: Page, title: RegExp) => options(page).filter({ has: page.locator('.paper-row-title', { hasText: title }) });
const details = (page: Page) => page.getByRole('region', { name: 'Paper details' });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const toasts = (page: Page) => page.getByRole('region', { name: 'Notifications' });
const chips = (page: Page) => details(page).getByRole('list', { name: 'Tags' }).getByRole('listitem');
const sidebarTag = (page: Page, name: string) => nav(page).getByRole('button', { name: new RegExp(`^${name} \\d+ papers?$`) });
const tagsOf = async (id: string) => (await harness.core.paper(id)).tags;

async function openPaper(page: Page, title: RegExp): Promise<void> {
  await option(page, title).click();
  await expect(option(page, title)).toHaveAttribute('aria-selected', 'true');
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(title);
}

async function addTag(page: Page, text: string): Promise<void> {
  const input = details(page).getByRole('combobox', { name: 'Add tag' });
  await input.click();
  await input.pressSequentially(text);
  await input.press('Enter');
  await expect(input).toHaveValue('');
}

test('add tags, autocomplete from existing ones, remove with × and Undo', async ({ page }) => {
  await openPaper(page, /^Reverb/);
  await expect(chips(page)).toHaveCount(0);
  await addTag(page, 'replay');
  await addTag(page, 'to read');
  await expect(chips(page)).toHaveText([/replay/, /to read/]);
  await expect.poll(() => tagsOf(ids.reverb!)).toEqual(['replay', 'to read']);
  await expect(sidebarTag(page, 'replay')).toHaveAccessibleName('replay 1 paper');
  await expect(option(page, /^Reverb/).locator('.tag-chip')).toHaveText(['replay', 'to read']);

  // Autocomplete: "rep" suggests the existing tag; ArrowDown + Enter picks it.
  await openPaper(page, /^Acme/);
  const input = details(page).getByRole('combobox', { name: 'Add tag' });
  await input.click();
  await input.pressSequentially('rep');
  await expect(input).toHaveAttribute('aria-expanded', 'true');
  const suggestions = page.getByRole('listbox', { name: 'Tag suggestions' });
  await expect(suggestions.getByRole('option')).toHaveText([/^replay/, 'Create tag “rep”']);
  await expect(suggestions.getByRole('option').first()).toHaveAccessibleName('replay, 1 paper');
  await input.press('ArrowDown');
  await expect(suggestions.getByRole('option', { name: /replay/ })).toHaveAttribute('aria-selected', 'true');
  await input.press('Enter');
  // Typed in another case, an existing tag keeps its spelling.
  await addTag(page, 'TO READ');
  await expect(chips(page)).toHaveText([/replay/, /to read/]);
  await expect.poll(() => tagsOf(ids.acme!)).toEqual(['replay', 'to read']);
  await expect(sidebarTag(page, 'replay')).toHaveAccessibleName(/^replay 2 papers$/);

  // Remove with × → gone (in the UI and the core), Undo → back.
  await details(page).getByRole('button', { name: 'Remove tag replay' }).click();
  await expect(chips(page)).toHaveText([/to read/]);
  await expect(toasts(page)).toContainText('Removed tag “replay”');
  await expect.poll(() => tagsOf(ids.acme!)).toEqual(['to read']);
  await expect(sidebarTag(page, 'replay')).toHaveAccessibleName('replay 1 paper');
  await toasts(page).getByRole('button', { name: 'Undo' }).click();
  await expect(chips(page)).toHaveCount(2);
  await expect(chips(page).filter({ hasText: 'replay' })).toHaveCount(1);
  await expect.poll(async () => (await tagsOf(ids.acme!)).sort()).toEqual(['replay', 'to read']);
  await expect(sidebarTag(page, 'replay')).toHaveAccessibleName(/^replay 2 papers$/);
});

const NOTE = [
  '# Reading notes',
  '',
  'Reverb is **bold** about replay.',
  '',
  '<script>window.__pwned=1</script>',
  '',
  '<img src=x onerror="window.__pwned=2"> and ![a chart](http://example.com/chart.png)',
  '',
  '- [x] skim',
  '- [ ] reproduce',
].join('\n');

test('a Markdown note autosaves, survives switching papers mid-typing, and previews sanitized', async ({ page }) => {
  await openPaper(page, /^Reverb/);
  const pane = details(page);
  await expect(pane.getByRole('button', { name: 'Edit', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const note = pane.getByRole('textbox', { name: 'Note' });
  await note.click();
  await note.pressSequentially(NOTE);
  await expect(note).toHaveValue(NOTE);
  // The autosave may already have saved a prefix while typing: wait for the whole text, then "Saved".
  await expect.poll(async () => (await harness.core.paper(ids.reverb!)).note).toBe(NOTE);
  await expect(pane.getByRole('status')).toHaveText('Saved');

  // Keep typing, then leave for another paper at once: no waiting for the debounce.
  const addition = '\n\nSecond thought, typed fast.';
  await note.press('Control+End');
  await note.pressSequentially(addition);
  await option(page, /^Acme/).click();
  await expect(pane.getByRole('heading', { level: 2 })).toHaveText(/^Acme/);
  await option(page, /^Reverb/).click();
  await expect(pane.getByRole('heading', { level: 2 })).toHaveText(/^Reverb/);
  // Reverb now has a note, so it may reopen in Preview: its text is what was typed either way.
  if (await pane.getByRole('button', { name: 'Preview' }).getAttribute('aria-pressed') === 'true') {
    await pane.getByRole('button', { name: 'Edit', exact: true }).click();
  }
  await expect(pane.getByRole('textbox', { name: 'Note' })).toHaveValue(NOTE + addition);
  await expect.poll(async () => (await harness.core.paper(ids.reverb!)).note).toBe(NOTE + addition);

  // Preview: Markdown rendered, raw HTML inert.
  await pane.getByRole('button', { name: 'Preview' }).click();
  await expect(pane.getByRole('textbox', { name: 'Note' })).toHaveCount(0);
  const preview = pane.locator('.note-preview');
  await expect(preview.getByRole('heading', { name: 'Reading notes' })).toBeVisible();
  await expect(preview.locator('strong')).toHaveText('bold');
  await expect(preview.getByRole('listitem')).toHaveCount(2);
  await expect(preview.getByText('Second thought, typed fast.')).toBeVisible();
  await expect(preview).toContainText('<script>window.__pwned=1</script>');
  await expect(preview.locator('script')).toHaveCount(0);
  await expect(preview).toContainText('<img src=x onerror="window.__pwned=2">');
  await expect(preview.locator('img')).toHaveCount(0);
  await expect(preview).toContainText('[image: a chart]');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await page.locator('script:not([src])').count()).toBe(0);
  await expect(option(page, /^Reverb/).locator('.note-mark')).toBeVisible();
});

test('reading status updates the sidebar counts and the status views', async ({ page }) => {
  const count = (name: string) => nav(page).getByRole('button', { name: new RegExp(`^${name} \\d+ papers?$`) });
  await expect(count('Unread')).toHaveAccessibleName('Unread 12 papers');
  await expect(count('Reading')).toHaveAccessibleName(/^Reading 0 papers$/);

  await openPaper(page, /^Reverb/);
  const status = details(page).getByRole('radiogroup', { name: 'Reading status' });
  await expect(status.getByRole('radio', { name: 'Unread' })).toBeChecked();
  await status.getByRole('radio', { name: 'Reading' }).check();
  await expect(count('Unread')).toHaveAccessibleName('Unread 11 papers');
  await expect(count('Reading')).toHaveAccessibleName('Reading 1 paper');
  await expect(option(page, /^Reverb/)).toHaveAccessibleName(/, reading(;|$)/);

  await openPaper(page, /^Acme/);
  await status.getByRole('radio', { name: 'Read', exact: true }).check();
  await openPaper(page, /^RLDS/);
  await status.getByRole('radio', { name: 'Read', exact: true }).check();
  await expect(count('Read')).toHaveAccessibleName('Read 2 papers');
  await expect(count('Unread')).toHaveAccessibleName('Unread 9 papers');
  await expect.poll(async () => (await harness.core.paper(ids.acme!)).status).toBe('read');

  await count('Read').click();
  await expect(count('Read')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: 'Read', level: 1 })).toBeVisible();
  await expect(options(page)).toHaveCount(2);
  await expect(options(page).nth(0)).toHaveAccessibleName(/^RLDS.*, read(;|$)/);
  await expect(options(page).nth(1)).toHaveAccessibleName(/^Acme.*, read(;|$)/);
  await count('Reading').click();
  await expect(options(page)).toHaveCount(1);
  await expect(options(page)).toHaveAccessibleName(/^Reverb.*, reading(;|$)/);
  await count('Unread').click();
  await expect(options(page)).toHaveCount(9);
  await nav(page).getByRole('button', { name: /^All papers/ }).click();
  await expect(options(page)).toHaveCount(12);
});

test('after a restart and reload, tags, note and status are as they were left', async ({ page }) => {
  await harness.restart();
  await page.reload();
  await expect(options(page)).toHaveCount(12);
  await openPaper(page, /^Reverb/);
  const pane = details(page);
  await expect(chips(page)).toHaveText([/replay/, /to read/]);
  await expect(pane.getByRole('radio', { name: 'Reading' })).toBeChecked();
  // A paper with a note opens in Preview.
  await expect(pane.getByRole('button', { name: 'Preview' })).toHaveAttribute('aria-pressed', 'true');
  await expect(pane.locator('.note-preview strong')).toHaveText('bold');
  await expect(pane.locator('.note-preview')).toContainText('Second thought, typed fast.');
  await pane.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(pane.getByRole('textbox', { name: 'Note' })).toHaveValue(`${NOTE}\n\nSecond thought, typed fast.`);
  await expect(pane.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await pane.getByRole('button', { name: 'Preview' }).click();
  await expect(nav(page).getByRole('button', { name: /^Read \d/ })).toHaveAccessibleName('Read 2 papers');
  await expect(sidebarTag(page, 'replay')).toHaveAccessibleName(/^replay 2 papers$/);
  await pane.locator('.note').scrollIntoViewIfNeeded();
  await screenshot(page, 'detail-with-note');
});

test('keys 1–9 toggle the tags assigned to them on the selected paper', async ({ page }) => {
  await harness.core.assignTagKey('replay', 1);
  await harness.core.assignTagKey('to read', 2);
  await expect(nav(page).locator('.sidebar-row:has(kbd)')).toHaveCount(2);
  await openPaper(page, /^RLDS/);
  await expect(chips(page)).toHaveCount(0);
  // Keys act from the list (not from a text field).
  await page.getByRole('listbox', { name: 'Papers' }).focus();
  await page.keyboard.press('2');
  await expect(toasts(page)).toContainText('to read');
  await expect(chips(page)).toHaveText([/to read/]);
  await page.keyboard.press('1');
  // (In whichever order the core keeps a paper's tags.)
  await expect(chips(page)).toHaveCount(2);
  await expect.poll(async () => (await tagsOf(ids.rlds!)).sort()).toEqual(['replay', 'to read']);
  await page.keyboard.press('2');
  await expect(chips(page)).toHaveText([/replay/]);
  await expect.poll(() => tagsOf(ids.rlds!)).toEqual(['replay']);
  // A key with no tag behind it does nothing; in a text field the digit is just typed.
  await page.keyboard.press('9');
  const search = page.getByRole('searchbox', { name: 'Search papers' });
  await search.click();
  await page.keyboard.press('1');
  await expect(search).toHaveValue('1');
  await expect.poll(() => tagsOf(ids.rlds!)).toEqual(['replay']);
});

test('tags: rename, merge, recolour, delete and Undo from the tag actions menu', async ({ page }) => {
  // Now: replay on Reverb, Acme, RLDS; "to read" on Reverb, Acme.
  const openMenu = async (name: string) => {
    await nav(page).getByRole('button', { name: `Actions for tag ${name}` }).click();
    const menu = page.getByRole('menu', { name: `Tag ${name}` });
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: 'Rename…' })).toBeFocused();
    return menu;
  };

  // Rename.
  await (await openMenu('to read')).getByRole('menuitem', { name: 'Rename…' }).click();
  const rename = nav(page).getByRole('textbox', { name: 'Rename tag to read' });
  await expect(rename).toBeFocused();
  await rename.fill('later');
  await rename.press('Enter');
  await expect(toasts(page)).toContainText('Renamed “to read” to “later”');
  await expect(sidebarTag(page, 'later')).toHaveAccessibleName('later 2 papers');
  await expect(sidebarTag(page, 'to read')).toHaveCount(0);
  await expect.poll(() => tagsOf(ids.acme!)).toContain('later');

  // Recolour.
  await (await openMenu('later')).getByRole('menuitemradio', { name: 'Teal' }).click();
  await expect.poll(async () => (await harness.core.overview()).tags.find((t) => t.name === 'later')?.color).toBe('#0d9488');
  await expect(sidebarTag(page, 'later').locator('.tag-dot')).toHaveCSS('background-color', 'rgb(13, 148, 136)');
  const menu = await openMenu('later');
  await expect(menu.getByRole('menuitemradio', { name: 'Teal' })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(nav(page).getByRole('button', { name: 'Actions for tag later' })).toBeFocused();

  // Merge: renaming onto an existing tag merges the two.
  await (await openMenu('later')).getByRole('menuitem', { name: 'Rename…' }).click();
  await nav(page).getByRole('textbox', { name: 'Rename tag later' }).fill('Replay');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Merge tags' }).getByRole('button', { name: 'Merge' }).click();
  await expect(toasts(page)).toContainText('Merged “later” into “replay”');
  await expect(sidebarTag(page, 'later')).toHaveCount(0);
  await expect(sidebarTag(page, 'replay')).toHaveAccessibleName('replay 3 papers');
  await expect.poll(() => tagsOf(ids.reverb!)).toEqual(['replay']);

  // Delete, then Undo: the tag comes back on the same papers.
  const colorBefore = (await harness.core.overview()).tags.find((t) => t.name === 'replay')?.color;
  await (await openMenu('replay')).getByRole('menuitem', { name: 'Delete tag…' }).click();
  await expect(toasts(page)).toContainText('Deleted tag “replay” from 3 papers');
  await expect(sidebarTag(page, 'replay')).toHaveCount(0);
  await expect(page.getByText('No tags yet.')).toBeVisible();
  await expect.poll(() => tagsOf(ids.reverb!)).toEqual([]);
  // The newest toast is on top (the delete's; the rename's and the merge's are still shown under it).
  await toasts(page).getByRole('button', { name: 'Undo' }).first().click();
  await expect(sidebarTag(page, 'replay')).toHaveAccessibleName('replay 3 papers');
  for (const id of [ids.reverb!, ids.acme!, ids.rlds!]) await expect.poll(() => tagsOf(id)).toEqual(['replay']);
  expect((await harness.core.overview()).tags.find((t) => t.name === 'replay')?.color).toBe(colorBefore);
});
