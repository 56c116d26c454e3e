import { SPOKEN_WORDS_PER_MINUTE, type DocumentAudit } from '../../../../core/document/audit-schema';
import { useDocuments } from '../../stores/documents';
import { OutlineSectionCard } from './OutlineSectionCard';

/**
 * The spoken answer to rehearse, built from the document: a time budget per layer that follows the
 * lesson (mitigation short, most time on the fix and the learning), the strongest sentences as
 * talking points, and the gaps to fill before saying it aloud.
 */
export function OutlinePanel({ audit }: { audit: DocumentAudit }) {
  const status = useDocuments((s) => s.status);
  const outline = audit.outline;
  return (
    <section className="panel doc-outline" aria-labelledby="doc-outline-title" data-testid="document-outline">
      <h2 id="doc-outline-title">{outline ? `Outline for ${outline.minutes} minutes` : 'Outline'}</h2>
      {!outline ? (
        <p className="muted">
          No outline: the document is not read as an incident story, so there is nothing to rehearse from it yet.
        </p>
      ) : (
        <>
          <p className="muted small" data-testid="outline-length">
            A {outline.minutes}-minute answer, about {outline.minutes * SPOKEN_WORDS_PER_MINUTE} spoken words.
            {status === 'auditing' && ' Updating…'}
          </p>
          <ol className="doc-outline-sections">
            {outline.sections.map((s) => (
              <OutlineSectionCard key={s.layer} section={s} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
