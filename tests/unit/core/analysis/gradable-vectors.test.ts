import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../../src/core/analysis/analyze';
import { answerVetoes, assessGradability, gradableSentence } from '../../../../src/core/analysis/gradable';
import { classifySentences } from '../../../../src/core/analysis/classify';
import { answerIncidentProbability, meanVector } from '../../../../src/core/analysis/incident-model';
import { SHIPPED_INCIDENT_MODEL } from '../../../../src/core/analysis/shipped-incident-model';
import { SHIPPED_WORD_VECTORS } from '../../../../src/core/analysis/shipped-word-vectors';
import { transcriptFromText } from '../../../../src/core/transcript/from-text';
import { analyzeEncoded } from '../../../../src/backend/services/analysis/analyze-encoded';
import { OffLoopAnalyzer } from '../../../../src/backend/services/analysis/off-loop-analyzer';
import { storyText } from '../../../../bench/corpus';
import { realSets } from '../../../../bench/layer-model/data';

const STORY =
  'Last spring I pushed a config change that took checkout down for forty minutes. Customers started emailing support before any dashboard moved. The new timeout was ten times shorter than the payment provider needed. We rolled the change back and checkout recovered.';

/**
 * The shipped model with an answer reading of one dimension: fed [0, 0] vectors it reads the
 * logistic of `bias` (10 is sure, 1 is 0.73, -10 is no incident).
 */
const reading = (bias: number) => ({
  ...SHIPPED_INCIDENT_MODEL,
  answer: { ...SHIPPED_INCIDENT_MODEL.answer, dimensions: 2, weights: [1, 0], bias },
});

describe('the answer reading over sentence vectors', () => {
  const sentences = classifySentences(STORY.split('. ').map((s) => `${s}.`)).map(gradableSentence);
  const words = STORY.split(' ').length;
  const judge = (bias: number, sentenceVectors?: Array<number[] | null>) =>
    assessGradability(sentences, words, {
      model: reading(bias),
      vectors: SHIPPED_WORD_VECTORS,
      ...(sentenceVectors ? { sentenceVectors } : {}),
    });

  it('reads the mean of the vectors present', () => {
    expect(Array.from(meanVector([[1, 2], null, [3, 4]], 2) ?? [])).toEqual([2, 3]);
    expect(meanVector([null, null], 2)).toBeNull();
    const p = answerIncidentProbability({ dimensions: 2, weights: [1, 0], bias: 0, threshold: 0.5 }, [
      [2, 9],
      [0, 9],
    ]);
    expect(p).toBeCloseTo(1 / (1 + Math.exp(-1)), 6);
  });

  it('refuses an answer the sentences accept when the whole reads as no incident, and never without vectors', () => {
    const vectors = sentences.map(() => [0, 0]);
    expect(judge(5, vectors)).toBeNull();
    const refused = judge(-10, vectors);
    expect(refused?.code).toBe('not_incident');
    expect(refused?.message).toMatch(/as a whole/);
    expect(judge(-10)).toBeNull();
    expect(
      judge(
        -10,
        sentences.map(() => null),
      ),
    ).toBeNull();
  });
});

describe('an answer the whole-answer reading is sure of', () => {
  // Told in plain words: no sentence is a sure incident sentence, no incident word, no layer said
  // outright, so the sentences alone refuse it.
  const PLAIN =
    'One spring the clocks changed and every reminder text from our booking system went out an hour late. The booking screen also showed the Monday clinics an hour off, so reception put new patients into slots that were taken. Two patients turned up for most Monday slots. I was embarrassed, because the clock change was on my own checklist.';
  const RECIPE =
    'First, preheat the oven to 180 degrees. Mix the flour, sugar and butter until crumbly, then add two eggs and a splash of milk. Pour it into a greased tin and bake for forty minutes until golden. Let it cool before slicing.';
  const judge = (text: string, bias: number | null) => {
    const sentences = classifySentences(text.split(/(?<=\.) /)).map(gradableSentence);
    return assessGradability(sentences, text.split(' ').length, {
      model: reading(bias ?? 0),
      vectors: SHIPPED_WORD_VECTORS,
      ...(bias === null ? {} : { sentenceVectors: sentences.map(() => [0, 0]) }),
    });
  };

  it('grades a story in plain words the sentences alone refuse, only when the reading is sure', () => {
    expect(judge(PLAIN, null)?.code).toBe('not_incident');
    expect(judge(PLAIN, 1)?.code).toBe('not_incident');
    expect(judge(PLAIN, 10)).toBeNull();
  });

  it('refuses an answer it doubts unless its sentences are sure or it plainly tells an incident', () => {
    const model = { top: 2, threshold: 0.65, answer: { threshold: 0.05 } };
    const vague = { words: 1, cue: 0 };
    const plain = { words: 2, cue: 3.5 };
    expect(answerVetoes([0.7, 0.7, 0.2], vague, 0.1, model)).toBe(true);
    expect(answerVetoes([0.85, 0.85, 0.2], vague, 0.1, model)).toBe(false);
    expect(answerVetoes([0.7, 0.7, 0.2], plain, 0.1, model)).toBe(false);
    expect(answerVetoes([0.7, 0.7, 0.2], vague, 0.2, model)).toBe(false);
    expect(answerVetoes([0.95, 0.95], plain, 0.03, model)).toBe(true);
  });

  it('does not grade an answer whose sentences do not lean to an incident, however sure the reading', () => {
    expect(judge(RECIPE, 10)?.code).toBe('not_incident');
  });
});

describe('held-back answers read with their sentence vectors, as the back end reads a take', () => {
  const analyzer = new OffLoopAnalyzer();
  afterAll(() => analyzer.dispose());
  const encoder = { encode: analyzer.encode };

  async function judgeWithVectors(folder: string) {
    const dir = fileURLToPath(new URL(`../../../../corpus/not-incident/${folder}`, import.meta.url));
    const out: Array<{ incident: boolean; graded: boolean; without: boolean }> = [];
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      const transcript = transcriptFromText(readFileSync(join(dir, f), 'utf8'));
      const a = await analyzeEncoded(encoder, transcript);
      out.push({ incident: f.startsWith('pos-'), graded: a.gradable, without: analyzeTranscript(transcript).gradable });
    }
    return out;
  }

  it('blind2: the answer reading refuses more answers full of operations words and no incident story', async () => {
    // corpus/not-incident/blind2 is never trained on. Sentences alone refuse 8 of its 40 other
    // answers and grade 19 of its 20 incident stories; with the answer reading, 13 and 19.
    const judged = await judgeWithVectors('blind2');
    const others = judged.filter((a) => !a.incident);
    const incidents = judged.filter((a) => a.incident);
    expect([others.length, incidents.length]).toEqual([40, 20]);
    // 19 since an answer the reading doubts needs sure sentences (or a plainly told incident).
    expect(others.filter((a) => !a.graded).length).toBeGreaterThanOrEqual(19);
    expect(others.filter((a) => !a.graded).length).toBeGreaterThan(others.filter((a) => !a.without).length);
    expect(incidents.filter((a) => a.graded).length).toBe(incidents.filter((a) => a.without).length);
    // It grades what the sentences refuse only when it is sure, and of these answers it is sure of none.
    expect(judged.filter((a) => a.graded && !a.without)).toEqual([]);
  }, 180_000);

  it('blind5: the answer reading grades a hard incident story the sentences refuse, and no other answer', async () => {
    // corpus/not-incident/blind5 is never trained on: 20 hard incident stories (short, in the
    // present tense, outside software) and 40 answers full of operations words. Sentences alone
    // grade 18 of the stories; the reading, sure of one told in plain words, grades 19.
    const judged = await judgeWithVectors('blind5');
    const incidents = judged.filter((a) => a.incident);
    expect(incidents).toHaveLength(20);
    expect(incidents.filter((a) => a.graded).length).toBeGreaterThan(incidents.filter((a) => a.without).length);
    expect(incidents.filter((a) => a.graded).length).toBeGreaterThanOrEqual(19);
    expect(judged.filter((a) => !a.incident && a.graded && !a.without)).toEqual([]);
  }, 180_000);

  it('blind6: refuses no fewer answers full of operations words than it did blind', async () => {
    // corpus/not-incident/blind6 is held back: 60 answers of the kinds the check grades wrongly
    // (planned work, drills, reports, runbooks, pitches, everyday mishaps, near misses), none an
    // incident story. Its README records the blind score, 9 of 60 refused, and 11 since answers
    // told in the conditional are refused.
    const judged = await judgeWithVectors('blind6');
    expect(judged).toHaveLength(60);
    expect(judged.filter((a) => a.incident)).toEqual([]);
    // 21 since an answer the reading doubts needs sure sentences (or a plainly told incident).
    expect(judged.filter((a) => !a.graded).length).toBeGreaterThanOrEqual(21);
  }, 180_000);

  it('grades every real story (../shared), read with its vectors', async () => {
    const stories = realSets().flatMap((set) => set.stories);
    expect(stories.length).toBeGreaterThanOrEqual(21);
    const ungraded: string[] = [];
    for (const story of stories) {
      const a = await analyzeEncoded(encoder, transcriptFromText(storyText(story)));
      if (!a.gradable) ungraded.push(story.id);
    }
    expect(ungraded).toEqual([]);
  }, 180_000);
});
