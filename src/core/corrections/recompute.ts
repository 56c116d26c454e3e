/**
 * Re-runs the coaching engine on a corrected transcript: sentence boundaries as the user set
 * them, edited text, and the layers fixed by hand (the engine decodes the others around them).
 * Pure and fast (the engine analyses 15 minutes in milliseconds), so the results view calls it on
 * every edit and the back end calls it again before saving.
 */
import type { Layer } from '../analysis/layers';
import type { Analysis, AnalysisOptions } from '../analysis/types';
import { flattenWords } from '../transcript/words';
import type { Transcript } from '../transcript/types';
import { correctedInput } from './input';
import { hasTranscriptCorrections, type Corrections } from './model';
import { transcriptBasis, type WorkingSentence } from './sentences';

/** What the engine must accept to honour corrections. */
interface CorrectionOptions extends AnalysisOptions {
  /** Each transcript segment is exactly one sentence: the engine does not re-segment. */
  segmentsAreSentences?: boolean;
  /** Layers fixed by the user, by sentence index; the engine keeps them and decodes the rest. */
  layerOverrides?: Record<number, Layer>;
}

export type CorrectableAnalyze = (transcript: Transcript, options?: CorrectionOptions) => Analysis;

export interface CorrectedAnalysis {
  /** The analysis of the transcript as recognised (no corrections). */
  original: Analysis;
  /** The analysis with the corrections applied (the same object as `original` when there are none). */
  corrected: Analysis;
  /** The sentences as the user sees them (boundaries, edited text, fixed layers). */
  sentences: WorkingSentence[];
  /** True when transcript corrections were applied. */
  applied: boolean;
  /** Set when stored corrections were made on another transcript and were not applied. */
  stale: boolean;
}

class EngineContractError extends Error {
  override name = 'EngineContractError';
}

/**
 * Analyses `transcript` as recognised and, when there are corrections for it, as corrected.
 * `original` may be passed when the caller already has it (it is deterministic).
 */
export function analyzeWithCorrections(
  analyze: CorrectableAnalyze,
  transcript: Transcript,
  corrections: Corrections | null,
  options: AnalysisOptions = {},
  original: Analysis = analyze(transcript, options),
): CorrectedAnalysis {
  const words = flattenWords(transcript);
  const basis = transcriptBasis(words);
  const stale = corrections !== null && hasTranscriptCorrections(corrections) && corrections.basis !== basis;
  const input = correctedInput(transcript, words, original.sentences, corrections);
  // The speaker's word that this is an incident story holds whatever the transcript.
  const incident = corrections?.incident === true;
  const confirmed = incident ? { ...options, incidentConfirmed: true } : options;
  if (!corrections || stale || !hasTranscriptCorrections(corrections)) {
    const corrected = incident ? analyze(transcript, confirmed) : original;
    return { original, corrected, sentences: input.sentences, applied: false, stale };
  }
  const corrected = analyze(input.transcript, {
    ...confirmed,
    segmentsAreSentences: true,
    layerOverrides: input.layerOverrides,
  });
  checkHonoured(corrected, input.sentences.length, input.layerOverrides);
  return { original, corrected, sentences: input.sentences, applied: true, stale };
}

/** Fails loudly if the engine ignored the corrections instead of showing a wrong result. */
function checkHonoured(analysis: Analysis, sentenceCount: number, overrides: Record<number, Layer>): void {
  if (analysis.sentences.length !== sentenceCount) {
    throw new EngineContractError(
      `The coaching engine re-segmented a corrected transcript (${sentenceCount} sentences in, ${analysis.sentences.length} out).`,
    );
  }
  for (const [index, layer] of Object.entries(overrides)) {
    const got = analysis.sentences[Number(index)]?.layer;
    if (got !== layer) {
      throw new EngineContractError(
        `The coaching engine did not keep the layer set by hand for sentence ${Number(index) + 1}.`,
      );
    }
  }
}
