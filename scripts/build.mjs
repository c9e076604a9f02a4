// Builds what Electron loads: the renderer (Vite) and the main, preload and parsing-worker bundles (esbuild; see
// electron-bundles.mjs for why they are shaped as they are).
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { electronBundles } from './electron-bundles.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const only = process.argv[2]; // "renderer" | "electron" | undefined (both)

if (!only || only === 'renderer') {
  await viteBuild({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
}
if (!only || only === 'electron') {
  for (const options of electronBundles(root)) await build(options);
}
