/**
 * How sure the engine may say it is of a label. Its models each give every layer a
 * log-probability and the decoder adds them up, so the posteriors it computes from the sum are
 * far surer than its labels are right on real text. They are computed instead from the story's
 * scores divided by a temperature, fitted by `npm run train` to the real stories' labels given by
 * engines that never saw them. Dividing every score by one number leaves every label as it was.
 */
import { z } from 'zod';
import { modelFileHeader } from './model-file';

/**
 * Below this posterior a label is a guess: the evidence says so and the transcript marks it for
 * checking (on the real sets, held out, about four in ten such labels were wrong: each set's
 * `after.unsure` in calibration.json counts them).
 */
export const LOW_CONFIDENCE = 0.6;

/** A label the coach may have wrong: a guess the user has not set by hand. */
export function isUnsure(confidence: number, setByHand: boolean): boolean {
  return !setByHand && confidence < LOW_CONFIDENCE;
}

/** How well stated confidence matched the labels on one real set, at one temperature. */
const FitSchema = z.object({
  /** Mean of −ln(probability of the right layer). */
  logLoss: z.number().nonnegative(),
  /** Expected calibration error: |accuracy − mean confidence| over ten bins, weighted by size. */
  calibrationError: z.number().min(0).max(1),
  meanConfidence: z.number().min(0).max(1),
  accuracy: z.number().min(0).max(1),
  /** Labels below LOW_CONFIDENCE (marked unsure), how many of them were wrong, of how many wrong labels. */
  unsure: z.object({
    labels: z.number().int().nonnegative(),
    wrong: z.number().int().nonnegative(),
    of: z.number().int().nonnegative(),
  }),
});

export const CalibrationSchema = z.object({
  // The hash covers the training stories and options of the engine that was cross-validated.
  ...modelFileHeader('postmortem-coach/calibration'),
  version: z.literal(1),
  /** Scores are divided by this before the posteriors are computed (1: as they are). */
  temperature: z.number().min(1).max(20),
  folds: z.number().int().positive(),
  /** Per real set: the fit with the scores as they are, and with the temperature. */
  sets: z.record(z.string(), z.object({ sentences: z.number().int().positive(), before: FitSchema, after: FitSchema })),
});

export type Calibration = z.infer<typeof CalibrationSchema>;
export type CalibrationFit = z.infer<typeof FitSchema>;
