import { describe, expect, it } from 'vitest';
import { OFFICIAL_CATALOG } from '../../../src/backend/services/models/catalog';
import { recommendDefault } from '../../../src/backend/services/models/recommend';

const r = (modelId: string, rtf: number) => ({ modelId, audioSec: 100, processingSec: rtf * 100 });

describe('recommendDefault', () => {
  it('picks the largest model at ≤ 0.3× real time', () => {
    const rec = recommendDefault([r('tiny.en', 0.05), r('base.en', 0.12), r('small.en', 0.31)], OFFICIAL_CATALOG);
    expect(rec.modelId).toBe('base.en');
    expect(rec.realTimeFactor).toBeCloseTo(0.12);
    expect(rec.reason).toMatch(/largest model/);
  });

  it('counts exactly 0.3 as fast enough', () => {
    expect(recommendDefault([r('tiny.en', 0.1), r('small.en', 0.3)], OFFICIAL_CATALOG).modelId).toBe('small.en');
  });

  it('prefers the English-only twin at equal size, unless asked not to', () => {
    const results = [r('base', 0.1), r('base.en', 0.11)];
    expect(recommendDefault(results, OFFICIAL_CATALOG).modelId).toBe('base.en');
    expect(recommendDefault(results, OFFICIAL_CATALOG, false).modelId).toBe('base');
  });

  it('falls back to the fastest model when none is fast enough', () => {
    const rec = recommendDefault([r('base.en', 0.9), r('tiny.en', 0.45)], OFFICIAL_CATALOG);
    expect(rec.modelId).toBe('tiny.en');
    expect(rec.reason).toMatch(/No benchmarked model reaches 0\.3/);
  });

  it('uses the best of repeated runs and ignores unknown models, VAD and bad samples', () => {
    const rec = recommendDefault(
      [
        r('small.en', 0.5),
        r('small.en', 0.25),
        r('mystery', 0.01),
        r('silero-v6.2.0', 0.001),
        { modelId: 'large-v3-turbo', audioSec: 0, processingSec: 1 },
      ],
      OFFICIAL_CATALOG,
    );
    expect(rec.modelId).toBe('small.en');
  });

  it('returns no model without results', () => {
    expect(recommendDefault([], OFFICIAL_CATALOG)).toMatchObject({ modelId: null, realTimeFactor: null });
  });
});
