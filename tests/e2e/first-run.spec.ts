import path from 'node:path';
import { expect, test } from './support/web-app';

const VAD_MODEL = path.resolve(process.cwd(), '..', 'shared', 'models', 'silero-vad-v6.2.0-ggml.bin');

test('first run: the Practice page says which models are missing, what each is for, its size and how to get it', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.server.launchUrl);
  const missing = page.getByTestId('models-missing');
  await expect(missing).toBeVisible();
  await expect(missing.getByTestId('missing-whisper')).toContainText('turns your answer into text');
  await expect(missing.getByRole('button', { name: /^Download base\.en \(\d+ MB\)$/ })).toBeVisible();
  await expect(missing.getByTestId('missing-vad')).toContainText('finds where you speak');
  await expect(missing.getByRole('button', { name: /^Download silero-v6\.2\.0 \(\d+ kB\)$/ })).toBeVisible();
  await expect(missing).toContainText('You can record now');
  await page.screenshot({ path: 'screenshots/first-run-practice.png' });
  // Start stays in view at 1280×800 without scrolling, even with the models listed above it.
  const start = await page.getByTestId('start-recording').boundingBox();
  expect(start).not.toBeNull();
  expect((start?.y ?? 0) + (start?.height ?? 0)).toBeLessThanOrEqual(800);

  // The offline route: the model file imported (here through the back end, as Settings does).
  await app.backend.services.models.importFile(VAD_MODEL);
  await page.reload();
  await expect(page.getByTestId('missing-vad')).toHaveCount(0);
  await expect(page.getByTestId('missing-whisper')).toBeVisible();
  await page.getByRole('button', { name: 'Import a file (offline)' }).click();
  await expect(page).toHaveURL(/#\/settings/);
});
