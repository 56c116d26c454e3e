import { sentenceTexts } from '../../../core/analysis/analyze';
import type { Analysis } from '../../../core/analysis/types';
import { transcriptFromText } from '../../../core/transcript/from-text';
import type { Transcript } from '../../../core/transcript/types';
import { CoachError, isCoachError } from '../../../shared/coach-error';
import { summarize, type SessionDocument, type SessionSummary } from '../../../shared/session-document';
import type { Emit } from '../recording/recording-service';
import type { RecordingService } from '../recording/recording-service';
import type { Transcriber } from '../recording/transcriber-port';
import type { AnalyzeAsync, EncodeSentences } from '../analysis/off-loop-analyzer';
import type { SessionStore } from '../sessions/session-store';

export interface ProcessingResult {
  session: SessionSummary;
  analysis: Analysis;
}

export interface ProcessingServiceOptions {
  sessions: SessionStore;
  recording: RecordingService;
  transcriber: Transcriber;
  /** Long takes are analysed off the event loop, so this may answer later. */
  analyze: AnalyzeAsync;
  /** The sentence encoder, whose vectors are stored with the analysis (absent: none are stored). */
  encode?: EncodeSentences;
  now?: () => Date;
}

/** Share of the progress bar given to transcription (analysis is fast). */
const TRANSCRIBE_SHARE = 0.9;

export function hasSpeech(transcript: Transcript): boolean {
  return transcript.segments.some((s) => s.text.trim() !== '' || (s.words ?? []).some((w) => w.text.trim() !== ''));
}

/**
 * The processing step after a take: finish the transcription (the streaming tail, or the whole
 * file when nothing was streamed), run the coaching engine, store both in the session. Progress
 * goes out as `analysis.progress` events; `cancel` stops it and leaves the take as a draft.
 */
export class ProcessingService {
  private readonly running = new Map<string, AbortController>();
  private readonly now: () => Date;

  constructor(private readonly options: ProcessingServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async run(sessionId: string, emit: Emit): Promise<ProcessingResult> {
    const { sessions, recording } = this.options;
    if (this.running.has(sessionId)) throw new CoachError('conflict', 'This take is already being processed.');
    if (recording.isRecording(sessionId)) throw new CoachError('conflict', 'Stop the recording before analysing it.');
    const doc = await sessions.get(sessionId);
    const controller = new AbortController();
    this.running.set(sessionId, controller);
    const progress = (stage: 'transcribing' | 'analyzing' | 'saving', fraction: number, detail: string) =>
      emit('analysis.progress', { sessionId, stage, fraction: Math.min(1, Math.max(0, fraction)), detail });
    try {
      await this.setStatus(doc, 'processing');
      const transcript = await this.transcriptOf(doc, controller.signal, progress);
      if (controller.signal.aborted) throw cancelled();
      if (!hasSpeech(transcript)) {
        throw new CoachError(
          'no_speech',
          'No speech detected: the transcription found no words in this take. Record again closer to the microphone.',
        );
      }
      progress('analyzing', TRANSCRIBE_SHARE, 'Labelling sentences and grading against the rubric…');
      // Encoded once, here: the analysis reads the vectors it is given and encodes nothing again.
      const options = { lengthSeconds: doc.targetSec };
      const sentenceVectors = await this.options.encode?.(sentenceTexts(transcript, options));
      const analysis = await this.options.analyze(transcript, {
        ...options,
        ...(sentenceVectors ? { sentenceVectors } : {}),
      });
      if (controller.signal.aborted) throw cancelled();
      progress('saving', 0.97, 'Saving…');
      const latest = await sessions.get(sessionId);
      const next: SessionDocument = {
        ...latest,
        status: 'ready',
        updatedAt: this.now().toISOString(),
        transcript,
        analysis,
        ...(sentenceVectors ? { sentenceVectors } : {}),
      };
      delete next.error;
      await sessions.save(next);
      return { session: summarize(next), analysis };
    } catch (error) {
      // Whatever the engine threw when aborted, the user asked to cancel: say so.
      const reported = controller.signal.aborted ? cancelled() : error;
      await this.afterFailure(sessionId, reported);
      throw reported;
    } finally {
      this.running.delete(sessionId);
    }
  }

  cancel(sessionId: string): boolean {
    const controller = this.running.get(sessionId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  isRunning(sessionId: string): boolean {
    return this.running.has(sessionId);
  }

  private async transcriptOf(
    doc: SessionDocument,
    signal: AbortSignal,
    progress: (stage: 'transcribing', fraction: number, detail: string) => void,
  ): Promise<Transcript> {
    if (doc.kind === 'typed') {
      if (!doc.typedAnswer) throw new CoachError('invalid_input', 'This typed take has no text.');
      return transcriptFromText(doc.typedAnswer.text);
    }
    if (!doc.audio) throw new CoachError('not_found', 'This take has no audio to transcribe.');
    const onProgress = (f: number) =>
      progress('transcribing', f * TRANSCRIBE_SHARE, 'Transcribing the rest of your answer…');
    const stream = this.options.recording.takeStream(doc.id);
    progress('transcribing', 0, stream ? 'Transcribing the last words…' : 'Transcribing the recording…');
    const job = { onProgress, signal };
    const transcript = stream
      ? await stream.finish(job)
      : await this.options.transcriber.transcribeFile(await this.options.sessions.audioFileOf(doc), job);
    return { ...transcript, durationSec: transcript.durationSec ?? doc.audio.durationSec };
  }

  private async afterFailure(sessionId: string, error: unknown): Promise<void> {
    let doc: SessionDocument;
    try {
      doc = await this.options.sessions.get(sessionId);
    } catch {
      return;
    }
    // Cancelled or failed: the audio stays and the take can be processed again later.
    const noSpeech = isCoachError(error) && error.code === 'no_speech';
    const cancelledRun = isCoachError(error) && error.code === 'cancelled';
    const next: SessionDocument = {
      ...doc,
      status: noSpeech ? 'failed' : 'draft',
      updatedAt: this.now().toISOString(),
    };
    if (cancelledRun) delete next.error;
    else next.error = error instanceof Error ? error.message : String(error);
    await this.options.sessions.save(next).catch(() => {});
  }

  private async setStatus(doc: SessionDocument, status: SessionDocument['status']): Promise<void> {
    await this.options.sessions.save({ ...doc, status, updatedAt: this.now().toISOString() });
  }
}

function cancelled(): CoachError {
  return new CoachError(
    'cancelled',
    'Processing was cancelled. The take is kept as a draft; analyse it again from Sessions.',
  );
}
