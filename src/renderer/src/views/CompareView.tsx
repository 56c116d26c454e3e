import { compareTakes } from '../../../core/history/compare';
import { useNavigation } from '../stores/navigation';
import { CompareLayersTable } from './compare/CompareLayersTable';
import { CompareLevelsTable } from './compare/CompareLevelsTable';
import { CompareTimelines } from './compare/CompareTimelines';
import { useComparedTakes } from './compare/use-compared-takes';

/** (Keyed by both ids by its parent, so a new pair starts from a clean state.)
 * Two takes of one story side by side: layer by layer, levels, and both timelines on one scale. */
export function CompareView({ a, b }: { a: string; b: string }) {
  const { takes, error } = useComparedTakes(a, b);
  if (error) {
    return (
      <section>
        <BackToSessions />
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
  return (
    <section aria-labelledby="compare-title" className="compare" data-testid="compare-view">
      <header className="view-header">
        <BackToSessions />
        <h1 id="compare-title">Compare takes of “{ta.doc.story}”</h1>
        {ta.doc.story.trim().toLowerCase() !== tb.doc.story.trim().toLowerCase() && (
          <p className="warning">
            These takes tell different stories (“{ta.doc.story}” and “{tb.doc.story}”).
          </p>
        )}
      </header>
      <CompareTimelines ta={ta} tb={tb} scaleSeconds={cmp.scaleSeconds} />
      <CompareLayersTable rows={cmp.layers} />
      <CompareLevelsTable rows={cmp.levels} ta={ta} tb={tb} />
    </section>
  );
}

function BackToSessions() {
  const open = useNavigation((s) => s.open);
  return (
    <button type="button" className="link" onClick={() => open({ view: 'sessions' })}>
      ← Sessions
    </button>
  );
}
