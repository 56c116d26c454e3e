import { describe, expect, it } from 'vitest';
import { cosine } from './helpers';
import { SHIPPED_WORD_VECTORS } from '../../../../src/core/analysis/shipped-word-vectors';
import {
  meaningFeatures,
  readWordVectors,
  sentenceMeaning,
  WordVectorsSchema,
} from '../../../../src/core/analysis/word-vectors';
import { contextFeatures } from '../../../../src/core/analysis/classify';

function file(words: string[], rows: number[][]) {
  const bytes = Int8Array.from(rows.flat());
  return {
    format: 'postmortem-coach/word-vectors' as const,
    version: 1 as const,
    source: 'test',
    dimensions: rows[0]?.length ?? 0,
    scale: 0.5,
    words,
    vectors: Buffer.from(bytes.buffer).toString('base64'),
  };
}

describe('word vectors', () => {
  it('reads signed bytes back per word, scaled', () => {
    const v = readWordVectors(
      WordVectorsSchema.parse(
        file(
          ['paged', 'sorry'],
          [
            [3, -4],
            [-128, 127],
          ],
        ),
      ),
    );
    expect([...(v.row('paged') ?? [])]).toEqual([3, -4]);
    expect([...(v.row('sorry') ?? [])]).toEqual([-128, 127]);
    expect(v.row('unknown')).toBeUndefined();
  });

  it('refuses a file whose data does not hold one row per word', () => {
    const bad = {
      ...file(
        ['paged', 'sorry'],
        [
          [3, -4],
          [1, 2],
        ],
      ),
      words: ['paged', 'sorry', 'extra'],
    };
    expect(WordVectorsSchema.safeParse(bad).success).toBe(false);
    expect(WordVectorsSchema.safeParse({ ...bad, format: 'other' }).success).toBe(false);
  });

  it('reads a sentence as the unit mean and the largest value of its content words', () => {
    const v = readWordVectors(
      WordVectorsSchema.parse(
        file(
          ['paged', 'oncall'],
          [
            [4, 0],
            [0, 8],
          ],
        ),
      ),
    );
    const f = Object.fromEntries(meaningFeatures(sentenceMeaning('the alert paged the oncall', v)));
    // mean (2, 4) × 0.5 → unit (0.447, 0.894); max per dimension (2, 4) / 4.
    expect(f['vec:0']).toBeCloseTo(1 / Math.sqrt(5), 5);
    expect(f['vec:1']).toBeCloseTo(2 / Math.sqrt(5), 5);
    expect(f['max:0']).toBeCloseTo(0.5, 5);
    expect(f['max:1']).toBeCloseTo(1, 5);
    expect(sentenceMeaning('nothing known here', v)).toBeNull();
    expect(meaningFeatures(null, 'prev:')).toEqual([['prev:vec:none', 1]]);
  });

  it('ships vectors in which words of one kind sit together', () => {
    const row = (w: string) => SHIPPED_WORD_VECTORS.row(w) ?? new Int8Array(SHIPPED_WORD_VECTORS.dimensions);
    expect(SHIPPED_WORD_VECTORS.dimensions).toBe(100);
    expect(cosine(row('emailed'), row('phoned'))).toBeGreaterThan(cosine(row('emailed'), row('rollback')));
    expect(cosine(row('outage'), row('downtime'))).toBeGreaterThan(cosine(row('outage'), row('apologize')));
    expect(cosine(row('sorry'), row('apologize'))).toBeGreaterThan(cosine(row('sorry'), row('database')));
  });

  it('gives every sentence its meaning and its neighbours’ to the layer model', () => {
    const [first, second] = contextFeatures(['The pager went off at 2 a.m.', 'We rolled back the release.']);
    const names = (fs: readonly (readonly [string, number])[] | undefined) => new Set((fs ?? []).map(([n]) => n));
    expect(names(first)).toContain('vec:0');
    expect(names(first)).toContain('next:max:99');
    expect(names(first)).not.toContain('prev:vec:0');
    expect(names(second)).toContain('prev:vec:0');
  });
});
