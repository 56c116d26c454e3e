import { describe, expect, it } from 'vitest';
import { CalibrationSchema } from '../../../../src/core/analysis/calibration';
import {
  classifySentences,
  DEFAULT_CLASSIFIER_MODEL,
  SHIPPED_CALIBRATION,
} from '../../../../src/core/analysis/classify';
import { CONFIG_STORY } from './helpers';
import { readCvReport } from '../../../../bench/layer-model/cv-report';

const report = readCvReport();
if (!report) throw new Error('bench/layer-model/cv-report.json is missing: `npm run train` writes it.');

describe('the shipped calibration', () => {
  it('was fitted to the out-of-fold labels of the engine the cross-validation report describes', () => {
    expect(CalibrationSchema.parse(SHIPPED_CALIBRATION)).toBeTruthy();
    expect(SHIPPED_CALIBRATION.dataHash).toBe(report.dataHash);
    expect(SHIPPED_CALIBRATION.folds).toBe(report.folds);
    expect(Object.keys(SHIPPED_CALIBRATION.sets).sort()).toEqual(Object.keys(report.sets).sort());
    for (const [name, set] of Object.entries(SHIPPED_CALIBRATION.sets)) {
      const cv = report.sets[name];
      expect(set.sentences).toBe(cv?.sentences);
      // Tempering changes how sure a label is, never the label.
      expect(set.after.accuracy).toBeCloseTo(cv?.accuracy ?? -1, 9);
      expect(set.before.accuracy).toBeCloseTo(cv?.accuracy ?? -1, 9);
    }
  });

  it('makes the stated confidence closer to how often the labels were right on every real set', () => {
    for (const set of Object.values(SHIPPED_CALIBRATION.sets)) {
      expect(set.after.logLoss).toBeLessThan(set.before.logLoss);
      expect(set.after.calibrationError).toBeLessThan(set.before.calibrationError);
      expect(set.before.meanConfidence).toBeGreaterThan(set.before.accuracy);
    }
    expect(DEFAULT_CLASSIFIER_MODEL.temperature).toBe(SHIPPED_CALIBRATION.temperature);
  });

  it('marks more of the wrong labels unsure than of the right ones', () => {
    for (const set of Object.values(SHIPPED_CALIBRATION.sets)) {
      const { labels, wrong, of } = set.after.unsure;
      expect(of).toBe(Math.round(set.sentences * (1 - set.after.accuracy)));
      expect(wrong).toBeGreaterThan(set.before.unsure.wrong);
      // Share of the wrong labels caught against the share of every label marked.
      expect(wrong / of).toBeGreaterThan(labels / set.sentences);
    }
  });

  it('labels a story as the untempered engine does, less sure of itself', () => {
    const tempered = classifySentences(CONFIG_STORY);
    const plain = classifySentences(CONFIG_STORY, {}, { ...DEFAULT_CLASSIFIER_MODEL, temperature: 1 });
    expect(tempered.map((s) => s.layer)).toEqual(plain.map((s) => s.layer));
    const mean = (xs: { confidence: number }[]) => xs.reduce((a, s) => a + s.confidence, 0) / xs.length;
    expect(mean(tempered)).toBeLessThan(mean(plain));
  });
});
