import type { DocumentAudit } from '../../../../core/document/audit-schema';
import { LayerLabel } from './LayerLabel';
import { groupByHeading, overruledHeading } from './sentence-groups';

/** The document as read: each sentence under its heading with the layer it was given. */
export function SentencesBySection({ audit }: { audit: DocumentAudit }) {
  return (
    <section className="panel" aria-labelledby="doc-sentences-title" data-testid="document-sentences">
      <h2 id="doc-sentences-title">The document, sentence by sentence</h2>
      <p className="muted small">
        A heading is a hint, not the answer: each sentence is read on its own, so a “Timeline” holds every layer.
      </p>
      {groupByHeading(audit.sentences).map((g) => (
        <div key={g.sentences[0]?.index ?? 0} className="doc-section">
          {/* Sentences right under the title have no section heading of their own. */}
          <h3>{g.heading ?? audit.title ?? 'Opening'}</h3>
          <ul className="doc-sentences">
            {g.sentences.map((s) => {
              const overruled = overruledHeading(s);
              return (
                <li key={s.index} data-layer={s.layer}>
                  <LayerLabel layer={s.layer} short />
                  <span>
                    {s.time && <span className="doc-time">{s.time} </span>}
                    {s.text}
                    {overruled && (
                      <span className="doc-overruled" data-testid="heading-overruled">
                        {overruled}
                      </span>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
