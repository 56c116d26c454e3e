/**
 * The shape of bench/layer-model/cv-report.json: what the last `npm run train` measured on the
 * real sets with every story held out. The writer (train.ts) and every reader (eval, screen, the
 * tests that hold the shipped calibration and the error list to it) go through this one schema.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LAYERS } from '../../src/core/analysis/layers';

const Layer = z.enum(LAYERS);

/** A held-out sentence the engine labelled wrong, named by its story and place. */
export const WrongLabelSchema = z.object({
  story: z.string(),
  /** The sentence's index in its story. */
  sentence: z.number().int().nonnegative(),
  label: Layer,
  read: Layer,
});
export type WrongLabel = z.infer<typeof WrongLabelSchema>;

const SetFiguresSchema = z.object({
  sentences: z.number().int().positive(),
  accuracy: z.number().min(0).max(1),
  /** Share of words whose layer was wrong. */
  timeError: z.number().min(0).max(1),
  /** Per gold layer; null where the set has no sentence of that layer. */
  recall: z.partialRecord(Layer, z.number().min(0).max(1).nullable()),
  /** "gold>read" → count. */
  confusion: z.record(z.string(), z.number().int().nonnegative()),
  /** Each held-out sentence labelled wrong, by story and index. */
  wrong: z.array(WrongLabelSchema),
});

export const CvReportSchema = z.object({
  /** The layer model's and story reader's training-data hash. */
  dataHash: z.string(),
  /** How many folds the real stories were split into (as many as stories: one held out at a time). */
  folds: z.number().int().positive(),
  stories: z.number().int().positive(),
  ruleScale: z.number(),
  sets: z.record(z.string(), SetFiguresSchema),
  meaningDataHash: z.string(),
  contextDataHash: z.string(),
});
export type CvReport = z.infer<typeof CvReportSchema>;

export const CV_REPORT_FILE = fileURLToPath(new URL('./cv-report.json', import.meta.url));

/** The last report, checked against the schema; null if no cross-validation has been written. */
export function readCvReport(file = CV_REPORT_FILE): CvReport | null {
  return existsSync(file) ? CvReportSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) : null;
}

export function writeCvReport(report: CvReport, file = CV_REPORT_FILE): void {
  writeFileSync(file, `${JSON.stringify(CvReportSchema.parse(report), null, 2)}\n`);
}
