import type { Transcript } from '../../../core/transcript/types';

/**
 * What the practice flow needs from the transcription engine, kept small so recording
 * and processing are built and tested independently of Whisper. `createBackend` adapts the real
 * engine to it; tests pass scripted ones.
 */
export interface TranscriptionJobOptions {
  /** 0..1 of this job's work. */
  onProgress(fraction: number): void;
  signal: AbortSignal;
}

export interface TranscriptionStream {
  /** 16 kHz mono 16-bit samples, in recording order. Never blocks the recorder. */
  push(samples: Int16Array): void;
  /** No more audio: transcribe what remains and return the transcript of the whole take. */
  finish(options: TranscriptionJobOptions): Promise<Transcript>;
  /** The take was discarded or the stream is no longer needed. */
  cancel(): void;
}

export interface Transcriber {
  /**
   * Optional quick check before a take (e.g. "is a model installed?"). Throwing means the take is
   * recorded without streaming and the UI says transcription needs a model.
   */
  prepare?(): Promise<void>;
  /**
   * Starts transcribing while the user speaks. `onPartial` receives the transcript so far as it
   * grows (finished utterances only). May throw a CoachError (e.g. no model installed): the
   * recording then goes on without streaming and is transcribed from the file afterwards.
   */
  openStream(options: { onPartial(transcript: Transcript): void }): TranscriptionStream;
  /** Batch transcription of a 16 kHz mono WAV written by the recorder or the importer. */
  transcribeFile(wavFile: string, options: TranscriptionJobOptions): Promise<Transcript>;
}
