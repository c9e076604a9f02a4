// Issue 10's figures: a bulk tag of 10,000 papers selected by a query ("all of this view"), durable (journal
// fsync'd) when its promise resolves; its undo; duplicates() and 20 saved searches' live counts. On a copy.
// A section of `npm run bench` (--only manage; --skip-manage), or alone:
//   npx tsx bench/manage.ts [--sizes 10000,100000] [--runs N]
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FolioCore } from '../electron/core/folio.js';
import { DEFAULT_SEED, copyLibrary, ensureCorpus, type Corpus } from './corpus.js';
import { median, round } from './stats.js';

export interface ManageResult {
  size: number;
  selected: number;
  /** tagSelection's promise: the selection resolved, the change applied and fsync'd in the journal. */
  bulkTagMs: number;
  /** From the start of the bulk tag until a search sees it (the 10,000 documents re-indexed in slices after it). */
  bulkTagSearchableMs: number;
  undoMs: number;
  duplicatesMs: number;
  duplicatePairs: number;
  savedCountsMs: number;
  runs: number;
}

const SELECTED = 10_000;

export async function manageBench(corpus: Corpus, runs: number): Promise<ManageResult> {
  const dir = await copyLibrary(corpus, 'manage');
  const core = await FolioCore.open(dir);
  await core.whenIndexed();
  try {
    // The selection: every paper of a view that lists 10,000 (a tag put on them first, in one step too).
    const ids = core.library.papers().slice(0, SELECTED).map((p) => p.id);
    await core.tagSelection({ ids }, { add: ['bench-selection'] });
    const selection = { search: 'tag:bench-selection', all: true as const, except: [] };
    const selected = await core.countSelection(selection);
    const tag: number[] = [];
    const searchable: number[] = [];
    const undo: number[] = [];
    const settled = () => core.query({ search: 'tag:bench-selection', offset: 0, limit: 1 }); // waits for the re-index
    for (let run = 0; run < runs; run++) {
      await settled();
      let t = performance.now();
      const result = await core.tagSelection(selection, { add: [`bulk-${run}`] });
      tag.push(performance.now() - t);
      await settled();
      searchable.push(performance.now() - t);
      if (result.count !== selected) throw new Error(`tagged ${result.count} of ${selected}`);
      t = performance.now();
      await core.undo();
      undo.push(performance.now() - t);
      await core.redo(); // the next run starts from a library that holds the previous tags
    }
    const dup: number[] = [];
    let pairs = 0;
    for (let run = 0; run < runs; run++) {
      const t = performance.now();
      pairs = (await core.duplicates()).total;
      dup.push(performance.now() - t);
    }
    for (let i = 0; i < 20; i++) {
      await core.saveSearch({ name: `bench ${i}`, search: ['tag:bench-selection', 'learning', 'year:2020..2024', 'status:unread neural', 'model OR network'][i % 5] ?? '', scope: {} });
    }
    const counts: number[] = [];
    for (let run = 0; run < runs; run++) {
      const t = performance.now();
      await core.savedSearchCounts();
      counts.push(performance.now() - t);
    }
    return {
      size: corpus.manifest.size,
      selected,
      bulkTagMs: round(median(tag)),
      bulkTagSearchableMs: round(median(searchable)),
      undoMs: round(median(undo)),
      duplicatesMs: round(median(dup)),
      duplicatePairs: pairs,
      savedCountsMs: round(median(counts)),
      runs,
    };
  } finally {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Target of issue 10: a bulk tag of 10,000 papers is durable within this. */
export const BULK_TAG_TARGET_MS = 300;

/** The section's table, each figure a median of `runs`. */
export function manageTable(results: readonly ManageResult[]): string {
  const rows = results.map((r) =>
    [
      r.size.toLocaleString('en-US'),
      r.selected.toLocaleString('en-US'),
      `${r.bulkTagMs} ms (${r.bulkTagMs <= BULK_TAG_TARGET_MS ? 'meets' : 'misses'} ≤ ${BULK_TAG_TARGET_MS})`,
      `${r.bulkTagSearchableMs} ms`,
      `${r.undoMs} ms`,
      `${r.duplicatesMs} ms (${r.duplicatePairs} pairs)`,
      `${r.savedCountsMs} ms`,
    ].join(' | '),
  );
  return ['papers | tagged | bulk tag durable | until searchable | undo | duplicates() | 20 saved counts', ...rows].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string): string | undefined => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const sizes = (arg('--sizes') ?? '10000,100000').split(',').map(Number);
  const runs = Number(arg('--runs') ?? 5);
  for (const size of sizes) {
    const corpus = await ensureCorpus(size, DEFAULT_SEED, (line) => console.error(line));
    console.log(JSON.stringify(await manageBench(corpus, runs)));
  }
}
