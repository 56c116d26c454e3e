import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../src/backend/services/platform/electron-binary';

const binary = findElectronBinary();
// Skipped only where the Electron runtime is absent (it cannot be downloaded on machines without
// network access); wherever `npm install` fetched it, this suite runs.
test.skip(!binary.installed, `Electron app tests skipped: ${binary.reason ?? ''}`);

test('the desktop app opens one secure window that shows the frame and its shell', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'coach-electron-'));
  const args = ['out/main/index.js'];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const app = await electron.launch({ args, env: { ...process.env, COACH_DATA_DIR: dataDir } });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/coach\//);

    // The renderer has no Node and only the typed bridge.
    const probe = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      coach: typeof window.coach.invoke,
      popup: window.open('https://example.com') === null,
    }));
    expect(probe).toEqual({ require: 'undefined', process: 'undefined', coach: 'function', popup: true });

    // Navigation away is blocked.
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/coach\//);

    // Only the microphone is granted.
    const camera = await page.evaluate(async () => {
      try {
        await navigator.mediaDevices.getUserMedia({ video: true });
        return 'granted';
      } catch (error) {
        return (error as Error).name;
      }
    });
    expect(camera).not.toBe('granted');

    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByTestId('about-shell')).toHaveText(/Electron/);
    await expect(page.getByTestId('about-data-dir')).toHaveText(dataDir);
    await page.getByRole('button', { name: 'Sessions' }).click();
    await expect(page.getByTestId('sessions-empty')).toBeVisible();
    await page.screenshot({ path: 'screenshots/electron-sessions.png' });
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
