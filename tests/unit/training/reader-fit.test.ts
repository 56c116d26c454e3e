import { describe, expect, it } from 'vitest';
import {
  fitReader,
  READER_CONFIG,
  readerStory,
  retold,
  seeded,
  tfReadStory,
} from '../../../bench/layer-model/reader-fit';
import { writtenSets } from '../../../bench/layer-model/data';
import { contextFeatures } from '../../../src/core/analysis/classify';
import { normalize } from '../../../src/core/analysis/normalize';
import { SHIPPED_WORD_VECTORS } from '../../../src/core/analysis/shipped-word-vectors';
import { loadStoryReader, readerFlags, readStory, type StoryReaderFile } from '../../../src/core/analysis/story-reader';

const config = { ...READER_CONFIG, epochs: 2, flagMinCount: 2 };

/** A story read by the app's arithmetic, with the inputs the classifier gives it. */
function appReads(file: StoryReaderFile, texts: string[]): number[][] {
  const features = contextFeatures(texts);
  return readStory(
    loadStoryReader(file),
    texts.map((t, i) => ({ normalized: normalize(t), flags: readerFlags(features[i] ?? []) })),
    SHIPPED_WORD_VECTORS,
  );
}
const stories = (writtenSets(['b01']).find((s) => s.name === 'train/b01')?.stories ?? []).slice(0, 30);

describe('stories retold in another order', () => {
  const told = {
    ...(stories[0] ?? { id: 'x', prompt: '', mode: 'spoken' as const, explicit_labels: false, notes: '' }),
    sentences: [
      { text: 'H', layer: 'headline' as const },
      { text: 'D', layer: 'detection' as const },
      { text: 'A1', layer: 'attribution' as const },
      { text: 'A2', layer: 'attribution' as const },
      { text: 'M', layer: 'mitigation' as const },
    ],
  };

  it('moves one whole run of a layer to the front and keeps every sentence', () => {
    const seen = new Set<string>();
    const random = seeded(3);
    for (let i = 0; i < 40; i++) {
      const r = retold(told, random);
      if (!r) throw new Error('a story of several runs can be retold');
      const texts = r.sentences.map((s) => s.text);
      expect([...texts].sort()).toEqual(['A1', 'A2', 'D', 'H', 'M']);
      expect(texts.indexOf('A2') - texts.indexOf('A1')).toBe(1);
      expect(texts[0]).not.toBe('H');
      seen.add(texts.join(' '));
    }
    expect(seen).toEqual(new Set(['D H A1 A2 M', 'A1 A2 H D M', 'M H D A1 A2']));
  });

  it('leaves a story of one layer alone', () => {
    expect(retold({ ...told, sentences: told.sentences.slice(2, 4) }, seeded(1))).toBeNull();
  });
});

describe('story reader training', () => {
  it('writes a file the app computes exactly as TensorFlow.js does, and the same file on every run', async () => {
    const train = stories.map((s) => readerStory(s, 1, config.maxTokens));
    const file = await fitReader(train, config);
    const again = await fitReader(train, config);
    expect(file.members).toHaveLength(config.seeds.length);
    expect(again.members).toEqual(file.members);
    expect(file.members[0]).not.toEqual(file.members[1]);

    const held = writtenSets(['b02']).find((s) => s.name === 'train/b02')?.stories[0];
    if (!held) throw new Error('no story to read');
    const expected = await tfReadStory(file, readerStory(held, 1, config.maxTokens));
    const actual = appReads(
      file,
      held.sentences.map((s) => s.text),
    );
    expect(actual).toHaveLength(expected.length);
    expected.forEach((row, i) => row.forEach((x, k) => expect(actual[i]?.[k]).toBeCloseTo(x, 4)));
  }, 120_000);

  it('learns: trained longer, it labels its own training stories better than chance', async () => {
    const train = stories.map((s) => readerStory(s, 1, config.maxTokens));
    const file = await fitReader(train, { ...config, epochs: 6 });
    let right = 0;
    let total = 0;
    for (const s of stories) {
      appReads(
        file,
        s.sentences.map((x) => x.text),
      ).forEach((row, i) => {
        total++;
        if (row.indexOf(Math.max(...row)) === train[stories.indexOf(s)]?.sentences[i]?.label) right++;
      });
    }
    expect(right / total).toBeGreaterThan(0.5);
  }, 120_000);
});
