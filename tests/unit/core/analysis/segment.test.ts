import { describe, expect, it } from 'vitest';
import { segmentTranscript } from '../../../../src/core/analysis/segment';
import type { Transcript, TranscriptWord } from '../../../../src/core/transcript/types';
import { transcriptFromText } from '../../../../src/core/transcript/from-text';

/** Words at 0.3 s each; `gaps[i]` extra seconds of silence after word i. */
function timed(text: string, gaps: Record<number, number> = {}): TranscriptWord[] {
  let t = 0;
  return text.split(' ').map((w, i) => {
    const word = { text: w, start: t, end: t + 0.3 };
    t += 0.32 + (gaps[i] ?? 0);
    return word;
  });
}

function oneSegmentPerChunk(words: TranscriptWord[], sizes: number[]): Transcript {
  const segments: Transcript['segments'] = [];
  let i = 0;
  for (const n of sizes) {
    const chunk = words.slice(i, i + n);
    i += n;
    if (chunk.length === 0) break;
    segments.push({
      start: chunk[0]!.start,
      end: chunk[chunk.length - 1]!.end,
      text: chunk.map((w) => w.text).join(' '),
      words: chunk,
    });
  }
  return { segments };
}

describe('segmentTranscript', () => {
  it('rebuilds sentences across Whisper segment cuts, with times from the words', () => {
    const words = timed(
      'We rolled back within the hour. The release gate now blocks bad configs. It has caught two since.',
    );
    const { sentences } = segmentTranscript(oneSegmentPerChunk(words, [4, 5, 3, 20]));
    expect(sentences.map((s) => s.text)).toEqual([
      'We rolled back within the hour.',
      'The release gate now blocks bad configs.',
      'It has caught two since.',
    ]);
    expect(sentences[1]!.start).toBeCloseTo(words[6]!.start);
    expect(sentences[1]!.end).toBeCloseTo(words[12]!.end);
    expect(sentences[1]!.wordStart).toBe(6);
  });

  it('does not end a sentence at "a.m." or at a hesitation after a comma', () => {
    const words = timed('By 2 a.m. I had capped the context length, and then, the error rate fell.', { 8: 1.8 });
    const { sentences } = segmentTranscript({ segments: [{ start: 0, end: 10, text: '', words }] });
    expect(sentences).toHaveLength(1);
  });

  it('uses long silences when the transcript has no punctuation', () => {
    const words = timed('we rolled it back in an hour after that we built a gate that blocks deploys', { 6: 1.4 });
    const { sentences } = segmentTranscript({ segments: [{ start: 0, end: 10, text: '', words }] });
    expect(sentences.map((s) => s.text)).toEqual([
      'we rolled it back in an hour',
      'after that we built a gate that blocks deploys',
    ]);
  });

  it('splits an unpunctuated run-on at its most natural point', () => {
    const text = Array.from({ length: 14 }, (_, i) =>
      i === 7 ? 'and so the next part was about the gate we built' : 'we kept talking about the rollback',
    ).join(' ');
    const { sentences } = segmentTranscript({ segments: [{ start: 0, end: 60, text }] });
    expect(sentences.length).toBeGreaterThan(1);
    for (const s of sentences) expect(s.wordEnd - s.wordStart).toBeLessThanOrEqual(55);
  });

  it('spreads segment time over words when a segment has no word times', () => {
    const { sentences, words } = segmentTranscript({
      segments: [{ start: 10, end: 14, text: 'One two. Three four.' }],
    });
    expect(sentences).toHaveLength(2);
    expect(words[0]!.start).toBe(10);
    expect(sentences[1]!.end).toBeCloseTo(14);
  });
});

describe('unpunctuated transcripts: words decide as much as pauses', () => {
  // Index of each word, so pauses can be placed by word position.
  const text =
    'our export job wrote empty files for a week and nobody saw it the cause was a permissions change on the bucket afterwards we added a check that loads every export';
  const at = (w: string) => text.split(' ').indexOf(w);

  it('does not end a sentence on "the" or "a" even after a long hesitation', () => {
    const words = timed(text, { [at('the')]: 0.9, [at('it')]: 0.9, [at('bucket')]: 0.9 });
    const { sentences } = segmentTranscript({ segments: [{ start: 0, end: 99, text, words }] });
    expect(sentences.some((s) => /\bthe$/.test(s.text))).toBe(false);
  });

  it('ends a sentence at a shorter pause before a typical opening ("afterwards we")', () => {
    // 0.25 s pauses: below the usual sentence pause, but enough before "afterwards we".
    const words = timed(text, { [at('it')]: 0.9, [at('bucket')]: 0.25 });
    const { sentences } = segmentTranscript({ segments: [{ start: 0, end: 99, text, words }] });
    expect(sentences.map((s) => s.text.split(' ')[0])).toContain('afterwards');
  });

  it('marks a piece cut off a long run, and a tiny fragment, as continuing the sentence before', () => {
    const long = Array.from({ length: 70 }, (_, i) => (i % 10 === 9 ? 'and' : `word${i}`)).join(' ');
    const words = timed(long);
    const { sentences } = segmentTranscript({ segments: [{ start: 0, end: 99, text: long, words }] });
    expect(sentences.length).toBeGreaterThan(1);
    expect(sentences.slice(1).every((s) => s.continues === true)).toBe(true);
    expect(sentences[0]?.continues).toBeUndefined();
  });
});

describe('faces typed in forum and chat answers', () => {
  const sentencesOf = (text: string) => segmentTranscript(transcriptFromText(text)).sentences.map((s) => s.text);

  it('keeps a face apart from the word before it and with the sentence it closes', () => {
    expect(sentencesOf('I was not in fact fired. :-) The most recent outage I caused? Yesterday!')).toEqual([
      'I was not in fact fired. :-)',
      'The most recent outage I caused?',
      'Yesterday!',
    ]);
    expect(sentencesOf('It broke :( and we rolled back. Then it worked :) so we slept.')).toEqual([
      'It broke :( and we rolled back.',
      'Then it worked :) so we slept.',
    ]);
  });

  it('ends a sentence at a face followed by a capitalised word, and still glues plain punctuation', () => {
    expect(sentencesOf('We shipped it on a Friday ;) Nobody noticed until Monday.')).toEqual([
      'We shipped it on a Friday ;)',
      'Nobody noticed until Monday.',
    ]);
    expect(sentencesOf('It happened on this very website. 😄 I added a config change on boot.')).toEqual([
      'It happened on this very website. 😄',
      'I added a config change on boot.',
    ]);
    expect(sentencesOf('We rolled back , then we slept .')).toEqual(['We rolled back, then we slept.']);
  });
});
