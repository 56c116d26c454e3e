import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../src/core/analysis/analyze';
import { AnalysisSchema } from '../../../src/core/analysis/schema';
import {
  confirmIncident,
  readCorrections,
  relabelSentence,
  tickWorksheetItem,
  transcriptBasis,
} from '../../../src/core/corrections';
import { transcriptFromText } from '../../../src/core/transcript/from-text';
import { flattenWords } from '../../../src/core/transcript/words';
import { HistoryService } from '../../../src/backend/services/history/history-service';
import { ResultsService, type RetranscribePort } from '../../../src/backend/services/results/results-service';
import { SessionStore } from '../../../src/backend/services/sessions/session-store';
import { loadStory, sessionFromStory, transcriptOf } from '../../fixtures/results/corpus-session';
import { synthWav } from '../../fixtures/results/synth-wav';

let dir: string;
let store: SessionStore;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'coach-results-'));
  store = new SessionStore(dir);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const STORY = 'dev-01-credit-bureau-sentinel';

async function seed() {
  const doc = sessionFromStory(STORY, { id: 'take-0001' });
  await store.save(doc);
  const transcript = transcriptOf(loadStory(STORY));
  const words = flattenWords(transcript);
  const original = AnalysisSchema.parse(doc.analysis);
  return { doc, transcript, words, original };
}

describe('ResultsService.saveCorrections', () => {
  it('recomputes the analysis from the stored transcript and persists corrections with it', async () => {
    const { words, original } = await seed();
    const service = new ResultsService({
      sessions: store,
      analyze: analyzeTranscript,
      now: () => new Date('2026-11-21T09:00:00Z'),
    });
    const corrections = relabelSentence({ words, base: original.sentences, corrections: null }, 6, 'system_learning');
    const saved = await service.saveCorrections('take-0001', corrections);
    expect(saved.updatedAt).toBe('2026-11-21T09:00:00.000Z');
    expect(saved.digest.layers.system_learning.sentences).toBe(original.layers.system_learning.sentences + 1);

    // Re-opening reads the same corrections and the corrected analysis.
    const reopened = await store.get('take-0001');
    expect(readCorrections(reopened.corrections)).toEqual({ ok: true, corrections });
    expect(AnalysisSchema.parse(reopened.analysis).sentences[6]?.layer).toBe('system_learning');
    const entry = (await new HistoryService(store).list()).sessions[0];
    expect(entry?.corrected).toBe(true);
  });

  it('refuses corrections made on another transcript, and sessions without one', async () => {
    await seed();
    const service = new ResultsService({ sessions: store, analyze: analyzeTranscript });
    const other = flattenWords(transcriptOf(loadStory(STORY), { wordsPerMinute: 130 }));
    const foreign = relabelSentence(
      { words: other, base: [{ wordStart: 0, wordEnd: other.length }], corrections: null },
      0,
      'other',
    );
    await expect(service.saveCorrections('take-0001', foreign)).rejects.toMatchObject({ code: 'conflict' });
    const { transcript: _t, analysis: _a, ...bare } = sessionFromStory(STORY, { id: 'take-0002' });
    void _t;
    void _a;
    await store.save(bare);
    await expect(service.saveCorrections('take-0002', foreign)).rejects.toMatchObject({ code: 'unsupported' });
  });
});

describe('ResultsService.retranscribe', () => {
  it('keeps the audio byte for byte, replaces the transcript, drops stale corrections, keeps worksheet ticks', async () => {
    const { words, original } = await seed();
    const wav = synthWav([{ start: 0.4, end: 2 }], 3);
    const audioFile = path.join(store.folderOf('take-0001'), 'audio.wav');
    await writeFile(audioFile, wav);
    const newTranscript = transcriptOf(loadStory(STORY), { wordsPerMinute: 160 });
    const calls: { file: string; model: string }[] = [];
    const port: RetranscribePort = {
      models: async () => [{ id: 'small.en', installed: true }],
      transcribeFile: async (file, options) => {
        calls.push({ file, model: options.model });
        options.onProgress(1);
        return newTranscript;
      },
    };
    const service = new ResultsService({ sessions: store, analyze: analyzeTranscript, retranscribe: port });
    let c = relabelSentence({ words, base: original.sentences, corrections: null }, 6, 'system_learning');
    c = tickWorksheetItem(c, c.basis, 'structural_fix.owner', true);
    await service.saveCorrections('take-0001', c);

    await service.retranscribe('take-0001', 'small.en', () => {});
    expect(calls).toEqual([{ file: audioFile, model: 'small.en' }]);
    expect(Buffer.compare(await readFile(audioFile), wav)).toBe(0);
    const doc = await store.get('take-0001');
    expect(doc.transcript).toEqual(newTranscript);
    const stored = readCorrections(doc.corrections);
    expect(stored).toEqual({
      ok: true,
      corrections: expect.objectContaining({
        basis: transcriptBasis(flattenWords(newTranscript)),
        starts: null,
        sentences: {},
        worksheet: { 'structural_fix.owner': true },
      }),
    });
    expect(AnalysisSchema.parse(doc.analysis)).toEqual(analyzeTranscript(newTranscript, { lengthSeconds: 120 }));
    expect(await service.models()).toHaveLength(1);
  });

  it('keeps the speaker’s word that it is an incident story: stored graded, and kept by re-transcribing', async () => {
    const { doc } = await seed();
    const text = await readFile(
      fileURLToPath(new URL('../../fixtures/graded-at-your-word/bakery-prices.txt', import.meta.url)),
      'utf8',
    );
    const transcript = transcriptFromText(text);
    await store.save({ ...doc, transcript, analysis: analyzeTranscript(transcript) });
    await writeFile(path.join(store.folderOf('take-0001'), 'audio.wav'), synthWav([{ start: 0.4, end: 2 }], 3));
    const port: RetranscribePort = {
      models: async () => [{ id: 'small.en', installed: true }],
      transcribeFile: async () => transcriptFromText(text, { wordsPerMinute: 160 }),
    };
    const service = new ResultsService({ sessions: store, analyze: analyzeTranscript, retranscribe: port });
    expect(AnalysisSchema.parse((await store.get('take-0001')).analysis).gradable).toBe(false);

    const saved = await service.saveCorrections(
      'take-0001',
      confirmIncident(null, transcriptBasis(flattenWords(transcript)), true),
    );
    expect(saved.digest.tier).not.toBeNull();
    const graded = AnalysisSchema.parse((await store.get('take-0001')).analysis);
    expect(graded.gradable).toBe(true);
    expect(graded.overruled?.code).toBe('not_incident');

    await service.retranscribe('take-0001', 'small.en', () => {});
    const after = await store.get('take-0001');
    expect(readCorrections(after.corrections)).toMatchObject({ ok: true, corrections: { incident: true } });
    expect(AnalysisSchema.parse(after.analysis)).toMatchObject({ gradable: true, overruled: { code: 'not_incident' } });
  });

  it('says clearly when no speech model is available, and refuses typed answers', async () => {
    await seed();
    const service = new ResultsService({ sessions: store, analyze: analyzeTranscript });
    await expect(service.retranscribe('take-0001', 'base.en', () => {})).rejects.toMatchObject({
      code: 'model_missing',
    });
    await store.save(sessionFromStory(STORY, { id: 'typed-0001', kind: 'typed' }));
    await expect(service.retranscribe('typed-0001', 'base.en', () => {})).rejects.toMatchObject({
      code: 'unsupported',
    });
    expect(await service.models()).toEqual([]);
  });
});
