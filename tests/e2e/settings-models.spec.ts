import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeRandomWhisperModel } from '../fixtures/ggml/write-random-model';
import { expect, test } from './support/web-app';

test('Settings lists the speech models and explains a failed download with a way out', async ({ page, app }) => {
  await page.goto(app.server.launchUrlFor('/settings'));
  const panel = page.getByTestId('models-panel');
  await expect(panel.getByTestId('model-base.en')).toContainText('Not installed');
  await expect(panel.getByTestId('model-tiny.en')).toContainText('English');
  await expect(panel.getByTestId('models-default')).toHaveText('none installed yet');

  // This machine has no route to the model host: the error says so and offers an import.
  await panel.getByTestId('model-tiny.en').getByRole('button', { name: 'Download' }).click();
  const alert = panel.getByTestId('model-tiny.en').getByRole('alert');
  await expect(alert).toBeVisible({ timeout: 60_000 });
  await expect(alert.getByRole('button', { name: 'Import a file…' })).toBeVisible();
  await mkdir('screenshots', { recursive: true });
  await page.screenshot({ path: 'screenshots/settings-models.png', fullPage: true });

  // In the browser "Import a model file…" opens the page's file picker and uploads the file
  // (the whole upload: settings-model-upload.spec.ts).
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Import a model file…' }).click();
  await chooser;
});

test('a mirror that serves the wrong file is refused against the pinned checksum', async ({ page, app }) => {
  const served: string[] = [];
  const mirror = http.createServer((req, res) => {
    served.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '4096' });
    res.end(Buffer.alloc(4096, 7));
  });
  await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', () => resolve()));
  const mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/models/`;
  try {
    await page.goto(app.server.launchUrlFor('/settings'));
    const panel = page.getByTestId('models-panel');
    await panel.getByLabel('Download mirror').fill(mirrorUrl);
    await panel.getByRole('button', { name: 'Save mirror' }).click();
    await expect(panel.getByLabel('Download mirror')).toHaveValue(mirrorUrl);
    await panel.getByTestId('model-tiny.en').getByRole('button', { name: 'Download' }).click();
    const alert = panel.getByTestId('model-tiny.en').getByRole('alert');
    await expect(alert).toBeVisible({ timeout: 60_000 });
    await expect(panel.getByTestId('model-tiny.en')).not.toContainText('Installed');
    expect(served.some((url) => url.includes('tiny.en'))).toBe(true);
  } finally {
    await new Promise<void>((resolve) => mirror.close(() => resolve()));
  }
});

test('an imported model is measured on this machine and recommended as the default', async ({ page, app }) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'coach-bench-'));
  try {
    const file = path.join(dir, 'ggml-tiny.en.bin');
    await writeRandomWhisperModel(file, 'tiny.en', 5);
    await app.backend.services.models.importFile(file, { id: 'my-tiny' });
    await page.goto(app.server.launchUrlFor('/settings'));
    const panel = page.getByTestId('models-panel');
    await expect(panel.getByTestId('model-my-tiny')).toContainText('Installed');
    await panel.getByRole('button', { name: 'Measure this machine' }).click();
    await expect(panel.getByTestId('models-notice')).toContainText(/real time/i, { timeout: 120_000 });
    await expect(panel.getByTestId('models-default')).toContainText('my-tiny');
    // One name for one model: the row is named as the default line and the CLI name it.
    await expect(panel.getByTestId('model-my-tiny').getByRole('rowheader')).toHaveText(/^my-tiny /);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a newly installed model is measured in the background and becomes the recommended default', async ({
  page,
  app,
}) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'coach-autobench-'));
  try {
    const file = path.join(dir, 'ggml-tiny.en.bin');
    await writeRandomWhisperModel(file, 'tiny.en', 6);
    await app.backend.services.models.importFile(file, { id: 'auto-tiny' });
    // What the download and upload handlers do after installing a model.
    app.backend.services.benchScheduler.request();
    await page.goto(app.server.launchUrlFor('/settings'));
    const panel = page.getByTestId('models-panel');
    await expect(panel.getByTestId('models-bench-state')).toBeVisible();
    await expect(panel.getByTestId('models-default')).toContainText('auto-tiny (recommended for this machine)', {
      timeout: 120_000,
    });
    await expect(panel.getByTestId('models-bench-state')).toBeHidden();
    await expect(panel.getByTestId('model-auto-tiny')).toContainText('recommended for this machine');
    await page.screenshot({ path: 'screenshots/settings-models-auto-bench.png', fullPage: true });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('Settings keeps its microphone promise: choose the input and watch its level, opened only on request', async ({
  page,
  app,
}) => {
  await page.goto(app.server.launchUrlFor('/settings'));
  const panel = page.getByTestId('settings-microphone');
  await expect(panel).toBeVisible();
  // Visiting Settings does not open the microphone.
  await expect(panel.getByTestId('mic-check')).toHaveCount(0);
  await panel.getByTestId('check-microphone').click();
  await expect(panel.getByLabel('Microphone')).toBeEnabled({ timeout: 10_000 });
  await expect(panel.locator('#mic-select option')).not.toHaveCount(0);
  await expect(panel.getByText('Input level')).toBeVisible();
});
