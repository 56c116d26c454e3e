import { tierLabel } from '../../../../core/results/panels';
import { formatClock } from '../../../../core/time/clock';
import { LayerLegend, LayerStrip } from '../../components/results/LayerStrip';
import { useNavigation } from '../../stores/navigation';
import type { ComparedTake } from './compared-take';

/** Both takes' timelines on one time scale, each titled with a link to its results. */
export function CompareTimelines({
  ta,
  tb,
  scaleSeconds,
}: {
  ta: ComparedTake;
  tb: ComparedTake;
  scaleSeconds: number;
}) {
  const open = useNavigation((s) => s.open);
  const label = (t: ComparedTake, which: 'A' | 'B') =>
    `${which}: ${t.doc.title ?? new Date(t.doc.createdAt).toLocaleString()}`;
  const present = new Set([...ta.analysis.sentences, ...tb.analysis.sentences].map((s) => s.layer));
  return (
    <section className="panel" aria-labelledby="compare-timelines">
      <h2 id="compare-timelines">
        Timelines <span className="muted">on one scale (0 to {formatClock(scaleSeconds)})</span>
      </h2>
      {[
        { t: ta, which: 'A' as const },
        { t: tb, which: 'B' as const },
      ].map(({ t, which }) => (
        <div key={which} className="compare-strip">
          <div className="compare-strip-head">
            <button type="button" className="link" onClick={() => open({ view: 'results', id: t.doc.id })}>
              {label(t, which)}
            </button>
            <span className={`tier-badge tier-${t.analysis.tier ?? 'none'}`}>{tierLabel(t.analysis.tier)}</span>
            <span className="muted small">{formatClock(t.analysis.timeline.totalSeconds)}</span>
          </div>
          <LayerStrip
            spans={t.analysis.timeline.spans}
            scale={scaleSeconds}
            label={`Layers over time, take ${which}`}
            testId={`compare-strip-${which}`}
          />
        </div>
      ))}
      <LayerLegend present={present} expected={ta.analysis.gradable || tb.analysis.gradable} />
    </section>
  );
}
