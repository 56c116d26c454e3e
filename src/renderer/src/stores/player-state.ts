/** The player store's state, its value with no take loaded, and the handle its actions work through. */
import type { Layer } from '../../../core/analysis/layers';
import type { TimedSentence } from '../../../core/results/playback';

/** What the waveform component gives the player once the audio is ready. */
export interface MediaController {
  play(): void;
  pause(): void;
  seek(seconds: number): void;
  setRate(rate: number): void;
  isPlaying(): boolean;
}

export interface PlayerState {
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

/** A player with no take loaded yet; the speed the user chose outlives a take. */
export const NOTHING_LOADED = {
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

export interface PlayerStore {
  set(patch: Partial<PlayerState>): void;
  get(): PlayerState;
}
