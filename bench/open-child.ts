// One cold open, in a fresh process: FolioCore.open on a library folder, then the first page of rows the
// list asks for (100 rows, default date order), then until the background search index is ready.
// Prints one JSON line. Spawned by bench/system.ts.
//   node --import tsx bench/open-child.ts <libraryDir> [cacheDir]
// With a cacheDir the search index is read from there when a previous run wrote it (as the app does).
import { FolioCore } from '../electron/core/folio.js';

const dir = process.argv[2];
const cacheDir = process.argv[3];
if (!dir) {
  console.error('usage: open-child.ts <libraryDir> [cacheDir]');
  process.exit(2);
}

// A heartbeat every 5 ms: the longest gap between beats is how long the event loop (IPC, in the app) was blocked.
let last = performance.now();
let maxGap = 0;
const beat = setInterval(() => {
  const now = performance.now();
  maxGap = Math.max(maxGap, now - last);
  last = now;
}, 5);

/** A common title word: its answer comes from the search index, or from whatever stands in until it is ready. */
const SEARCHABLE_PROBE = 'learning';

const processStartToCode = performance.now(); // node + tsx start-up and module loading
const started = performance.now();
last = started;
const core = await FolioCore.open(dir, cacheDir ? { cacheDir } : {});
const opened = performance.now();
const page = await core.query({ search: '', offset: 0, limit: 100 });
const firstRows = performance.now();
const blockedUntilFirstRows = maxGap;
// From here on the index loads (or builds) and the abstracts load, in the background: the longest stall now
// is what a user typing or clicking right after the first rows would feel.
maxGap = 0;
// A search typed right after the first rows: when its answer (with hits) arrives is "searchable".
const searched = core.query({ search: SEARCHABLE_PROBE, offset: 0, limit: 50 }).then((answer) => ({ at: performance.now(), hits: answer.total }));
// The search index is made in the background after open: wait for it, keep watching the event loop.
await core.whenIndexed();
const indexed = performance.now();
const searchable = await searched;
// Main's memory with the library open and the index ready (issue 12's figure): what the app holds from here.
const mem = process.memoryUsage();
// Abstracts are read when a paper needs them; load them all here only to report how long that takes.
await core.library.whenAbstractsLoaded();
// Let one more beat run so a block that ends with the build is counted.
await new Promise((r) => setTimeout(r, 10));
clearInterval(beat);
const storeOpenMs = core.library.stats.openMs;
// When every abstract was in place (they load after open, one file per event-loop turn; null if never).
const abstractsLoadedMs = core.library.stats.abstractsLoadedMs;
await core.close();
console.log(
  JSON.stringify({
    ms: firstRows - started,
    openMs: opened - started,
    storeOpenMs,
    indexAndWiringMs: opened - started - storeOpenMs,
    firstPageMs: firstRows - opened,
    processMs: firstRows,
    startupMs: processStartToCode,
    maxEventLoopBlockMs: Math.max(maxGap, blockedUntilFirstRows),
    blockedUntilFirstRowsMs: blockedUntilFirstRows,
    blockedAfterFirstRowsMs: maxGap,
    abstractsLoadedMs,
    indexReadyMs: indexed - started,
    searchableMs: searchable.at - started,
    searchableHits: searchable.hits,
    indexBuildMs: core.indexMs,
    indexSource: core.indexReport?.source ?? null,
    rows: page.rows.length,
    total: page.total,
    heapUsedMb: mem.heapUsed / 1048576,
    rssMb: mem.rss / 1048576,
  }),
);
