import { z } from 'zod';

/**
 * The on-disk session document (`<dataDir>/sessions/<id>/session.json`). Versioned so that a
 * later app can migrate older files; readers reject versions they do not know instead of guessing.
 */
export const SESSION_SCHEMA_VERSION = 1;

const sessionKind = z.enum(['recorded', 'typed', 'imported']);
/**
 * recording: audio is being captured; interrupted: a recording cut by a crash, repaired at start-up
 * and waiting to be analysed; draft: audio (or text) kept without analysis (cancelled, or processing
 * was cancelled or failed and can be retried); processing; ready; failed.
 */
const sessionStatus = z.enum(['recording', 'interrupted', 'draft', 'processing', 'ready', 'failed']);

const sessionAudio = z.object({
  /** File name inside the session folder. */
  file: z.string(),
  sampleRate: z.number().int().positive(),
  durationSec: z.number().nonnegative(),
});

/** How a recorded take ended and what crash recovery did (practice feature). */
const sessionRecording = z.object({
  endedBy: z.enum(['user', 'hard_cap', 'device_lost', 'disk_full', 'cancelled', 'backend_restart']).optional(),
  /** Set when an interrupted recording was repaired at start-up. */
  recoveredAt: z.string().optional(),
  recoveredSec: z.number().nonnegative().optional(),
  /** Seconds that sounded like speech (energy-based), measured while recording. */
  voicedSec: z.number().nonnegative().optional(),
  livePacing: z.boolean().optional(),
});

/** The text of a typed answer and how long writing it took. */
const sessionTypedAnswer = z.object({
  text: z.string(),
  writingSec: z.number().nonnegative(),
  timeLimitSec: z.number().positive(),
});

const sessionImport = z.object({
  fileName: z.string(),
  /** Container/codec the decoder found, e.g. "wav", "mp3", "flac". */
  format: z.string(),
});

export const sessionDocument = z.object({
  schemaVersion: z.literal(SESSION_SCHEMA_VERSION),
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  kind: sessionKind,
  status: sessionStatus,
  question: z.string(),
  /** The incident a user rehearses many times; sessions are grouped by it. */
  story: z.string(),
  title: z.string().optional(),
  /** The stored story (stories.json) the take belongs to, when chosen from the list. */
  storyId: z.string().optional(),
  /** Question-bank id when the question came from the bank. */
  questionId: z.string().optional(),
  /** Chosen answer length in seconds. */
  targetSec: z.number().positive(),
  audio: sessionAudio.optional(),
  recording: sessionRecording.optional(),
  typedAnswer: sessionTypedAnswer.optional(),
  importedFrom: sessionImport.optional(),
  /** Free-form, owned by later features (transcript, analysis, corrections); validated by them. */
  transcript: z.unknown().optional(),
  analysis: z.unknown().optional(),
  corrections: z.unknown().optional(),
  /**
   * What the sentence encoder made of the transcript's sentences (as recognised and as
   * corrected), by sentence text: every view that re-analyses the take reads them, so it labels
   * exactly as the back end did without running the encoder itself.
   */
  sentenceVectors: z.record(z.string(), z.string()).optional(),
  error: z.string().optional(),
});
export type SessionDocument = z.infer<typeof sessionDocument>;

export const sessionSummary = z.object({
  id: z.string(),
  createdAt: z.string(),
  kind: sessionKind,
  status: sessionStatus,
  question: z.string(),
  story: z.string(),
  title: z.string().optional(),
  targetSec: z.number(),
  durationSec: z.number().nullable(),
});
export type SessionSummary = z.infer<typeof sessionSummary>;

export function summarize(doc: SessionDocument): SessionSummary {
  return {
    id: doc.id,
    createdAt: doc.createdAt,
    kind: doc.kind,
    status: doc.status,
    question: doc.question,
    story: doc.story,
    ...(doc.title === undefined ? {} : { title: doc.title }),
    targetSec: doc.targetSec,
    durationSec: doc.audio?.durationSec ?? null,
  };
}

/** What every take is about, whichever way it was made (the contract's `takeSetup`). */
type TakeHeading = Pick<SessionDocument, 'question' | 'questionId' | 'story' | 'storyId' | 'targetSec'>;

/**
 * The fields every new take starts with; the caller adds what its kind holds (audio, typed text,
 * where it was imported from). Empty ids are left out rather than stored.
 */
export function newSessionDocument(
  id: string,
  at: Date,
  kind: SessionDocument['kind'],
  status: SessionDocument['status'],
  setup: TakeHeading,
): SessionDocument {
  return {
    schemaVersion: SESSION_SCHEMA_VERSION,
    id,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    kind,
    status,
    question: setup.question,
    ...(setup.questionId ? { questionId: setup.questionId } : {}),
    story: setup.story,
    ...(setup.storyId ? { storyId: setup.storyId } : {}),
    targetSec: setup.targetSec,
  };
}
