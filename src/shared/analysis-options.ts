/**
 * How every view re-analyses a stored take, so the back end, the results page and the history
 * agree: its chosen length (when the engine accepts it) and the sentence vectors stored with it.
 */
import { MAX_ANSWER_SECONDS, MIN_ANSWER_SECONDS } from '../core/analysis/budget';
import type { AnalysisOptions } from '../core/analysis/types';
import type { SessionDocument } from './session-document';

export function analysisOptionsOf(doc: Pick<SessionDocument, 'targetSec' | 'sentenceVectors'>): AnalysisOptions {
  const length = doc.targetSec;
  return {
    ...(length >= MIN_ANSWER_SECONDS && length <= MAX_ANSWER_SECONDS ? { lengthSeconds: length } : {}),
    ...(doc.sentenceVectors ? { sentenceVectors: doc.sentenceVectors } : {}),
  };
}
