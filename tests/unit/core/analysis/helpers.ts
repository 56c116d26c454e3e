import { analyzeTranscript } from '../../../../src/core/analysis/analyze';
import type { Analysis, AnalysisOptions } from '../../../../src/core/analysis/types';
import { transcriptFromText } from '../../../../src/core/transcript/from-text';

/** Analyses a typed answer given as one string per sentence. */
export function analyzeSentences(sentences: string[], options: AnalysisOptions = {}): Analysis {
  return analyzeTranscript(transcriptFromText(sentences.join(' ')), options);
}

/** The label given to the sentence containing `fragment`. */
export function layerOf(analysis: Analysis, fragment: string): string {
  const s = analysis.sentences.find((x) => x.text.includes(fragment));
  if (!s) throw new Error(`no sentence contains "${fragment}"`);
  return s.layer;
}
