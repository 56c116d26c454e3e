import { useEffect, useRef, type RefObject } from 'react';
import type WaveSurfer from 'wavesurfer.js';
import type { LayerSpan } from '../../../../core/analysis/types';
import { messageOf } from '../../coach';
import { describeAudio, fetchAudio } from '../../results/audio-source';
import { usePlayer } from '../../stores/player';
import {
  controllerOf,
  createRegions,
  createSurface,
  drawRegions,
  followSurface,
  type Regions,
} from './waveform-surface';

/** One recording being loaded into the waveform: what its cleanup must release. */
interface WaveformLoad {
  signal: AbortSignal;
  element: HTMLElement;
  audio: HTMLAudioElement;
  ws: WaveSurfer | null;
  url: string | null;
}

/**
 * Loads a take's recording into a waveform in `container` and hands it to the player; the layer
 * regions follow `spans` without the waveform being drawn again.
 */
export function useWaveform(sessionId: string, spans: readonly LayerSpan[]): RefObject<HTMLDivElement | null> {
  const container = useRef<HTMLDivElement>(null);
  const regionsRef = useRef<Regions | null>(null);
  const spansRef = useRef(spans);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const abort = new AbortController();
    const audio = new Audio();
    audio.preload = 'auto';
    const load: WaveformLoad = { signal: abort.signal, element, audio, ws: null, url: null };

    void loadWaveform(
      load,
      sessionId,
      (regions) => (regionsRef.current = regions),
      () => spansRef.current,
    );

    return () => {
      abort.abort();
      usePlayer.getState().attach(null);
      load.ws?.destroy();
      regionsRef.current = null;
      if (load.url) URL.revokeObjectURL(load.url);
      audio.removeAttribute('src');
    };
  }, [sessionId]);

  // Corrections change the spans: redraw only the regions, never the waveform.
  useEffect(() => {
    spansRef.current = spans;
    if (regionsRef.current) drawRegions(regionsRef.current, spans);
  }, [spans]);

  return container;
}

async function loadWaveform(
  load: WaveformLoad,
  sessionId: string,
  onRegions: (regions: Regions) => void,
  spans: () => readonly LayerSpan[],
): Promise<void> {
  const { signal } = load;
  try {
    const description = await describeAudio(sessionId);
    if (signal.aborted) return;
    usePlayer.getState().setLoading(0);
    const regions = createRegions();
    onRegions(regions);
    const ws = createSurface(load.element, load.audio, regions, description);
    load.ws = ws;
    followSurface(ws, regions, spans);

    const loaded = await fetchAudio(sessionId, description, (f) => usePlayer.getState().setLoading(f), signal);
    if (signal.aborted) {
      URL.revokeObjectURL(loaded.url);
      return;
    }
    load.url = loaded.url;
    await ws.load(
      loaded.url,
      description.peaks ? [description.peaks] : undefined,
      description.peaks ? description.durationSec : undefined,
    );
    if (signal.aborted) return;
    drawRegions(regions, spans());
    usePlayer.getState().attach(controllerOf(ws), ws.getDuration());
  } catch (error) {
    if (signal.aborted) return;
    usePlayer.getState().setLoading(null, `The recording could not be loaded: ${messageOf(error)}`);
  }
}
