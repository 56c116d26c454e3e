import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../../src/core/analysis/analyze';
import { transcriptFromText } from '../../../../src/core/transcript/from-text';
import { analyzeEncoded } from '../../../../src/backend/services/analysis/analyze-encoded';
import { createSentenceEncoder } from '../../../../src/backend/services/analysis/sentence-encoder';

/**
 * The seven example answers of the lesson (../shared/reference, read in place, never copied),
 * typed, must get the tier the lesson gives them. The lesson calls its walked-through answer and
 * its closing rewrite "Staff" in contrast to Senior; both also apply the layer-5 lesson in three
 * named places, which is the lesson's own L7 pattern, so the rubric's tier for them is L7.
 */
const LESSON = fileURLToPath(new URL('../../../../../shared/reference/4-layer-postmortem-lesson.txt', import.meta.url));

function between(line: string, start: string, end: string): string {
  const from = line.indexOf(start);
  const to = line.indexOf(end, from + start.length);
  if (from < 0 || to < 0) throw new Error(`lesson text changed: "${start}" not found`);
  return line.slice(from + start.length, to);
}

function examples(): Array<[string, string, 'senior' | 'staff' | 'l7']> {
  const lines = readFileSync(LESSON, 'utf8').split('\n');
  const line = (prefix: string) => {
    const found = lines.find((l) => l.startsWith(prefix));
    if (!found) throw new Error(`lesson text changed: no line starts with "${prefix}"`);
    return found;
  };
  const frame = line('Senior story:');
  const q3 = lines.filter((l) => l.startsWith('Q3 last year'));
  const rewrite = line('On either story:');
  return [
    ['the one-line Senior story', between(frame, "Senior story: '", "' Staff story"), 'senior'],
    [
      'the Staff story that walks the layers',
      frame.slice(frame.indexOf("explicitly: '") + 13, frame.lastIndexOf("'")),
      'l7',
    ],
    ['the weak answer', line('We had a model in production'), 'senior'],
    ['the answer that ends on more monitoring', line('Our fraud-scoring model'), 'senior'],
    ['the Staff answer', q3[0] ?? '', 'staff'],
    ['the L7 answer', q3[1] ?? '', 'l7'],
    ['the closing rewrite', rewrite.slice(rewrite.indexOf("'") + 1, rewrite.lastIndexOf("'")), 'l7'],
  ];
}

const encoder = createSentenceEncoder();

describe("the lesson's example answers", () => {
  it.each(examples())(
    '%s gets its tier, as `coach analyze` reads it (with sentence vectors)',
    async (_name, text, tier) => {
      expect(text.length).toBeGreaterThan(50);
      const a = await analyzeEncoded(encoder, transcriptFromText(text));
      expect(a.gradable).toBe(true);
      expect(a.tier).toBe(tier);
    },
    60_000,
  );

  it.each(examples())('%s gets its tier without them (a view that has no vectors)', (_name, text, tier) => {
    const a = analyzeTranscript(transcriptFromText(text));
    expect(a.gradable).toBe(true);
    expect(a.tier).toBe(tier);
  });
});
