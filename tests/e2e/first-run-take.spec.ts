import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { writeRandomWhisperModel } from '../fixtures/ggml/write-random-model';
import { launchChromium } from './support/chromium';
import { loadStory, renderSpeech } from './support/speech';
import { startWebApp } from './support/web-app';

const VAD_MODEL = path.resolve(process.cwd(), '..', 'shared', 'models', 'silero-vad-v6.2.0-ggml.bin');

async function chooseModelFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('models-panel').getByRole('button', { name: 'Import a model file…' }).click();
  await (await chooser).setFiles(file);
}

/**
 * A newcomer's first run, end to end on the real path: an empty data folder, the models imported
 * from files in Settings (an offline machine), then a spoken take transcribed on this machine by
 * the real Whisper engine and opened in the results. The Whisper weights are random (none can be
 * downloaded here), so the words are nonsense: the take ends with results that say it is not a
 * gradable story and what to do, which is the honest outcome for nonsense.
 */
test('first run from an empty data folder: models imported from files, a spoken take transcribed here, results', async () => {
  test.setTimeout(300_000);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'coach-first-run-'));
  const story = await loadStory('dev-16-eta-daylight-saving.json');
  const speech = await renderSpeech(story.text, dir, 'story');
  const model = path.join(dir, 'first-tiny.bin');
  await writeRandomWhisperModel(model, 'tiny.en', 21);
  await mkdir('screenshots', { recursive: true });
  const app = await startWebApp(path.join(dir, 'data'));
  const browser = await launchChromium(speech.fakeMicWav);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['microphone'] });
    const page = await context.newPage();
    await page.goto(app.server.launchUrl);
    await expect(page.getByTestId('models-missing')).toBeVisible();
    await page.getByRole('button', { name: 'Import a file (offline)' }).first().click();
    await expect(page).toHaveURL(/#\/settings/);

    const panel = page.getByTestId('models-panel');
    await chooseModelFile(page, VAD_MODEL);
    await expect(panel.getByTestId('model-silero-v6.2.0')).toContainText('Installed', { timeout: 60_000 });
    await chooseModelFile(page, model);
    await expect(panel.getByTestId('model-first-tiny')).toContainText('Installed', { timeout: 120_000 });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Practice' }).click();
    await expect(page.getByTestId('models-ready')).toHaveText('Transcribed on this machine with first-tiny.');
    await expect(page.getByTestId('models-missing')).toHaveCount(0);
    await page.getByLabel('New story name').fill('ETA daylight saving');
    await page.getByRole('button', { name: 'Add story' }).click();
    await page.getByRole('button', { name: 'Custom' }).click();
    await page.getByLabel('Custom length').fill('15');
    await page.getByTestId('start-recording').click();
    await expect(page.getByTestId('recording-screen')).toHaveAttribute('data-phase', 'recording');
    await page.waitForTimeout(8_000);
    await page
      .getByTestId('recording-screen')
      .getByRole('button', { name: /Stop and analyse/ })
      .click();

    await expect(page.getByTestId('results-view')).toBeVisible({ timeout: 180_000 });
    await expect(page.getByTestId('header-tier')).toBeVisible();
    await page.screenshot({ path: 'screenshots/first-run-take-results.png' });
    const [session] = (await app.backend.services.sessions.list()).sessions;
    const doc = await app.backend.services.sessions.get(session?.id ?? '');
    expect(doc.status).toBe('ready');
    expect((doc.transcript as { model?: string }).model).toBe('first-tiny');
  } finally {
    await browser.close();
    await app.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
