import { describe, expect, it } from 'vitest';
import { classifySentences, contextFeatures, SHIPPED_MODEL } from '../../../../src/core/analysis/classify';
import { lexicalFeatures, stem } from '../../../../src/core/analysis/features';
import { LAYERS } from '../../../../src/core/analysis/layers';
import { layerLogProbabilities, strongestWords } from '../../../../src/core/analysis/learned-model';

describe('learned layer model', () => {
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
    expect(Object.keys(SHIPPED_MODEL.weights).length).toBeGreaterThan(100);
    const texts = [
      'Our checkout went down for an hour on Friday.',
      'We reverted the deploy and restarted the workers.',
      'Now every deploy runs a canary first.',
    ];
    const logp = layerLogProbabilities(contextFeatures(texts)[1] ?? [], SHIPPED_MODEL);
    expect(LAYERS[logp.indexOf(Math.max(...logp))]).toBe('mitigation');
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
  });

  it('reads a sentence that names its layer by what it says, not by where it opens the story', () => {
    const texts = [
      'Detection was the easy part: the checkout alert paged me within two minutes.',
      'The lesson is that any retry crossing a money boundary has to be idempotent.',
      'I ran the payments team at a ride-share company back then.',
      'The cause was a retry in the payment client.',
      'We turned the retry off within the hour.',
      'We refunded every duplicate charge the same night.',
      'The real lesson is that retries need idempotency keys everywhere.',
    ];
    const places = contextFeatures(texts).map((f) => f.map(([n]) => n).filter((n) => n.startsWith('pos:')));
    // A spoken marker: no place at all.
    expect(places[0]).toEqual([]);
    // A cue phrase at the opening: not the opening's place.
    expect(places[1]).toEqual([]);
    // Scene-setting that names no layer keeps its place.
    expect(places[2]).toEqual(['pos:1']);
    // A cue phrase at the end keeps the last fifth and the last place.
    expect(places[6]).toEqual(['pos:4', 'pos:last']);
  });

  it('names the learned words behind a layer, never bare function words', () => {
    const texts = ['The site was down.', 'So we reverted the deploy and restarted the workers.'];
    const words = strongestWords(contextFeatures(texts)[1] ?? [], SHIPPED_MODEL, 'mitigation');
    expect(words.length).toBeGreaterThan(0);
    for (const w of words) expect(['the', 'and', 'we', 'so', '#']).not.toContain(w);
  });
});
