import { z } from 'zod';
import { sessionSummary } from '../session-document';
import { takeSetup } from './recording';

const TYPED_MAX_CHARS = 20_000;

/** A written answer and how long writing it took, about the same things as any take. */
const typedAnswer = takeSetup
  .extend({
    text: z
      .string()
      .max(TYPED_MAX_CHARS, `Keep the answer under ${TYPED_MAX_CHARS} characters.`)
      .refine(
        (t) => t.trim().split(/\s+/).filter(Boolean).length >= 5,
        'Write at least a few sentences before submitting.',
      ),
    writingSec: z
      .number()
      .nonnegative()
      .max(24 * 3600),
    timeLimitSec: z
      .number()
      .int()
      .min(60)
      .max(4 * 3600),
  })
  .strict();
export type TypedAnswer = z.infer<typeof typedAnswer>;

export const typedChannels = {
  /** The lesson's written exercise: stores the text as a typed take (analyse it with analysis.run). */
  'typed.submit': {
    input: typedAnswer,
    output: z.object({ session: sessionSummary }),
  },
};
