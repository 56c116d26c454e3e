import { memo } from 'react';
import { LAYERS, type Layer } from '../../../../core/analysis/layers';
import type { LayerSpan } from '../../../../core/analysis/types';
import { formatClock } from '../../../../core/time/clock';
import { layerName, layerTag, layerVar } from '../../results/layers';
import { usePlayer } from '../../stores/player';

interface StripProps {
  spans: readonly LayerSpan[];
  /** Seconds the strip's full width stands for (shared by both strips when comparing). */
  scale: number;
  /** Called with the span clicked (seek there, or select its first sentence). */
  onSelect?: (span: LayerSpan) => void;
  label: string;
  testId?: string;
  /** Show the playhead of the results player. */
  playhead?: boolean;
}

/**
 * The timeline as labelled blocks: one button per run of same-layer sentences, placed by time,
 * carrying its layer tag (and name when wide enough) so colour is never the only cue.
 */
export const LayerStrip = memo(function LayerStrip({ spans, scale, onSelect, label, testId, playhead }: StripProps) {
  const safe = Math.max(scale, 1);
  return (
    <div className="layer-strip" role="group" aria-label={label} data-testid={testId}>
      {spans.map((span) => {
        const left = (span.start / safe) * 100;
        const width = Math.max(0.3, ((span.end - span.start) / safe) * 100);
        const name = layerName(span.layer);
        const text = `${layerTag(span.layer)} ${name}, ${formatClock(span.start)} to ${formatClock(span.end)}, sentences ${span.firstSentence + 1} to ${span.lastSentence + 1}`;
        return (
          <button
            type="button"
            key={`${span.firstSentence}-${span.layer}`}
            className="layer-block"
            data-layer={span.layer}
            style={{ left: `${left}%`, width: `${width}%`, background: layerVar(span.layer) }}
            aria-label={text}
            title={text}
            tabIndex={onSelect ? 0 : -1}
            onClick={() => onSelect?.(span)}
          >
            <span aria-hidden="true">{width > 9 ? name : width > 2.2 ? layerTag(span.layer) : ''}</span>
          </button>
        );
      })}
      {playhead && <Playhead scale={safe} />}
    </div>
  );
});

function Playhead({ scale }: { scale: number }) {
  const time = usePlayer((s) => s.time);
  const ready = usePlayer((s) => s.ready);
  if (!ready) return null;
  return (
    <div className="playhead" aria-hidden="true" style={{ transform: `translateX(${(time / scale) * 100}cqw)` }} />
  );
}

/**
 * Names every colour used on the page; layers absent from the answer are listed as missing where a
 * story is expected to have them. An answer that is not graded as an incident story is missing
 * nothing: saying so would coach it as one.
 */
export const LayerLegend = memo(function LayerLegend({
  present,
  expected = true,
}: {
  present: ReadonlySet<Layer>;
  expected?: boolean;
}) {
  return (
    <ul className="layer-legend" aria-label="Layer colours" data-testid="layer-legend">
      {LAYERS.filter((l) => l !== 'other' || present.has('other')).map((layer) => {
        const missing = expected && !present.has(layer);
        return (
          <li key={layer} className={missing ? 'absent' : ''}>
            <span className="swatch" style={{ background: layerVar(layer) }} aria-hidden="true" />
            <span className="tag" aria-hidden="true">
              {layerTag(layer)}
            </span>
            {layerName(layer)}
            {missing && <span className="muted"> (missing)</span>}
          </li>
        );
      })}
    </ul>
  );
});
