import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingService } from '../../../src/backend/services/recording/recording-service';
import { SessionStore } from '../../../src/backend/services/sessions/session-store';
import { main } from '../../../src/cli/main';
import { FakeTranscriber } from '../practice/support/fake-transcriber';
import { corpusSession, STORY_IDS } from '../report/corpus-fixture';

/** `coach analyze SESSION`: a take in the data folder, with or without results. */
let dataDir: string;
let draftId: string;
const previous = process.env.COACH_DATA_DIR;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'coach-cli-session-'));
  process.env.COACH_DATA_DIR = dataDir;
  const sessions = new SessionStore(dataDir);
  await sessions.save(corpusSession(STORY_IDS[0]).document);
  // A take recorded while no speech model was installed: audio, no transcript, no analysis.
  const recording = new RecordingService({
    sessions,
    transcriber: new FakeTranscriber(() => ({ segments: [] })),
    pid: 1,
    isAlive: () => false,
  });
  const { sessionId } = await recording.start(
    { question: 'Tell me about an incident.', story: 'Story', targetSec: 60, livePacing: false },
    () => {},
  );
  const pcm = new Int16Array(4000).map((_, i) => Math.round(6000 * Math.sin(i / 7)));
  for (let i = 0; i < 8; i++)
    await recording.chunk({ sessionId, offsetSamples: i * 4000, pcm: new Uint8Array(pcm.buffer.slice(0)) });
  await recording.stop({ sessionId, endedBy: 'user' });
  await recording.dispose();
  draftId = sessionId;
});
afterAll(async () => {
  if (previous === undefined) delete process.env.COACH_DATA_DIR;
  else process.env.COACH_DATA_DIR = previous;
  await rm(dataDir, { recursive: true, force: true });
});

async function coach(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

describe('coach analyze SESSION', () => {
  it('a take with results: prints them', async () => {
    const id = corpusSession(STORY_IDS[0]).document.id;
    const r = await coach('analyze', id, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ gradable: true, sentences: expect.any(Array) });
  });

  it('a take without results is transcribed now; with no model installed it says what to do and keeps the take', async () => {
    const r = await coach('analyze', draftId);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/has no results yet: transcribing its recording/);
    expect(r.err).toMatch(/No speech model is installed yet.*download or import a model/);
    const doc = await new SessionStore(dataDir).get(draftId);
    expect(doc.audio?.durationSec).toBeGreaterThan(1.9);
    expect(doc.status).toBe('draft');
  });

  it('file-only options are refused for a stored take, and an unknown id is a missing file', async () => {
    const r = await coach('analyze', draftId, '--model', 'base.en');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--model applies to files/);
    const missing = await coach('analyze', 'take-that-does-not-exist');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/does not exist/);
  });

  it('export of a take without results says how to analyse it', async () => {
    const r = await coach('export', draftId, '--format', 'md', '-o', '-');
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(`coach analyze ${draftId}`);
  });
});
