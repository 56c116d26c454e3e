import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../bench/corpus';

const report = JSON.parse(
  readFileSync(new URL('../../../bench/layer-model/cv-report.json', import.meta.url), 'utf8'),
) as {
  sets: Record<
    string,
    {
      sentences: number;
      accuracy: number;
      wrong: { story: string; sentence: number; label: string; read: string }[];
    }
  >;
};
const SHARED = path.resolve(process.cwd(), '..', 'shared', 'corpus');

describe('the cross-validation report', () => {
  it('names each held-out sentence it got wrong, as many as its accuracy says, with the gold label', () => {
    for (const [set, figures] of Object.entries(report.sets)) {
      const stories = new Map(loadCorpus(path.join(SHARED, set)).map((s) => [s.id, s]));
      const wrong = figures.wrong;
      expect(wrong.length).toBe(Math.round(figures.sentences * (1 - figures.accuracy)));
      expect(new Set(wrong.map((w) => `${w.story}#${w.sentence}`)).size).toBe(wrong.length);
      for (const w of wrong) {
        expect(w.read).not.toBe(w.label);
        expect(stories.get(w.story)?.sentences[w.sentence]?.layer).toBe(w.label);
      }
    }
  });
});
