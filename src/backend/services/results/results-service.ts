/**
 * Saving corrections and re-transcribing a take. The renderer recomputes the analysis as the
 * user edits; the back end recomputes it again from the stored transcript (never trusting an
 * analysis sent by the page) and stores corrections and corrected analysis together.
 */
import type { Analysis, AnalysisOptions } from '../../../core/analysis/types';
import {
  analyzeWithCorrections,
  emptyCorrections,
  hasTranscriptCorrections,
  readCorrections,
  transcriptBasis,
  type CorrectableAnalyze,
  type Corrections,
} from '../../../core/corrections';
import { digestAnalysis, type AnalysisDigest } from '../../../core/history/digest';
import { TranscriptSchema } from '../../../core/transcript/types';
import type { Transcript } from '../../../core/transcript/types';
import { flattenWords } from '../../../core/transcript/words';
import { CoachError } from '../../../shared/coach-error';
import type { SpeechModelChoice } from '../../../shared/channels/results';
import type { SessionDocument } from '../../../shared/session-document';
import { requireWithinAnalysisLimits } from '../analysis/analysis-jobs';
import type { EncodeSentences } from '../analysis/off-loop-analyzer';
import { sentenceTexts } from '../../../core/analysis/analyze';
import { analysisOptionsOf } from '../../../shared/analysis-options';
import type { SessionStore } from '../sessions/session-store';

/**
 * What re-transcription needs from the transcription engine: its models and a batch
 * transcription of a WAV file with a chosen model. `createBackend` adapts the real engine.
 */
export interface RetranscribePort {
  models(): Promise<SpeechModelChoice[]>;
  transcribeFile(
    wavFile: string,
    options: { model: string; onProgress(fraction: number): void; signal: AbortSignal },
  ): Promise<Transcript>;
}

/** Used until the transcription engine provides a batch API with model choice. */
const retranscribeUnavailable: RetranscribePort = {
  models: async () => [],
  transcribeFile: async () => {
    throw new CoachError(
      'model_missing',
      'Re-transcription needs a local speech model; none is available in this build yet.',
    );
  },
};

function transcriptOf(doc: SessionDocument): Transcript {
  if (doc.transcript === undefined) {
    throw new CoachError('unsupported', `Session "${doc.id}" has no transcript yet: analyse it before correcting it.`);
  }
  const parsed = TranscriptSchema.safeParse(doc.transcript);
  if (!parsed.success)
    throw new CoachError('internal', `The transcript stored with "${doc.id}" is damaged and cannot be corrected.`);
  return parsed.data;
}

/**
 * Where the analyses of saving corrections and re-transcribing run. `createBackend` passes the
 * off-loop analyser (long transcripts on a worker thread); a bare engine function runs in place.
 */
export interface ResultsAnalyzer {
  analyze(transcript: Transcript, options: AnalysisOptions): Promise<Analysis>;
  /** The analysis of `transcript` with `corrections` applied. */
  correct(transcript: Transcript, corrections: Corrections, options: AnalysisOptions): Promise<Analysis>;
  /** The sentence encoder (absent: no vectors are stored, the engine labels without them). */
  encode?: EncodeSentences;
}

function inPlace(analyze: CorrectableAnalyze): ResultsAnalyzer {
  return {
    analyze: async (transcript, options) => analyze(transcript, options),
    correct: async (transcript, corrections, options) =>
      analyzeWithCorrections(analyze, transcript, corrections, options).corrected,
  };
}

export interface ResultsServiceOptions {
  sessions: SessionStore;
  analyze: CorrectableAnalyze | ResultsAnalyzer;
  retranscribe?: RetranscribePort;
  now?: () => Date;
}

export class ResultsService {
  private readonly now: () => Date;
  private readonly retranscriber: RetranscribePort;
  private readonly running = new Map<string, AbortController>();
  private readonly analyzer: ResultsAnalyzer;

  constructor(private readonly options: ResultsServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.retranscriber = options.retranscribe ?? retranscribeUnavailable;
    this.analyzer = typeof options.analyze === 'function' ? inPlace(options.analyze) : options.analyze;
  }

  async saveCorrections(id: string, corrections: Corrections): Promise<{ updatedAt: string; digest: AnalysisDigest }> {
    const { sessions } = this.options;
    const doc = await sessions.get(id);
    const transcript = transcriptOf(doc);
    const basis = transcriptBasis(flattenWords(transcript));
    if (hasTranscriptCorrections(corrections) && corrections.basis !== basis) {
      throw new CoachError(
        'conflict',
        'These corrections were made on another transcript of this take (it was re-transcribed); reload the results.',
      );
    }
    const wordCount = flattenWords(transcript).length;
    if (corrections.starts && corrections.starts.some((s) => s >= wordCount)) {
      throw new CoachError('invalid_input', 'A corrected sentence starts past the last word of the transcript.');
    }
    const options = analysisOptionsOf(doc);
    const analysis = await this.analyzer.correct(transcript, corrections, options);
    // The page re-analyses from the stored take: it needs the vectors of the sentences as
    // recognised and as corrected.
    const sentenceVectors = await this.vectorsOf([
      ...sentenceTexts(transcript, options),
      ...analysis.sentences.map((s) => s.text),
    ]);
    const updatedAt = this.now().toISOString();
    await sessions.save({ ...doc, corrections, analysis, ...sentenceVectors, updatedAt });
    return { updatedAt, digest: digestAnalysis(analysis) };
  }

  async models(): Promise<SpeechModelChoice[]> {
    return this.retranscriber.models();
  }

  /**
   * Transcribes the take's audio again with `model`. The audio file is never touched; the new
   * transcript replaces the old one, corrections of the old transcript are dropped (they point
   * at its words) and worksheet ticks are kept.
   */
  async retranscribe(
    id: string,
    model: string,
    onProgress: (fraction: number) => void,
  ): Promise<{ updatedAt: string }> {
    const { sessions } = this.options;
    if (this.running.has(id)) throw new CoachError('conflict', 'This take is already being re-transcribed.');
    const doc = await sessions.get(id);
    if (!doc.audio) throw new CoachError('unsupported', 'A typed answer has no recording to transcribe again.');
    const file = await sessions.audioFileOf(doc);
    const controller = new AbortController();
    this.running.set(id, controller);
    try {
      const transcript = await this.retranscriber.transcribeFile(file, {
        model,
        onProgress,
        signal: controller.signal,
      });
      if (flattenWords(transcript).length === 0) {
        throw new CoachError(
          'no_speech',
          'The new transcription found no words; the take keeps its current transcript.',
        );
      }
      requireWithinAnalysisLimits(transcript, 'The new transcription', 'The take keeps its current transcript.');
      const { sentenceVectors: _old, ...options } = analysisOptionsOf(doc);
      const before = readCorrections(doc.corrections);
      const incident = before.ok && before.corrections?.incident === true;
      const analysis = await this.analyzer.analyze(transcript, {
        ...options,
        ...(incident ? { incidentConfirmed: true } : {}),
      });
      const sentenceVectors = await this.vectorsOf(analysis.sentences.map((s) => s.text));
      const latest = await sessions.get(id);
      const previous = readCorrections(latest.corrections);
      const worksheet = previous.ok ? (previous.corrections?.worksheet ?? {}) : {};
      const corrections: Corrections = {
        ...emptyCorrections(transcriptBasis(flattenWords(transcript))),
        worksheet,
        ...(incident ? { incident: true as const } : {}),
      };
      const updatedAt = this.now().toISOString();
      await sessions.save({ ...latest, transcript, analysis, corrections, ...sentenceVectors, updatedAt });
      return { updatedAt };
    } finally {
      this.running.delete(id);
    }
  }

  /** The stored vectors of `texts`, as a document field (none when there is no encoder). */
  private async vectorsOf(texts: readonly string[]): Promise<Pick<SessionDocument, 'sentenceVectors'>> {
    const encode = this.analyzer.encode;
    return encode ? { sentenceVectors: await encode(texts) } : {};
  }

  cancelRetranscribe(id: string): boolean {
    const controller = this.running.get(id);
    controller?.abort();
    return controller !== undefined;
  }
}
