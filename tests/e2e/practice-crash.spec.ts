import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { SessionDocument } from '../../src/shared/session-document';
import { parseWavHeader } from '../../src/backend/services/recording/wav-format';
import { launchFragment } from '../../src/web/launch-fragment';
import { launchChromium } from './support/chromium';
import { bestLoopedCorrelation, continuityAt, envelope, loadStory, pcmOf, renderSpeech } from './support/speech';
import { RENDERER_DIR } from './support/web-app';

/**
 * Crash safety: the web shell runs as a child process and is killed with SIGKILL mid-take. The
 * WAV on disk must cover everything acknowledged before the kill; the restarted back end repairs
 * it and marks the take interrupted; the page, still recording, resumes the take on the new back
 * end and sends what it held in memory, so the final take has no gap.
 */

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** Starts `src/web/main.ts` in its own Node process (one process: SIGKILL hits the server itself). */
async function startShell(port: number, dataDir: string, token: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/web/main.ts',
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      '--renderer-dir',
      RENDERER_DIR,
    ],
    {
      env: { ...process.env, COACH_WEB_TOKEN: token },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the web shell did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Open http')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the web shell exited (${code}):\n${output}`)));
  });
  return child;
}

async function readSession(dataDir: string, id: string): Promise<SessionDocument> {
  return JSON.parse(await readFile(path.join(dataDir, 'sessions', id, 'session.json'), 'utf8')) as SessionDocument;
}

/** One crash scenario's world: a data folder, the spoken story as the fake mic, a shell, a browser. */
interface CrashRig {
  work: string;
  dataDir: string;
  speech: Awaited<ReturnType<typeof renderSpeech>>;
  url: string;
  shell: ChildProcess;
  browser: Browser;
  /** Starts the web shell again on the same port, data and token (as after a crash). */
  restart(): Promise<void>;
}

async function openRig(prefix: string): Promise<CrashRig> {
  const work = await mkdtemp(path.join(os.tmpdir(), prefix));
  const dataDir = path.join(work, 'data');
  const story = await loadStory('dev-16-eta-daylight-saving.json');
  const speech = await renderSpeech(story.text, work, 'story');
  const port = await freePort();
  const token = randomBytes(18).toString('base64url');
  const shell = await startShell(port, dataDir, token);
  const browser = await launchChromium(speech.fakeMicWav);
  const rig: CrashRig = {
    work,
    dataDir,
    speech,
    url: `http://127.0.0.1:${port}/${launchFragment(token)}`,
    shell,
    browser,
    restart: async () => {
      rig.shell = await startShell(port, dataDir, token);
    },
  };
  return rig;
}

async function closeRig(rig: CrashRig): Promise<void> {
  await rig.browser.close();
  rig.shell.kill('SIGTERM');
  await rm(rig.work, { recursive: true, force: true });
}

async function newPage(rig: CrashRig): Promise<Page> {
  const context = await rig.browser.newContext({ viewport: { width: 1280, height: 860 }, permissions: ['microphone'] });
  const page = await context.newPage();
  await page.goto(rig.url);
  return page;
}

/**
 * Adds a story, records a take for `ms`, then kill -9s the back end while chunks are flowing.
 * Returns when the take started and the last position the back end acknowledged before dying.
 */
async function recordThenKill(
  rig: CrashRig,
  page: Page,
  storyName: string,
  ms: number,
): Promise<{ startedAt: number; ackedSec: number }> {
  await page.getByLabel('New story name').fill(storyName);
  await page.getByRole('button', { name: 'Add story' }).click();
  await expect(page.getByTestId('start-recording')).toBeEnabled();
  await page.getByTestId('start-recording').click();
  const startedAt = Date.now();
  await expect(page.getByTestId('recording-screen')).toHaveAttribute('data-phase', 'recording');
  await page.waitForTimeout(ms);
  const dying = rig.shell;
  dying.kill('SIGKILL');
  await new Promise((r) => dying.once('exit', r));
  // After the kill nothing more can be acknowledged: this is the last acknowledged position.
  const ackedSec = Number(await page.getByTestId('saved').getAttribute('data-seconds'));
  return { startedAt, ackedSec };
}

test('SIGKILL of the back end mid-take: acknowledged audio survives, the take resumes without a gap', async () => {
  test.setTimeout(180_000);
  await mkdir('screenshots', { recursive: true });
  const rig = await openRig('coach-crash-e2e-');
  const { dataDir, speech } = rig;
  try {
    const page = await newPage(rig);
    const { startedAt, ackedSec } = await recordThenKill(rig, page, 'Crash story', 5_000);
    const killedAt = Date.now();
    expect(ackedSec).toBeGreaterThan(3.5);
    const [id] = await readdir(path.join(dataDir, 'sessions'));
    expect(id).toBeDefined();
    const wavFile = path.join(dataDir, 'sessions', id ?? '', 'audio.wav');
    const onDisk = await readFile(wavFile);
    const atKill = parseWavHeader(onDisk);
    console.log(
      `at SIGKILL: acknowledged ${ackedSec.toFixed(3)} s; header says ${(atKill.declaredDataBytes / 32000).toFixed(3)} s; file holds ${((onDisk.length - 44) / 32000).toFixed(3)} s`,
    );
    // kill -9 loses at most the chunk in flight: everything acknowledged is in the file, and its
    // header already describes it (it is rewritten and synced after every chunk).
    expect(atKill.declaredDataBytes / 32000).toBeGreaterThanOrEqual(ackedSec - 0.001);
    expect(onDisk.length - 44).toBeGreaterThanOrEqual(Math.round(ackedSec * 16000) * 2);

    await expect(page.getByTestId('backend-unreachable')).toBeVisible({ timeout: 10_000 });
    await page.screenshot({ path: 'screenshots/practice-crash-backend-down.png' });
    await page.waitForTimeout(2_000); // the page keeps capturing into memory

    await rig.restart();
    console.log(`back end down for ${((Date.now() - killedAt) / 1000).toFixed(1)} s`);
    // The restarted back end repaired the file at start-up and marked the take interrupted.
    // (Recovery runs as the back end starts; recording calls wait for it.)
    await expect
      .poll(async () => (await readSession(dataDir, id ?? '')).recording?.recoveredSec, { timeout: 10_000 })
      .toBeDefined();
    const recovered = await readSession(dataDir, id ?? '');
    const recoveredSec = recovered.recording?.recoveredSec ?? 0;
    console.log(`recovered ${recoveredSec.toFixed(3)} s after restart (acknowledged ${ackedSec.toFixed(3)} s)`);
    expect(recoveredSec).toBeGreaterThanOrEqual(ackedSec - 0.001);
    expect(recoveredSec).toBeLessThanOrEqual(ackedSec + 0.251);

    // The page resumes the take on the new back end and catches up.
    await expect(page.getByTestId('rec-notice')).toContainText('Nothing was lost', { timeout: 15_000 });
    await expect(page.getByTestId('backend-unreachable')).toBeHidden();
    await page.screenshot({ path: 'screenshots/practice-crash-resumed.png' });
    await page.waitForTimeout(2_000);
    await page.getByTestId('stop-recording').click();
    const playedSec = (Date.now() - startedAt) / 1000;
    // No Whisper model in this child: processing says so and keeps the take.
    await expect(page.getByTestId('ended-message')).toContainText('No speech model is installed', { timeout: 20_000 });
    // A manual stop that could not be analysed is not "ended early": the heading says what happened.
    await expect(page.locator('#ended-title')).toHaveText('The take is saved but not analysed');
    await page.screenshot({ path: 'screenshots/practice-crash-after-stop.png' });

    const bytes = await readFile(wavFile);
    const header = parseWavHeader(bytes);
    expect(bytes.length).toBe(44 + header.declaredDataBytes);
    const seconds = header.declaredDataBytes / 32000;
    console.log(`final take ${seconds.toFixed(3)} s for ${playedSec.toFixed(2)} s played`);
    expect(Math.abs(seconds - playedSec)).toBeLessThan(0.5);
    // It is the story the microphone played, and it runs on across the crash without a jump. The
    // seam is judged on its own: on a loaded machine Chromium's fake microphone can skip a tenth of
    // a second anywhere in a take, which lowers the whole take's correlation but is no gap of ours.
    const pcm = pcmOf(bytes);
    const match = bestLoopedCorrelation(envelope(pcm), envelope(speech.reference16k));
    const killSample = Math.round(ackedSec * 16000);
    const seam = continuityAt(pcm, speech.reference16k, killSample);
    console.log(
      `envelope correlation: whole take r = ${match.r.toFixed(3)}; across the crash r = ${seam.rBefore.toFixed(3)} before, ${seam.rAfter.toFixed(3)} after, drift ${seam.driftSec.toFixed(2)} s`,
    );
    expect(match.r).toBeGreaterThan(0.8);
    expect(Math.min(seam.rBefore, seam.rAfter)).toBeGreaterThan(0.85);
    expect(Math.abs(seam.driftSec)).toBeLessThan(0.1);
    // The check has teeth: the same take with the 250-ms chunk at the crash lost, or sent twice, fails it.
    const lost = new Int16Array(pcm.length - 4000);
    lost.set(pcm.subarray(0, killSample));
    lost.set(pcm.subarray(killSample + 4000), killSample);
    expect(continuityAt(lost, speech.reference16k, killSample).driftSec).toBeGreaterThan(0.2);
    const twice = new Int16Array(pcm.length + 4000);
    twice.set(pcm.subarray(0, killSample));
    twice.set(pcm.subarray(killSample - 4000), killSample);
    expect(continuityAt(twice, speech.reference16k, killSample).driftSec).toBeLessThan(-0.2);
    const final = await readSession(dataDir, id ?? '');
    expect(final).toMatchObject({ status: 'draft', recording: { recoveredSec } });
  } finally {
    await closeRig(rig);
  }
});

test('the page and the back end both die mid-take: the next start repairs the take and offers it', async () => {
  test.setTimeout(120_000);
  const rig = await openRig('coach-crash2-e2e-');
  const { dataDir } = rig;
  try {
    const page = await newPage(rig);
    // Everything dies at once (a power cut, an OS crash): the back end first, then the page.
    const { ackedSec } = await recordThenKill(rig, page, 'Power cut story', 3_000);
    await page.context().close();

    await rig.restart();
    const next = await newPage(rig);
    const offer = next.getByTestId('interrupted-takes');
    await expect(offer).toContainText('A recording was interrupted');
    await expect(offer).toContainText('Power cut story');
    await next.screenshot({ path: 'screenshots/practice-interrupted-offer.png' });
    const [id] = await readdir(path.join(dataDir, 'sessions'));
    const doc = await readSession(dataDir, id ?? '');
    expect(doc.status).toBe('interrupted');
    expect(doc.recording?.recoveredSec ?? 0).toBeGreaterThanOrEqual(ackedSec - 0.001);
    const bytes = await readFile(path.join(dataDir, 'sessions', id ?? '', 'audio.wav'));
    expect(bytes.length).toBe(44 + parseWavHeader(bytes).declaredDataBytes);

    await offer.getByRole('button', { name: 'Discard' }).click();
    await expect(offer).toBeHidden();
    expect(await readdir(path.join(dataDir, 'sessions'))).toEqual([]);
  } finally {
    await closeRig(rig);
  }
});
