import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../src/core/analysis/analyze';
import { LAYERS, type Layer } from '../../../src/core/analysis/layers';
import type { Analysis } from '../../../src/core/analysis/types';
import {
  analyzeWithCorrections,
  CorrectionError,
  CorrectionsSchema,
  editSentenceText,
  layerSetByHand,
  mergeWithNext,
  readCorrections,
  relabelSentence,
  revertTranscriptCorrections,
  splitSentence,
  tickWorksheetItem,
  transcriptBasis,
  workingSentences,
  wordsOf,
  type CorrectionContext,
  type Corrections,
} from '../../../src/core/corrections';
import { flattenWords } from '../../../src/core/transcript/words';
import type { Transcript } from '../../../src/core/transcript/types';
import { loadStory, transcriptOf } from '../../fixtures/results/corpus-session';

const transcript: Transcript = transcriptOf(loadStory('dev-01-credit-bureau-sentinel'));
const options = { lengthSeconds: 120 };
const original: Analysis = analyzeTranscript(transcript, options);
const words = flattenWords(transcript);

function ctx(corrections: Corrections | null): CorrectionContext {
  return { words, base: original.sentences, corrections };
}
function run(corrections: Corrections | null) {
  return analyzeWithCorrections(analyzeTranscript, transcript, corrections, options, original);
}
/** An Attribution sentence ("Our imputation only handled nulls…") the tests move to another layer. */
const MOVED = 6;
const TARGET = 'system_learning' as const;

describe('working sentences', () => {
  it('are the engine sentences when there are no corrections', () => {
    const list = workingSentences(words, original.sentences, null);
    expect(list.map((s) => s.text)).toEqual(original.sentences.map((s) => s.text));
    expect(list.map((s) => [s.start, s.end])).toEqual(original.sentences.map((s) => [s.start, s.end]));
    expect(list.every((s) => !s.textEdited && s.layer === null)).toBe(true);
  });

  it('gives the same analysis when corrections change nothing (boundaries pinned, layer set and cleared)', () => {
    const set = relabelSentence(ctx(null), 2, 'mitigation');
    const cleared = relabelSentence(ctx(set), 2, null);
    expect(cleared.starts).toEqual(original.sentences.map((s) => s.wordStart));
    expect(cleared.sentences).toEqual({});
    const result = run(cleared);
    expect(result.applied).toBe(true);
    expect(result.corrected.sentences.map((s) => [s.text, s.layer, s.start, s.end])).toEqual(
      original.sentences.map((s) => [s.text, s.layer, s.start, s.end]),
    );
    expect(result.corrected.rubric).toEqual(original.rubric);
    expect(result.corrected.layers).toEqual(original.layers);
  });
});

describe('changing a layer', () => {
  it('keeps the layer set by hand and recomputes time per layer at once', () => {
    const from = original.sentences[MOVED]?.layer ?? 'other';
    expect(from).not.toBe(TARGET);
    const corrections = relabelSentence(ctx(null), MOVED, TARGET);
    const { corrected } = run(corrections);
    const sentence = corrected.sentences[MOVED];
    expect(sentence?.layer).toBe(TARGET);
    expect(sentence?.confidence).toBe(1);
    expect(sentence?.evidence[0]).toMatchObject({ kind: 'corrected', layer: TARGET });
    const moved = (sentence?.end ?? 0) - (sentence?.start ?? 0);
    expect(corrected.layers[TARGET].seconds).toBeCloseTo(original.layers[TARGET].seconds + moved, 1);
    expect(corrected.layers[TARGET].sentences).toBe(original.layers[TARGET].sentences + 1);
    expect(corrected.layers[from].seconds).toBeCloseTo(original.layers[from].seconds - moved, 1);
  });

  it('says which sentences have a layer set by hand, and none once it is cleared', () => {
    const set = relabelSentence(ctx(null), MOVED, TARGET);
    const byHand = (c: Corrections | null) =>
      workingSentences(words, original.sentences, c).flatMap((s, i) => (layerSetByHand(s) ? [i] : []));
    expect(byHand(null)).toEqual([]);
    expect(byHand(set)).toEqual([MOVED]);
    expect(byHand(relabelSentence(ctx(set), MOVED, null))).toEqual([]);
    expect(layerSetByHand(undefined)).toBe(false);
  });

  it('moves the rubric: a third Mitigation sentence breaks the two-sentence constraint', () => {
    expect(original.constraints.mitigation_at_most_two_sentences.met).toBe(true);
    let c = relabelSentence(ctx(null), 5, 'mitigation');
    c = relabelSentence(ctx(c), 6, 'mitigation');
    const { corrected } = run(c);
    expect(corrected.layers.mitigation.sentences).toBeGreaterThanOrEqual(3);
    expect(corrected.constraints.mitigation_at_most_two_sentences.met).toBe(false);
  });
});

describe('editing text', () => {
  it('replaces the words, keeps the time they were spoken, and survives a JSON round trip', () => {
    const text = 'Attribution — the bureau sent -1 instead of an empty value for months since last delinquency.';
    const corrections = editSentenceText(ctx(null), 5, text);
    const stored = readCorrections(JSON.parse(JSON.stringify(corrections)));
    expect(stored.ok).toBe(true);
    const reread = stored.ok ? stored.corrections : null;
    const result = run(reread);
    const sentence = result.corrected.sentences[5];
    expect(sentence?.text).toBe(wordsOf(text).join(' '));
    expect(sentence?.start).toBeCloseTo(original.sentences[5]?.start ?? -1, 2);
    expect(sentence?.end).toBeCloseTo(original.sentences[5]?.end ?? -1, 2);
    expect(result.corrected.sentences).toHaveLength(original.sentences.length);
    expect(result.sentences[5]?.textEdited).toBe(true);
    expect(result.sentences[5]?.originalText).toBe(original.sentences[5]?.text);
  });

  it('glues punctuation typed on its own to a word, and refuses an empty sentence', () => {
    expect(wordsOf('— we rolled back , fast .')).toEqual(['—we', 'rolled', 'back,', 'fast.']);
    expect(() => editSentenceText(ctx(null), 1, '   ')).toThrow(CorrectionError);
  });

  it('drops the override when the text is edited back to what was recognised', () => {
    const edited = editSentenceText(ctx(null), 1, 'Something else entirely.');
    const back = editSentenceText(ctx(edited), 1, original.sentences[1]?.text ?? '');
    expect(back.sentences).toEqual({});
  });
});

describe('merging and splitting', () => {
  it('merges a sentence with the next one', () => {
    const corrections = mergeWithNext(ctx(null), 7);
    const { corrected } = run(corrections);
    expect(corrected.sentences).toHaveLength(original.sentences.length - 1);
    expect(corrected.sentences[7]?.text).toBe(`${original.sentences[7]?.text} ${original.sentences[8]?.text}`);
    expect(corrected.sentences[7]?.start).toBe(original.sentences[7]?.start);
    expect(corrected.sentences[7]?.end).toBe(original.sentences[8]?.end);
    expect(() => mergeWithNext(ctx(null), original.sentences.length - 1)).toThrow(/no next sentence/);
  });

  it('splits a sentence at a word and keeps each half’s times', () => {
    const corrections = splitSentence(ctx(null), 9, 5);
    const result = run(corrections);
    expect(result.corrected.sentences).toHaveLength(original.sentences.length + 1);
    const [head, tail] = [result.corrected.sentences[9], result.corrected.sentences[10]];
    const originalWords = (original.sentences[9]?.text ?? '').split(' ');
    expect(head?.text).toBe(originalWords.slice(0, 5).join(' '));
    expect(tail?.text).toBe(originalWords.slice(5).join(' '));
    expect(head?.start).toBe(original.sentences[9]?.start);
    expect(tail?.end).toBe(original.sentences[9]?.end);
    expect((head?.end ?? 0) <= (tail?.start ?? 0)).toBe(true);
    expect(() => splitSentence(ctx(null), 9, 0)).toThrow(/split point/);
  });

  it('splits an edited sentence where its words were spoken, keeping a fixed layer on both halves', () => {
    let c = editSentenceText(
      ctx(null),
      9,
      'First, every bureau field now passes a value-domain contract. It quarantines anything new.',
    );
    c = relabelSentence(ctx(c), 9, 'structural_fix');
    c = splitSentence(ctx(c), 9, 9);
    const list = workingSentences(words, original.sentences, c);
    expect(list[9]?.text).toBe('First, every bureau field now passes a value-domain contract.');
    expect(list[10]?.text).toBe('It quarantines anything new.');
    expect(list[9]?.layer).toBe('structural_fix');
    expect(list[10]?.layer).toBe('structural_fix');
    // The cut lands inside the original sentence, roughly where 9 of 13 words have been said.
    const s = original.sentences[9];
    const cut = list[10]?.start ?? 0;
    expect(cut).toBeGreaterThan((s?.start ?? 0) + ((s?.end ?? 0) - (s?.start ?? 0)) * 0.45);
    expect(cut).toBeLessThan(s?.end ?? 0);
    expect(run(c).corrected.sentences).toHaveLength(original.sentences.length + 1);
  });

  it('merge after split restores the original sentence list', () => {
    const split = splitSentence(ctx(null), 3, 4);
    const merged = mergeWithNext(ctx(split), 3);
    expect(merged.starts).toEqual(original.sentences.map((s) => s.wordStart));
    expect(run(merged).corrected.sentences.map((s) => s.text)).toEqual(original.sentences.map((s) => s.text));
  });
});

describe('persistence and staleness', () => {
  it('validates stored corrections and reports a damaged field', () => {
    const c = relabelSentence(ctx(null), 2, 'mitigation');
    expect(CorrectionsSchema.parse(JSON.parse(JSON.stringify(c)))).toEqual(c);
    expect(readCorrections({ ...c, starts: [3, 1] })).toMatchObject({ ok: false });
    expect(readCorrections({ ...c, sentences: { '0': { layer: 'layer six' } } })).toMatchObject({ ok: false });
    expect(readCorrections(undefined)).toEqual({ ok: true, corrections: null });
  });

  it('does not apply corrections made on another transcript (re-transcribed) but keeps worksheet ticks', () => {
    let c = relabelSentence(ctx(null), MOVED, TARGET);
    c = tickWorksheetItem(c, c.basis, 'detection.latency', true);
    const other = transcriptOf(loadStory('dev-01-credit-bureau-sentinel'), { wordsPerMinute: 140 });
    expect(transcriptBasis(flattenWords(other))).not.toBe(c.basis);
    const result = analyzeWithCorrections(analyzeTranscript, other, c, options);
    expect(result.stale).toBe(true);
    expect(result.applied).toBe(false);
    const reverted = revertTranscriptCorrections({
      words: flattenWords(other),
      base: result.original.sentences,
      corrections: c,
    });
    expect(reverted.worksheet).toEqual({ 'detection.latency': true });
    expect(reverted.sentences).toEqual({});
  });

  it('ticks and unticks worksheet items without touching the transcript corrections', () => {
    const basis = transcriptBasis(words);
    let c = tickWorksheetItem(null, basis, 'structural_fix.owner', true);
    c = tickWorksheetItem(c, basis, 'detection.latency', false);
    expect(c.worksheet).toEqual({ 'structural_fix.owner': true, 'detection.latency': false });
    c = tickWorksheetItem(c, basis, 'structural_fix.owner', null);
    expect(c.worksheet).toEqual({ 'detection.latency': false });
    expect(run(c).applied).toBe(false);
  });
});

describe('sentence changes for the transcript badges', () => {
  it('tells merged, split and unchanged sentences apart and flags layers changed around a correction', async () => {
    const { sentenceChanges } = await import('../../../src/core/corrections/changes');
    let c = mergeWithNext(ctx(null), 1);
    c = splitSentence(ctx(c), 8, 3);
    const { corrected, sentences } = run(c);
    const withLayers = sentences.map((s, i) => ({ ...s, layer: corrected.sentences[i]?.layer ?? 'other' }));
    const changes = sentenceChanges(withLayers, original.sentences);
    expect(changes[1]?.shape).toBe('merged');
    expect(changes[8]?.shape).toBe('split');
    expect(changes[9]?.shape).toBe('split');
    expect(changes[0]).toEqual({ shape: 'same', layerChanged: false });
    const relabelled = sentenceChanges(
      original.sentences.map((s, i) => ({ ...s, layer: i === 3 ? ('other' as const) : s.layer })),
      original.sentences,
    );
    expect(relabelled[3]).toEqual({ shape: 'same', layerChanged: true });
    expect(relabelled.filter((x) => x.layerChanged)).toHaveLength(1);
  });
});

describe('sentences the engine relabels on its own after a layer change', () => {
  it('names the neighbour that moved, and nothing when only the corrected sentence changed', async () => {
    const { relabelledByEngine } = await import('../../../src/core/corrections/ripple');
    // The engine reads neighbours, so in a dev story some relabel by hand pulls a neighbour
    // along. Which one depends on the trained model, so the test finds one rather than naming it.
    const t = transcriptOf(loadStory('dev-11-hotel-ranking-canary'));
    const base = analyzeTranscript(t, options);
    const tw = flattenWords(t);
    const before = base.sentences;
    const labelled = (sentences: { wordStart: number; wordEnd: number; layer: Layer | null }[], a: Analysis) =>
      sentences.map((s, i) => ({ ...s, layer: a.sentences[i]?.layer ?? 'other', setByHand: s.layer !== null }));
    let found: { at: number; to: Layer; moved: { index: number; from: Layer; to: Layer }[] } | null = null;
    for (let at = 0; at < before.length && !found; at++) {
      for (const to of LAYERS) {
        if (to === before[at]?.layer) continue;
        const c = relabelSentence({ words: tw, base: before, corrections: null }, at, to);
        const after = analyzeWithCorrections(analyzeTranscript, t, c, options, base);
        const moved = after.corrected.sentences.flatMap((s, i) => {
          const from = before[i]?.layer;
          return i !== at && from && s.layer !== from ? [{ index: i, from, to: s.layer }] : [];
        });
        if (moved.length === 0) continue;
        expect(relabelledByEngine(before, labelled(after.sentences, after.corrected))).toEqual(moved);
        found = { at, to, moved };
        break;
      }
    }
    expect(found).not.toBeNull();
    const hit = found;
    if (!hit) return;
    // Keeping the moved neighbours as they were, by hand, moves nothing else.
    let kept = relabelSentence({ words: tw, base: before, corrections: null }, hit.at, hit.to);
    for (const m of hit.moved) kept = relabelSentence({ words: tw, base: before, corrections: kept }, m.index, m.from);
    const again = analyzeWithCorrections(analyzeTranscript, t, kept, options, base);
    expect(again.corrected.sentences.map((s) => s.layer)).toEqual(
      before.map((s, i) => (i === hit.at ? hit.to : s.layer)),
    );
    expect(relabelledByEngine(before, labelled(again.sentences, again.corrected))).toEqual([]);
    // dev-01 is a story where the same kind of change moves nothing.
    const plain = relabelSentence(ctx(null), MOVED, TARGET);
    const result = run(plain);
    expect(relabelledByEngine(original.sentences, labelled(result.sentences, result.corrected))).toEqual([]);
  });
});
