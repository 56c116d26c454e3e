import { describe, expect, it } from 'vitest';
import type { WrongLabel } from '../../../bench/layer-model/cv-report';
import { wrongDiff } from '../../../bench/layer-model/wrong-diff';

const w = (story: string, sentence: number, label: WrongLabel['label'], read: WrongLabel['read']): WrongLabel => ({
  story,
  sentence,
  label,
  read,
});

describe('comparing two runs sentence by sentence', () => {
  it('tells fixed, lost and moved sentences apart by story and place', () => {
    const before = [
      w('a', 1, 'detection', 'attribution'),
      w('a', 4, 'mitigation', 'attribution'),
      w('b', 1, 'other', 'headline'),
    ];
    const now = [
      w('a', 4, 'mitigation', 'structural_fix'),
      w('b', 1, 'other', 'headline'),
      w('b', 2, 'headline', 'other'),
    ];
    const diff = wrongDiff(before, now);
    expect(diff.fixed).toEqual([before[0]]);
    expect(diff.lost).toEqual([now[2]]);
    expect(diff.moved).toEqual([{ before: before[1], now: now[0] }]);
  });

  it('does not mistake the same place in another story for the same sentence', () => {
    const diff = wrongDiff([w('a', 3, 'headline', 'other')], [w('b', 3, 'headline', 'other')]);
    expect(diff.fixed).toHaveLength(1);
    expect(diff.lost).toHaveLength(1);
    expect(diff.moved).toEqual([]);
  });
});
