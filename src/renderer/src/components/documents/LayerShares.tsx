import { LAYER_INFO, LAYERS } from '../../../../core/analysis/layers';
import type { DocumentAudit } from '../../../../core/document/audit-schema';
import { layerVar } from '../../results/layers';
import { LayerLabel } from './LayerLabel';

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * How much of the document each layer takes, by words. The lesson wants the structural fix and the
 * system learning to carry the most; a layer with no sentence at all is named as missing.
 */
export function LayerShares({ audit }: { audit: DocumentAudit }) {
  const byLayer = new Map(audit.shares.map((s) => [s.layer, s]));
  const rows = LAYERS.map((layer) => byLayer.get(layer)).filter(
    // "Other" only gets a row when the document has some: it is not a layer to aim for.
    (s): s is NonNullable<typeof s> => s !== undefined && (s.layer !== 'other' || s.words > 0),
  );
  return (
    <section className="panel" aria-labelledby="doc-shares-title" data-testid="layer-shares">
      <h2 id="doc-shares-title">Each layer’s share of the words</h2>
      <table className="doc-shares">
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col" className="doc-share-bar-col">
              <span className="visually-hidden">Bar</span>
            </th>
            <th scope="col" className="num">
              Share
            </th>
            <th scope="col" className="num">
              Words
            </th>
            <th scope="col" className="num">
              Sentences
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => {
            const missing = audit.missing.includes(s.layer);
            return (
              <tr key={s.layer} data-layer={s.layer} data-testid={`share-${s.layer}`}>
                <th scope="row">
                  <LayerLabel layer={s.layer} />
                  {missing && <span className="doc-missing-tag">missing</span>}
                </th>
                <td className="doc-share-bar-col" aria-hidden="true">
                  <span className="doc-share-bar">
                    <span style={{ width: percent(s.share), background: layerVar(s.layer) }} />
                  </span>
                </td>
                <td className="num">{percent(s.share)}</td>
                <td className="num">{s.words}</td>
                <td className="num">{s.sentences}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {audit.missing.length > 0 ? (
        <p className="doc-missing" data-testid="missing-layers">
          <strong>Missing:</strong> {audit.missing.map((l) => LAYER_INFO[l].longName).join(', ')}. No sentence of the
          document tells {audit.missing.length === 1 ? 'this layer' : 'these layers'}.
        </p>
      ) : (
        <p className="muted small" data-testid="missing-layers">
          Every layer of the lesson has at least one sentence.
        </p>
      )}
    </section>
  );
}
