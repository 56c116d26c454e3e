import { useModels } from '../../stores/models';
import type { ModelsOverview } from '../../stores/models-state';

function chosenBy(how: NonNullable<ModelsOverview['default']>['chosenBy']): string {
  return how === 'user'
    ? 'your choice'
    : how === 'recommendation'
      ? 'recommended for this machine'
      : 'the only one installed';
}

/** The model used by default and why, the recommendation, and whether models are being measured. */
export function DefaultModel({ overview }: { overview: ModelsOverview }) {
  const setDefault = useModels((s) => s.setDefault);
  const benchState = overview.benchState;
  return (
    <>
      <p>
        Default model:{' '}
        <strong data-testid="models-default">
          {overview.default ? `${overview.default.id} (${chosenBy(overview.default.chosenBy)})` : 'none installed yet'}
        </strong>
        {overview.default?.chosenBy === 'user' && (
          <button type="button" className="link" onClick={() => void setDefault(null)}>
            Follow the recommendation
          </button>
        )}
      </p>
      {overview.recommendation && <p className="muted small">{overview.recommendation.reason}</p>}
      {benchState !== 'idle' && (
        <p className="muted small" role="status" data-testid="models-bench-state">
          {benchState === 'running'
            ? 'Measuring the installed models on this machine to recommend one…'
            : 'Will measure newly installed models on this machine when nothing is being transcribed.'}
        </p>
      )}
    </>
  );
}
