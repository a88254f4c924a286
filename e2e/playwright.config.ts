import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';

// The browser (see chromium.ts): CHROMIUM_PATH, Debian's Chromium, or Playwright's own.
const executablePath = chromiumPath();

export default defineConfig({
  // Paths are relative to this file (e2e/).
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './global-setup.ts',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Each journey also runs axe-core's audit on every state it reaches (e2e/axe.ts): seconds each.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
    },
  },
});
