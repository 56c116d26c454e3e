import { describe, expect, it } from 'vitest';
import { analyzeSentences } from './helpers';

describe('timeline', () => {
  const a = analyzeSentences([
    'We now block every deploy that changes a feature default, and the gate still runs today.',
    'The incident itself was a ranking model that buried new sellers for two days.',
    'A seller told support before any alert fired.',
    'We rolled back within the hour.',
  ]);

  it('reports seconds, shares, counts and first appearance per layer', () => {
    const total = Object.values(a.layers).reduce((n, l) => n + l.share, 0);
    expect(total).toBeCloseTo(1, 2);
    expect(a.layers.structural_fix.order).toBe(1);
    expect(a.layers.headline.order).toBe(2);
    expect(a.layers.structural_fix.sentences).toBe(1);
    expect(a.layers.mitigation.words).toBe(6);
    expect(a.layers.mitigation.firstStart).toBe(a.sentences[3]?.start);
  });

  it('finds missing and out-of-order layers and the mitigation/fix ratio', () => {
    expect(a.timeline.missing).toEqual(['attribution', 'system_learning']);
    expect(a.timeline.order).toEqual(['structural_fix', 'detection', 'mitigation']);
    expect(a.timeline.outOfOrder.map((o) => o.layer)).toEqual(['detection', 'mitigation']);
    const ratio = a.layers.mitigation.seconds / a.layers.structural_fix.seconds;
    expect(a.timeline.mitigationToStructuralFixRatio).toBeCloseTo(ratio, 1);
    expect(a.timeline.spans).toHaveLength(4);
  });
});
