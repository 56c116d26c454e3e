import type { Layer } from '../../../../core/analysis/layers';
import { layerName, layerTag, layerVar } from '../../results/layers';

/** A layer's colour always comes with its name (or its tag): colour alone is never the label. */
export function LayerLabel({ layer, short = false }: { layer: Layer; short?: boolean }) {
  if (short) {
    return (
      <span className="tag doc-tag" style={{ borderColor: layerVar(layer) }} title={layerName(layer)}>
        {layerTag(layer)}
        <span className="visually-hidden"> {layerName(layer)}</span>
      </span>
    );
  }
  return (
    <span className="doc-layer-label">
      <span className="doc-layer-dot" style={{ background: layerVar(layer) }} aria-hidden="true" />
      {layerName(layer)}
    </span>
  );
}
