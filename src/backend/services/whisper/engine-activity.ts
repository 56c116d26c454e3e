import type { Transcriber } from '../recording/transcriber-port';
import type { RetranscribePort } from '../results/results-service';

/**
 * Counts transcription work in flight (live streams, file jobs, re-runs), so background work
 * such as the model bench can wait for the engine to be idle and stand aside when it is not.
 */
export class EngineActivity {
  private inFlight = 0;
  private readonly listeners = new Set<(busy: boolean) => void>();

  get busy(): boolean {
    return this.inFlight > 0;
  }

  onChange(listener: (busy: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Marks one piece of work as started; the returned function ends it (idempotent). */
  begin(): () => void {
    this.inFlight += 1;
    if (this.inFlight === 1) this.notify(true);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight -= 1;
      if (this.inFlight === 0) this.notify(false);
    };
  }

  /** Runs `job` as one piece of work. */
  async around<T>(job: () => Promise<T>): Promise<T> {
    const end = this.begin();
    try {
      return await job();
    } finally {
      end();
    }
  }

  private notify(busy: boolean): void {
    for (const l of this.listeners) l(busy);
  }
}

/** The same transcriber, with every stream and file job counted as engine work. */
export function trackTranscriber(transcriber: Transcriber, activity: EngineActivity): Transcriber {
  return {
    ...(transcriber.prepare
      ? {
          prepare: async () => {
            await transcriber.prepare?.();
          },
        }
      : {}),
    openStream: (options) => {
      const stream = transcriber.openStream(options);
      const end = activity.begin();
      return {
        push: (samples) => stream.push(samples),
        cancel: () => {
          end();
          stream.cancel();
        },
        finish: (job) => stream.finish(job).finally(end),
      };
    },
    transcribeFile: (file, job) => activity.around(() => transcriber.transcribeFile(file, job)),
  };
}

/** Re-transcription with another model is engine work too. */
export function trackRetranscriber(port: RetranscribePort, activity: EngineActivity): RetranscribePort {
  return {
    models: () => port.models(),
    transcribeFile: (file, options) => activity.around(() => port.transcribeFile(file, options)),
  };
}
