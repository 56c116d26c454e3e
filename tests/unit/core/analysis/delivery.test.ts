import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../../src/core/analysis/analyze';
import type { Transcript } from '../../../../src/core/transcript/types';
import { analyzeSentences } from './helpers';

describe('delivery', () => {
  it('counts fillers only where they work as fillers', () => {
    const a = analyzeSentences([
      'Um, so the model, like, basically fell over, you know, on a Friday.',
      'It looks like a different kind of failure and I would like to explain it.',
      'We kind of rolled back.',
    ]);
    const f = a.delivery.overall.fillerCounts;
    expect(f.um).toBe(1);
    expect(f.like).toBe(1);
    expect(f.basically).toBe(1);
    expect(f['you know']).toBe(1);
    expect(f['kind of']).toBe(1);
    expect(a.delivery.overall.fillers).toBe(5);
    expect(a.delivery.overall.fillersPer100Words).toBeCloseTo((5 / a.delivery.overall.words) * 100, 1);
  });

  it('counts hedges and I versus we per layer', () => {
    const a = analyzeSentences([
      'Our payments model declined good cards for a day.',
      'I think maybe we rolled back, and I made the call myself.',
      'We now gate every model on a golden set, and we own that gate.',
    ]);
    expect(a.delivery.overall.hedgeCounts['I think']).toBe(1);
    expect(a.delivery.overall.hedgeCounts.maybe).toBe(1);
    expect(a.delivery.perLayer.mitigation.iCount).toBe(3);
    expect(a.delivery.perLayer.mitigation.weCount).toBe(1);
    expect(a.delivery.perLayer.structural_fix.weCount).toBe(2);
    expect(a.delivery.perLayer.structural_fix.iShare).toBe(0);
    expect(a.delivery.hedgeQuotes).toHaveLength(1);
  });

  it('finds long pauses with the configured threshold and measures pace', () => {
    const words = [
      { text: 'We', start: 0, end: 0.3 },
      { text: 'rolled', start: 0.35, end: 0.7 },
      { text: 'back.', start: 0.75, end: 1.1 },
      { text: 'Then,', start: 3.1, end: 3.4 },
      { text: 'we', start: 5.0, end: 5.2 },
      { text: 'built', start: 5.25, end: 5.5 },
      { text: 'a', start: 5.55, end: 5.6 },
      { text: 'gate.', start: 5.65, end: 6.0 },
    ];
    const t: Transcript = { segments: [{ start: 0, end: 6, text: '', words }] };
    const a = analyzeTranscript(t);
    expect(a.delivery.pauses.map((p) => p.seconds)).toEqual([2, 1.6]);
    expect(a.delivery.pauses[0]?.withinSentence).toBe(false);
    expect(a.delivery.pauses[1]?.withinSentence).toBe(true);
    expect(a.delivery.longestPause?.seconds).toBe(2);
    expect(analyzeTranscript(t, { pauseThresholdSec: 1.8 }).delivery.pauses).toHaveLength(1);
    expect(a.delivery.overall.wordsPerMinute).toBeGreaterThan(0);
    expect(a.delivery.timesEstimated).toBe(false);
  });
});
