import { useMemo } from 'react';
import type { Analysis } from '../../../../core/analysis/types';
import { LayerLegend, LayerStrip } from '../../components/results/LayerStrip';
import { PlayerControls } from '../../components/results/PlayerControls';
import { Waveform } from '../../components/results/Waveform';
import { usePlayer } from '../../stores/player';

/** The waveform and the layer colours over time, with the legend and the player. */
export function TimelinePanel({
  sessionId,
  analysis,
  scale,
  hasAudio,
}: {
  sessionId: string;
  analysis: Analysis;
  scale: number;
  hasAudio: boolean;
}) {
  const presentLayers = useMemo(() => new Set(analysis.sentences.map((s) => s.layer)), [analysis]);
  return (
    <section className="panel timeline" aria-labelledby="timeline-title" data-testid="timeline">
      <h2 id="timeline-title" className="visually-hidden">
        Timeline
      </h2>
      {hasAudio && <Waveform sessionId={sessionId} spans={analysis.timeline.spans} />}
      <LayerStrip
        spans={analysis.timeline.spans}
        scale={scale}
        label="Layers over time"
        testId="layer-strip"
        playhead={hasAudio}
        onSelect={(span) => usePlayer.getState().goToSentence(span.firstSentence, hasAudio)}
      />
      <LayerLegend present={presentLayers} expected={analysis.gradable} />
      <PlayerControls />
    </section>
  );
}
