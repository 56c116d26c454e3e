/**
 * The player's actions. The media controller and the take's sentences live outside the state:
 * they change at every frame or hold functions, and nothing renders from them directly.
 */
import {
  layerRanges,
  loopSeekTarget,
  nextRunOfLayer,
  sentenceIndexAt,
  stepRate,
  type TimedSentence,
  type TimeRange,
} from '../../../core/results/playback';
import { NOTHING_LOADED, type MediaController, type PlayerState, type PlayerStore } from './player-state';

let controller: MediaController | null = null;
let sentences: TimedSentence[] = [];
let loopRanges: TimeRange[] = [];

type MediaActions = Pick<PlayerState, 'reset' | 'setSentences' | 'attach' | 'setLoading' | 'onTime' | 'onPlayState'>;

/** A take's recording coming and going, and what the media element reports back. */
export function mediaActions({ set, get }: PlayerStore): MediaActions {
  return {
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
  };
}

type TransportActions = Pick<PlayerState, 'toggle' | 'seek' | 'goToSentence' | 'step' | 'jumpToLayer'>;

/** Playing, pausing and moving through the take: by time, by sentence, by layer. */
export function transportActions({ set, get }: PlayerStore): TransportActions {
  return {
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
  };
}

type ListeningActions = Pick<PlayerState, 'stepRate' | 'setLoopLayer' | 'setFollow'>;

/** How the take is listened to: speed, one layer on a loop, the transcript following along. */
export function listeningActions({ set, get }: PlayerStore): ListeningActions {
  return {
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
  };
}
