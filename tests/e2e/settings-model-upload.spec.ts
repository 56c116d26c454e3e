import { copyFile, mkdir, mkdtemp, readdir, rm, truncate } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ModelManager } from '../../src/backend/services/models/model-manager';
import { MODEL_UPLOAD_PART_BYTES } from '../../src/shared/channels/models';
import { writeRandomWhisperModel } from '../fixtures/ggml/write-random-model';
import { expect, test } from './support/web-app';

/**
 * Holds the page's `models.uploadPart` request at `offset` until released, so the test can look
 * at (and photograph) an upload in progress however fast the loopback is.
 */
async function holdUploadPart(page: Page, offset: number): Promise<{ held: Promise<void>; release(): Promise<void> }> {
  let release = (): void => {};
  let reached = (): void => {};
  const held = new Promise<void>((resolve) => (reached = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  let passed = (): void => {};
  const continued = new Promise<void>((resolve) => (passed = resolve));
  await page.route('**/api/invoke', async (route) => {
    const body = route.request().postData() ?? '';
    if (body.includes('"channel":"models.uploadPart"') && body.includes(`"offset":${offset},`)) {
      reached();
      await gate;
      await route.continue();
      passed();
      return;
    }
    await route.continue();
  });
  return {
    held,
    // Later parts go straight to the server: routing copies each 2.8 MB body through the driver.
    release: async () => {
      release();
      await continued;
      await page.unroute('**/api/invoke');
    },
  };
}

/** Opens the browser's file chooser the way a user does: through "Import a model file…". */
async function chooseModelFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('models-panel').getByRole('button', { name: 'Import a model file…' }).click();
  await (await chooser).setFiles(file);
}

test('a model file uploads from the browser with progress, and a corrupt one gets the CLI message', async ({
  page,
  app,
}) => {
  test.setTimeout(300_000);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'coach-model-upload-'));
  try {
    // tiny.en's official shape (the web shell accepts no other), random weights: ~75 MB.
    const model = path.join(dir, 'my-tiny.bin');
    await writeRandomWhisperModel(model, 'tiny.en', 11);
    const cut = path.join(dir, 'cut-tiny.bin');
    await copyFile(model, cut);
    await truncate(cut, 5 * 1024 * 1024);
    // What "coach models import cut-tiny.bin" says (the CLI calls the same importFile).
    const cliMessage = await new ModelManager({ dataDir: path.join(dir, 'cli') }).importFile(cut).then(
      () => 'imported?!',
      (error: Error) => error.message,
    );
    expect(cliMessage).toMatch(/^cut-tiny\.bin is truncated/);

    await page.goto(app.server.launchUrlFor('/settings'));
    const panel = page.getByTestId('models-panel');
    await expect(panel.getByTestId('model-tiny.en')).toContainText('Not installed');
    await mkdir('screenshots', { recursive: true });

    // 1. Upload, caught in the middle: bytes, percent and a Cancel button.
    const hold = await holdUploadPart(page, MODEL_UPLOAD_PART_BYTES);
    await chooseModelFile(page, model);
    await hold.held;
    const progress = panel.getByTestId('model-upload');
    await expect(progress.getByRole('status')).toHaveText('Uploading my-tiny.bin…');
    await expect(progress.getByTestId('model-upload-bytes')).toHaveText(/^2 MB of 7\d MB · 2%$/);
    await expect(progress.getByRole('progressbar', { name: 'Upload of my-tiny.bin' })).toBeVisible();
    await expect(progress.getByRole('button', { name: 'Cancel upload' })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Import a model file…' })).toBeDisabled();
    await progress.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'screenshots/settings-model-upload-progress.png' });
    await hold.release();

    const row = panel.getByTestId('model-my-tiny');
    await expect(row).toContainText('my-tiny.bin (imported, tiny.en shape)', { timeout: 120_000 });
    await expect(row).toContainText('Installed');
    await expect(panel.getByRole('status').filter({ hasText: 'Imported my-tiny.' })).toBeVisible();
    await expect(progress).toHaveCount(0);

    // 2. A cut file: the same sentence as the CLI import, nothing listed, nothing left behind.
    await chooseModelFile(page, cut);
    const alert = panel.getByRole('alert').filter({ hasText: 'cut-tiny.bin' });
    await expect(alert).toHaveText(cliMessage, { timeout: 120_000 });
    await expect(panel.getByTestId('model-cut-tiny')).toHaveCount(0);
    await alert.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'screenshots/settings-model-upload-error.png' });

    // 3. Cancel half way: the back end drops the bytes it had.
    const again = await holdUploadPart(page, 2 * MODEL_UPLOAD_PART_BYTES);
    await chooseModelFile(page, model);
    await again.held;
    await progress.getByRole('button', { name: 'Cancel upload' }).click();
    await expect(progress.getByRole('status')).toHaveText('Cancelling the upload of my-tiny.bin…');
    await again.release();
    await expect(panel.getByRole('status').filter({ hasText: 'Upload of my-tiny.bin cancelled' })).toBeVisible();
    const modelsDir = app.backend.services.models.modelsDir;
    expect((await readdir(modelsDir)).filter((name) => name.endsWith('.upload'))).toEqual([]);
    expect((await app.backend.services.models.list()).filter((m) => m.source === 'imported')).toHaveLength(1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
