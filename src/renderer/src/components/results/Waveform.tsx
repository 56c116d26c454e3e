import { useEffect, useRef } from 'react';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { LayerSpan } from '../../../../core/analysis/types';
import { messageOf } from '../../coach';
import { describeAudio, fetchAudio } from '../../results/audio-source';
import { cssColor, layerColor, layerName } from '../../results/layers';
import { usePlayer } from '../../stores/player';

type Regions = ReturnType<typeof RegionsPlugin.create>;

/**
 * The recording's waveform (wavesurfer.js, drawn from peaks the back end computed) with every
 * run of same-layer sentences as a coloured region. The legend and the labelled layer strip
 * below it name the colours; this canvas is a visual aid, all actions are also in the transcript.
 */
export function Waveform({ sessionId, spans }: { sessionId: string; spans: readonly LayerSpan[] }) {
  const container = useRef<HTMLDivElement>(null);
  const regionsRef = useRef<Regions | null>(null);
  const spansRef = useRef(spans);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const abort = new AbortController();
    let ws: WaveSurfer | null = null;
    let url: string | null = null;
    const audio = new Audio();
    audio.preload = 'auto';

    void (async () => {
      try {
        const description = await describeAudio(sessionId);
        if (abort.signal.aborted) return;
        usePlayer.getState().setLoading(0);
        const regions = RegionsPlugin.create();
        regionsRef.current = regions;
        ws = WaveSurfer.create({
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
        const wsNow = ws;
        ws.on('decode', () => drawRegions(regions, spansRef.current));
        ws.on('timeupdate', (t) => usePlayer.getState().onTime(t));
        ws.on('play', () => usePlayer.getState().onPlayState(true));
        ws.on('pause', () => usePlayer.getState().onPlayState(false));
        ws.on('finish', () => usePlayer.getState().onPlayState(false));
        ws.on('error', (error) =>
          usePlayer.getState().setLoading(null, `The recording could not be played: ${error.message}`),
        );

        const loaded = await fetchAudio(
          sessionId,
          description,
          (f) => usePlayer.getState().setLoading(f),
          abort.signal,
        );
        if (abort.signal.aborted) {
          URL.revokeObjectURL(loaded.url);
          return;
        }
        url = loaded.url;
        await wsNow.load(
          url,
          description.peaks ? [description.peaks] : undefined,
          description.peaks ? description.durationSec : undefined,
        );
        if (abort.signal.aborted) return;
        drawRegions(regions, spansRef.current);
        usePlayer.getState().attach(
          {
            play: () => void wsNow.play(),
            pause: () => wsNow.pause(),
            seek: (t) => wsNow.setTime(Math.min(t, wsNow.getDuration())),
            setRate: (r) => wsNow.setPlaybackRate(r, true),
            isPlaying: () => wsNow.isPlaying(),
          },
          wsNow.getDuration(),
        );
      } catch (error) {
        if (abort.signal.aborted) return;
        usePlayer.getState().setLoading(null, `The recording could not be loaded: ${messageOf(error)}`);
      }
    })();

    return () => {
      abort.abort();
      usePlayer.getState().attach(null);
      ws?.destroy();
      regionsRef.current = null;
      if (url) URL.revokeObjectURL(url);
      audio.removeAttribute('src');
    };
  }, [sessionId]);

  // Corrections change the spans: redraw only the regions, never the waveform.
  useEffect(() => {
    spansRef.current = spans;
    if (regionsRef.current) drawRegions(regionsRef.current, spans);
  }, [spans]);

  return (
    <div
      ref={container}
      className="waveform"
      data-testid="waveform"
      role="img"
      aria-label="Waveform of the recording, coloured by layer. The layer strip below and the transcript name each part."
    />
  );
}

function drawRegions(regions: Regions, spans: readonly LayerSpan[]): void {
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
