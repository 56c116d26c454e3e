import { useEffect, useState } from 'react';
import type { Analysis } from '../../../../core/analysis/types';
import { outlineCoverage } from '../../../../core/document/coverage';
import type { SavedDocument } from '../../../../shared/channels/documents';
import { call } from '../../coach';
import { layerName, layerTag, layerVar } from '../../results/layers';

/**
 * A take of a story saved from a document, held against that document's outline: whether the
 * budget above is the outline's, and which talking points the take said.
 */
export function OutlineComparison({
  storyId,
  targetSec,
  analysis,
}: {
  storyId: string | undefined;
  targetSec: number;
  analysis: Analysis;
}) {
  // Kept with the story it belongs to, so another take's story never shows this outline.
  const [loaded, setLoaded] = useState<{ storyId: string; document: SavedDocument | null } | null>(null);
  useEffect(() => {
    if (!storyId) return undefined;
    let live = true;
    call('documents.forStory', { storyId })
      .then((r) => {
        if (live) setLoaded({ storyId, document: r.document });
      })
      .catch(() => {
        /* no comparison: the results stand on their own */
      });
    return () => {
      live = false;
    };
  }, [storyId]);
  const saved = loaded && loaded.storyId === storyId ? loaded.document : null;
  const outline = saved?.audit.outline;
  if (!saved || !outline) return null;
  const coverage = outlineCoverage(
    outline,
    analysis.sentences.map((s) => s.text),
  );
  const said = coverage.filter((c) => c.said).length;
  return (
    <section className="panel outline-comparison" aria-labelledby="outline-cmp-title" data-testid="outline-comparison">
      <h2 id="outline-cmp-title">
        Against your outline <span className="muted">from {saved.name}</span>
      </h2>
      <p className="muted small">
        {outline.seconds === targetSec
          ? `The budget above is the outline's: ${outline.minutes} minutes.`
          : `The outline was made for ${outline.minutes} minutes; the budget above is for this take's length.`}{' '}
        You said {said} of its {coverage.length} talking points (by their words: a point said differently shows as not
        said).
      </p>
      <ul className="outline-points">
        {coverage.map((c) => (
          <li key={`${c.layer}-${c.text}`} data-said={c.said}>
            <span className="tag" style={{ borderColor: layerVar(c.layer) }} title={layerName(c.layer)}>
              {layerTag(c.layer)}
            </span>{' '}
            {c.said ? '✓ said' : '○ not said'}: {c.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
