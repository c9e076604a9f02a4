// The page's main-thread tasks that took more than 50 ms of CPU while something ran, read from Chromium's trace.
// CPU time, not wall time: on a machine shared with other test workers the page is often descheduled in the middle
// of a short task, which a PerformanceObserver's 'longtask' entries (wall time) count as long.
import type { Browser, Page } from '@playwright/test';

/** The trace's events that matter here (Chromium's JSON trace format). */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { functionName?: string; url?: string } };
}

export interface LongTask {
  /** CPU time on the page's main thread (ms). */
  cpuMs: number;
  /** Wall time (ms). */
  wallMs: number;
  /** The longest pieces of work inside it, for the failure message. */
  inside: string[];
}

const LONG_TASK_MS = 50;

/** Runs `work` while Chromium traces, and returns the page's tasks that held its main thread for over 50 ms of CPU. */
export async function longTasksDuring(browser: Browser, page: Page, work: () => Promise<void>): Promise<LongTask[]> {
  await browser.startTracing(page, { categories: ['__metadata', 'toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const worked = await work().then(
    () => null,
    (error: unknown) => ({ error }),
  );
  const trace = await browser.stopTracing();
  if (worked !== null) throw worked.error;
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  const thread = (event: TraceEvent) => `${event.pid}:${event.tid}`;
  const mainThreads = new Set(traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(thread));
  const onMain = traceEvents.filter((e) => e.ph === 'X' && mainThreads.has(thread(e)));
  return onMain
    .filter((e) => e.name === 'ThreadControllerImpl::RunTask' && (e.tdur ?? 0) / 1000 > LONG_TASK_MS)
    .map((task) => ({
      cpuMs: Math.round((task.tdur ?? 0) / 1000),
      wallMs: Math.round((task.dur ?? 0) / 1000),
      inside: onMain
        .filter((e) => e !== task && thread(e) === thread(task) && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0) && !e.name.includes('RunTask'))
        .sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0))
        .slice(0, 4)
        .map((e) => `${e.name}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''} ${Math.round((e.tdur ?? 0) / 1000)} ms`),
    }));
}
