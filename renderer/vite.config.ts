// Vite config for the renderer. The built page is loaded from file:// by Electron (and by the e2e harness),
// so asset URLs are relative and the output is a single classic (deferred) script: module scripts and
// `crossorigin` stylesheets are CORS requests, which fail for file:// URLs in plain Chromium.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

function classicScriptForFileUrls(): Plugin {
  return {
    name: 'folio-classic-script',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml(html) {
      return html
        .replace(/<script type="module" crossorigin /g, '<script defer ')
        .replace(/<link rel="stylesheet" crossorigin /g, '<link rel="stylesheet" ')
        .replace(/<link rel="modulepreload"[^>]*>/g, '');
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), classicScriptForFileUrls()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    modulePreload: false,
    cssCodeSplit: false,
    sourcemap: true,
    rollupOptions: {
      output: { format: 'iife' },
    },
  },
});
