import type { Transcript } from './types';

export interface TranscriptSize {
  words: number;
  segments: number;
  characters: number;
}

/**
 * How big a transcript is: its timed words where the engine gave them, otherwise the words of
 * its text. One count for the request limits and for deciding where an analysis runs.
 */
export function transcriptSize(t: Pick<Transcript, 'segments'>): TranscriptSize {
  let words = 0;
  let characters = 0;
  for (const segment of t.segments) {
    characters += segment.text.length;
    words += segment.words?.length ?? segment.text.split(/\s+/).filter(Boolean).length;
  }
  return { words, segments: t.segments.length, characters };
}
