import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { launchChromium } from './support/chromium';
import { ScriptedTranscriber } from './support/scripted-transcriber';
import { loadStory, renderSpeech, type CorpusStory, type RenderedSpeech } from './support/speech';
import { startWebApp } from './support/web-app';

/**
 * Documents in Chromium through the web shell: a postmortem opened by the file chooser, by paste
 * and by drop; its audit read; its outline chosen and rehearsed in a recorded take with the outline
 * beside the timer (fake microphone, scripted transcriber as in practice.spec.ts); a PDF refused in
 * place.
 */

const FIXTURE = path.resolve('tests/fixtures/documents/checkout-postmortem.md');
const TITLE = 'Postmortem: checkout outage on 12 May';

/** A thin postmortem: recovery only, no detection, no cause, no lesson. */
const WEAK_DOCUMENT = [
  '# Payment API outage',
  '',
  'On 3 March the payment API returned errors for two hours.',
  'We rolled back the release and restarted the workers.',
  'Then we restored service.',
  'We also added more monitoring.',
].join('\n');

/** A sentence under "Root cause" that tells how the incident was noticed: the heading is overruled. */
const HEADING_OVERRULED = [
  '# Search outage',
  '',
  '## Summary',
  '',
  'Search returned errors for 40 minutes and 3,000 users saw empty results.',
  '',
  '## Root cause',
  '',
  'A customer emailed support before any alert fired, twenty minutes after the deploy.',
  '',
  '## Action items',
  '',
  '- Add a contract test on the index schema (owner: search team); it still runs on every deploy.',
  '',
  '## Lessons learned',
  '',
  'Implicit schemas break silently; we have since made three other schemas explicit.',
].join('\n');

const NOT_A_POSTMORTEM = '# Shopping list\n\nBuy milk and eggs. Pick up bread from the bakery. Call grandma on Sunday.';

let workDir: string;
let story: CorpusStory;
let speech: RenderedSpeech;

test.beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'coach-documents-e2e-'));
  story = await loadStory('dev-16-eta-daylight-saving.json');
  speech = await renderSpeech(story.text, workDir, 'story');
  await mkdir('screenshots', { recursive: true });
  await mkdir('docs', { recursive: true });
});
test.afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function openDocuments(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['microphone'] });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Documents' }).click();
  await expect(page.getByRole('heading', { name: 'Documents', level: 1 })).toBeVisible();
  expect(page.url()).toContain('#/documents');
  // What is accepted is said before anything is tried.
  await expect(page.getByTestId('document-requirements')).toContainText('up to 5 MB');
  return page;
}

async function chooseFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Choose (a|another) file…$/ }).click();
  await (await chooser).setFiles(file);
}

test('upload a postmortem, read the audit, rehearse its 3-minute outline in a take', async () => {
  const app = await startWebApp(undefined, { transcriber: new ScriptedTranscriber(story.text) });
  const browser = await launchChromium(speech.fakeMicWav);
  try {
    const page = await openDocuments(browser, app.server.launchUrl);
    await chooseFile(page, FIXTURE);

    // The audit: title, tier, shares, changes, rubric, constraints, sentences under their headings.
    await expect(page.getByTestId('audit-title')).toHaveText(TITLE);
    await expect(page.getByTestId('audit-tier')).toHaveText(/^(Senior|Staff|L7) tier$/);
    for (const layer of ['Headline', 'Detection', 'Attribution', 'Mitigation', 'Structural fix', 'System learning']) {
      await expect(page.getByTestId('layer-shares').getByRole('row', { name: new RegExp(layer) })).toContainText(
        /\d+%/,
      );
    }
    await expect(page.getByTestId('missing-layers')).toHaveText(/Every layer/);
    const changes = page.getByTestId('document-changes');
    await expect(changes).toBeVisible();
    if ((await changes.getByTestId('document-change').count()) === 0) {
      await expect(changes).toContainText('No change stands out');
    }
    await expect(page.getByTestId('doc-dimension-layer_balance')).toContainText('Layer balance');
    await expect(page.getByTestId('doc-dimension-layer_balance')).toContainText(/Weak|Passing|Strong|Staff bar/);
    await expect(page.getByTestId('doc-dimension-honesty_about_detection')).toContainText('Honesty about detection');
    await expect(page.getByTestId('document-constraints').locator('li')).toHaveCount(4);
    await expect(page.getByTestId('document-sentences').getByRole('heading', { name: 'Action items' })).toBeVisible();
    // No engine internals: no probabilities or confidences on the page.
    await expect(page.getByTestId('document-audit')).not.toContainText(/confidence|probabilit/i);

    // The outline: another length re-audits the same document without asking for the file again.
    await page.getByRole('button', { name: '5 min', exact: true }).click();
    await expect(page.getByTestId('outline-length')).toHaveText(/^A 5-minute answer/);
    await page.getByRole('button', { name: '3 min', exact: true }).click();
    await expect(page.getByTestId('outline-length')).toHaveText(/^A 3-minute answer/);
    await expect(page.getByRole('button', { name: '3 min', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('outline-mitigation')).toContainText('at most 2 sentences');
    await expect(page.getByTestId('outline-structural_fix')).toContainText('Add a schema check');
    await expect(page.locator('#doc-story-name')).toHaveValue(TITLE);
    await page.screenshot({ path: 'docs/documents-audit.png' });
    await page.screenshot({ path: 'screenshots/documents-audit-full.png', fullPage: true });

    // One click, in sight without scrolling: saved as a story, Practice set to it and to 3:00.
    await expect(page.getByTestId('practise-outline')).toBeInViewport({ ratio: 1 });
    await page.getByTestId('practise-outline').click();
    await expect(page.getByRole('heading', { name: 'Practice', level: 1 })).toBeInViewport();
    const stories = await app.backend.services.stories.read();
    const saved = stories.stories.find((s) => s.name === TITLE);
    expect(saved).toBeDefined();
    await expect(page.locator('#story-select')).toHaveValue(saved?.id ?? '');
    await expect(page.locator('#story-select option:checked')).toHaveText(TITLE);
    await expect(page.getByTestId('budget')).toHaveAttribute('aria-label', 'Time budget for 3:00');
    const start = page.getByTestId('start-recording');
    await expect(start).toBeEnabled({ timeout: 10_000 });
    await expect(start).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: 'screenshots/documents-practice-setup.png' });

    // The take: the outline is beside the timer.

    await start.click();
    await expect(page.getByTestId('recording-screen')).toHaveAttribute('data-phase', 'recording');
    const crib = page.getByTestId('outline-beside-timer');
    await expect(crib).toBeVisible();
    await expect(crib).toContainText('3 min');
    await expect(crib).toContainText('Structural fix');
    await expect(crib).toContainText('Add a schema check');
    await expect(crib).toBeInViewport();
    await expect(page.getByTestId('time-left')).toBeInViewport();
    await page.waitForTimeout(5_000);
    await page.screenshot({ path: 'screenshots/documents-recording-outline.png' });
    await page.getByTestId('stop-recording').click();
    await expect(page.getByTestId('results-view')).toBeVisible({ timeout: 30_000 });
    const [session] = (await app.backend.services.sessions.list()).sessions;
    expect(session).toMatchObject({ story: TITLE, targetSec: 180, kind: 'recorded' });
    // The results hold the take against the outline it rehearsed: its budget and its talking points.
    const comparison = page.getByTestId('outline-comparison');
    await expect(comparison).toContainText("The budget above is the outline's: 3 minutes.");
    await expect(comparison).toContainText(/You said \d+ of its \d+ talking points/);
    await expect(comparison.locator('li')).not.toHaveCount(0);
    await comparison.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'screenshots/documents-results-against-outline.png' });
  } finally {
    await browser.close();
    await app.stop();
  }
});

test('paste text: a thin postmortem gets its changes; a shopping list is not graded', async () => {
  const app = await startWebApp();
  const browser = await launchChromium();
  try {
    const page = await openDocuments(browser, app.server.launchUrl);
    await page.getByLabel('Or paste the text').fill(WEAK_DOCUMENT);
    await page.getByRole('button', { name: 'Audit pasted text' }).click();
    await expect(page.getByTestId('audit-title')).toHaveText('Payment API outage');
    await expect(page.getByTestId('audit-tier')).toHaveText(/^(Senior|Staff|L7) tier$/);
    await expect(page.getByTestId('missing-layers')).toContainText('Detection');
    const change = page.getByTestId('document-change').first();
    await expect(change).toBeVisible();
    await expect(page.getByTestId('document-change')).not.toHaveCount(0);
    await expect(page.getByTestId('document-changes').getByTestId('doc-quote').first()).toContainText('“');
    await expect(page.getByTestId('outline-gap').first()).toBeVisible();
    await page.screenshot({ path: 'screenshots/documents-pasted.png', fullPage: true });

    // Not a postmortem: "Not graded" with the reason and what to do, and nothing graded.
    await page.getByRole('button', { name: 'Paste text instead…' }).click();
    await page.getByLabel('Or paste the text').fill(NOT_A_POSTMORTEM);
    await page.getByRole('button', { name: 'Audit pasted text' }).click();
    await expect(page.getByTestId('audit-title')).toHaveText('Shopping list');
    await expect(page.getByTestId('audit-tier')).toHaveText('Not graded');
    await expect(page.getByTestId('not-graded')).toBeVisible();
    await expect(page.getByTestId('document-rubric')).toHaveCount(0);
    await expect(page.getByTestId('document-constraints')).toHaveCount(0);
    await expect(page.getByTestId('document-changes')).toHaveCount(0);
    await expect(page.getByTestId('practise-outline')).toHaveCount(0);
    await page.screenshot({ path: 'screenshots/documents-not-graded.png' });
  } finally {
    await browser.close();
    await app.stop();
  }
});

test('a PDF is refused in place with what to do; a Markdown file dropped on the zone is audited', async () => {
  const app = await startWebApp();
  const browser = await launchChromium();
  try {
    const page = await openDocuments(browser, app.server.launchUrl);
    const pdf = path.join(workDir, 'postmortem.pdf');
    await writeFile(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    await chooseFile(page, pdf);
    const problem = page.getByTestId('document-problem');
    await expect(problem).toContainText('postmortem.pdf is a PDF');
    await expect(problem).toContainText('Open a Markdown (.md), plain text (.txt), HTML or Word (.docx) file');
    await expect(page.getByTestId('document-audit')).toHaveCount(0);
    await page.screenshot({ path: 'screenshots/documents-refused-pdf.png' });

    // Drag and drop onto the visible zone (a DataTransfer built in the page, as a real drop carries).
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'search-outage.md', { type: 'text/markdown' }));
      return dt;
    }, HEADING_OVERRULED);
    await page.getByTestId('document-drop').dispatchEvent('dragover', { dataTransfer: transfer });
    await page.getByTestId('document-drop').dispatchEvent('drop', { dataTransfer: transfer });
    await expect(page.getByTestId('audit-title')).toHaveText('Search outage');
    await expect(page.getByTestId('document-problem')).toHaveCount(0);
    await expect(page.getByText('search-outage.md · Markdown')).toBeVisible();
    // Where the sentence's own words overrule its heading, the page says so.
    await expect(page.getByTestId('heading-overruled').first()).toHaveText(
      'Sits under the “Root cause” heading, but what it says belongs to Detection.',
    );
    await page.getByTestId('document-sentences').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'screenshots/documents-heading-overruled.png' });
  } finally {
    await browser.close();
    await app.stop();
  }
});

test('the audit exports as Markdown with listed names replaced, downloaded by the browser', async () => {
  const app = await startWebApp();
  const browser = await launchChromium();
  try {
    const page = await openDocuments(browser, app.server.launchUrl);
    await chooseFile(page, FIXTURE);
    await expect(page.getByTestId('document-audit')).toBeVisible();
    const panel = page.getByTestId('audit-export');
    await panel.getByTestId('audit-export-format').selectOption('md');
    await panel.getByTestId('audit-export-names').fill('team: platform team');
    const downloaded = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export…' }).click();
    const file = await downloaded;
    expect(file.suggestedFilename()).toBe('postmortem-checkout-outage-on-12-may-audit.md');
    const saved = path.join(workDir, file.suggestedFilename());
    await file.saveAs(saved);
    const text = await readFile(saved, 'utf8');
    expect(text).toMatch(new RegExp(`^# Postmortem audit: ${TITLE}`));
    expect(text.toLowerCase()).not.toContain('platform team');
    expect(text).toContain('Team A');
    await expect(panel.getByRole('status')).toContainText('names replaced by Team A');
  } finally {
    await browser.close();
    await app.stop();
  }
});
