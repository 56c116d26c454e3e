import { z } from 'zod';
import { CorrectionsSchema } from '../../core/corrections/model';
import { AnalysisDigestSchema } from '../../core/history/digest';
import { sessionDocument } from '../session-document';
import { sessionId } from './sessions';

/** A speech model a take can be transcribed again with, by the name it has everywhere. */
const SpeechModelChoiceSchema = z.object({ id: z.string(), installed: z.boolean() });
export type SpeechModelChoice = z.infer<typeof SpeechModelChoiceSchema>;

export const MAX_AUDIO_CHUNK_BYTES = 4 * 1024 * 1024;

const byId = z.object({ id: sessionId }).strict();

const audioDescription = z.object({
  mime: z.string(),
  bytes: z.number().int().nonnegative(),
  durationSec: z.number().nonnegative(),
  /** Max amplitude per bucket across the recording (drawn as the waveform), or null. */
  peaks: z.array(z.number().min(0).max(1)).nullable(),
});
export type AudioDescription = z.infer<typeof audioDescription>;

export const resultsChannels = {
  /** The whole session document; the renderer validates transcript, analysis and corrections. */
  'results.get': { input: byId, output: z.object({ session: sessionDocument }) },
  /** Size, duration and waveform peaks of the recording (no bytes). */
  'results.audio': { input: byId, output: audioDescription },
  /** A slice of the recording's bytes; the renderer assembles them into a Blob URL. */
  'results.audioChunk': {
    input: z
      .object({
        id: sessionId,
        offset: z.number().int().nonnegative(),
        length: z.number().int().positive().max(MAX_AUDIO_CHUNK_BYTES),
      })
      .strict(),
    output: z.object({ bytes: z.instanceof(Uint8Array), total: z.number().int().nonnegative() }),
  },
  /**
   * Stores the user's corrections (sentence boundaries, edited text, layers set by hand,
   * worksheet ticks). The back end re-runs the analysis with them from the stored transcript
   * (the renderer has already shown the same result) and saves both.
   */
  'results.saveCorrections': {
    input: z.object({ id: sessionId, corrections: CorrectionsSchema }).strict(),
    output: z.object({ updatedAt: z.string(), digest: AnalysisDigestSchema }),
  },
  /** Speech models a take can be transcribed again with (empty when none is installed). */
  'results.models': {
    input: z.object({}).strict(),
    output: z.object({ models: z.array(SpeechModelChoiceSchema) }),
  },
  /** Transcribes the take's recording again with another model; the audio is kept as it is. */
  'results.retranscribe': {
    input: z.object({ id: sessionId, model: z.string().min(1).max(100) }).strict(),
    output: z.object({ updatedAt: z.string() }),
  },
  'results.cancelRetranscribe': { input: byId, output: z.object({ cancelled: z.boolean() }) },
};
