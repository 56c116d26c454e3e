import { describe, expect, it } from 'vitest';
import { classifySentences, DEFAULT_CLASSIFIER_MODEL, SHIPPED_READER } from '../../../../src/core/analysis/classify';
import { LAYERS } from '../../../../src/core/analysis/layers';
import { SHIPPED_WORD_VECTORS } from '../../../../src/core/analysis/shipped-word-vectors';
import {
  decodeFloats,
  encodeFloats,
  loadStoryReader,
  readerFlags,
  readStory,
  StoryReaderSchema,
  type StoryReader,
} from '../../../../src/core/analysis/story-reader';
import { CONFIG_STORY } from './helpers';

const story = CONFIG_STORY;

/** The engine's layer probabilities for each sentence, read with `reader` (or without one). */
function probabilities(texts: string[], reader: StoryReader | null) {
  return classifySentences(texts, {}, { ...DEFAULT_CLASSIFIER_MODEL, reader }).map((c) => c.probabilities);
}

describe('story reader', () => {
  it('ships a trained reader whose tensors match the shapes it declares', () => {
    const f = SHIPPED_READER.file;
    expect(f.training.sentences).toBeGreaterThan(10_000);
    expect(f.flags.length).toBeGreaterThan(20);
    expect(SHIPPED_READER.members.length).toBeGreaterThan(1);
    for (const t of SHIPPED_READER.members) expect(t.convolution.length).toBe(f.window * f.dimensions * f.channels);
    expect(f.dimensions).toBe(SHIPPED_WORD_VECTORS.dimensions);
  });

  it('refuses a file whose tensor does not fit its shape', () => {
    const [first, ...rest] = SHIPPED_READER.file.members;
    if (!first) throw new Error('the shipped reader has no member');
    const broken = {
      ...SHIPPED_READER.file,
      members: [...rest, { ...first, outputBias: encodeFloats(new Float32Array(3)) }],
    };
    expect(() => loadStoryReader(StoryReaderSchema.parse(broken))).toThrow(
      new RegExp(`member ${rest.length + 1}'s outputBias holds 3 values, its shape needs 7`),
    );
    expect(() => StoryReaderSchema.parse({ ...SHIPPED_READER.file, members: [] })).toThrow();
    expect(() => StoryReaderSchema.parse({ ...SHIPPED_READER.file, format: 'something-else' })).toThrow();
  });

  it('stores floats exactly', () => {
    const values = Float32Array.from([0, -1.5, 3.25e-7, 12345.678]);
    expect([...decodeFloats(encodeFloats(values))]).toEqual([...values]);
  });

  it('gives a probability distribution over the layers for every sentence', () => {
    const out = readStory(
      SHIPPED_READER,
      story.map((s) => ({ normalized: s.toLowerCase(), flags: [] })),
      SHIPPED_WORD_VECTORS,
    );
    expect(out).toHaveLength(story.length);
    for (const row of out) {
      expect(row).toHaveLength(LAYERS.length);
      expect(row.reduce((a, x) => a + Math.exp(x), 0)).toBeCloseTo(1, 5);
    }
  });

  it("reads with the average of its members' log-probabilities, normalised again", () => {
    const sentences = story.map((s) => ({ normalized: s.toLowerCase(), flags: [] }));
    const alone = SHIPPED_READER.file.members.map((member) =>
      readStory(loadStoryReader({ ...SHIPPED_READER.file, members: [member] }), sentences, SHIPPED_WORD_VECTORS),
    );
    const together = readStory(SHIPPED_READER, sentences, SHIPPED_WORD_VECTORS);
    together.forEach((row, i) => {
      const mean = LAYERS.map((_, k) => alone.reduce((a, read) => a + (read[i]?.[k] ?? 0), 0) / alone.length);
      const shift = Math.log(mean.reduce((a, x) => a + Math.exp(x), 0));
      row.forEach((x, k) => expect(x).toBeCloseTo((mean[k] ?? 0) - shift, 5));
    });
    // The members differ, so the average is not any one of them: the check above can fail.
    expect(alone[0]).not.toEqual(alone[1]);
  });

  it('keeps what it computed for a word across stories, apart for each word table', () => {
    const sentences = story.map((s) => ({ normalized: s.toLowerCase(), flags: [] }));
    const first = readStory(SHIPPED_READER, sentences, SHIPPED_WORD_VECTORS);
    readStory(SHIPPED_READER, sentences.slice(2), SHIPPED_WORD_VECTORS);
    expect(readStory(SHIPPED_READER, sentences, SHIPPED_WORD_VECTORS)).toEqual(first);
    // Another table of the same words (each row reversed) is read anew: as a reader that has
    // read nothing yet reads it, not from what the first table gave.
    const reversed = {
      ...SHIPPED_WORD_VECTORS,
      row: (word: string) => SHIPPED_WORD_VECTORS.row(word)?.slice().reverse(),
    };
    const unread = readStory(loadStoryReader(SHIPPED_READER.file), sentences, reversed);
    expect(unread).not.toEqual(first);
    expect(readStory(SHIPPED_READER, sentences, reversed)).toEqual(unread);
  });

  it('reads context: the same sentence is read differently in another story', () => {
    const sentence = 'We rolled the change back and checkout recovered.';
    const read = (texts: string[]) =>
      readStory(
        SHIPPED_READER,
        texts.map((s) => ({ normalized: s.toLowerCase(), flags: [] })),
        SHIPPED_WORD_VECTORS,
      );
    const alone = read([sentence])[0] ?? [];
    const inStory = read(story)[3] ?? [];
    expect(Math.max(...alone.map((x, k) => Math.abs(x - (inStory[k] ?? 0))))).toBeGreaterThan(1e-3);
  });

  it("takes a sentence's own discourse flags, not its neighbours' or its words", () => {
    expect(
      readerFlags([
        ['t:past', 1],
        ['prev:t:past', 1],
        ['u:paged', 1],
        ['b:we_rolled', 1],
        ['vec:3', 0.2],
        ['cue:mitigation', 1],
      ]),
    ).toEqual(['t:past', 'cue:mitigation']);
  });

  it('has no say on sentences that name their layer themselves', () => {
    const signposted = [
      'The impact: checkout was down for forty minutes on a Friday.',
      'How we found out: our error-rate alert paged the on-call engineer.',
      'Root cause: a config change cut the payment timeout tenfold.',
      'Mitigation: we rolled the change back.',
      'What we changed: config changes now go through the canary.',
      'The lesson: config is code.',
    ];
    expect(probabilities(signposted, SHIPPED_READER)).toEqual(probabilities(signposted, null));
    // A story without signposts is read differently with the reader: the check above can fail.
    expect(probabilities(story, SHIPPED_READER)).not.toEqual(probabilities(story, null));
  });

  it('changes labels only through its weight: at weight 0 the engine labels as without it', () => {
    const off = { ...SHIPPED_READER, file: { ...SHIPPED_READER.file, weight: 0 } };
    expect(probabilities(story, off)).toEqual(probabilities(story, null));
  });
});
