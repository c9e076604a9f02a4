// Types of electron-bundles.mjs for the TypeScript tests that build the same bundles.
import type { BuildOptions } from 'esbuild';

export function electronBundles(root: string, outDir?: string): BuildOptions[];
