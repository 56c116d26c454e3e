import type { OutlineSection } from '../../../../core/document/audit-schema';
import { layerVar } from '../../results/layers';
import { LayerLabel } from './LayerLabel';
import { budgetLine } from './outline-format';

/** One layer of the outline: its budget, the sentences to say, or what is missing. */
export function OutlineSectionCard({ section }: { section: OutlineSection }) {
  return (
    <li
      className="doc-outline-section"
      style={{ borderLeftColor: layerVar(section.layer) }}
      data-testid={`outline-${section.layer}`}
    >
      <div className="doc-outline-head">
        <strong>
          <LayerLabel layer={section.layer} />
        </strong>
        <span className="muted small">{budgetLine(section)}</span>
      </div>
      {section.points.length > 0 && (
        <ul className="doc-points">
          {section.points.map((p) => (
            <li key={p.sentenceIndex}>{p.text}</li>
          ))}
        </ul>
      )}
      {section.gap && (
        <p className="doc-gap" data-testid="outline-gap">
          <strong>Gap:</strong> {section.gap}
        </p>
      )}
    </li>
  );
}
