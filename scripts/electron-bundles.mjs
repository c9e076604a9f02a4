// The esbuild bundles Electron loads, said once: scripts/build.mjs builds them into dist/electron, and the tests that
// boot the bundled main (tests/electron/) build the same ones into a scratch folder.
// Main and preload are CommonJS because a sandboxed preload cannot load ES modules or node_modules, and bundling main
// keeps the packaged app free of a node_modules tree. The worker thread that reads large imports has its own bundle
// beside main (electron/core/parse/parse-off-thread.ts finds it there), and so does the command line's bundle.

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
};

// CommonJS has no import.meta: the core's uses of import.meta.url get the bundle's own file URL instead, and
// import.meta.resolve (used only when running from source, to load tsx into a worker) is left out.
const withImportMeta = {
  define: { 'import.meta.url': '__folioImportMetaUrl', 'import.meta.resolve': 'undefined' },
  banner: { js: "const __folioImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/** esbuild options of each bundle, for the repository at `root`, written under `outDir` (default dist/electron). */
export function electronBundles(root, outDir = 'dist/electron') {
  const bundle = (entry, file, extra = {}) => ({ ...common, ...extra, absWorkingDir: root, entryPoints: [entry], outfile: `${outDir}/${file}` });
  return [
    bundle('electron/main/index.ts', 'main.cjs', withImportMeta),
    bundle('electron/preload/index.ts', 'preload.cjs'),
    bundle('electron/core/parse/parse-worker.ts', 'parse-worker.cjs', withImportMeta),
    // The worker thread that builds the search index of a large library when there is no index file yet.
    bundle('electron/core/index-build-worker.ts', 'index-build-worker.cjs', withImportMeta),
    // The `folio` command for Node (bin/folio.mjs), so that it runs without a TypeScript loader. Beside the worker,
    // which it starts for large files. The packaged app runs the same CLI from main.cjs (electron/main/cli-mode.ts).
    bundle('electron/cli.ts', 'cli.cjs', withImportMeta),
  ];
}
