/**
 * The engine's analysis with the sentences' vectors, encoded in this thread: for the CLI and the
 * evaluation, which have no analysis thread. Apart from the encoder so the analysis thread can
 * load the encoder without the engine.
 */
import { analyzeTranscript, sentenceTexts } from '../../../core/analysis/analyze';
import type { Analysis, AnalysisOptions } from '../../../core/analysis/types';
import type { Transcript } from '../../../core/transcript/types';
import type { SentenceEncoder } from './sentence-encoder';

export async function analyzeEncoded(
  encoder: SentenceEncoder,
  transcript: Transcript,
  options: AnalysisOptions = {},
): Promise<Analysis> {
  const sentenceVectors = await encoder.encode(sentenceTexts(transcript, options));
  return analyzeTranscript(transcript, { ...options, sentenceVectors });
}
