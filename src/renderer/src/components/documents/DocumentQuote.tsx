import type { Quote } from '../../../../core/analysis/types';
import { layerVar } from '../../results/layers';
import { LayerLabel } from './LayerLabel';

/**
 * A sentence of the document quoted as evidence. Unlike a take's quotes it shows no time: a
 * document's times are only estimated from a speaking pace, and there is nothing to play.
 */
export function DocumentQuote({ quote }: { quote: Pick<Quote, 'text' | 'layer'> }) {
  return (
    <blockquote className="doc-quote" style={{ borderLeftColor: layerVar(quote.layer) }} data-testid="doc-quote">
      <LayerLabel layer={quote.layer} short /> “{quote.text}”
    </blockquote>
  );
}
