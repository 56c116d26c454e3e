import type { Page } from '@playwright/test';
import { expect, test } from './support/web-app';
import { seedStory } from './support/results-seed';
import { readFileSync } from 'node:fs';
import { createTypedSession } from '../../src/backend/services/processing/typed-session';

const STORY = 'dev-01-credit-bureau-sentinel';

function clockSeconds(text: string): number {
  const parts = text.trim().split(':').map(Number);
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}
async function clock(page: Page): Promise<number> {
  return clockSeconds(await page.getByTestId('clock').innerText());
}
async function activeSentence(page: Page) {
  const active = page.locator('[data-testid="sentence"][aria-selected="true"]');
  await expect(active).toHaveCount(1);
  return {
    id: (await active.getAttribute('id')) ?? '',
    layer: (await active.getAttribute('data-layer')) ?? '',
    index: Number(((await active.getAttribute('id')) ?? '').replace('sentence-', '')),
  };
}

test('results of a recorded take: waveform with layer regions, legend, budget bars, rubric, worksheet, delivery', async ({
  page,
  app,
}) => {
  const { id } = await seedStory(app.backend, STORY, { id: 'take-0001', story: 'Bureau sentinel' });
  await page.goto(app.server.launchUrlFor(`/sessions/${id}`));
  await expect(page.getByTestId('results-view')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Bureau sentinel', level: 1 })).toBeVisible();
  // The recording arrives through the contract in chunks and the player becomes ready.
  await expect(page.getByTestId('play-toggle')).toBeEnabled({ timeout: 15_000 });

  // Waveform regions, one per run of a layer, each coloured and named.
  const regions = page.getByTestId('waveform').locator('[data-layer]');
  await expect(regions.first()).toBeAttached();
  const regionLayers = await regions.evaluateAll((els) => els.map((e) => e.getAttribute('data-layer')));
  expect(regionLayers).toEqual([
    'headline',
    'detection',
    'attribution',
    'mitigation',
    'structural_fix',
    'system_learning',
  ]);
  // The labelled strip and the legend name every colour.
  await expect(page.getByTestId('layer-strip').getByRole('button')).toHaveCount(6);
  await expect(page.getByRole('list', { name: 'Layer colours' })).toContainText('L4Structural fix');
  // Budget bars: seconds against the budget for the chosen length.
  await expect(page.getByTestId('budget-bars')).toContainText(/Mitigation \d+ s \/ budget 10 s/);
  await expect(page.getByTestId('budget-bars')).toContainText(/Structural fix \d+ s \/ budget 43 s/);
  // Rubric card: four dimensions, constraints, tier, follow-up.
  for (const d of ['layer_balance', 'structural_fix_specificity', 'system_learning', 'honesty_about_detection']) {
    await expect(page.getByTestId(`dimension-${d}`)).toContainText(/Weak|Passing|Strong|Staff bar/);
  }
  // Constraints fold away behind their count; opening them shows all four.
  await page.getByText(/^Practice constraints: \d of 4 met$/).click();
  await expect(page.getByTestId('constraints').getByRole('listitem')).toHaveCount(4);
  await expect(page.getByTestId('tier')).toContainText(/Senior|Staff|L7/);
  await expect(page.getByTestId('follow-up')).toContainText('?');
  await page.screenshot({ path: 'screenshots/results-recorded.png' });
  await page.getByTestId('rubric-card').screenshot({ path: 'screenshots/results-rubric.png' });
  // The summary is one part of the coaching; worksheet and delivery are a tab away, never all at once.
  await expect(page.getByTestId('worksheet')).toHaveCount(0);
  await page.getByTestId('tab-worksheet').click();
  await expect(page.getByTestId('worksheet')).toContainText('Layer 1');
  await expect(page.getByTestId('rubric-card')).toHaveCount(0);
  await page.getByTestId('worksheet').screenshot({ path: 'screenshots/results-worksheet.png' });
  // Arrow keys move between tabs.
  await page.getByTestId('tab-worksheet').press('ArrowRight');
  await expect(page.getByTestId('tab-delivery')).toBeFocused();
  await expect(page.getByTestId('delivery').locator('tr[data-row="overall"]')).toContainText(/\d+/);
  await page.getByTestId('delivery').screenshot({ path: 'screenshots/results-delivery.png' });
  // The page is a screen of summary, not thousands of pixels.
  await page.getByTestId('tab-coaching').click();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`[results] page height with the summary tab: ${height} px`);
  expect(height).toBeLessThan(3000);
});

test('replay: play, the transcript follows, click to seek, keys for play/pause, sentences, layers and speed, loop a layer', async ({
  page,
  app,
}) => {
  const { id } = await seedStory(app.backend, STORY, { id: 'take-0002', story: 'Bureau sentinel' });
  await page.goto(app.server.launchUrlFor(`/sessions/${id}`));
  await expect(page.getByTestId('play-toggle')).toBeEnabled({ timeout: 15_000 });

  await page.getByTestId('play-toggle').click();
  await expect.poll(() => clock(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  const first = await activeSentence(page);
  expect(first.index).toBe(0);

  // Space (outside a button) pauses and resumes.
  await page.getByTestId('transcript').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play-toggle')).toHaveText(/Play/);
  const paused = await clock(page);
  await page.waitForTimeout(1200);
  expect(await clock(page)).toBe(paused);

  // → next sentence: it becomes current and playback jumps to its start.
  await page.keyboard.press('ArrowRight');
  const second = await activeSentence(page);
  expect(second.index).toBe(1);
  await expect.poll(() => clock(page)).toBeGreaterThanOrEqual(14);
  await page.keyboard.press('ArrowLeft');
  expect((await activeSentence(page)).index).toBe(0);

  // 1-5 jump to a layer (the view updates after the key event, so wait for it).
  await page.keyboard.press('4');
  await expect.poll(async () => (await activeSentence(page)).layer).toBe('structural_fix');
  await page.keyboard.press('1');
  await expect.poll(async () => (await activeSentence(page)).layer).toBe('detection');

  // [ and ] change the speed.
  await page.keyboard.press(']');
  await expect(page.getByTestId('speed')).toHaveValue('1.25');
  await page.keyboard.press('[');
  await page.keyboard.press('[');
  await expect(page.getByTestId('speed')).toHaveValue('0.75');

  // Clicking a sentence seeks there and plays.
  // (Rows are windowed: scroll the transcript to the end so the last sentences exist.)
  await page.getByTestId('transcript').evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  const target = page.locator('[data-testid="sentence"][data-layer="system_learning"]').last();
  await target.click();
  await expect(page.getByTestId('play-toggle')).toHaveText(/Pause/);
  const clicked = await activeSentence(page);
  expect(clicked.layer).toBe('system_learning');
  await expect.poll(() => clock(page)).toBeGreaterThanOrEqual(170);

  // Clicking a quote in the rubric jumps there.
  await page.keyboard.press('Space');
  await page.getByTestId('dimension-honesty_about_detection').locator('summary').click();
  const quote = page.getByTestId('dimension-honesty_about_detection').getByTestId('quote').first();
  const quoteTime = clockSeconds(((await quote.locator('.quote-meta').innerText()).match(/\d+:\d\d/) ?? ['0:00'])[0]);
  await quote.click();
  await expect.poll(() => clock(page)).toBeGreaterThanOrEqual(quoteTime);
  expect(await clock(page)).toBeLessThan(quoteTime + 4);
  await page.screenshot({ path: 'screenshots/results-playing.png' });

  // Loop this layer: at 2x, playback stays inside Mitigation and wraps to its start.
  await page.getByTestId('transcript').focus();
  await page.keyboard.press('3');
  expect((await activeSentence(page)).layer).toBe('mitigation');
  await page.getByTestId('speed').selectOption('2');
  await page.getByTestId('loop-layer').click();
  await expect(page.getByTestId('looping')).toContainText('Mitigation');
  const seen: number[] = [];
  for (let i = 0; i < 18; i++) {
    seen.push(await clock(page));
    await page.waitForTimeout(500);
  }
  const mitigation = await page.locator('[data-testid="sentence"][data-layer="mitigation"] .time').allInnerTexts();
  const start = clockSeconds(mitigation[0] ?? '0:00');
  expect(Math.min(...seen)).toBeGreaterThanOrEqual(start - 1);
  expect(Math.max(...seen)).toBeLessThanOrEqual(start + 14);
  expect(seen.some((t, i) => i > 0 && t < (seen[i - 1] ?? 0))).toBe(true);
  await page.screenshot({ path: 'screenshots/results-looping.png' });
});

async function sentenceCount(page: Page): Promise<number> {
  const text = await page.getByTestId('sentence-tools').innerText();
  return Number(/of (\d+)/.exec(text)?.[1] ?? NaN);
}
async function layerSeconds(page: Page, name: string): Promise<number> {
  const text = await page.getByTestId('budget-bars').innerText();
  return Number(new RegExp(`${name} (\\d+) s`).exec(text)?.[1] ?? NaN);
}

test('corrections: change a layer, edit text, merge, split — recomputed at once, saved, and still there after reopening', async ({
  page,
  app,
}) => {
  const { id } = await seedStory(app.backend, STORY, { id: 'take-0003', story: 'Bureau sentinel' });
  await page.goto(app.server.launchUrlFor(`/sessions/${id}`));
  await expect(page.getByTestId('play-toggle')).toBeEnabled({ timeout: 15_000 });
  await expect(page.getByTestId('correction-state')).toHaveText('As transcribed');
  const total = await sentenceCount(page).catch(() => NaN);
  expect(Number.isNaN(total)).toBe(true); // nothing selected yet

  // Change a layer: the first Attribution sentence becomes Detection.
  await page.getByTestId('transcript').focus();
  await page.keyboard.press('2');
  const attribution = await activeSentence(page);
  expect(attribution.layer).toBe('attribution');
  const n = await sentenceCount(page);
  const detectionBefore = await layerSeconds(page, 'Detection');
  const attributionBefore = await layerSeconds(page, 'Attribution');
  await page.getByTestId('layer-select').selectOption('detection');
  const row = page.locator(`#${attribution.id}`);
  await expect(row).toHaveAttribute('data-layer', 'detection');
  await expect(row).toContainText('set by you');
  await expect(page.getByTestId('correction-state')).toHaveText('Corrected by you');
  expect(await layerSeconds(page, 'Detection')).toBeGreaterThan(detectionBefore);
  expect(await layerSeconds(page, 'Attribution')).toBeLessThan(attributionBefore);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.screenshot({ path: 'screenshots/results-corrected-layer.png' });

  // Edit the text of the next sentence.
  await page.keyboard.press('ArrowRight');
  const edited = await activeSentence(page);
  await page.getByRole('button', { name: 'Edit text' }).click();
  await page
    .getByLabel('Sentence text')
    .fill('Our imputation only handled nulls, so the model read minus one as a recent delinquency.');
  await page.getByRole('button', { name: 'Save text' }).click();
  await expect(page.locator(`#${edited.id}`)).toContainText('read minus one as a recent delinquency.');
  await expect(page.locator(`#${edited.id}`)).toContainText('text edited');
  await expect(page.getByTestId('sentence-tools')).toContainText('Recognised as:');

  // Merge the edited sentence with the next one, then split another sentence in two.
  await page.getByRole('button', { name: 'Merge with next' }).click();
  await expect.poll(() => sentenceCount(page)).toBe(n - 1);
  await page.keyboard.press('5');
  await page.getByRole('button', { name: 'Split…' }).click();
  await page.getByTestId('split-at').selectOption('4');
  await page.getByRole('button', { name: 'Split here' }).click();
  await expect.poll(() => sentenceCount(page)).toBe(n);
  const splitHead = await activeSentence(page);
  expect(splitHead.layer).toBe('system_learning');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.getByTestId('transcript').screenshot({ path: 'screenshots/results-corrections-transcript.png' });

  // Stored with the session, and still there after reopening.
  const stored = await app.backend.services.sessions.get(id);
  expect(stored.corrections).toMatchObject({ version: 1 });
  await page.reload();
  await expect(page.getByTestId('correction-state')).toHaveText('Corrected by you');
  await expect(page.locator(`#${attribution.id}`)).toHaveAttribute('data-layer', 'detection');
  await expect(page.locator(`#${attribution.id}`)).toContainText('set by you');
  await expect(page.locator(`#${edited.id}`)).toContainText('read minus one as a recent delinquency.');

  // Original / corrected: the original analysis is one click away and read-only.
  await page.getByRole('button', { name: 'Original', exact: true }).click();
  await expect(page.locator(`#${attribution.id}`)).toHaveAttribute('data-layer', 'attribution');
  await page.getByTestId('transcript').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('layer-select')).toBeDisabled();
  await page.screenshot({ path: 'screenshots/results-original-view.png' });
  await page.getByRole('button', { name: 'Corrected', exact: true }).click();
  await expect(page.locator(`#${attribution.id}`)).toHaveAttribute('data-layer', 'detection');

  // Undo all corrections returns to the transcript as recognised (and that is saved too).
  await page.getByRole('button', { name: 'Undo all corrections' }).click();
  await expect(page.getByTestId('correction-state')).toHaveText('As transcribed');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByTestId('correction-state')).toHaveText('As transcribed');
});

test('a layer change that moves a neighbour says so and can keep the neighbour as it was', async ({ page, app }) => {
  const { id } = await seedStory(app.backend, 'dev-11-hotel-ranking-canary', { id: 'take-0005', story: 'Canary' });
  await page.goto(app.server.launchUrlFor(`/sessions/${id}`));
  await expect(page.getByTestId('play-toggle')).toBeEnabled({ timeout: 15_000 });
  const row = (index: number) => page.locator(`#sentence-${index}`);
  await expect(row(10)).toHaveAttribute('data-layer', 'structural_fix');

  await row(11).click();
  await page.getByTestId('layer-select').selectOption('mitigation');
  const notice = page.getByTestId('relabel-notice');
  await expect(notice).toContainText(
    'Setting sentence 12 to Mitigation also moved sentence 11 from Structural fix to Mitigation',
  );
  await expect(row(10)).toHaveAttribute('data-layer', 'mitigation');
  await expect(row(10)).toContainText('layer changed');
  await page.screenshot({ path: 'screenshots/results-relabel-notice.png' });

  await notice.getByRole('button', { name: 'Keep sentence 11 as Structural fix' }).click();
  await expect(notice).toBeHidden();
  await expect(row(10)).toHaveAttribute('data-layer', 'structural_fix');
  await expect(row(10)).toContainText('set by you');
  await expect(row(11)).toHaveAttribute('data-layer', 'mitigation');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  // A change that moves nothing else shows no notice.
  await row(12).click();
  await page.getByTestId('layer-select').selectOption('system_learning');
  await expect(row(12)).toHaveAttribute('data-layer', 'system_learning');
  await expect(notice).toBeHidden();
});

test('worksheet items can be ticked by hand and the tick is kept with the take', async ({ page, app }) => {
  const { id } = await seedStory(app.backend, 'dev-02-search-stemmer-change', {
    id: 'take-0004',
    story: 'Search stemmer',
  });
  await page.goto(app.server.launchUrlFor(`/sessions/${id}`));
  await page.getByTestId('tab-worksheet').click();
  const sheet = page.getByTestId('worksheet');
  await expect(sheet).toBeVisible();
  const unchecked = sheet
    .locator('li')
    .filter({ has: page.locator('input[type="checkbox"]:not(:checked)') })
    .first();
  const testId = (await unchecked.getAttribute('data-testid')) ?? '';
  await unchecked.locator('input[type="checkbox"]').check();
  await expect(page.getByTestId(testId)).toContainText('ticked by you');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.getByTestId(testId).screenshot({ path: 'screenshots/results-worksheet-tick.png' });
  await page.reload();
  await page.getByTestId('tab-worksheet').click();
  await expect(page.getByTestId(testId).locator('input[type="checkbox"]')).toBeChecked();
  await expect(page.getByTestId(testId)).toContainText('ticked by you');
  // Unticking returns the item to what the coach found.
  await page.getByTestId(testId).locator('input[type="checkbox"]').uncheck();
  await expect(page.getByTestId(testId)).toContainText('not found');
});

test('a typed answer shows the same results without waveform or replay; the keys still move through sentences', async ({
  page,
  app,
}) => {
  const { id } = await seedStory(app.backend, STORY, { id: 'typed-0001', story: 'Bureau sentinel', kind: 'typed' });
  await page.goto(app.server.launchUrlFor(`/sessions/${id}`));
  await expect(page.getByTestId('results-view')).toBeVisible();
  await expect(page.getByTestId('waveform')).toHaveCount(0);
  await expect(page.getByTestId('play-toggle')).toHaveCount(0);
  await expect(page.getByTestId('player-controls')).toContainText('Typed answer');
  await expect(page.getByTestId('layer-strip').getByRole('button')).toHaveCount(6);
  await page.getByTestId('tab-delivery').click();
  await expect(page.getByTestId('delivery')).toContainText('estimated');
  await page.getByTestId('transcript').focus();
  await page.keyboard.press('ArrowRight');
  expect((await activeSentence(page)).index).toBe(0);
  await page.keyboard.press('ArrowRight');
  expect((await activeSentence(page)).index).toBe(1);
  await page.keyboard.press('4');
  expect((await activeSentence(page)).layer).toBe('structural_fix');
  // A quote selects its sentence.
  await page.getByTestId('tab-coaching').click();
  await page.getByTestId('dimension-system_learning').locator('summary').click();
  await page.getByTestId('dimension-system_learning').getByTestId('quote').first().click();
  expect((await activeSentence(page)).layer).toBe('system_learning');
  await page.screenshot({ path: 'screenshots/results-typed.png' });
});

test('transcribe again: lists the speech models and says so when none is installed; the recording stays', async ({
  page,
  app,
}) => {
  const { id } = await seedStory(app.backend, STORY, { id: 'take-0005', story: 'Bureau sentinel' });
  await page.goto(app.server.launchUrlFor(`/sessions/${id}`));
  await page.getByRole('button', { name: 'Transcribe again…' }).click();
  const panel = page.getByTestId('retranscribe-panel');
  await expect(panel).toContainText('The recording stays as it is');
  await expect(panel.getByRole('alert')).toContainText('No local speech model is installed');
  await panel.screenshot({ path: 'screenshots/results-retranscribe.png' });
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toHaveCount(0);
  // Typed answers have no recording to transcribe.
  const typed = await seedStory(app.backend, STORY, { id: 'typed-0005', story: 'Bureau sentinel', kind: 'typed' });
  await page.goto(app.server.launchUrlFor(`/sessions/${typed.id}`));
  await expect(page.getByTestId('results-view')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Transcribe again…' })).toHaveCount(0);
});

test('labels the coach may have wrong are marked unsure, counted, and one click away', async ({ page, app }) => {
  // Written for this test: a spoken-style answer with one sentence that could be detection or
  // the investigation ("We pulled the dashboards…").
  const text = readFileSync('tests/fixtures/typed/duplicate-charges.txt', 'utf8');
  const summary = await createTypedSession(app.backend.services.sessions, {
    question: 'Tell me about an incident you owned.',
    story: 'Duplicate charges',
    targetSec: 120,
    text,
    writingSec: 300,
    timeLimitSec: 900,
  });
  await app.backend.services.processing.run(summary.id, () => {});
  await page.goto(app.server.launchUrlFor(`/sessions/${summary.id}`));
  await expect(page.getByTestId('results-view')).toBeVisible();
  const hint = page.getByTestId('unsure-hint');
  await expect(hint).toContainText(/(One label is|\d+ labels are) marked unsure/);
  await expect(hint).not.toContainText(/\d\.\d|%/);
  await hint.getByRole('button', { name: /^Check (it|the first)$/ }).click();
  const active = page.locator('[data-testid="sentence"][aria-selected="true"]');
  await expect(active).toContainText('unsure');
  // The click lands on the first sentence marked unsure, in the order the answer was told.
  const first = page.locator('[data-testid="sentence"]', { hasText: 'unsure' }).first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-testid="sentence"]', { hasText: 'We pulled the dashboards' })).toContainText(
    'unsure',
  );
});
