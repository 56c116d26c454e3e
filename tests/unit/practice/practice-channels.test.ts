import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { transcriptFromText } from '../../../src/core/transcript/from-text';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { contract, type Events } from '../../../src/shared/contract';
import type { HandlerContext } from '../../../src/shared/contract-types';
import { createDispatcher } from '../../../src/shared/dispatch';

/** The practice channels through the real dispatcher: inputs are parsed, errors are typed. */
let dir: string;
let backend: Backend;
const events: { event: string; payload: unknown }[] = [];
const ctx: HandlerContext<Events> = { shell: 'web', emit: (event, payload) => events.push({ event, payload }) };
let dispatch: ReturnType<typeof createDispatcher<typeof contract, Events>>;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'coach-channels-'));
  backend = createBackend({ dataDir: dir, shell: 'web', electronVersion: null, chromeVersion: null });
  dispatch = createDispatcher(contract, backend.handlers);
  events.length = 0;
});
afterEach(async () => {
  await backend.dispose();
  await rm(dir, { recursive: true, force: true });
});

const SETUP = { question: 'Tell me about an incident you owned.', story: 'Story', targetSec: 60 };

describe('practice channels', () => {
  it('records through the contract, and rejects chunks over 250 ms or with half samples', async () => {
    const started = await dispatch('recording.start', SETUP, ctx);
    expect(started).toMatchObject({ ok: true, value: { sampleRate: 16000, maxChunkSamples: 4000, streaming: false } });
    const sessionId = (started as { value: { sessionId: string } }).value.sessionId;
    expect(
      await dispatch('recording.chunk', { sessionId, offsetSamples: 0, pcm: new Uint8Array(8002) }, ctx),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('at most 8000 bytes') },
    });
    expect(
      await dispatch('recording.chunk', { sessionId, offsetSamples: 0, pcm: new Uint8Array(7) }, ctx),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('whole 16-bit samples') },
    });
    expect(await dispatch('recording.chunk', { sessionId, offsetSamples: 0, pcm: 'AAAA' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await dispatch('recording.chunk', { sessionId, offsetSamples: 0, pcm: new Uint8Array(8000) }, ctx)).toEqual({
      ok: true,
      value: { writtenSamples: 4000, capReached: false },
    });
    expect(await dispatch('recording.stop', { sessionId }, ctx)).toMatchObject({
      ok: true,
      value: { noSpeech: true, durationSec: 0.25 },
    });
  });

  it('refuses takes with a length outside 15 s to 60 min, or without a story', async () => {
    for (const bad of [
      { ...SETUP, targetSec: 10 },
      { ...SETUP, targetSec: 4000 },
      { ...SETUP, story: '  ' },
      { ...SETUP, extra: 1 },
    ]) {
      expect(await dispatch('recording.start', { ...bad, livePacing: false }, ctx)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    expect((await backend.services.sessions.list()).sessions).toEqual([]);
  });

  it('analyses a given transcript without storing anything', async () => {
    const transcript = transcriptFromText(
      'We rolled back the model. Then we shipped a release gate that still blocks bad deploys today.',
    );
    const result = await dispatch('analysis.run', { transcript, lengthSeconds: 60 }, ctx);
    expect(result).toMatchObject({ ok: true, value: { session: null, analysis: { lengthSeconds: 60 } } });
    expect(await dispatch('analysis.run', { transcript: { segments: [] } }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'no_speech' },
    });
  });

  it('says "model missing" when no transcription engine is available, and keeps the take', async () => {
    const started = (await dispatch('recording.start', SETUP, ctx)) as { value: { sessionId: string } };
    const { sessionId } = started.value;
    const tone = new Int16Array(4000).map((_, i) => Math.round(8000 * Math.sin(i / 3) * (Math.floor(i / 800) % 2)));
    for (let k = 0; k < 8; k++) {
      await dispatch(
        'recording.chunk',
        { sessionId, offsetSamples: k * 4000, pcm: new Uint8Array(tone.buffer.slice(0)) },
        ctx,
      );
    }
    expect(await dispatch('recording.stop', { sessionId }, ctx)).toMatchObject({
      ok: true,
      value: { noSpeech: false },
    });
    const run = await dispatch('analysis.run', { sessionId }, ctx);
    expect(run).toMatchObject({
      ok: false,
      error: { code: 'model_missing', message: expect.stringContaining('The recording is saved') },
    });
    expect(await backend.services.sessions.get(sessionId)).toMatchObject({
      status: 'draft',
      audio: { durationSec: 2 },
    });
  });

  it('stores a typed answer and analyses it with estimated times', async () => {
    const text =
      'Detection — a customer told us first. Structural fix — a release gate that still runs. System learning — implicit contracts break at seams.';
    const submitted = await dispatch('typed.submit', { ...SETUP, text, writingSec: 300, timeLimitSec: 900 }, ctx);
    expect(submitted).toMatchObject({ ok: true, value: { session: { kind: 'typed' } } });
    const id = (submitted as { value: { session: { id: string } } }).value.session.id;
    expect(await dispatch('analysis.run', { sessionId: id }, ctx)).toMatchObject({
      ok: true,
      value: { analysis: { timesEstimated: true } },
    });
    expect(events.some((e) => e.event === 'analysis.progress')).toBe(true);
    expect(
      await dispatch('typed.submit', { ...SETUP, text: 'too short', writingSec: 1, timeLimitSec: 900 }, ctx),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('creates and lists stories, and announces recovered recordings once', async () => {
    expect(await dispatch('stories.create', { name: '  Fraud   model ' }, ctx)).toMatchObject({
      ok: true,
      value: { name: 'Fraud model' },
    });
    expect(await dispatch('stories.list', {}, ctx)).toMatchObject({
      ok: true,
      value: { stories: [{ name: 'Fraud model', sessions: 0 }], problem: null },
    });
    expect(await dispatch('recording.interrupted', {}, ctx)).toEqual({ ok: true, value: { recordings: [] } });
    expect(await dispatch('imports.choose', SETUP, ctx)).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});
