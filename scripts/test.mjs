// `npm test`: everything that can run on this machine, in the order a failure is cheapest to read:
// type checks, lint and format, unit tests (core, CLI, Electron wiring), the production build, then the Playwright suite
// in a real Chromium. Ends with one summary line: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chosenChromium } from './chromium.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// Libraries the tests open keep their local state (lock, backups, device id) here, not in the user's app data.
process.env.FOLIO_STATE_DIR ||= mkdtempSync(path.join(os.tmpdir(), 'folio-test-state-'));
// npm puts .cmd shims on Windows, which only a shell runs.
const isWindows = process.platform === 'win32';
const bin = (name) => path.join(root, 'node_modules', '.bin', isWindows ? `${name}.cmd` : name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function step(name, command, args, { env = {}, capture = false } = {}) {
  console.log(`\n=== ${name} ===`);
  // Only .cmd shims (and npm, one itself) need a shell on Windows; a shell splits an unquoted path at its spaces.
  const viaShell = isWindows && (command === 'npm' || command.endsWith('.cmd'));
  const result = spawnSync(viaShell && command.includes(' ') ? `"${command}"` : command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    shell: viaShell,
  });
  if (capture) process.stdout.write(result.stdout ?? '');
  if (result.status !== 0) failedSteps.push(name);
  return result;
}

function findTests(dir, pattern) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => pattern.test(file))
    .map((file) => path.join(dir, file))
    .sort();
}

// 1. Types: node side (core, CLI, main, preload, tests) and web side (renderer) separately.
const typecheck = step('typecheck', 'npm', ['run', '-s', 'typecheck']);
if (typecheck.status !== 0) totals.failed += 1;

// 2. Lint and format (Biome, biome.jsonc): zero warnings.
const lint = step('lint and format (Biome)', 'npm', ['run', '-s', 'lint']);
if (lint.status !== 0) totals.failed += 1;

// 3. Unit tests under plain Node.
const unitFiles = [
  ...findTests(path.join(root, 'tests', 'core'), /\.test\.ts$/),
  ...findTests(path.join(root, 'tests', 'electron'), /\.test\.ts$/),
  ...findTests(path.join(root, 'tests', 'cli'), /\.test\.ts$/),
  ...findTests(path.join(root, 'tests', 'renderer'), /\.test\.ts$/),
];
const unit = step('unit tests', process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...unitFiles], {
  capture: true,
  env: { FORCE_COLOR: '0' },
});
const count = (label) => Number((unit.stdout ?? '').match(new RegExp(`^ℹ ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
totals.passed += count('pass');
totals.failed += count('fail') + count('cancelled');
totals.skipped += count('skipped') + count('todo');
if (unit.status !== 0 && count('fail') + count('cancelled') === 0) totals.failed += 1; // crashed before reporting

// 4. Build exactly what ships, then drive it in a real browser.
const build = step('build', process.execPath, [path.join(root, 'scripts', 'build.mjs')]);
if (build.status !== 0) {
  totals.failed += 1;
} else {
  // No system Chromium (a fresh macOS or Windows machine): fetch Playwright's own once, here, so that `npm test`
  // stays the only command. Debian's is used where it exists (CI cannot download browsers).
  if (chosenChromium() === undefined && !existsSync(chromium.executablePath())) {
    step('install Playwright Chromium', bin('playwright'), ['install', 'chromium']);
  }
  mkdirSync(path.join(root, 'test-results'), { recursive: true });
  const report = path.join(root, 'test-results', 'e2e.json');
  const e2e = step('end-to-end (Playwright)', bin('playwright'), ['test', '--reporter=list,json'], {
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: report },
  });
  if (existsSync(report)) {
    const stats = JSON.parse(readFileSync(report, 'utf8')).stats ?? {};
    totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    totals.failed += stats.unexpected ?? 0;
    totals.skipped += stats.skipped ?? 0;
    if (e2e.status !== 0 && !stats.unexpected) totals.failed += 1;
  } else if (e2e.status !== 0) {
    totals.failed += 1;
  }
}

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length || totals.failed ? 1 : 0);
