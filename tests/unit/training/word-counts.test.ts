import { describe, expect, it } from 'vitest';
import { goldWordSentences, storyText } from '../../../bench/corpus';
import { realSets, writtenSets } from '../../../bench/layer-model/data';
import { flattenWords } from '../../../src/core/transcript/words';
import { transcriptFromText } from '../../../src/core/transcript/from-text';

/** Stories with symbols, faces or emoji: where the engine's and the evaluation's word cuts could part. */
const SYMBOL = /[^\p{L}\p{N}\s.,;:!?'"()\-–—’“”‘/%&]/u;

describe('the evaluation and the engine cut a story into the same words', () => {
  it('for every labelled story with symbols, faces or emoji (npm run eval scores word by word)', () => {
    const stories = [...writtenSets(), ...realSets()]
      .flatMap((set) => set.stories)
      .filter((s) => SYMBOL.test(storyText(s)));
    expect(stories.length).toBeGreaterThan(10);
    for (const story of stories) {
      const engine = flattenWords(transcriptFromText(storyText(story))).length;
      expect({ id: story.id, words: engine }).toEqual({ id: story.id, words: goldWordSentences(story).length });
    }
  });
});
