import { z } from 'zod';
import { MAX_ANSWER_SECONDS, MIN_ANSWER_SECONDS } from '../../core/analysis/budget';
import { MAX_CHUNK_BYTES } from '../../core/practice/recording-limits';
import { sessionSummary } from '../session-document';
import { sessionId } from './sessions';

/** 16-bit little-endian mono PCM at 16 kHz, at most 250 ms. */
const pcmChunk = z
  .instanceof(Uint8Array, { message: 'pcm must be bytes (16-bit little-endian PCM).' })
  .refine((b) => b.length <= MAX_CHUNK_BYTES, `A chunk holds at most ${MAX_CHUNK_BYTES} bytes (250 ms at 16 kHz).`)
  .refine((b) => b.length % 2 === 0, 'A chunk must hold whole 16-bit samples (an even number of bytes).');

/** What a take is about: shared by recordings, typed answers and imports. */
export const takeSetup = z.object({
  question: z.string().trim().min(1, 'Choose or write a question.').max(300),
  questionId: z.string().max(64).optional(),
  story: z.string().trim().min(1, 'Choose or create the story this take belongs to.').max(80),
  storyId: z.string().max(64).optional(),
  targetSec: z
    .number()
    .int()
    .min(MIN_ANSWER_SECONDS, `The answer length must be at least ${MIN_ANSWER_SECONDS} s.`)
    .max(MAX_ANSWER_SECONDS, `The answer length must be at most ${MAX_ANSWER_SECONDS / 60} min.`),
});
export type TakeSetup = z.infer<typeof takeSetup>;

const recordingEndedBy = z.enum(['user', 'hard_cap', 'device_lost']);

const stopResult = z.object({
  session: sessionSummary,
  durationSec: z.number().nonnegative(),
  voicedSec: z.number().nonnegative(),
  /** Nothing that sounds like speech: analysis would be meaningless. */
  noSpeech: z.boolean(),
  /** For the user when something is off (no speech, stopped by the cap). */
  message: z.string().nullable(),
});
export type StopResult = z.infer<typeof stopResult>;

const interruptedRecording = z.object({
  session: sessionSummary,
  recoveredSec: z.number().nonnegative(),
  recoveredAt: z.string(),
});
export type InterruptedRecording = z.infer<typeof interruptedRecording>;

export const recordingChannels = {
  'recording.start': {
    input: takeSetup.extend({ livePacing: z.boolean().default(false) }).strict(),
    output: z.object({
      sessionId: z.string(),
      sampleRate: z.number().int(),
      maxChunkSamples: z.number().int(),
      hardCapSec: z.number(),
      /** False when no transcription model is available: audio is still recorded. */
      streaming: z.boolean(),
    }),
  },
  'recording.chunk': {
    input: z
      .object({
        sessionId,
        /** Position of the chunk's first sample in the take; lets the back end drop resent audio. */
        offsetSamples: z.number().int().nonnegative(),
        pcm: pcmChunk,
      })
      .strict(),
    output: z.object({
      /** Samples safely on disk (header updated and synced): the acknowledged length. */
      writtenSamples: z.number().int().nonnegative(),
      capReached: z.boolean(),
    }),
  },
  'recording.stop': {
    input: z.object({ sessionId, endedBy: recordingEndedBy.default('user') }).strict(),
    output: stopResult,
  },
  'recording.cancel': {
    input: z.object({ sessionId, keep: z.boolean() }).strict(),
    output: z.object({ kept: z.boolean(), session: sessionSummary.nullable() }),
  },
  /** After the back end restarted mid-take: reopen the recovered file and keep appending. */
  'recording.resume': {
    input: z.object({ sessionId }).strict(),
    output: z.object({ writtenSamples: z.number().int().nonnegative(), hardCapSec: z.number() }),
  },
  /** Recordings cut by a crash, repaired at start-up and waiting to be analysed or discarded. */
  'recording.interrupted': {
    input: z.object({}).strict(),
    output: z.object({ recordings: z.array(interruptedRecording) }),
  },
};

/** What the UI sends to describe a take (before parsing). */
export type TakeSetupInput = z.input<typeof takeSetup>;
