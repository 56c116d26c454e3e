import { useEffect, useState } from 'react';
import type { Analysis } from '../../../core/analysis/types';
import { compareTakes } from '../../../core/history/compare';
import { LEVEL_NAMES, tierLabel } from '../../../core/results/panels';
import { formatClock } from '../../../core/time/clock';
import type { SessionDocument } from '../../../shared/session-document';
import { call, messageOf } from '../coach';
import { LayerLegend, LayerStrip } from '../components/results/LayerStrip';
import { analysisOfDoc } from '../results/analysis-of';
import { layerTag, layerVar } from '../results/layers';
import { useNavigation } from '../stores/navigation';

interface Take {
  doc: SessionDocument;
  analysis: Analysis;
}

function signed(n: number, unit = ''): string {
  if (n === 0) return `±0${unit}`;
  return `${n > 0 ? '+' : '−'}${Math.abs(n)}${unit}`;
}

/** (Keyed by both ids by its parent, so a new pair starts from a clean state.)
 * Two takes of one story side by side: layer by layer, levels, and both timelines on one scale. */
export function CompareView({ a, b }: { a: string; b: string }) {
  const open = useNavigation((s) => s.open);
  const [takes, setTakes] = useState<[Take, Take] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    Promise.all([call('results.get', { id: a }), call('results.get', { id: b })])
      .then(([ra, rb]) => {
        const aa = analysisOfDoc(ra.session);
        const ab = analysisOfDoc(rb.session);
        if (!aa || !ab) throw new Error('one of the two takes has no analysis yet');
        if (alive)
          setTakes([
            { doc: ra.session, analysis: aa },
            { doc: rb.session, analysis: ab },
          ]);
      })
      .catch((e: unknown) => {
        if (alive) setError(messageOf(e));
      });
    return () => {
      alive = false;
    };
  }, [a, b]);

  const back = (
    <button type="button" className="link" onClick={() => open({ view: 'sessions' })}>
      ← Sessions
    </button>
  );
  if (error) {
    return (
      <section>
        {back}
        <h1>Compare takes</h1>
        <p role="alert" className="error">
          These takes cannot be compared: {error}
        </p>
      </section>
    );
  }
  if (!takes) return <p role="status">Loading both takes…</p>;
  const [ta, tb] = takes;
  const cmp = compareTakes(ta.analysis, tb.analysis);
  const label = (t: Take, which: 'A' | 'B') => `${which}: ${t.doc.title ?? new Date(t.doc.createdAt).toLocaleString()}`;
  const present = new Set([...ta.analysis.sentences, ...tb.analysis.sentences].map((s) => s.layer));
  return (
    <section aria-labelledby="compare-title" className="compare" data-testid="compare-view">
      <header className="view-header">
        {back}
        <h1 id="compare-title">Compare takes of “{ta.doc.story}”</h1>
        {ta.doc.story.trim().toLowerCase() !== tb.doc.story.trim().toLowerCase() && (
          <p className="warning">
            These takes tell different stories (“{ta.doc.story}” and “{tb.doc.story}”).
          </p>
        )}
      </header>

      <section className="panel" aria-labelledby="compare-timelines">
        <h2 id="compare-timelines">
          Timelines <span className="muted">on one scale (0 to {formatClock(cmp.scaleSeconds)})</span>
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
              scale={cmp.scaleSeconds}
              label={`Layers over time, take ${which}`}
              testId={`compare-strip-${which}`}
            />
          </div>
        ))}
        <LayerLegend present={present} />
      </section>

      <section className="panel" aria-labelledby="compare-layers">
        <h2 id="compare-layers">Layer by layer</h2>
        <div className="table-scroll">
          <table className="compare-table" data-testid="compare-table">
            <thead>
              <tr>
                <th scope="col">Layer</th>
                <th scope="col">A seconds</th>
                <th scope="col">B seconds</th>
                <th scope="col">Change</th>
                <th scope="col">A sentences</th>
                <th scope="col">B sentences</th>
                <th scope="col">Budget (B)</th>
              </tr>
            </thead>
            <tbody>
              {cmp.layers.map((row) => (
                <tr key={row.layer} data-layer={row.layer}>
                  <th scope="row">
                    <span className="tag" style={{ borderColor: layerVar(row.layer) }} aria-hidden="true">
                      {layerTag(row.layer)}
                    </span>{' '}
                    {row.name}
                  </th>
                  <td>
                    {row.a.seconds} s <span className="muted">({Math.round(row.a.share * 100)}%)</span>
                  </td>
                  <td>
                    {row.b.seconds} s <span className="muted">({Math.round(row.b.share * 100)}%)</span>
                  </td>
                  <td>{signed(row.deltaSeconds, ' s')}</td>
                  <td>{row.a.sentences}</td>
                  <td>{row.b.sentences}</td>
                  <td>{row.layer === 'other' ? '—' : `${row.budgetB} s`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel" aria-labelledby="compare-levels">
        <h2 id="compare-levels">Rubric levels</h2>
        <table className="compare-table" data-testid="compare-levels">
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">A</th>
              <th scope="col">B</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {cmp.levels.map((row) => (
              <tr key={row.dimension}>
                <th scope="row">{row.title}</th>
                <td>
                  <span className={`level level-${row.a}`}>{LEVEL_NAMES[row.a]}</span>
                </td>
                <td>
                  <span className={`level level-${row.b}`}>{LEVEL_NAMES[row.b]}</span>
                </td>
                <td>
                  {row.change === 0 ? 'same' : `${signed(row.change)} level${Math.abs(row.change) === 1 ? '' : 's'}`}
                </td>
              </tr>
            ))}
            <tr>
              <th scope="row">Tier</th>
              <td>{tierLabel(ta.analysis.tier)}</td>
              <td>{tierLabel(tb.analysis.tier)}</td>
              <td />
            </tr>
          </tbody>
        </table>
      </section>
    </section>
  );
}
