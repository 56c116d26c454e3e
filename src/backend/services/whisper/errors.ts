import { CoachError } from '../../../shared/coach-error';

/** The worker process died (native crash, killed, out of memory) while doing this job. */
export class EngineCrashedError extends CoachError {
  constructor(
    readonly detail: string,
    readonly willRestart: boolean,
  ) {
    super(
      'engine_crashed',
      `The speech engine stopped unexpectedly (${detail}). ${willRestart ? 'It has been restarted and your audio is kept: try again.' : 'It crashed repeatedly and was not restarted; your audio is kept.'}`,
    );
    this.name = 'EngineCrashedError';
  }
}

export class TranscriptionCancelledError extends CoachError {
  constructor() {
    super('cancelled', 'Transcription cancelled.');
    this.name = 'TranscriptionCancelledError';
  }
}

/** The model (or VAD model) could not be loaded: missing, corrupt, wrong format. */
export class ModelLoadError extends CoachError {
  constructor(message: string) {
    super('model_invalid', message);
    this.name = 'ModelLoadError';
  }
}
