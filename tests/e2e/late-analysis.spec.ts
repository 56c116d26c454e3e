import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, expect, startWebApp } from './support/web-app';
import { ScriptedTranscriber } from './support/scripted-transcriber';

const STORY =
  'At two in the morning the pager fired for checkout errors. I traced it to a config push that dropped the pool limit. ' +
  'We rolled the config back within five minutes. We added a schema check to the deploy pipeline that still blocks such pushes. ' +
  'Since then every config service runs the same check, and I wrote the guide other teams follow.';

/** A take recorded straight into the back end: audio on disk, no transcript, no analysis. */
async function recordDraft(app: Awaited<ReturnType<typeof startWebApp>>): Promise<string> {
  const recording = app.backend.services.recording;
  const { sessionId } = await recording.start(
    {
      question: 'Tell me about an incident you owned.',
      story: 'Checkout pool limit',
      targetSec: 120,
      livePacing: false,
    },
    () => {},
  );
  const pcm = new Int16Array(4000).map((_, i) => Math.round(6000 * Math.sin(i / 7)));
  for (let i = 0; i < 24; i++) {
    await recording.chunk({ sessionId, offsetSamples: i * 4000, pcm: new Uint8Array(pcm.buffer.slice(0)) });
  }
  await recording.stop({ sessionId, endedBy: 'user' });
  return sessionId;
}

test('a take recorded before any speech model can be transcribed and analysed later from Sessions', async ({
  page,
}) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'coach-e2e-late-'));
  try {
    // 1. No model yet: the action is there, says what is missing, and points to where to fix it.
    const bare = await startWebApp(dataDir);
    const id = await recordDraft(bare);
    await page.goto(bare.server.launchUrlFor('/sessions'));
    const row = page.locator(`[data-testid="take-row"][data-id="${id}"]`);
    await expect(row.getByTestId('analyse-later')).toHaveText('Transcribe and analyse');
    await row.getByTestId('analyse-later').click();
    await expect(row.getByTestId('late-analysis-error')).toContainText(/No speech model is installed yet/);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: 'screenshots/sessions-late-analysis.png' });
    await row.getByRole('button', { name: 'Install a speech model in Settings' }).click();
    await expect(page).toHaveURL(/#\/settings/);
    await bare.stop();

    // 2. A model is installed now (scripted here: no weights can be downloaded): the same take is
    //    transcribed from its stored recording, with progress, and its results open.
    const ready = await startWebApp(dataDir, { transcriber: new ScriptedTranscriber(STORY) });
    try {
      await page.goto(ready.server.launchUrlFor('/sessions'));
      const again = page.locator(`[data-testid="take-row"][data-id="${id}"]`);
      await again.getByTestId('analyse-later').click();
      await expect(page.getByTestId('results-view')).toBeVisible({ timeout: 30_000 });
      await expect(page).toHaveURL(new RegExp(`#/sessions/${id}`));
      const doc = await ready.backend.services.sessions.get(id);
      expect(doc.status).toBe('ready');
      await page.goto(ready.server.launchUrlFor('/sessions'));
      await expect(page.locator(`[data-testid="take-row"][data-id="${id}"]`).getByTestId('analyse-later')).toHaveCount(
        0,
      );
    } finally {
      await ready.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
