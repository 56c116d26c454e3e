import { describe, expect, it } from 'vitest';
import { budgetForLength, nearestStandardLength, parseLength } from '../../../../src/core/analysis/budget';
import { LayerBudgetSchema } from '../../../../src/core/analysis/schema';

describe('budgetForLength', () => {
  for (const length of [60, 120, 180, 300, 600]) {
    it(`splits ${length} s the way the lesson asks`, () => {
      const b = budgetForLength(length);
      LayerBudgetSchema.parse(b);
      const total = Object.values(b.seconds).reduce((x, y) => x + y, 0);
      expect(total).toBe(length);
      expect(b.seconds.other).toBe(0);
      // Structural fix is the largest layer; mitigation is brief and never more than two sentences.
      for (const l of ['headline', 'detection', 'attribution', 'mitigation', 'system_learning'] as const) {
        expect(b.seconds.structural_fix).toBeGreaterThan(b.seconds[l]);
      }
      expect(b.seconds.mitigation).toBeLessThanOrEqual(20);
      expect(b.sentences.mitigation).toBeLessThanOrEqual(2);
      expect(b.seconds.system_learning).toBeGreaterThan(0);
    });
  }
  it('rejects lengths out of range', () => {
    expect(() => budgetForLength(5)).toThrow(RangeError);
    expect(() => budgetForLength(Number.NaN)).toThrow(RangeError);
    expect(() => budgetForLength(4000)).toThrow(RangeError);
  });
});

describe('parseLength', () => {
  it.each([
    ['60s', 60],
    ['90', 90],
    ['3m', 180],
    ['2:30', 150],
    ['1.5m', 90],
    ['2m30s', 150],
    ['5 min', 300],
  ])('%s → %d s', (text, seconds) => expect(parseLength(text)).toBe(seconds));
  it('explains what it cannot read', () => {
    expect(() => parseLength('soon')).toThrow(/use e\.g\./);
    expect(() => parseLength('2h')).toThrow(RangeError);
  });
  it('rounds an answer to the nearest standard length', () => {
    expect(nearestStandardLength(70)).toBe(60);
    expect(nearestStandardLength(170)).toBe(180);
    expect(nearestStandardLength(1000)).toBe(300);
  });
});
