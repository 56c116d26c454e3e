import { defineConfig } from '@playwright/test';

/** Drives the real Electron app; the suite skips itself when the Electron binary is absent. */
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/electron',
  timeout: 120_000,
  workers: 1,
  reporter: [['list']],
});
