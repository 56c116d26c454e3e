/**
 * The analysis to show for a stored take: recomputed from its transcript and corrections when
 * it has a transcript (so every view agrees with the results view), else the stored analysis.
 */
import { analyzeTranscript } from '../../../core/analysis/analyze';
import { AnalysisSchema } from '../../../core/analysis/schema';
import type { Analysis } from '../../../core/analysis/types';
import { analyzeWithCorrections, readCorrections } from '../../../core/corrections';
import { TranscriptSchema } from '../../../core/transcript/types';
import { analysisOptionsOf } from '../../../shared/analysis-options';
import type { SessionDocument } from '../../../shared/session-document';

export function analysisOfDoc(doc: SessionDocument): Analysis | null {
  const transcript = doc.transcript === undefined ? null : TranscriptSchema.safeParse(doc.transcript);
  if (transcript?.success) {
    const stored = readCorrections(doc.corrections);
    try {
      return analyzeWithCorrections(
        analyzeTranscript,
        transcript.data,
        stored.ok ? stored.corrections : null,
        analysisOptionsOf(doc),
      ).corrected;
    } catch {
      // Fall through to the stored analysis.
    }
  }
  const stored = doc.analysis === undefined ? null : AnalysisSchema.safeParse(doc.analysis);
  return stored?.success ? stored.data : null;
}
