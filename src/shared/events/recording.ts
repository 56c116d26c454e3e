import { z } from 'zod';
import { LayerSchema } from '../../core/analysis/schema';

export const recordingEvents = {
  /** Live pacing while recording (only when the user turned it on): from the streaming transcript. */
  'recording.pacing': z.object({
    sessionId: z.string(),
    /** The layer the engine thinks the speaker is in now, or null before the first sentence. */
    currentLayer: LayerSchema.nullable(),
    /** Seconds spent per layer so far (speaking time). */
    secondsPerLayer: z.record(z.string(), z.number().nonnegative()),
    /** How far into the take the transcript reaches. */
    transcribedSec: z.number().nonnegative(),
  }),
  /** Progress of the processing step after a take (remaining transcription, then analysis). */
  'analysis.progress': z.object({
    sessionId: z.string(),
    stage: z.enum(['transcribing', 'analyzing', 'saving']),
    /** 0..1 over the whole processing step. */
    fraction: z.number().min(0).max(1),
    detail: z.string(),
  }),
};

/** What processing is doing, as a take shows it. */
export type ProcessingProgress = Omit<z.infer<(typeof recordingEvents)['analysis.progress']>, 'sessionId'>;
