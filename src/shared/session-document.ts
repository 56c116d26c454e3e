import { z } from 'zod';

/**
 * The on-disk session document (`<dataDir>/sessions/<id>/session.json`). Versioned so that a
 * later app can migrate older files; readers reject versions they do not know instead of guessing.
 */
export const SESSION_SCHEMA_VERSION = 1;

export const sessionKind = z.enum(['recorded', 'typed', 'imported']);
export const sessionStatus = z.enum(['recording', 'interrupted', 'processing', 'ready', 'failed']);

export const sessionAudio = z.object({
  /** File name inside the session folder. */
  file: z.string(),
  sampleRate: z.number().int().positive(),
  durationSec: z.number().nonnegative(),
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
  /** Chosen answer length in seconds. */
  targetSec: z.number().positive(),
  audio: sessionAudio.optional(),
  /** Free-form, owned by later features (transcript, analysis, corrections); validated by them. */
  transcript: z.unknown().optional(),
  analysis: z.unknown().optional(),
  corrections: z.unknown().optional(),
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
