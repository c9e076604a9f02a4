// A hostile paste: markup in a profile name, titles, authors, orgs and abstracts must show as literal text
// everywhere (preview, list, detail, sidebar, profile header), create no elements and run nothing. The
// harness fails any test that logs a console error or tries to reach the network (the iframe, the img).
import type { Page } from '@playwright/test';
import { FolioHarness, expect, test } from './harness.js';

test.describe.configure({ mode: 'serial' });

let harness: FolioHarness;

test.beforeAll(async () => {
  harness = await FolioHarness.start();
});

test.afterAll(async () => {
  await harness?.stop();
});

test.beforeEach(async ({ page }) => {
  await harness.open(page);
});

const PROFILE = '<i>Mallory</i> Example';
const IMG_TITLE = '<img src=x onerror="window.__pwned=1">';
const STYLE_TITLE = 'Safe title with <style>body{display:none}</style> inside';
const AUTHOR = '<b>Bold</b> Person';
const ORG = '<iframe src="https://evil.example/">';
const ABSTRACT = 'We study <script>window.__pwned=2</script> inert text & "quotes" in abstracts.';
const LINK_ABSTRACT = 'Another abstract with <a href="javascript:window.__pwned=3">a link</a>.';

const HOSTILE = `${PROFILE}

LG
h-index3
2papers
10citations
Novelty5%
AI Score1

2 Papers

LGJan 5, 2024
${IMG_TITLE}

${AUTHOR}, Alice Smith et al. · ${ORG}

${ABSTRACT}

CLFeb 1, 2023
${STYLE_TITLE}

Alice Smith, ${AUTHOR}

${LINK_ABSTRACT}
`;

/** Elements the hostile text would create if any of it were parsed as HTML, anywhere in the document. */
async function injectedElements(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => ({
    img: document.querySelectorAll('img').length,
    iframe: document.querySelectorAll('iframe').length,
    b: document.querySelectorAll('b').length,
    i: document.querySelectorAll('i').length,
    bodyScripts: document.querySelectorAll('body script').length,
    bodyStyles: document.querySelectorAll('body style').length,
    javascriptLinks: document.querySelectorAll('a[href^="javascript:"]').length,
  }));
}

const NONE = { img: 0, iframe: 0, b: 0, i: 0, bodyScripts: 0, bodyStyles: 0, javascriptLinks: 0 };

async function expectInert(page: Page): Promise<void> {
  expect(await injectedElements(page)).toEqual(NONE);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('body')).toBeVisible();
  await expect(page).toHaveTitle('Folio');
}

test('the page ships a strict Content-Security-Policy and no inline script', async ({ page }) => {
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toMatch(/https?:/);
  expect(await page.locator('script:not([src])').count()).toBe(0);
  const scripts = await page.locator('script[src]').evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).src));
  for (const src of scripts) expect(src).toMatch(/^http:\/\/folio\.localhost\//);
});

test('the import preview shows the hostile text literally', async ({ page }) => {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  const text = dialog.getByRole('textbox', { name: 'Text to import' });
  await expect(text).toBeFocused();
  await text.fill(HOSTILE);
  await expect(dialog.getByRole('heading', { name: PROFILE })).toBeVisible();
  const found = dialog.getByRole('list', { name: 'Papers found' }).getByRole('listitem');
  await expect(found).toHaveCount(2);
  await expect(found.nth(0).locator('.import-paper-title')).toHaveText(IMG_TITLE);
  await expect(found.nth(0)).toContainText(AUTHOR);
  await expect(found.nth(1).locator('.import-paper-title')).toHaveText(STYLE_TITLE);
  await expectInert(page);

  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(`Imported ${PROFILE}: 2 new papers`);
  await expectInert(page);
});

test('list rows, detail pane, sidebar and profile header show the literal text and run nothing', async ({ page }) => {
  const list = page.getByRole('listbox', { name: 'Papers' });
  await expect(list.getByRole('option')).toHaveCount(2);
  const hostileRow = list.getByRole('option', { name: `${IMG_TITLE} — ${AUTHOR}, Alice Smith et al., 2024-01-05` });
  await expect(hostileRow).toBeVisible();
  await expect(hostileRow.locator('.paper-row-title')).toHaveText(IMG_TITLE);
  await expect(hostileRow.locator('.paper-row-authors')).toContainText(AUTHOR);
  await expect(list.getByRole('option', { name: new RegExp(`^${STYLE_TITLE.replace(/[{}()]/g, '\\$&')}`) })).toBeVisible();

  await hostileRow.click();
  const pane = page.getByRole('region', { name: 'Paper details' });
  await expect(pane.getByRole('heading', { level: 2 })).toHaveText(IMG_TITLE);
  await expect(pane.getByRole('button', { name: AUTHOR })).toBeVisible();
  await expect(pane.locator('.detail-orgs')).toHaveText(ORG);
  await expect(pane.locator('.abstract-paragraph')).toHaveText(ABSTRACT);
  await expect(pane.getByRole('button', { name: PROFILE })).toBeVisible();
  await expectInert(page);

  await list.getByRole('option').filter({ hasText: 'Safe title' }).click();
  await expect(pane.getByRole('heading', { level: 2 })).toHaveText(STYLE_TITLE);
  await expect(pane.locator('.abstract-paragraph')).toHaveText(LINK_ABSTRACT);
  await expect(pane.getByRole('link')).toHaveCount(0);

  const nav = page.getByRole('navigation', { name: 'Library' });
  await expect(nav.getByRole('button', { name: `${PROFILE} 2 papers` })).toBeVisible();
  await nav.getByRole('button', { name: `${PROFILE} 2 papers` }).click();
  await expect(page.getByRole('region', { name: `Profile ${PROFILE}` }).getByRole('heading', { name: PROFILE })).toBeVisible();
  await expectInert(page);
});

test('searching the hostile text highlights it as text; clicking the author filters by the literal name', async ({ page }) => {
  const search = page.getByRole('searchbox', { name: 'Search papers' });
  await search.click();
  await search.pressSequentially('onerror');
  const list = page.getByRole('listbox', { name: 'Papers' });
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option').locator('.paper-row-title')).toHaveText(IMG_TITLE);
  await expect(list.getByRole('option').locator('.paper-row-title mark')).toHaveText(['onerror']);
  await list.getByRole('option').click();
  const pane = page.getByRole('region', { name: 'Paper details' });
  await expect(pane.getByRole('heading', { level: 2 }).locator('mark')).toHaveText(['onerror']);
  await expectInert(page);
  await pane.getByRole('button', { name: AUTHOR }).click();
  await expect(search).toHaveValue(`onerror author:"${AUTHOR}"`);
  await expect(list.getByRole('option')).toHaveCount(1);
  await search.fill(`author:"${AUTHOR}"`);
  await expect(list.getByRole('option')).toHaveCount(2);
  await expectInert(page);
});
