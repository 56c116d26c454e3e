import { describe, expect, it } from 'vitest';
import { DEFAULT_CUTS, planCuts } from '../../../src/backend/services/whisper/streaming-cuts';

const live = { ...DEFAULT_CUTS, final: false };
const final = { ...DEFAULT_CUTS, final: true };

describe('planCuts', () => {
  it('waits while speech is still going on or the finished part is short', () => {
    expect(planCuts([{ start: 1, end: 5.9 }], 6, live)).toEqual({ utterances: [], consumedSec: 0 });
    expect(planCuts([{ start: 1, end: 3 }], 6, live).utterances).toEqual([]);
  });

  it('cuts finished speech once it is long enough, padded, and marks it consumed', () => {
    const plan = planCuts(
      [
        { start: 1, end: 5 },
        { start: 5.5, end: 10 },
      ],
      12,
      live,
    );
    expect(plan.utterances).toEqual([{ start: 0.75, end: 10.25, speechSec: 8.5 }]);
    expect(plan.consumedSec).toBe(11); // silence after it, minus the 1-s lookback
  });

  it('never makes an utterance longer than maxSec and cuts at the silence between spans', () => {
    const spans = [0, 6, 12, 18, 24].map((s) => ({ start: s, end: s + 5 }));
    const plan = planCuts(spans, 40, live);
    // The first four spans fit in one utterance; the fifth would exceed the cap, and alone it is
    // too short to send yet, so it stays pending (not consumed).
    expect(plan.utterances).toEqual([{ start: 0, end: 23.25, speechSec: 20 }]);
    expect(plan.consumedSec).toBe(23.25);
    const atStop = planCuts(spans, 40, final);
    expect(atStop.utterances.map((u) => [u.start, u.end])).toEqual([
      [0, 23.25],
      [23.75, 29.25],
    ]);
    for (const u of atStop.utterances) expect(u.end - u.start).toBeLessThanOrEqual(DEFAULT_CUTS.maxSec);
  });

  it('splits one very long span into pieces under the cap', () => {
    const plan = planCuts([{ start: 0, end: 70 }], 70, final);
    expect(plan.utterances.length).toBe(3);
    for (const u of plan.utterances) expect(u.end - u.start).toBeLessThanOrEqual(DEFAULT_CUTS.maxSec);
    expect(plan.utterances[2]?.end).toBe(70);
  });

  it('on stop takes everything, however short; silence only gives nothing', () => {
    expect(planCuts([{ start: 2, end: 2.8 }], 4, final)).toEqual({
      utterances: [{ start: 1.75, end: 3.05, speechSec: 0.8 }],
      consumedSec: 4,
    });
    expect(planCuts([], 4, final)).toEqual({ utterances: [], consumedSec: 4 });
    // no speech while recording: consume all but the lookback
    expect(planCuts([], 10, live)).toEqual({ utterances: [], consumedSec: 9 });
  });
});
