/**
 * Time per layer: seconds, share, counts, first/last times, order of appearance, missing and
 * out-of-order layers, and the Mitigation-vs-Structural-fix ratio the lesson cares about.
 */
import { LAYERS, LAYER_INFO, STORY_LAYERS, layerName, perLayer, type Layer, type StoryLayer } from './layers';
import type { AnalyzedSentence, LayerSpan, LayerStats, OutOfOrderLayer, Timeline } from './types';

export function sentenceSeconds(s: Pick<AnalyzedSentence, 'start' | 'end'>): number {
  return Math.max(0, s.end - s.start);
}

export function layerStats(sentences: readonly AnalyzedSentence[]): Record<Layer, LayerStats> {
  const total = sentences.reduce((sum, s) => sum + sentenceSeconds(s), 0);
  const stats = perLayer<LayerStats>((layer) => ({
    layer,
    seconds: 0,
    share: 0,
    sentences: 0,
    words: 0,
    firstStart: null,
    lastEnd: null,
    order: null,
  }));
  let order = 0;
  for (const s of sentences) {
    const st = stats[s.layer];
    st.seconds += sentenceSeconds(s);
    st.sentences += 1;
    st.words += s.wordCount;
    if (st.firstStart === null) {
      st.firstStart = s.start;
      st.order = ++order;
    }
    st.lastEnd = s.end;
  }
  for (const layer of LAYERS) {
    const st = stats[layer];
    st.seconds = round2(st.seconds);
    st.share = total > 0 ? round3(st.seconds / total) : 0;
  }
  return stats;
}

export function buildTimeline(
  sentences: readonly AnalyzedSentence[],
  stats: Record<Layer, LayerStats>,
  durationSec: number | undefined,
): Timeline {
  const spans: LayerSpan[] = [];
  for (const s of sentences) {
    const last = spans[spans.length - 1];
    if (last && last.layer === s.layer) {
      last.end = s.end;
      last.lastSentence = s.index;
    } else {
      spans.push({ layer: s.layer, start: s.start, end: s.end, firstSentence: s.index, lastSentence: s.index });
    }
  }
  const order = STORY_LAYERS.filter((l) => stats[l].order !== null).sort(
    (a, b) => (stats[a].order ?? 0) - (stats[b].order ?? 0),
  );
  const missing = STORY_LAYERS.filter((l) => stats[l].sentences === 0);

  // A story layer is out of order when it first appears after a layer that belongs later.
  const outOfOrder: OutOfOrderLayer[] = [];
  const seen: Layer[] = [];
  for (const s of sentences) {
    if (seen.includes(s.layer)) continue;
    if (isStoryLayer(s.layer)) {
      const later = seen.filter(
        (l) => isStoryLayer(l) && LAYER_INFO[l].canonicalIndex > LAYER_INFO[s.layer].canonicalIndex,
      );
      const after = later[later.length - 1];
      if (after) {
        outOfOrder.push({
          layer: s.layer,
          after,
          sentenceIndex: s.index,
          message: `${layerName(s.layer)} first comes up after ${layerName(after)}.`,
        });
      }
    }
    seen.push(s.layer);
  }

  const speakingSeconds = round2(sentences.reduce((sum, s) => sum + sentenceSeconds(s), 0));
  const first = sentences[0];
  const last = sentences[sentences.length - 1];
  const end = Math.max(durationSec ?? 0, last?.end ?? 0);
  const sf = stats.structural_fix.seconds;
  return {
    spans,
    order,
    missing,
    outOfOrder,
    mitigationToStructuralFixRatio: sf > 0 ? round2(stats.mitigation.seconds / sf) : null,
    speakingSeconds,
    totalSeconds: round2(Math.max(0, end - (first ? Math.min(first.start, 0) : 0))),
  };
}

function isStoryLayer(layer: Layer): layer is StoryLayer {
  return (STORY_LAYERS as readonly string[]).includes(layer);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
