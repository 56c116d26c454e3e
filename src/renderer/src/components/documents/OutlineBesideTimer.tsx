import type { DocumentOutline } from '../../../../core/document/audit-schema';
import { layerVar } from '../../results/layers';
import { LayerLabel } from './LayerLabel';
import { duration } from '../../../../core/report/format';
import './documents.css';

/**
 * The outline as a crib sheet while speaking: layer, its time, the talking points and nothing
 * else, small enough to glance at without losing the thread.
 */
export function OutlineBesideTimer({ outline }: { outline: DocumentOutline }) {
  return (
    <aside className="doc-crib" aria-labelledby="doc-crib-title" data-testid="outline-beside-timer">
      <h3 id="doc-crib-title">Your outline · {outline.minutes} min</h3>
      <ol>
        {outline.sections.map((s) => (
          <li key={s.layer} style={{ borderLeftColor: layerVar(s.layer) }} data-layer={s.layer}>
            <div className="doc-crib-head">
              <LayerLabel layer={s.layer} />
              <span className="doc-crib-time">{duration(s.seconds)}</span>
            </div>
            {s.points.length > 0 ? (
              <ul>
                {s.points.map((p) => (
                  <li key={p.sentenceIndex}>{p.text}</li>
                ))}
              </ul>
            ) : (
              s.gap && <p className="doc-crib-gap">{s.gap}</p>
            )}
          </li>
        ))}
      </ol>
    </aside>
  );
}
