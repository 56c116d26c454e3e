/**
 * Accuracy floors on the labelled dev corpus (read from ../shared/corpus/dev, never copied in).
 * The floors sit below what `npm run eval` measures so the test fails on real regressions only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../../src/core/analysis/analyze';
import { AnalysisSchema } from '../../../../src/core/analysis/schema';
import { transcriptFromText } from '../../../../src/core/transcript/from-text';

const corpusDir = fileURLToPath(new URL('../../../../../shared/corpus/dev', import.meta.url));
const ownDir = fileURLToPath(new URL('../../../fixtures/stories', import.meta.url));

interface Story {
  id: string;
  sentences: Array<{ text: string; layer: string }>;
  expected: { tier: string; rubric: Record<string, string>; constraints: Record<string, boolean> };
}

function load(dir: string): Story[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Story);
}

function score(stories: Story[]) {
  let correct = 0;
  let total = 0;
  let tier = 0;
  let rubricExact = 0;
  let rubricFar = 0;
  for (const story of stories) {
    // One sentence per paragraph keeps the sentence alignment exact for this check.
    const a = analyzeTranscript(transcriptFromText(story.sentences.map((s) => s.text).join('\n\n')));
    AnalysisSchema.parse(a);
    expect(a.sentences).toHaveLength(story.sentences.length);
    story.sentences.forEach((g, i) => {
      total++;
      if (a.sentences[i]?.layer === g.layer) correct++;
    });
    if (a.tier === story.expected.tier) tier++;
    const levels = ['weak', 'passing', 'strong', 'staff_bar'];
    for (const [d, want] of Object.entries(story.expected.rubric)) {
      const got = a.rubric?.[d as keyof NonNullable<typeof a.rubric>].level ?? 'not graded';
      if (got === want) rubricExact++;
      if (Math.abs(levels.indexOf(got) - levels.indexOf(want)) > 1) rubricFar++;
    }
  }
  return { accuracy: correct / total, tier, rubricExact: rubricExact / (stories.length * 4), rubricFar };
}

describe.skipIf(!existsSync(corpusDir))('dev corpus', () => {
  it('meets the accuracy targets', () => {
    const stories = load(corpusDir);
    expect(stories.length).toBe(16);
    const r = score(stories);
    expect(r.accuracy).toBeGreaterThanOrEqual(0.92);
    expect(r.tier).toBeGreaterThanOrEqual(14);
    expect(r.rubricExact).toBeGreaterThanOrEqual(0.75);
    expect(r.rubricFar).toBe(0);
  });
});

describe('own differently-styled stories (tests/fixtures/stories)', () => {
  it('meets the same targets', () => {
    const stories = load(ownDir);
    expect(stories.length).toBeGreaterThanOrEqual(5);
    const r = score(stories);
    expect(r.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(r.tier).toBeGreaterThanOrEqual(stories.length - 1);
    expect(r.rubricFar).toBe(0);
  });
});
