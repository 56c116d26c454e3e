/**
 * The user's corrections to one session: sentence boundaries, edited sentence text, layers set
 * by hand, and worksheet items ticked by hand. Stored in the session document's `corrections`
 * field and validated on read (a damaged field is reported and ignored, never fatal).
 *
 * Sentences are identified by the range of *original* transcript words they cover, so the
 * corrections stay valid whatever the engine's own segmentation does in a later version.
 */
import { z } from 'zod';
import { LAYERS } from '../analysis/layers';

const CORRECTIONS_VERSION = 1 as const;

const LayerSchema = z.enum(LAYERS);

const SentenceOverrideSchema = z
  .object({
    /** The sentence's text as the user fixed it (replaces the recognised words). */
    text: z.string().trim().min(1).max(5000).optional(),
    /** The layer the user chose (the engine keeps it fixed and decodes the rest around it). */
    layer: LayerSchema.optional(),
  })
  .strict();
export type SentenceOverride = z.infer<typeof SentenceOverrideSchema>;

export const CorrectionsSchema = z
  .object({
    version: z.literal(CORRECTIONS_VERSION),
    /** Fingerprint of the transcript the corrections were made on (see `transcriptBasis`). */
    basis: z.string().max(200),
    /**
     * Index (in the original flattened words) of the first word of every sentence, ascending,
     * starting at 0. Pinned at the first correction so later engine versions cannot shift it.
     * Null while the engine's own segmentation is used.
     */
    starts: z.array(z.number().int().nonnegative()).max(100_000).nullable(),
    /** Per sentence, keyed by the index of its first original word. */
    sentences: z.record(z.string().regex(/^\d+$/), SentenceOverrideSchema),
    /** Worksheet items ticked (true) or unticked (false) by hand, by item id. */
    worksheet: z.record(z.string().max(200), z.boolean()),
    /**
     * The user says the answer is an incident story: it is graded even where the check reads it
     * as not one. Not a transcript correction: it holds whatever the transcript.
     */
    incident: z.literal(true).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const starts = value.starts;
    if (starts === null) return;
    if (starts[0] !== 0) ctx.addIssue({ code: 'custom', message: 'The first sentence must start at word 0.' });
    for (let i = 1; i < starts.length; i++) {
      if ((starts[i] ?? 0) <= (starts[i - 1] ?? 0)) {
        ctx.addIssue({ code: 'custom', message: 'Sentence starts must be strictly ascending.' });
        return;
      }
    }
  });

export type Corrections = z.infer<typeof CorrectionsSchema>;

export function emptyCorrections(basis: string): Corrections {
  return { version: CORRECTIONS_VERSION, basis, starts: null, sentences: {}, worksheet: {} };
}

/** True when the transcript-level corrections (not worksheet ticks) change anything. */
export function hasTranscriptCorrections(corrections: Corrections | null | undefined): boolean {
  if (!corrections) return false;
  return corrections.starts !== null || Object.keys(corrections.sentences).length > 0;
}

export type CorrectionsReadResult = { ok: true; corrections: Corrections | null } | { ok: false; reason: string };

/** Reads the stored field; `undefined`/`null` means "no corrections yet". */
export function readCorrections(value: unknown): CorrectionsReadResult {
  if (value === undefined || value === null) return { ok: true, corrections: null };
  const parsed = CorrectionsSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue?.path.join('.') || 'corrections'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, corrections: parsed.data };
}
