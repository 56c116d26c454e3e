import { defineConfig } from '@playwright/test';
import { chromiumArgs, CHROMIUM_PATH } from './tests/e2e/support/chromium';

/** End-to-end tests run against the web shell in Debian's Chromium (no downloaded browser). */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  timeout: 120_000,
  workers: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 820 },
    launchOptions: { executablePath: CHROMIUM_PATH, args: chromiumArgs() },
    permissions: ['microphone'],
    screenshot: 'only-on-failure',
  },
});
