import { describe, expect, it } from 'vitest';
import { sentenceTexts } from '../../../src/core/analysis/analyze';
import { unpackVector } from '../../../src/core/analysis/sentence-vectors';
import { createSentenceEncoder, encoderOver } from '../../../src/backend/services/analysis/sentence-encoder';
import { analyzeEncoded } from '../../../src/backend/services/analysis/analyze-encoded';
import { analyzeTranscript } from '../../../src/core/analysis/analyze';
import { transcriptFromText } from '../../../src/core/transcript/from-text';
import { cosine } from '../core/analysis/helpers';

describe('sentence encoder', () => {
  it('encodes each distinct text once, in batches, and answers only what was asked', async () => {
    const calls: string[][] = [];
    const encoder = encoderOver(async () => async (texts) => {
      calls.push(texts);
      return texts.map((t) => [t.length, 1, -1]);
    });
    const texts = Array.from({ length: 10 }, (_, i) => `sentence number ${i}`);
    const first = await encoder.encode([...texts, texts[0] ?? '']);
    expect(Object.keys(first)).toHaveLength(10);
    // Four at a time (the network's working memory grows with the batch).
    expect(calls.map((c) => c.length)).toEqual([4, 4, 2]);
    const again = await encoder.encode([texts[5] ?? '', 'a new one']);
    expect(calls.at(-1)).toEqual(['a new one']);
    expect(Object.keys(again).sort()).toEqual([texts[5], 'a new one'].sort());
    expect(unpackVector(again['a new one'] ?? '', 3)?.[0]).toBeCloseTo(9, 1);
  });

  it('answers every text asked for, even more than it remembers at once', async () => {
    const encoder = encoderOver(async () => async (texts) => texts.map(() => [0.5, -0.5]));
    const texts = Array.from({ length: 20_050 }, (_, i) => `t${i}`);
    expect(Object.keys(await encoder.encode(texts))).toHaveLength(20_050);
  });

  it('runs the pretrained network: 512 numbers a sentence, and meaning beyond shared words', async () => {
    const encoder = createSentenceEncoder();
    const texts = [
      'Monitoring paged the on-call engineer at two in the morning.',
      'An alert woke me up in the middle of the night.',
      'Next quarter we will add a canary stage to the deploy pipeline.',
    ];
    const packed = await encoder.encode(texts);
    const [paged, woke, plan] = texts.map((t) => unpackVector(packed[t] ?? '', 512));
    if (!paged || !woke || !plan) throw new Error('missing vector');
    // No content word in common, yet the two ways of being paged are closer than the plan.
    expect(cosine(paged, woke)).toBeGreaterThan(cosine(paged, plan) + 0.1);
  }, 60_000);

  it('the analysis with vectors is the engine fed those vectors', async () => {
    const encoder = createSentenceEncoder();
    const transcript = transcriptFromText(
      'Checkout went down for forty minutes after my deploy. Customers started emailing support. ' +
        'A timeout was ten times too short. We rolled back. Config now goes through canaries.',
    );
    const sentenceVectors = await encoder.encode(sentenceTexts(transcript));
    expect(Object.keys(sentenceVectors)).toHaveLength(5);
    expect(await analyzeEncoded(encoder, transcript)).toEqual(analyzeTranscript(transcript, { sentenceVectors }));
  }, 60_000);
});
