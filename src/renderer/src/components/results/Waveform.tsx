import type { LayerSpan } from '../../../../core/analysis/types';
import { useWaveform } from './use-waveform';

/**
 * The recording's waveform (wavesurfer.js, drawn from peaks the back end computed) with every
 * run of same-layer sentences as a coloured region. The legend and the labelled layer strip
 * below it name the colours; this canvas is a visual aid, all actions are also in the transcript.
 */
export function Waveform({ sessionId, spans }: { sessionId: string; spans: readonly LayerSpan[] }) {
  const container = useWaveform(sessionId, spans);
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
