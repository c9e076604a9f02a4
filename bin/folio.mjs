#!/usr/bin/env node
// The `folio` command under Node: the bundled CLI that `npm run build` (and so `npm start`) writes to dist/electron;
// from a checkout that was never built, the TypeScript source through tsx (a development dependency).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const bundle = fileURLToPath(new URL('../dist/electron/cli.cjs', import.meta.url));
if (existsSync(bundle)) {
  const { runCli } = require(bundle);
  process.exitCode = await runCli(process.argv.slice(2));
} else {
  const source = fileURLToPath(new URL('../electron/cli.ts', import.meta.url));
  const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), source, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
