import { describe, expect, it } from 'vitest';
import { seekSurface, type SeekableSurface } from '../../../src/renderer/src/components/results/surface-seek';

/**
 * A media element whose seeks complete later, and a surface that defers a seek made while the
 * media lacks data and drops it on the next "seeking" event at another position, as
 * wavesurfer.js 8 does.
 */
function fakeSurface(duration = 60) {
  const queued: Array<() => void> = [];
  const state = { readyState: 4, position: 0, pending: null as number | null };
  const media = {
    get readyState() {
      return state.readyState;
    },
    get currentTime() {
      return state.position;
    },
    set currentTime(t: number) {
      state.position = t;
      state.readyState = 1;
      queued.push(() => {
        if (state.pending !== null && Math.abs(state.position - state.pending) > 0.01) state.pending = null;
      });
      queued.push(() => {
        state.readyState = 4;
        if (state.pending !== null) {
          state.position = state.pending;
          state.pending = null;
        }
      });
    },
  };
  const surface: SeekableSurface = {
    getDuration: () => duration,
    setTime: (t) => {
      if (media.readyState < 3) state.pending = t;
      else media.currentTime = t;
    },
    getMediaElement: () => media as unknown as HTMLMediaElement,
  };
  const settle = (): number => {
    while (queued.length > 0) queued.shift()?.();
    return state.position;
  };
  return { surface, settle };
}

describe('seeking the waveform', () => {
  it('two quick seeks end at the second one, where the surface alone would end at the first', () => {
    const plain = fakeSurface();
    plain.surface.setTime(0);
    plain.surface.setTime(31.5);
    expect(plain.settle()).toBe(0);

    const fixed = fakeSurface();
    seekSurface(fixed.surface, 0);
    seekSurface(fixed.surface, 31.5);
    expect(fixed.settle()).toBe(31.5);
  });

  it('stays within the recording', () => {
    const { surface, settle } = fakeSurface(20);
    seekSurface(surface, 45);
    expect(settle()).toBe(20);
    seekSurface(surface, -3);
    expect(settle()).toBe(0);
  });
});
