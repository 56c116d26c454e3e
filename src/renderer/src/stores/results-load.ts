/**
 * Opening a take's results: the stored transcript is analysed again with the user's corrections;
 * without a usable transcript the stored analysis is shown read-only; without either, why not.
 */
import { AnalysisSchema } from '../../../core/analysis/schema';
import {
  readCorrections,
  revertTranscriptCorrections,
  transcriptBasis,
  type Corrections,
} from '../../../core/corrections';
import { TranscriptSchema } from '../../../core/transcript/types';
import type { Transcript } from '../../../core/transcript/types';
import { flattenWords } from '../../../core/transcript/words';
import { analysisOptionsOf } from '../../../shared/analysis-options';
import type { SessionDocument } from '../../../shared/session-document';
import { call, messageOf } from '../coach';
import { SupersededError } from '../results/recompute-protocol';
import { engine, markGood } from './results-engine';
import type { ResultsStore } from './results-state';

/** The take's document, or null when it failed (error shown) or another take was opened meanwhile. */
async function fetchSession({ set, get }: ResultsStore, id: string): Promise<SessionDocument | null> {
  let doc: SessionDocument;
  try {
    doc = (await call('results.get', { id })).session;
  } catch (error) {
    if (get().id === id) set({ status: 'error', error: messageOf(error) });
    return null;
  }
  return get().id === id ? doc : null;
}

function storedCorrections(doc: SessionDocument, notices: string[]): Corrections | null {
  const stored = readCorrections(doc.corrections);
  if (!stored.ok) notices.push(`Your corrections could not be read and were set aside (${stored.reason}).`);
  return stored.ok ? stored.corrections : null;
}

/**
 * Shows the transcript analysed again with the corrections. False when that failed and the stored
 * analysis should be shown instead (a notice says why); true when done, or superseded.
 */
async function showReanalysed(
  { set, get }: ResultsStore,
  id: string,
  doc: SessionDocument,
  transcript: Transcript,
  corrections: Corrections | null,
  notices: string[],
): Promise<boolean> {
  const words = flattenWords(transcript);
  try {
    const result = await engine().load(transcript, analysisOptionsOf(doc), corrections);
    if (get().id !== id) return true;
    markGood(corrections);
    if (result.stale) notices.push('Corrections made on an earlier transcript of this take were not applied.');
    set({
      status: 'ready',
      doc,
      transcript,
      words,
      original: result.original ?? result.corrected,
      corrected: result.corrected,
      sentences: result.sentences,
      corrections: corrections ?? null,
      applied: result.applied,
      readOnly: false,
      notices,
      recomputeMs: result.ms,
    });
    if (corrections && corrections.basis !== transcriptBasis(words) && Object.keys(corrections.worksheet).length > 0) {
      // Keep worksheet ticks, drop the stale transcript corrections for good.
      const kept = revertTranscriptCorrections({
        words,
        base: (result.original ?? result.corrected).sentences,
        corrections,
      });
      set({ corrections: kept });
    }
    return true;
  } catch (error) {
    if (error instanceof SupersededError || get().id !== id) return true;
    notices.push(`The transcript could not be analysed again: ${messageOf(error)}`);
    return false;
  }
}

/** The stored analysis, read-only; or, without one, why there are no results. */
function showStored(
  { set }: ResultsStore,
  doc: SessionDocument,
  corrections: Corrections | null,
  notices: string[],
): void {
  const storedAnalysis = doc.analysis === undefined ? null : AnalysisSchema.safeParse(doc.analysis);
  if (storedAnalysis?.success) {
    set({
      status: 'ready',
      doc,
      transcript: null,
      words: [],
      original: storedAnalysis.data,
      corrected: storedAnalysis.data,
      sentences: [],
      corrections,
      applied: false,
      readOnly: true,
      notices,
    });
    return;
  }
  const why =
    doc.status === 'ready'
      ? 'This take has no analysis yet.'
      : doc.status === 'failed'
        ? `Processing failed: ${doc.error ?? 'unknown error'}.`
        : `This take is ${doc.status}: its results appear when processing is done.`;
  set({ status: 'error', doc, error: why, notices });
}

export async function loadResults(store: ResultsStore, id: string): Promise<void> {
  store.set({
    id,
    status: 'loading',
    error: null,
    notices: [],
    editError: null,
    ripple: null,
    saveState: 'idle',
    showing: 'corrected',
  });
  const doc = await fetchSession(store, id);
  if (!doc) return;
  const notices: string[] = [];
  const corrections = storedCorrections(doc, notices);
  const parsedTranscript = doc.transcript === undefined ? null : TranscriptSchema.safeParse(doc.transcript);
  if (parsedTranscript?.success) {
    if (await showReanalysed(store, id, doc, parsedTranscript.data, corrections, notices)) return;
  } else if (parsedTranscript && !parsedTranscript.success) {
    notices.push('The stored transcript is damaged; showing the stored analysis without corrections.');
  }
  showStored(store, doc, corrections, notices);
}
