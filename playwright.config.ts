// End-to-end tests: the built renderer in a real Chromium, wired to the real core over a real library
// folder (tests/e2e/harness.ts). Debian's Chromium is used where installed (it is on CI, where
// Playwright's own browser download is impossible); elsewhere Playwright's bundled Chromium.
import { defineConfig } from '@playwright/test';
import { chosenChromium } from './scripts/chromium.mjs';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /.*\.spec\.ts$/,
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  outputDir: 'test-results/e2e',
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: chosenChromium(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
    trace: 'retain-on-failure',
  },
});
