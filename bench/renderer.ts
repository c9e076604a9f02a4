// The renderer at scale: the built UI in Chromium (Playwright), `window.folio` bound to a real FolioCore
// on the benchmark library, as tests/e2e/harness.ts wires it (the page's calls go through
// dispatchFolioCall, the validation main applies to IPC). Measures, while typing into "Search papers":
//   - keystroke → results painted: from the keydown's event.timeStamp to the first frame after the answer
//     to the query for that exact text arrived (rAF, then a MessageChannel task ≈ after paint). Includes
//     any debounce in the renderer, IPC (a structured clone of the answer, as Electron's, then a CDP binding),
//     the core's query and React's render.
//     "paced": one key, wait for its results, next key (latency per keystroke, nothing overlapping).
//     "burst": the phrase typed at 80 ms per key (a fast typist); last key → final results painted.
//   - the longest main-thread task while typing (PerformanceObserver 'longtask'; > 50 ms is a jank).
//   - renderer memory: JS heap (CDP Performance.getMetrics) and the renderer process RSS / PSS (/proc).
// In the app the core runs in Electron's main process and the bridge is IPC; here it is this Node process
// and a Playwright binding: the transport differs, the renderer code and the core are the same.
import { existsSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { CHANGED_CHANNEL, FOLIO_METHODS } from '../electron/core/api.js';
import { dispatchFolioCall } from '../electron/core/api-schema.js';
import { FolioCore } from '../electron/core/folio.js';
import type { Corpus } from './corpus.js';
import { TYPED_PHRASE } from './search.js';
import { fmtMs, median, p95, round } from './stats.js';
import { CONTENT_SECURITY_POLICY } from '../electron/main/security.js';
import { errorMessage } from '../electron/core/library/errors.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const ORIGIN = 'http://folio.localhost';
const CHROMIUM = process.env.FOLIO_BENCH_CHROMIUM ?? '/usr/bin/chromium';
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface RendererResult {
  size: number;
  error?: string;
  rendererBuild: string;
  /** goto → first rows of the unfiltered list painted. */
  firstRowsMs: number;
  paced: { keystrokes: number; p50Ms: number; p95Ms: number; maxMs: number; missed: number; verified: number };
  burst: { keystrokes: number; lastKeyToResultsMs: number; queriesSent: number };
  longestTaskMs: number;
  longTasksOver50: number;
  longTasksWhileTyping: number[];
  longestEventMs: number;
  jsHeapUsedMb: number;
  jsHeapTotalMb: number;
  rendererRssMb: number;
  rendererPssMb: number;
  summary: string;
}

/** The renderer as of now: built into a temp folder (dist/ is left alone); falls back to dist/renderer. */
async function rendererDir(log: (line: string) => void): Promise<{ dir: string; label: string }> {
  const out = path.join(os.tmpdir(), `folio-bench-renderer-${process.pid}`);
  try {
    const { build } = await import('vite');
    await build({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'error', build: { outDir: out, emptyOutDir: true, sourcemap: false } });
    return { dir: out, label: 'built from renderer/ for this run' };
  } catch (error) {
    const fallback = path.join(root, 'dist', 'renderer');
    if (!existsSync(path.join(fallback, 'index.html'))) throw error;
    log(`renderer build failed (${errorMessage(error).split('\n')[0]}); using dist/renderer`);
    return { dir: fallback, label: 'dist/renderer (fallback: build failed)' };
  }
}

async function load(page: Page, core: FolioCore, dir: string): Promise<void> {
  await page.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) return route.fulfill({ status: 403 });
    try {
      const body = await readFile(file);
      await route.fulfill({ status: 200, body, headers: { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY } });
    } catch {
      await route.fulfill({ status: 404 });
    }
  });
  await page.route(/^(?!http:\/\/folio\.localhost\/)/, (route) => route.abort());
  // Electron's IPC structured-clones every answer (the page of rows) out of main; do the same here, in this process,
  // so the bench pays that cost where the app does (the binding's own JSON transport comes on top of it).
  await page.exposeBinding('__folioInvoke', async (_source, method: unknown, args: unknown) => structuredClone(await dispatchFolioCall(core, method, args)));
  const probe = (await readFile(path.join(here, 'page-probe.js'), 'utf8'))
    .replaceAll('__FOLIO_METHODS__', JSON.stringify(FOLIO_METHODS))
    .replaceAll('__CHANNEL__', JSON.stringify(CHANGED_CHANNEL));
  await page.addInitScript({ content: probe });
  await page.addInitScript({ content: FIRST_ROW_WATCH });
  await page.goto(`${ORIGIN}/index.html`);
}

// Records every change of the list's first row as seen in the DOM: when the mutation happened (m) and the
// first frame after it (at, rAF then a MessageChannel task, like the probe). The probe's "painted" is the
// first frame after an answer arrived; a renderer that renders the answer later (a transition, in slices)
// may paint that frame with the previous rows, so the paced latency takes the frame that shows the answer's
// first row (see answerPaintedAt).
const FIRST_ROW_WATCH = `(() => {
  const seen = [];
  globalThis.__firstRows = seen;
  let last;
  const check = () => {
    const first = document.querySelector('[role="listbox"] [role="option"]');
    const label = first ? first.getAttribute('aria-label') : null;
    if (label === last) return;
    last = label;
    const entry = { label, m: performance.now(), at: 0 };
    seen.push(entry);
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { entry.at = performance.now(); };
      ch.port2.postMessage(0);
    });
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
})();`;

interface FirstRowChange {
  label: string | null;
  m: number;
  at: number;
}

/**
 * When the answer's first row was on screen: the probe's frame if the DOM already showed that row then,
 * else the frame after the first later change to it; null if it never showed.
 */
export function answerPaintedAt(changes: readonly FirstRowChange[], probeAt: number, title: string): number | null {
  const shows = (c: FirstRowChange | undefined) => c !== undefined && c.at > 0 && c.label?.startsWith(title);
  const before = changes.filter((c) => c.m <= probeAt);
  const current = before[before.length - 1];
  if (shows(current)) return Math.max(probeAt, (current as FirstRowChange).at);
  const later = changes.find((c) => c.m > probeAt && shows(c));
  return later ? later.at : null;
}

interface BenchState {
  queries: Array<{ search: string; offset: number; sent: number; answered: number }>;
  painted: Record<string, { at: number; firstLabel: string | null; total: number }>;
  keys: Array<{ key: string; at: number }>;
  longTasks: Array<{ start: number; duration: number }>;
  events: Array<{ name: string; start: number; duration: number }>;
}

const state = (page: Page) => page.evaluate(() => (globalThis as unknown as { __bench: BenchState }).__bench);

async function waitPainted(page: Page, search: string, timeoutMs: number): Promise<boolean> {
  try {
    await page.waitForFunction((s) => (globalThis as unknown as { __bench: BenchState }).__bench.painted[s] !== undefined, search, { timeout: timeoutMs, polling: 20 });
    return true;
  } catch {
    return false;
  }
}

async function resetSearch(page: Page): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search papers' });
  await box.fill('');
  await page.evaluate(() => {
    const b = (globalThis as unknown as { __bench: BenchState }).__bench;
    b.painted = {};
  });
  await page.waitForTimeout(400);
  await box.focus();
}

/** The largest Chromium renderer process descending from this process (Linux /proc). */
async function rendererProcessMemory(): Promise<{ rssMb: number; pssMb: number }> {
  if (process.platform !== 'linux') return { rssMb: 0, pssMb: 0 };
  const parentOf = async (pid: string): Promise<string | null> => {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    return /PPid:\s+(\d+)/.exec(status)?.[1] ?? null;
  };
  const ours = async (pid: string): Promise<boolean> => {
    let p: string | null = pid;
    for (let depth = 0; depth < 6 && p !== null && p !== '0'; depth++) {
      p = await parentOf(p);
      if (p === String(process.pid)) return true;
    }
    return false;
  };
  let best = { rssMb: 0, pssMb: 0 };
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = await readFile(`/proc/${name}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer') || cmd.includes('--top-chrome-webui') || cmd.includes('--extension-process') || !(await ours(name))) continue;
      const status = await readFile(`/proc/${name}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      const rollup = await readFile(`/proc/${name}/smaps_rollup`, 'utf8').catch(() => '');
      const pss = Number(/Pss:\s+(\d+)/.exec(rollup)?.[1] ?? 0) / 1024;
      if (rss > best.rssMb) best = { rssMb: round(rss, 1), pssMb: round(pss, 1) };
    } catch {
      // the process went away
    }
  }
  return best;
}

export async function runRenderer(corpus: Corpus, log: (line: string) => void, pacedRounds = 2): Promise<RendererResult> {
  const size = corpus.manifest.size;
  const built = await rendererDir(log);
  const core = await FolioCore.open(corpus.libraryDir);
  await core.whenIndexed();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-renderer-backgrounding', '--disable-background-timer-throttling'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const t0 = Date.now();
    await load(page, core, built.dir);
    await page.getByRole('listbox', { name: 'Papers' }).getByRole('option').first().waitFor({ timeout: 60_000 });
    const firstRowsMs = Date.now() - t0;
    log(`  renderer: first rows after ${firstRowsMs} ms; typing "${TYPED_PHRASE}" paced × ${pacedRounds}…`);
    const box = page.getByRole('searchbox', { name: 'Search papers' });
    await box.waitFor();
    await page.waitForTimeout(500);
    const typingWindows: Array<[number, number]> = [];

    // Paced typing.
    const latencies: number[] = [];
    let missed = 0;
    let verified = 0;
    for (let round = 0; round < pacedRounds; round++) {
      await resetSearch(page);
      const windowStart = await page.evaluate(() => performance.now());
      for (let i = 0; i < TYPED_PHRASE.length; i++) {
        const text = TYPED_PHRASE.slice(0, i + 1);
        const before = (await state(page)).keys.length;
        await page.keyboard.type(TYPED_PHRASE[i] as string);
        const ok = await waitPainted(page, text, 5_000);
        const s = await state(page);
        const key = s.keys[before];
        const painted = s.painted[text];
        if (!ok || !key || !painted) {
          missed++;
          continue;
        }
        // Check the painted first row is the core's first row for that text, and time the frame showing it.
        const expected = await core.query({ search: text, sort: 'relevance', direction: 'desc', offset: 0, limit: 1 });
        const title = expected.rows[0]?.title;
        if (title === undefined) {
          latencies.push(painted.at - key.at);
          if (painted.total === 0) verified++;
        } else {
          let at: number | null = null;
          for (let wait = 0; at === null && wait < 50; wait++) {
            if (wait > 0) await page.waitForTimeout(20);
            at = answerPaintedAt(await page.evaluate(() => (globalThis as unknown as { __firstRows: FirstRowChange[] }).__firstRows.slice(-30)), painted.at, title);
          }
          if (at === null) {
            missed++;
            continue;
          }
          latencies.push(at - key.at);
          verified++;
        }
        await page.waitForTimeout(30);
      }
      typingWindows.push([windowStart, await page.evaluate(() => performance.now())]);
    }

    // Burst typing.
    log('  renderer: burst typing at 80 ms per key…');
    await resetSearch(page);
    const burstStart = await page.evaluate(() => performance.now());
    const sentBefore = (await state(page)).queries.length;
    await page.keyboard.type(TYPED_PHRASE, { delay: 80 });
    await waitPainted(page, TYPED_PHRASE, 10_000);
    const after = await state(page);
    const lastKey = after.keys[after.keys.length - 1];
    const finalPaint = after.painted[TYPED_PHRASE];
    const lastKeyToResultsMs = lastKey && finalPaint ? finalPaint.at - lastKey.at : -1;
    typingWindows.push([burstStart, await page.evaluate(() => performance.now())]);
    await page.waitForTimeout(300);

    const final = await state(page);
    const inTyping = (start: number) => typingWindows.some(([a, b]) => start >= a && start <= b);
    const typingTasks = final.longTasks.filter((t) => inTyping(t.start)).map((t) => round(t.duration, 0));
    const typingEvents = final.events.filter((e) => inTyping(e.start));

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
    const metric = (n: string) => metrics.find((m) => m.name === n)?.value ?? 0;
    const proc = await rendererProcessMemory();
    if (pageErrors.length > 0) log(`  renderer page errors: ${pageErrors.slice(0, 3).join(' | ')}`);

    const result: RendererResult = {
      size,
      rendererBuild: built.label,
      firstRowsMs,
      paced: {
        keystrokes: latencies.length + missed,
        p50Ms: round(median(latencies), 1),
        p95Ms: round(p95(latencies), 1),
        maxMs: round(Math.max(0, ...latencies), 1),
        missed,
        verified,
      },
      burst: { keystrokes: TYPED_PHRASE.length, lastKeyToResultsMs: round(lastKeyToResultsMs, 1), queriesSent: after.queries.length - sentBefore },
      longestTaskMs: Math.max(0, ...typingTasks),
      longTasksOver50: typingTasks.filter((d) => d > 50).length,
      longTasksWhileTyping: typingTasks.sort((a, b) => b - a).slice(0, 10),
      longestEventMs: round(Math.max(0, ...typingEvents.map((e) => e.duration)), 0),
      jsHeapUsedMb: round(metric('JSHeapUsedSize') / 1048576, 1),
      jsHeapTotalMb: round(metric('JSHeapTotalSize') / 1048576, 1),
      rendererRssMb: proc.rssMb,
      rendererPssMb: proc.pssMb,
      summary: '',
    };
    result.summary = [
      `  renderer: ${result.rendererBuild}; first rows painted ${fmtMs(firstRowsMs)}${firstRowsMs < 1000 ? ' ms' : ''} after load`,
      `  keystroke → results painted (paced, ${result.paced.keystrokes} keys, incl. any debounce): p50 ${fmtMs(result.paced.p50Ms)} / p95 ${fmtMs(result.paced.p95Ms)} / max ${fmtMs(result.paced.maxMs)} ms; first row verified against the core for ${verified}/${latencies.length}; missed ${missed}`,
      `  burst (80 ms/key, ${TYPED_PHRASE.length} keys, ${result.burst.queriesSent} queries sent): last key → final results painted ${fmtMs(result.burst.lastKeyToResultsMs)} ms`,
      `  longest main-thread task while typing: ${result.longestTaskMs} ms (${result.longTasksOver50} over 50 ms; top: ${result.longTasksWhileTyping.slice(0, 5).join(', ') || 'none'}); longest input event: ${result.longestEventMs} ms`,
      `  memory: JS heap ${result.jsHeapUsedMb} MB used / ${result.jsHeapTotalMb} MB total; renderer process RSS ${result.rendererRssMb} MB (PSS ${result.rendererPssMb} MB)`,
    ].join('\n');
    log(result.summary);
    return result;
  } finally {
    await browser.close();
    await core.close();
    if (built.dir.includes('folio-bench-renderer-')) await rm(built.dir, { recursive: true, force: true });
  }
}
