import { analyzeTranscript } from '../../../../src/core/analysis/analyze';
import type { Analysis, AnalysisOptions } from '../../../../src/core/analysis/types';
import { transcriptFromText } from '../../../../src/core/transcript/from-text';

/** Analyses a typed answer given as one string per sentence. */
export function analyzeSentences(sentences: string[], options: AnalysisOptions = {}): Analysis {
  return analyzeTranscript(transcriptFromText(sentences.join(' ')), options);
}

/** Whether the worksheet item `id` was found in the answer (undefined when there is no such item). */
export function worksheetFound(analysis: Analysis, id: string): boolean | undefined {
  return analysis.worksheet.flatMap((s) => s.items).find((i) => i.id === id)?.found;
}

/** The label given to the sentence containing `fragment`. */
export function layerOf(analysis: Analysis, fragment: string): string {
  const s = analysis.sentences.find((x) => x.text.includes(fragment));
  if (!s) throw new Error(`no sentence contains "${fragment}"`);
  return s.layer;
}

/** A six-sentence incident story, one sentence a layer, in plain words. */
export const CONFIG_STORY = [
  'Last spring I shipped a config change that took checkout down for forty minutes.',
  'Our error-rate alert paged the on-call engineer about three minutes after the deploy.',
  'The new timeout was ten times shorter than the payment provider needed.',
  'We rolled the change back and checkout recovered.',
  'Config changes now go through the same canary as code.',
  'What I took from it is that config is code.',
];

/** Cosine similarity of two vectors of the same length. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return ab / Math.sqrt(aa * bb);
}

/** The header of a made-up model file over `dimensions`-long sentence vectors, untrained. */
export function toyVectorModelHeader<F extends string>(format: F, dimensions: number) {
  return {
    format,
    version: 1 as const,
    encoder: 'universal-sentence-encoder-lite' as const,
    dimensions,
    trainedAt: new Date(0).toISOString(),
    dataHash: '0'.repeat(64),
    training: { stories: 0, sentences: 0, options: {} },
  };
}
