/**
 * Turns a transcript plus the user's corrections into the engine's input: a transcript with one
 * segment per corrected sentence (edited text spread over the time it was spoken) and the layers
 * the user fixed by hand, by sentence index.
 */
import type { Layer } from '../analysis/layers';
import { spreadWords } from '../transcript/words';
import type { Transcript, TranscriptSegment, TranscriptWord } from '../transcript/types';
import type { Corrections } from './model';
import { workingSentences, type BaseSentence, type BasisWord, type WorkingSentence } from './sentences';
import { wordsOf } from './tokens';

export interface CorrectedInput {
  /** One segment per sentence, in order. */
  transcript: Transcript;
  sentences: WorkingSentence[];
  /** Layer fixed by the user, by sentence index. */
  layerOverrides: Record<number, Layer>;
}

export function correctedInput(
  transcript: Transcript,
  words: readonly BasisWord[],
  base: readonly BaseSentence[],
  corrections: Corrections | null,
): CorrectedInput {
  const sentences = workingSentences(words, base, corrections);
  const layerOverrides: Record<number, Layer> = {};
  const segments: TranscriptSegment[] = sentences.map((sentence) => {
    if (sentence.layer) layerOverrides[sentence.index] = sentence.layer;
    const segmentWords: TranscriptWord[] = sentence.textEdited
      ? spreadWords(wordsOf(sentence.text).join(' '), sentence.start, sentence.end)
      : words.slice(sentence.wordStart, sentence.wordEnd).map((w) => ({ text: w.text, start: w.start, end: w.end }));
    return {
      start: sentence.start,
      end: sentence.end,
      text: segmentWords.map((w) => w.text).join(' '),
      words: segmentWords,
    };
  });
  return {
    transcript: {
      segments,
      ...(transcript.language === undefined ? {} : { language: transcript.language }),
      ...(transcript.durationSec === undefined ? {} : { durationSec: transcript.durationSec }),
      ...(transcript.timesEstimated === undefined ? {} : { timesEstimated: transcript.timesEstimated }),
    },
    sentences,
    layerOverrides,
  };
}
