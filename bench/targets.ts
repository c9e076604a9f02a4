// Issue 12's figures (the user's wait): the cold-open-only section, the renderer's JSON item, and each figure
// of the largest size measured against its target, as the report prints them.
import { ensureCorpus } from './corpus.js';
import type { RendererResult } from './renderer.js';
import type { Timed } from './search.js';
import { fmtMs, p95, round, table } from './stats.js';
import { coldOpen, type OpenResult } from './system.js';

/** Issue 12's targets at 100,000 papers. */
export const ISSUE_12_TARGETS = {
  keyToPaintP95Ms: 50,
  mainRssMb: 400,
  openP50Ms: 500,
  openP95Ms: 800,
  longestBlockMs: 50,
  firstSearchableMs: 3000,
  searchP95Ms: 16,
} as const;

/** The cold opens of one size alone (`--only open`). */
export async function openOnly(size: number, seed: number, runs: number, log: (line: string) => void): Promise<OpenResult> {
  const corpus = await ensureCorpus(size, seed, log);
  log(`cold open ${size}: ${runs} fresh processes…`);
  const open = await coldOpen(corpus, runs);
  log(`  open → first rows ${open.ms} ms (p95 ${open.p95Ms}); searchable without an index file ${open.firstSearchableMs} ms; rss ${Math.round(open.rssMb)} MB`);
  return open;
}

export function openTable(opens: readonly OpenResult[]): string {
  return table(
    ['size', 'open→rows p50 / p95', 'store / rest / page', 'index ready: file / built', 'searchable, no index file', 'loop blocked after rows: median / worst', 'main rss'],
    opens.map((open) => [
      String(open.size),
      `${fmtMs(open.ms)} / ${fmtMs(open.p95Ms)}`,
      `${fmtMs(open.storeOpenMs)} / ${fmtMs(open.indexAndWiringMs)} / ${fmtMs(open.firstPageMs)}`,
      `${fmtMs(open.indexReadyMs)} / ${fmtMs(open.indexBuiltReadyMs)}`,
      fmtMs(open.firstSearchableMs),
      `${fmtMs(open.blockedAfterFirstRowsMs)} / ${fmtMs(open.worstBlockedAfterFirstRowsMs)}`,
      `${Math.round(open.rssMb)} MB`,
    ]),
  );
}

/** The renderer's item in the JSON: the issue's keys first, then everything measured. */
export function rendererJson(renderer: RendererResult) {
  const { summary: _summary, size, longestTaskMs, ...rest } = renderer;
  return { size, keyToPaintP50Ms: renderer.paced.p50Ms, keyToPaintP95Ms: renderer.paced.p95Ms, longestTaskMs, ...rest };
}

interface SizeSearch {
  size: number;
  timed: Timed[];
}

/** One line per target: the figure of the largest size measured, and whether it is met. */
export function issue12Targets(results: readonly SizeSearch[], opens: readonly OpenResult[], renderer: RendererResult | null): string[][] {
  const t = ISSUE_12_TARGETS;
  const lines: string[][] = [];
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const line = (target: string, measured: string, ok: boolean) => lines.push([target, measured, verdict(ok)]);
  if (renderer !== null && renderer.error === undefined) {
    line(`keystroke → painted p95 ≤ ${t.keyToPaintP95Ms} ms (${renderer.size})`, `p50 ${fmtMs(renderer.paced.p50Ms)} / p95 ${fmtMs(renderer.paced.p95Ms)}; longest task ${renderer.longestTaskMs}`, renderer.paced.p95Ms <= t.keyToPaintP95Ms);
  }
  const open = [...opens].sort((a, b) => b.size - a.size)[0];
  if (open !== undefined) {
    line(`main RSS ≤ ${t.mainRssMb} MB, library open, index ready (${open.size})`, `${Math.round(open.rssMb)} MB`, open.rssMb <= t.mainRssMb);
    line(`cold open → rows ≤ ${t.openP50Ms} p50 / ${t.openP95Ms} p95 (${open.size})`, `${fmtMs(open.ms)} / ${fmtMs(open.p95Ms)}`, open.ms <= t.openP50Ms && open.p95Ms <= t.openP95Ms);
    line(`event loop blocked after rows ≤ ${t.longestBlockMs} ms`, `median ${fmtMs(open.blockedAfterFirstRowsMs)}, worst ${fmtMs(open.worstBlockedAfterFirstRowsMs)}`, open.blockedAfterFirstRowsMs <= t.longestBlockMs);
    line(`first start, no index file: searchable ≤ ${t.firstSearchableMs} ms`, `${fmtMs(open.firstSearchableMs)} (index ready ${fmtMs(open.indexBuiltReadyMs)})`, open.firstSearchableMs <= t.firstSearchableMs);
  }
  const largest = [...results].sort((a, b) => b.size - a.size)[0];
  const folio = largest?.timed.filter((row) => row.engine === 'folio') ?? [];
  if (largest !== undefined && folio.length > 0) {
    const worst = [...folio].sort((a, b) => p95(b.samples) - p95(a.samples))[0] as Timed;
    const over = folio.filter((row) => p95(row.samples) > t.searchP95Ms).length;
    line(`search p95 ≤ ${t.searchP95Ms} ms, every query and prefix (${largest.size})`, `worst ${round(p95(worst.samples), 1)} ("${worst.spec.query}"); ${over} of ${folio.length} over`, over === 0);
  }
  return lines;
}
