import { describe, expect, it } from 'vitest';
import { transcriptFromText } from '../../../../src/core/transcript/from-text';
import { parseTranscriptJson, TranscriptFormatError } from '../../../../src/core/transcript/parse';

describe('parseTranscriptJson (app format)', () => {
  it('accepts segments with and without words', () => {
    const t = parseTranscriptJson(
      JSON.stringify({
        language: 'en',
        segments: [
          {
            start: 0,
            end: 2,
            text: 'We rolled',
            words: [
              { text: 'We', start: 0, end: 0.4 },
              { text: 'rolled', start: 0.5, end: 1 },
            ],
          },
          { start: 2, end: 3, text: 'back.' },
        ],
      }),
    );
    expect(t.segments).toHaveLength(2);
    expect(t.language).toBe('en');
  });

  it.each([
    ['{bad', /Invalid JSON/],
    ['[]', /must be an object/],
    ['{"foo": 1}', /Unknown transcript format/],
    ['{"segments": []}', /empty/],
    ['{"segments": [{"start": 0, "end": 1, "text": "   "}]}', /empty/],
    ['{"segments": [{"start": "0", "end": 1, "text": "x"}]}', /segments\.0\.start/],
    ['{"segments": [{"start": 3, "end": 1, "text": "x"}]}', /ends \(1\) before it starts/],
  ])('rejects %s with a clear message', (json, message) => {
    expect(() => parseTranscriptJson(json)).toThrow(TranscriptFormatError);
    expect(() => parseTranscriptJson(json)).toThrow(message);
  });
});

describe('parseTranscriptJson (whisper.cpp -oj / -ojf)', () => {
  it('reads segments in milliseconds and joins sub-word tokens into words', () => {
    const t = parseTranscriptJson(
      JSON.stringify({
        result: { language: 'en' },
        transcription: [
          {
            timestamps: { from: '00:00:00,000', to: '00:00:02,000' },
            offsets: { from: 0, to: 2000 },
            text: ' We rolled back.',
            tokens: [
              { text: '[_BEG_]', offsets: { from: 0, to: 0 }, p: 0.9 },
              { text: ' We', offsets: { from: 0, to: 300 }, p: 0.99 },
              { text: ' roll', offsets: { from: 300, to: 600 }, p: 0.9 },
              { text: 'ed', offsets: { from: 600, to: 800 }, p: 0.8 },
              { text: ' back', offsets: { from: 900, to: 1300 }, p: 0.95 },
              { text: '.', offsets: { from: 1300, to: 1350 }, p: 0.95 },
              { text: '[_TT_100]', offsets: { from: 2000, to: 2000 }, p: 0.5 },
            ],
          },
          { offsets: { from: 2000, to: 3500 }, text: ' It took an hour.' },
        ],
      }),
    );
    expect(t.language).toBe('en');
    expect(t.segments[0]?.start).toBe(0);
    expect(t.segments[0]?.end).toBe(2);
    expect(t.segments[0]?.words?.map((w) => w.text)).toEqual(['We', 'rolled', 'back.']);
    expect(t.segments[0]?.words?.[1]).toMatchObject({ start: 0.3, end: 0.8, probability: 0.8 });
    expect(t.segments[1]).toEqual({ start: 2, end: 3.5, text: 'It took an hour.' });
  });

  it('rejects a whisper.cpp file with missing offsets', () => {
    expect(() => parseTranscriptJson('{"transcription": [{"text": "x"}]}')).toThrow(/whisper\.cpp/);
  });
});

describe('transcriptFromText', () => {
  it('estimates times from the speaking rate and flags them as estimated', () => {
    const words = Array.from({ length: 150 }, (_, i) => `word${i}`).join(' ');
    const t = transcriptFromText(words, { wordsPerMinute: 150 });
    expect(t.timesEstimated).toBe(true);
    expect(t.durationSec).toBeGreaterThan(50);
    expect(t.durationSec).toBeLessThan(75);
    expect(transcriptFromText(words, { wordsPerMinute: 300 }).durationSec).toBeLessThan(40);
  });
  it('makes paragraphs into segments and rejects silly rates', () => {
    expect(transcriptFromText('One. Two.\n\nThree.').segments).toHaveLength(2);
    expect(() => transcriptFromText('x', { wordsPerMinute: 5 })).toThrow(RangeError);
  });
});
