import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../bench/corpus';
import { CvReportSchema, readCvReport } from '../../../bench/layer-model/cv-report';
import { place } from '../../../bench/layer-model/wrong-diff';

const report = readCvReport();
const SHARED = path.resolve(process.cwd(), '..', 'shared', 'corpus');

describe('the cross-validation report', () => {
  it('is there, and in the shape every reader of it expects', () => {
    expect(report).not.toBeNull();
  });

  it('names each held-out sentence it got wrong, as many as its accuracy says, with the gold label', () => {
    for (const [set, figures] of Object.entries(report?.sets ?? {})) {
      const stories = new Map(loadCorpus(path.join(SHARED, set)).map((s) => [s.id, s]));
      const wrong = figures.wrong;
      expect(wrong.length).toBe(Math.round(figures.sentences * (1 - figures.accuracy)));
      expect(new Set(wrong.map(place)).size).toBe(wrong.length);
      for (const w of wrong) {
        expect(w.read).not.toBe(w.label);
        expect(stories.get(w.story)?.sentences[w.sentence]?.layer).toBe(w.label);
      }
    }
  });
});

describe('the report schema', () => {
  it('refuses a report whose error list names a layer the engine does not have', () => {
    const good = report;
    const [name, figures] = Object.entries(good?.sets ?? {})[0] ?? [];
    expect(name && figures).toBeTruthy();
    const bad = {
      ...good,
      sets: { [name ?? '']: { ...figures, wrong: [{ story: 'x', sentence: 0, label: 'timeline', read: 'other' }] } },
    };
    expect(CvReportSchema.safeParse(bad).success).toBe(false);
    expect(CvReportSchema.safeParse(good).success).toBe(true);
  });
});
