import { describe, expect, it } from 'vitest';
import { classifySentences } from '../../../../src/core/analysis/classify';
import { learnedScores, lexicalFeatures, stem, strongestFeatures } from '../../../../src/core/analysis/features';
import { LAYER_WEIGHTS } from '../../../../src/core/analysis/layer-model.generated';
import { LAYERS } from '../../../../src/core/analysis/layers';

describe('learned word model', () => {
  it('stems inflections to one feature', () => {
    expect(stem('killed')).toBe('kill');
    expect(stem('stopped')).toBe('stop');
    expect(stem('pages')).toBe('page');
    expect(stem('replies')).toBe('reply');
    expect(stem('2,400')).toBe('#');
  });

  it('builds word, word-pair, position and length features', () => {
    const f = lexicalFeatures('we paused the campaign.', 0, 5);
    expect(f).toEqual(expect.arrayContaining(['u:paus', 'b:we_paus', 'b:^_we', 'pos:first', 'pos:0', 'len:0']));
  });

  it('ships trained weights that favour mitigation for a plain restore sentence', () => {
    expect(Object.keys(LAYER_WEIGHTS.features).length).toBeGreaterThan(100);
    const scores = learnedScores(
      lexicalFeatures('we reverted the deploy and restarted the workers.', 3, 8),
      LAYER_WEIGHTS,
    );
    const best = LAYERS[scores.indexOf(Math.max(...scores))];
    expect(best).toBe('mitigation');
  });

  it('flags a label that rests only on its neighbours as a low-confidence guess', () => {
    const out = classifySentences([
      'Our checkout model declined good cards for a morning.',
      'Support escalated it before any alert fired.',
      'The bit after that took a while.',
      'Every card network change now runs through a replay gate before release.',
    ]);
    const vague = out[2];
    expect(vague?.confidence).toBeLessThan(0.6);
    expect(vague?.evidence.some((e) => e.kind === 'context' && e.text.includes('low-confidence guess'))).toBe(true);
    // A sentence with a clear cue is not flagged.
    expect(out[1]?.evidence.some((e) => e.text.includes('low-confidence'))).toBe(false);
  });

  it('names the learned words behind a layer, never bare function words', () => {
    const words = strongestFeatures(
      lexicalFeatures('so we reverted the deploy and restarted the workers.', 3, 8),
      LAYER_WEIGHTS,
      'mitigation',
    );
    expect(words.length).toBeGreaterThan(0);
    for (const w of words) expect(['the', 'and', 'we', 'so', '#']).not.toContain(w);
  });
});
