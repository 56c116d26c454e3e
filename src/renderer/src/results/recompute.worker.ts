/**
 * Runs the coaching engine off the page's main thread: analysing a 30-minute transcript takes a
 * few hundred milliseconds, which would otherwise freeze replay and scrolling on every
 * correction. The worker keeps the transcript and the original analysis of the open take, so a
 * correction only sends the (small) corrections object.
 */
import { analyzeTranscript } from '../../../core/analysis/analyze';
import type { Analysis, AnalysisOptions } from '../../../core/analysis/types';
import type { Transcript } from '../../../core/transcript/types';
import { analyzeWithCorrections } from '../../../core/corrections/recompute';
import type { RecomputeRequest, RecomputeResponse } from './recompute-protocol';

let loaded: { transcript: Transcript; options: AnalysisOptions; original: Analysis } | null = null;

function reply(message: RecomputeResponse): void {
  postMessage(message);
}

addEventListener('message', (event: MessageEvent<RecomputeRequest>) => {
  const request = event.data;
  const started = performance.now();
  try {
    const transcript = request.transcript;
    if (transcript)
      loaded = { transcript, options: request.options, original: analyzeTranscript(transcript, request.options) };
    if (!loaded) throw new Error('No take is loaded in the analysis worker.');
    const result = analyzeWithCorrections(
      analyzeTranscript,
      loaded.transcript,
      request.corrections,
      loaded.options,
      loaded.original,
    );
    reply({
      seq: request.seq,
      ok: true,
      original: request.transcript ? result.original : null,
      corrected: result.corrected,
      sentences: result.sentences,
      applied: result.applied,
      stale: result.stale,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  } catch (error) {
    reply({ seq: request.seq, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
