// The sidebar at scale (500 tags, 300 profiles pasted one by one): bounded sections, the filter box and what it
// hides, collapsing and sorting (remembered across a reload). One test: each page load of 800 entries is the cost.
import type { Page } from '@playwright/test';
import { FolioHarness, expect, screenshotBothThemes, test } from './harness.js';
import { buildLargeLibrary } from './generated-library.js';

let harness: FolioHarness;
let names: string[];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  harness = await FolioHarness.start();
  ({ names } = await buildLargeLibrary(harness.core, { profiles: 300, tags: 500 }));
});

test.afterAll(async () => {
  await harness?.stop();
});

test.beforeEach(async ({ page }) => {
  await harness.open(page);
  await expect(tagList(page).getByRole('button', { name: entry('to read') })).toBeVisible();
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const tagList = (page: Page) => nav(page).getByRole('list', { name: 'Tags', exact: true });
const profileList = (page: Page) => nav(page).getByRole('list', { name: 'Profiles', exact: true });
const filterBox = (page: Page) => nav(page).getByRole('searchbox', { name: 'Filter profiles, tags and saved searches' });
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A sidebar entry's button: its name, then its count ("ml/rl 2 papers"), when it has one. */
const entry = (name: string) => new RegExp(`^${escaped(name)}(?: [\\d,]+ papers?)?$`);

test('500 tags and 300 profiles: each section scrolls within a bounded height; the sidebar stays one screen', async ({ page }) => {
  const box = async (name: 'Tags' | 'Profiles') =>
    nav(page)
      .getByRole('list', { name, exact: true })
      .evaluate((el) => ({ client: el.clientHeight, scroll: el.scrollHeight, items: el.querySelectorAll(':scope > li').length }));
  const tags = await box('Tags');
  const profiles = await box('Profiles');
  expect(profiles.items).toBe(300);
  // The tree's top level: ml (with its children folded) and the 495 generated tags, "to read".
  expect(tags.items).toBe(497);
  for (const section of [tags, profiles]) {
    expect(section.client).toBeLessThanOrEqual(420);
    expect(section.scroll).toBeGreaterThan(section.client * 5);
  }
  const sidebarHeight = await nav(page).evaluate((el) => el.scrollHeight);
  expect(sidebarHeight).toBeLessThanOrEqual(800);
  // The last profile is reachable by scrolling its own section.
  const last = [...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })).at(-1)!;
  await profileList(page).getByRole('button', { name: entry(last) }).scrollIntoViewIfNeeded();
  await expect(profileList(page).getByRole('button', { name: entry(last) })).toBeInViewport();

  await test.step('the filter box narrows profiles, tags and saved searches and says how many it hides', async () => {
    await filterBox(page).click();
    await page.keyboard.type('ml');
    // A matching parent shows with everything under it, unfolded.
    for (const name of ['ml', 'ml/rl', 'ml/rl/offline', 'ml/cv']) await expect(tagList(page).getByRole('button', { name: entry(name) })).toBeVisible();
    await expect(tagList(page).getByRole('listitem')).toHaveCount(4);
    await expect(nav(page).getByRole('status')).toHaveText(/^\d+ hidden$/);
    const hidden = Number((await nav(page).getByRole('status').textContent())?.split(' ')[0]);
    const shownProfiles = await profileList(page).getByRole('listitem').count();
    expect(hidden).toBe(300 - shownProfiles + 496);
    await screenshotBothThemes(page, 'sidebar-filter-tree');

    // A name: only that profile (and no tag).
    await filterBox(page).fill('Zofia Abara');
    await expect(profileList(page).getByRole('listitem')).toHaveCount(1);
    await expect(tagList(page).getByRole('listitem')).toHaveCount(0);
    await expect(nav(page).getByRole('status')).toHaveText('799 hidden');
    // Esc clears the filter.
    await page.keyboard.press('Escape');
    await expect(filterBox(page)).toHaveValue('');
    await expect(profileList(page).getByRole('listitem')).toHaveCount(300);
  });

  await test.step('sections collapse and sort by name or count, and remember it after a reload', async () => {
    const profilesHeading = nav(page).getByRole('button', { name: /^Profiles/ });
    await expect(profilesHeading).toHaveAttribute('aria-expanded', 'true');
    await profilesHeading.focus();
    await page.keyboard.press('Enter');
    await expect(profilesHeading).toHaveAttribute('aria-expanded', 'false');
    await expect(profileList(page)).toHaveCount(0);

    await nav(page).getByRole('button', { name: 'Sort tags by count' }).click();
    await expect(nav(page).getByRole('button', { name: 'Sort tags by name' })).toBeVisible();
    const top = await tagList(page)
      .locator(':scope > li > .sidebar-row .sidebar-item')
      .evaluateAll((els) => els.slice(0, 12).map((el) => [el.querySelector('.sidebar-label')?.textContent, Number(el.querySelector('.sidebar-count')?.textContent)] as const));
    // ml leads (10 taggings under it), then the generated tags on 4 papers each (tag i is on 1 + i mod 4 papers).
    expect(top[0]?.[0]).toBe('ml');
    expect(top.slice(1).map(([, count]) => count)).toEqual(Array(11).fill(4));

    await page.reload();
    await expect(nav(page).getByRole('button', { name: /^Profiles/ })).toHaveAttribute('aria-expanded', 'false');
    await expect(nav(page).getByRole('button', { name: 'Sort tags by name' })).toBeVisible();
    await nav(page).getByRole('button', { name: /^Profiles/ }).click();
    await nav(page).getByRole('button', { name: 'Sort tags by name' }).click();
    await expect(profileList(page).getByRole('listitem')).toHaveCount(300);
  });
});
