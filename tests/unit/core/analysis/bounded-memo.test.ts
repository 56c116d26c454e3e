import { describe, expect, it } from 'vitest';
import { keepBounded } from '../../../../src/core/analysis/bounded-memo';

describe('bounded memo', () => {
  it('drops the entry stored longest ago once full, and never grows past its bound', () => {
    const map = new Map<string, number>();
    for (let i = 0; i < 10; i++) keepBounded(map, `k${i}`, i, 3);
    expect([...map.keys()]).toEqual(['k7', 'k8', 'k9']);
  });

  it('storing a key it holds again replaces its value and drops nothing', () => {
    const map = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    keepBounded(map, 'a', 10, 2);
    expect([...map.entries()]).toEqual([
      ['a', 10],
      ['b', 2],
    ]);
  });
});
