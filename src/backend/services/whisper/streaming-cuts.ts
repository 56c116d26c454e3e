import type { SpeechSpan } from './transcriber-host';

/**
 * Where to cut finished utterances out of the audio that has not been transcribed yet (the
 * "window"), from Silero VAD's speech spans. Pure, so it's tested without audio.
 *
 * Whisper encodes every call as a full 30-s window, so short utterances cost as much encoder time
 * as long ones: we gather finished speech until `targetSec`, never beyond `maxSec` (whisper's
 * window, minus margin), and cut only inside silence. On stop (`final`) everything left is cut.
 */
export interface CutOptions {
  /** Speech is finished once this much silence follows it. */
  minSilenceSec: number;
  /** Emit an utterance once it holds at least this much audio. */
  targetSec: number;
  /** Hard cap of one utterance (must stay under Whisper's 30-s window). */
  maxSec: number;
  /** Audio kept around the speech (onsets and trailing consonants). */
  padSec: number;
  /** Stop was pressed (or batch): cut everything. */
  final: boolean;
}

export const DEFAULT_CUTS: Omit<CutOptions, 'final'> = { minSilenceSec: 0.6, targetSec: 8, maxSec: 25, padSec: 0.25 };

interface PlannedUtterance {
  /** Seconds from the window start. */
  start: number;
  end: number;
  /** Seconds of detected speech inside. */
  speechSec: number;
}

export interface CutPlan {
  utterances: PlannedUtterance[];
  /** Everything before this (seconds from window start) is done: transcribed or silence. */
  consumedSec: number;
}

/** Audio kept before the window end when it holds no speech, so a word starting now isn't clipped. */
const LOOKBACK_SEC = 1.0;

export function planCuts(spans: SpeechSpan[], windowSec: number, options: CutOptions): CutPlan {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(windowSec, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const closedUntil = options.final ? Infinity : windowSec - options.minSilenceSec;
  const closed = sorted.filter((s) => s.end <= closedUntil);
  const open = sorted.filter((s) => s.end > closedUntil);

  // Greedy groups of consecutive closed spans, each within maxSec (a single longer span is split).
  const groups: SpeechSpan[][] = [];
  for (const span of closed) {
    const pieces: SpeechSpan[] = [];
    for (let t = span.start; t < span.end; t += options.maxSec - 2 * options.padSec) {
      pieces.push({ start: t, end: Math.min(span.end, t + options.maxSec - 2 * options.padSec) });
    }
    for (const piece of pieces) {
      const g = groups[groups.length - 1];
      const first = g?.[0];
      if (g && first && piece.end - first.start <= options.maxSec - 2 * options.padSec) g.push(piece);
      else groups.push([piece]);
    }
  }

  const utterances: PlannedUtterance[] = [];
  let consumed = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] ?? [];
    const first = g[0];
    const last = g[g.length - 1];
    if (!first || !last) continue;
    const isLastClosed = i === groups.length - 1;
    const full = last.end - first.start >= options.targetSec;
    // A group is complete when a later group exists (it didn't fit), or it's long enough, or stop.
    if (!(options.final || !isLastClosed || full)) break;
    const nextStart = groups[i + 1]?.[0]?.start ?? open[0]?.start ?? windowSec;
    const start = Math.max(consumed, first.start - options.padSec);
    const end = Math.min(windowSec, nextStart, last.end + options.padSec);
    utterances.push({ start, end, speechSec: Math.round(g.reduce((a, s) => a + s.end - s.start, 0) * 1000) / 1000 });
    consumed = end;
  }

  const allEmitted = utterances.length === groups.length;
  if (options.final) consumed = windowSec;
  else if (allEmitted && open.length === 0) consumed = Math.max(consumed, windowSec - LOOKBACK_SEC);
  return { utterances, consumedSec: Math.max(0, consumed) };
}
