// Where a worker thread's code is and how to start it: next to the bundled main (dist/electron/<name>.cjs, built by
// scripts/build.mjs), or, run from source (the CLI and the tests, through tsx), <name>.ts loaded through tsx's loader,
// which a worker does not inherit from its parent.
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** The worker `name` beside the module at `moduleUrl`: its bundle, or its source through tsx. */
export function workerEntryFor(moduleUrl: string, name: string): { file: URL } | { code: string } {
  const here = new URL(moduleUrl);
  // Bundled: this code is inside dist/electron/main.cjs, the worker's bundle beside it.
  if (path.extname(here.pathname) === '.cjs') return { file: new URL(`./${name}.cjs`, here) };
  const entry = new URL(`./${name}.ts`, here).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return { code: `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });` };
}

export function startWorker(entry: { file: URL } | { code: string }): Worker {
  return 'file' in entry ? new Worker(entry.file) : new Worker(entry.code, { eval: true });
}
