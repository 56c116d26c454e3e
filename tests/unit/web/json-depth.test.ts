import { describe, expect, it } from 'vitest';
import { jsonDepth, MAX_JSON_DEPTH } from '../../../src/shared/json-depth';

describe('jsonDepth', () => {
  it('counts container levels', () => {
    expect(jsonDepth(1, 64)).toBe(0);
    expect(jsonDepth(null, 64)).toBe(0);
    expect(jsonDepth({}, 64)).toBe(1);
    expect(jsonDepth([1, 'a', null], 64)).toBe(1);
    expect(jsonDepth({ a: [{ b: 1 }], c: 2 }, 64)).toBe(3);
    expect(jsonDepth([[], [[[]]], {}], 64)).toBe(4);
  });

  it('stops at limit + 1', () => {
    expect(jsonDepth(JSON.parse('['.repeat(65) + ']'.repeat(65)), MAX_JSON_DEPTH)).toBe(65);
    expect(jsonDepth(JSON.parse('['.repeat(64) + ']'.repeat(64)), MAX_JSON_DEPTH)).toBe(64);
    expect(jsonDepth(JSON.parse('['.repeat(1000) + ']'.repeat(1000)), 10)).toBe(11);
  });

  it('measures a 100,000-level document without overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    expect(jsonDepth(deep, MAX_JSON_DEPTH)).toBe(MAX_JSON_DEPTH + 1);
  });

  it('treats byte arrays as leaves', () => {
    expect(jsonDepth({ pcm: new Uint8Array(1 << 20) }, 64)).toBe(1);
  });

  it('ends on cycles and shared references', () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(jsonDepth(cyclic, 64)).toBe(65);
    let shared: unknown[] = [];
    for (let i = 0; i < 60; i += 1) shared = [shared, shared];
    expect(jsonDepth(shared, 64)).toBe(61);
  });
});
