import { create } from 'zustand';
import type { Layer } from '../../../core/analysis/layers';
import {
  layerRanges,
  loopSeekTarget,
  nextRunOfLayer,
  sentenceIndexAt,
  stepRate,
  type TimedSentence,
  type TimeRange,
} from '../../../core/results/playback';

/** What the waveform component gives the player once the audio is ready. */
export interface MediaController {
  play(): void;
  pause(): void;
  seek(seconds: number): void;
  setRate(rate: number): void;
  isPlaying(): boolean;
}

interface PlayerState {
  /** The take has a recording (typed answers do not). */
  hasAudio: boolean;
  ready: boolean;
  /** 0-1 while the recording is being fetched, null otherwise. */
  loading: number | null;
  error: string | null;
  playing: boolean;
  time: number;
  duration: number;
  rate: number;
  /** Index of the current sentence (playing, or selected with the keyboard), -1 for none. */
  current: number;
  /** Play only this layer's sentences. */
  loopLayer: Layer | null;
  /** Keep the current sentence in view in the transcript. */
  follow: boolean;
  /** Announcement for screen readers (speed changes, loop on/off). */
  announcement: string;

  reset(hasAudio: boolean): void;
  setSentences(sentences: TimedSentence[]): void;
  attach(controller: MediaController | null, duration?: number): void;
  setLoading(fraction: number | null, error?: string | null): void;
  /** Called by the media element on every frame while playing and on every seek. */
  onTime(time: number): void;
  onPlayState(playing: boolean): void;
  toggle(): void;
  seek(seconds: number, play?: boolean): void;
  /** Makes sentence `index` current: seeks there (and plays when asked) or just selects it. */
  goToSentence(index: number, play?: boolean): void;
  step(direction: -1 | 1): void;
  jumpToLayer(layer: Layer): void;
  stepRate(direction: -1 | 1): void;
  setLoopLayer(layer: Layer | null): void;
  setFollow(follow: boolean): void;
}

let controller: MediaController | null = null;
let sentences: TimedSentence[] = [];
let loopRanges: TimeRange[] = [];

/** A player with no take loaded yet; the speed the user chose outlives a take. */
const NOTHING_LOADED = {
  ready: false,
  loading: null,
  error: null,
  playing: false,
  time: 0,
  duration: 0,
  current: -1,
  loopLayer: null,
  follow: true,
  announcement: '',
} as const satisfies Partial<PlayerState>;

export const usePlayer = create<PlayerState>((set, get) => ({
  hasAudio: false,
  rate: 1,
  ...NOTHING_LOADED,

  reset: (hasAudio) => {
    controller = null;
    loopRanges = [];
    set({ hasAudio, ...NOTHING_LOADED });
  },

  setSentences: (next) => {
    sentences = next;
    const { loopLayer, time, current } = get();
    loopRanges = loopLayer ? layerRanges(sentences, loopLayer) : [];
    const index = get().ready ? sentenceIndexAt(sentences, time) : Math.min(current, sentences.length - 1);
    if (index !== current) set({ current: index });
  },

  attach: (next, duration) => {
    controller = next;
    if (next) {
      next.setRate(get().rate);
      set({ ready: true, loading: null, error: null, ...(duration ? { duration } : {}) });
    } else set({ ready: false, playing: false });
  },

  setLoading: (fraction, error = null) => set({ loading: fraction, error }),

  onTime: (time) => {
    const { loopLayer, current } = get();
    if (loopLayer && controller?.isPlaying()) {
      const target = loopSeekTarget(loopRanges, time);
      if (target !== null) {
        controller.seek(target);
        return;
      }
    }
    const index = sentenceIndexAt(sentences, time);
    if (index !== current) set({ time, current: index });
    else set({ time });
  },

  onPlayState: (playing) => set({ playing }),

  toggle: () => {
    if (!controller) return;
    if (controller.isPlaying()) controller.pause();
    else {
      // Starting a loop outside the layer jumps to its next run first.
      const { loopLayer, time } = get();
      if (loopLayer) {
        const target = loopSeekTarget(loopRanges, time);
        if (target !== null) controller.seek(target);
      }
      controller.play();
    }
  },

  seek: (seconds, play = false) => {
    if (!controller) return;
    controller.seek(Math.max(0, seconds));
    if (play && !controller.isPlaying()) controller.play();
  },

  goToSentence: (index, play = false) => {
    const sentence = sentences[index];
    if (!sentence) return;
    set({ current: index, follow: true });
    if (controller) {
      controller.seek(sentence.start);
      if (play && !controller.isPlaying()) controller.play();
    }
  },

  step: (direction) => {
    const { current } = get();
    const next = Math.max(
      0,
      Math.min(sentences.length - 1, (current < 0 ? (direction > 0 ? -1 : 0) : current) + direction),
    );
    get().goToSentence(next);
  },

  jumpToLayer: (layer) => {
    const index = nextRunOfLayer(sentences, layer, get().current);
    if (index >= 0) get().goToSentence(index);
  },

  stepRate: (direction) => {
    const rate = stepRate(get().rate, direction);
    controller?.setRate(rate);
    set({ rate, announcement: `Playback speed ${rate}×` });
  },

  setLoopLayer: (layer) => {
    loopRanges = layer ? layerRanges(sentences, layer) : [];
    set({ loopLayer: layer, announcement: layer ? 'Looping one layer' : 'Loop off' });
    if (layer && controller) {
      const target = loopSeekTarget(loopRanges, get().time);
      if (target !== null) controller.seek(target);
      if (!controller.isPlaying()) controller.play();
    }
  },

  setFollow: (follow) => set({ follow }),
}));
