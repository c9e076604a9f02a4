// Injected into the benchmark page before the app loads (bench/renderer.ts; plain JS, runs in Chromium).
// Defines window.folio over the Playwright binding exactly as the e2e harness does, and records, in
// window.__bench: every query (sent/answered), the first frame after each first-page answer ("painted",
// rAF then a MessageChannel task ≈ after paint), keydown timestamps, long tasks and slow input events.
// The two placeholders below (method list, change channel) are filled in by bench/renderer.ts.
(() => {
  const methods = __FOLIO_METHODS__;
  const channel = __CHANNEL__;
  const g = globalThis;
  const bench = { queries: [], painted: {}, keys: [], longTasks: [], events: [] };
  g.__bench = bench;
  const afterPaint = (fn) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => fn(performance.now());
      ch.port2.postMessage(0);
    });
  const invoke = g.__folioInvoke;
  const api = {};
  for (const method of methods) {
    api[method] =
      method === 'query'
        ? async (...args) => {
            const view = args[0];
            const entry = { search: view.search, offset: view.offset, sent: performance.now(), answered: 0 };
            bench.queries.push(entry);
            const result = await invoke(method, args);
            entry.answered = performance.now();
            if (view.offset === 0) {
              afterPaint((t) => {
                const first = document.querySelector('[role="listbox"] [role="option"]');
                if (!bench.painted[view.search]) {
                  bench.painted[view.search] = { at: t, firstLabel: first ? first.getAttribute('aria-label') : null, total: result.total };
                }
              });
            }
            return result;
          }
        : (...args) => invoke(method, args);
  }
  api.onChanged = () => () => undefined;
  Object.defineProperty(g, 'folio', { value: Object.freeze(api), configurable: false });
  Object.defineProperty(g, `__emit_${channel.replace(':', '_')}`, { value: () => undefined });
  document.addEventListener('keydown', (e) => bench.keys.push({ key: e.key, at: e.timeStamp }), true);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.events.push({ name: e.name, start: e.startTime, duration: e.duration });
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
  } catch {}
})();
