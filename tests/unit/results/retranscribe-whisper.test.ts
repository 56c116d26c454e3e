import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../src/core/analysis/analyze';
import { ModelManager } from '../../../src/backend/services/models/model-manager';
import { ResultsService } from '../../../src/backend/services/results/results-service';
import { createWhisperRetranscriber } from '../../../src/backend/services/results/whisper-retranscriber';
import { SessionStore } from '../../../src/backend/services/sessions/session-store';
import { sessionFromStory } from '../../fixtures/results/corpus-session';
import { chattyModel, speak, VAD_MODEL } from '../whisper/support';

/**
 * Re-transcription on the real engine: a Whisper worker with a random-weights model (real
 * weights cannot be downloaded here, so the words are meaningless) and the real Silero VAD.
 * Checks the wiring: model list, model choice, audio kept byte for byte, transcript replaced.
 */
let dir: string;
let models: ModelManager;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'coach-retranscribe-'));
  models = new ModelManager({ dataDir: dir, allowCustomShapes: true });
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('re-transcribe with the Whisper engine', () => {
  it('lists speech models and says clearly when the chosen one is missing', async () => {
    const port = createWhisperRetranscriber(models);
    const list = await port.models();
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((m) => !m.installed)).toBe(true);
    expect(list.map((m) => m.id)).toContain('base.en');
    await expect(
      port.transcribeFile('/nonexistent.wav', {
        model: 'base.en',
        onProgress: () => {},
        signal: new AbortController().signal,
      }),
    ).rejects.toMatchObject({ code: 'model_missing' });
  });

  it('transcribes a take again with the chosen model and keeps its audio', async () => {
    await models.importFile(await chattyModel(), { id: 'random-tiny' });
    await models.importFile(VAD_MODEL);
    const sessions = new SessionStore(dir);
    const doc = sessionFromStory('dev-16-eta-daylight-saving', { id: 'take-0001' });
    await sessions.save(doc);
    const speech = speak(
      'We rolled back the model within the hour. The structural fix was a release gate.',
      'retranscribe',
      0.5,
      0.5,
    );
    const audio = path.join(sessions.folderOf('take-0001'), 'audio.wav');
    await copyFile(speech.wav, audio);
    const before = await readFile(audio);

    const port = createWhisperRetranscriber(models);
    expect((await port.models()).find((m) => m.id === 'random-tiny')).toMatchObject({ installed: true });
    const service = new ResultsService({ sessions, analyze: analyzeTranscript, retranscribe: port });
    const progress: number[] = [];
    await service.retranscribe('take-0001', 'random-tiny', (f) => progress.push(f));
    const after = await sessions.get('take-0001');
    expect(Buffer.compare(await readFile(audio), before)).toBe(0);
    expect(after.transcript).not.toEqual(doc.transcript);
    expect(after.transcript).toMatchObject({ segments: expect.any(Array) });
  }, 180_000);
});
