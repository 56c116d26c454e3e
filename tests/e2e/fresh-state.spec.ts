import path from 'node:path';
import { seedStory } from './support/results-seed';
import { expect, test } from './support/web-app';

const VAD_MODEL = path.resolve(process.cwd(), '..', 'shared', 'models', 'silero-vad-v6.2.0-ggml.bin');

test('Practice follows what changes elsewhere, and an error shown while the back end failed clears by itself', async ({
  page,
  app,
}) => {
  const stories = app.backend.services.stories;
  await stories.create('Canary rollout');
  // The story list fails while the back end cannot read it (a locked disk, a restart)…
  const read = stories.read.bind(stories);
  let failing = true;
  stories.read = async () => {
    if (failing) throw new Error('the stories file is locked');
    return read();
  };
  await page.goto(app.server.launchUrl);
  const picker = page.locator('.pr-field').filter({ has: page.getByText('Story', { exact: true }) });
  await expect(picker.getByRole('alert')).toBeVisible();

  // …and the error goes once it can, with no reload and no click.
  failing = false;
  await expect(picker.getByRole('alert')).toBeHidden({ timeout: 10_000 });
  await expect(page.locator('#story-select option', { hasText: 'Canary rollout' })).toHaveText('Canary rollout');

  // A take recorded for the story elsewhere (another window, the CLI): the count follows when the
  // window comes back into view, and when the user comes back to Practice.
  await seedStory(app.backend, 'dev-11-hotel-ranking-canary', { id: 'take-0001', story: 'Canary rollout' });
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.locator('#story-select option', { hasText: 'Canary rollout' })).toHaveText(
    'Canary rollout (1 take)',
  );
  await seedStory(app.backend, 'dev-11-hotel-ranking-canary', { id: 'take-0002', story: 'Canary rollout' });
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Sessions' }).click();
  await nav.getByRole('button', { name: 'Practice' }).click();
  await expect(page.locator('#story-select option', { hasText: 'Canary rollout' })).toHaveText(
    'Canary rollout (2 takes)',
  );

  // A model installed from the CLI while the page is open: "before you speak" stops asking for it.
  await expect(page.getByTestId('missing-vad')).toBeVisible();
  await app.backend.services.models.importFile(VAD_MODEL);
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByTestId('missing-vad')).toHaveCount(0);
  await expect(page.getByTestId('missing-whisper')).toBeVisible();
});
