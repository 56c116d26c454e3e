import { describe, expect, it } from 'vitest';
import { tokensToWords, wordsToSegments } from '../../../src/backend/services/whisper/words';

const tok = (text: string, t0: number, t1: number) => ({ text, t0, t1 });

describe('tokensToWords (one whisper segment per token → words)', () => {
  it('joins sub-word pieces and punctuation into the word before, offsets times', () => {
    const words = tokensToWords(
      [
        tok(' The', 0, 200),
        tok(' fail', 200, 400),
        tok('over', 400, 700),
        tok(',', 700, 720),
        tok(' um', 900, 1100),
        tok('.', 1100, 1120),
      ],
      { offsetSec: 10, durationSec: 5 },
    );
    expect(words).toEqual([
      { text: 'The', start: 10, end: 10.2 },
      { text: 'failover,', start: 10.2, end: 10.72 },
      { text: 'um.', start: 10.9, end: 11.12 },
    ]);
  });

  it('clamps times into the utterance (random models emit times past the audio, even negative)', () => {
    const words = tokensToWords([tok(' a', -5000, -4000), tok(' b', 3000, 99_000)], { offsetSec: 2, durationSec: 4 });
    expect(words).toEqual([
      { text: 'a', start: 2, end: 2 },
      { text: 'b', start: 5, end: 6 },
    ]);
  });

  it('skips empty pieces and keeps start times non-decreasing', () => {
    const words = tokensToWords([tok(' x', 500, 600), tok('  ', 600, 700), tok(' y', 300, 400)], {
      offsetSec: 0,
      durationSec: 2,
    });
    expect(words.map((w) => w.text)).toEqual(['x', 'y']);
    expect(words[1]?.start).toBeGreaterThanOrEqual(words[0]?.start ?? Infinity);
  });
});

describe('wordsToSegments', () => {
  it('splits at sentence ends and at pauses of a second or more', () => {
    const w = (text: string, start: number, end: number) => ({ text, start, end });
    const segments = wordsToSegments([
      w('We', 0, 0.2),
      w('paged.', 0.2, 0.5),
      w('Then', 0.7, 0.9),
      w('nothing', 1, 1.3),
      w('later', 2.5, 2.8),
    ]);
    expect(segments.map((s) => [s.text, s.start, s.end])).toEqual([
      ['We paged.', 0, 0.5],
      ['Then nothing', 0.7, 1.3],
      ['later', 2.5, 2.8],
    ]);
    expect(segments[0]?.words).toHaveLength(2);
  });
});
