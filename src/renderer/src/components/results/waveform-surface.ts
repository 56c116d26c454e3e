/**
 * The wavesurfer.js side of the waveform: the surface drawn from the back end's peaks, its
 * events forwarded to the player, and the layer regions over it.
 */
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { LayerSpan } from '../../../../core/analysis/types';
import type { AudioDescription } from '../../../../shared/channels/results';
import { cssColor, layerColor, layerName } from '../../results/layers';
import { usePlayer } from '../../stores/player';
import { seekSurface } from './surface-seek';
import type { MediaController } from '../../stores/player-state';

export type Regions = ReturnType<typeof RegionsPlugin.create>;

export function createRegions(): Regions {
  return RegionsPlugin.create();
}

export function createSurface(
  element: HTMLElement,
  audio: HTMLAudioElement,
  regions: Regions,
  description: AudioDescription,
): WaveSurfer {
  return WaveSurfer.create({
    container: element,
    height: 88,
    media: audio,
    waveColor: cssColor('--wave', '#5d6b7a'),
    progressColor: cssColor('--wave-progress', '#c9d4df'),
    cursorColor: cssColor('--focus', '#ffd866'),
    cursorWidth: 2,
    barWidth: 2,
    barGap: 1,
    barRadius: 1,
    normalize: true,
    dragToSeek: true,
    plugins: [regions],
    ...(description.peaks ? { peaks: [description.peaks], duration: description.durationSec } : {}),
  });
}

/** Regions are drawn once the audio is decoded; time, play state and errors go to the player. */
export function followSurface(ws: WaveSurfer, regions: Regions, spans: () => readonly LayerSpan[]): void {
  ws.on('decode', () => drawRegions(regions, spans()));
  ws.on('timeupdate', (t) => usePlayer.getState().onTime(t));
  ws.on('play', () => usePlayer.getState().onPlayState(true));
  ws.on('pause', () => usePlayer.getState().onPlayState(false));
  ws.on('finish', () => usePlayer.getState().onPlayState(false));
  ws.on('error', (error) =>
    usePlayer.getState().setLoading(null, `The recording could not be played: ${error.message}`),
  );
}

/** What the player drives the surface with. */
export function controllerOf(ws: WaveSurfer): MediaController {
  return {
    play: () => void ws.play(),
    pause: () => ws.pause(),
    seek: (t) => seekSurface(ws, t),
    setRate: (r) => ws.setPlaybackRate(r, true),
    isPlaying: () => ws.isPlaying(),
  };
}

export function drawRegions(regions: Regions, spans: readonly LayerSpan[]): void {
  regions.clearRegions();
  for (const span of spans) {
    if (span.end <= span.start) continue;
    const region = regions.addRegion({
      start: span.start,
      end: span.end,
      color: layerColor(span.layer, 0.3),
      drag: false,
      resize: false,
    });
    region.element?.setAttribute(
      'title',
      `${layerName(span.layer)} (sentences ${span.firstSentence + 1}–${span.lastSentence + 1})`,
    );
    region.element?.setAttribute('data-layer', span.layer);
  }
}
