// Builds what Electron loads: the renderer (Vite) and the main + preload bundles (esbuild).
// Main and preload are bundled to CommonJS because a sandboxed preload cannot load ES modules or
// node_modules, and bundling main keeps the packaged app free of a node_modules tree. The worker thread that reads
// large imports gets its own bundle beside main (parse-off-thread.ts finds it there).
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const only = process.argv[2]; // "renderer" | "electron" | undefined (both)

if (!only || only === 'renderer') {
  await viteBuild({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
}
if (!only || only === 'electron') {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: root,
  };
  // CommonJS has no import.meta: the core's uses of import.meta.url get the bundle's own file URL instead, and
  // import.meta.resolve (used only when running from source, to load tsx into a worker) is left out.
  const importMetaUrl = {
    define: { 'import.meta.url': '__folioImportMetaUrl', 'import.meta.resolve': 'undefined' },
    banner: { js: "const __folioImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
  await build({ ...common, ...importMetaUrl, entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs' });
  await build({ ...common, ...importMetaUrl, entryPoints: ['electron/core/parse/parse-worker.ts'], outfile: 'dist/electron/parse-worker.cjs' });
  await build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs' });
}
