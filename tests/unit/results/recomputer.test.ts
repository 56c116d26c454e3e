import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../src/core/analysis/analyze';
import { relabelSentence } from '../../../src/core/corrections';
import { flattenWords } from '../../../src/core/transcript/words';
import { createRecomputer, mainThreadRecomputer } from '../../../src/renderer/src/results/recompute-protocol';
import { loadStory, transcriptOf } from '../../fixtures/results/corpus-session';

const transcript = transcriptOf(loadStory('dev-03-feed-candidate-cache-ttl'));

describe('recomputer (the results store’s engine runner)', () => {
  it('loads a take, then applies corrections against the kept transcript and original analysis', async () => {
    const r = mainThreadRecomputer();
    const loaded = await r.load(transcript, { lengthSeconds: 120 }, null);
    expect(loaded.original).toEqual(analyzeTranscript(transcript, { lengthSeconds: 120 }));
    expect(loaded.applied).toBe(false);
    const original = loaded.original ?? loaded.corrected;
    const c = relabelSentence(
      { words: flattenWords(transcript), base: original.sentences, corrections: null },
      0,
      'other',
    );
    const applied = await r.apply(c);
    expect(applied.applied).toBe(true);
    expect(applied.original).toBeNull();
    expect(applied.corrected.sentences[0]?.layer).toBe('other');
    expect(applied.ms).toBeGreaterThanOrEqual(0);
  });

  it('falls back to the main thread where there is no Worker (and says when nothing is loaded)', async () => {
    expect(typeof Worker).toBe('undefined');
    const r = createRecomputer();
    await expect(r.apply(null)).rejects.toThrow(/No take is loaded/);
    const loaded = await r.load(transcript, {}, null);
    expect(loaded.corrected.sentences.length).toBeGreaterThan(3);
  });
});
