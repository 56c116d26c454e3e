import { memo } from 'react';
import type { Analysis } from '../../../../core/analysis/types';
import { worksheetView } from '../../../../core/results/panels';
import { layerVar, layerName } from '../../results/layers';
import { useResults } from '../../stores/results';
import { QuoteButton } from './QuoteButton';

/** The lesson's worksheet, filled in from the answer; every item can also be ticked by hand. */
export const WorksheetPanel = memo(function WorksheetPanel({
  analysis,
  readOnly,
}: {
  analysis: Analysis;
  readOnly: boolean;
}) {
  const ticks = useResults((s) => s.corrections?.worksheet ?? EMPTY);
  const tick = useResults((s) => s.tick);
  const sections = worksheetView(analysis, ticks);
  return (
    <section className="panel worksheet" aria-labelledby="worksheet-title" data-testid="worksheet">
      <h2 id="worksheet-title">Worksheet</h2>
      <p className="muted small">
        Filled in from your answer. Tick an item yourself when your answer covers it in a way the coach missed; your
        ticks are kept with this take.
      </p>
      {sections.map((section) => (
        <fieldset
          key={section.layer}
          className="worksheet-section"
          style={{ borderLeftColor: layerVar(section.layer) }}
        >
          <legend>
            {section.title}{' '}
            <span className="muted">
              ({section.done}/{section.items.length})
            </span>
            <span className="visually-hidden"> — {layerName(section.layer)}</span>
          </legend>
          <ul>
            {section.items.map((item) => (
              <li key={item.id} data-testid={`worksheet-${item.id}`}>
                <label>
                  <input
                    type="checkbox"
                    checked={item.checked}
                    disabled={readOnly}
                    onChange={(e) => tick(item.id, e.target.checked === item.foundByEngine ? null : e.target.checked)}
                  />
                  <span>{item.question}</span>
                  <span className={`source ${item.source}`}>
                    {item.source === 'user' ? 'ticked by you' : item.foundByEngine ? 'found' : 'not found'}
                  </span>
                </label>
                {item.quote ? <QuoteButton quote={item.quote} /> : <p className="muted small">{item.note}</p>}
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
    </section>
  );
});

const EMPTY: Record<string, boolean> = {};
