import { useLateAnalysis } from '../stores/late-analysis';
import { useNavigation } from '../stores/navigation';

/**
 * "Transcribe and analyse" for a take without results. While it runs: the stage and a progress
 * bar. When it fails: the message, and where the failure is a missing model, the way to install one.
 */
export function AnalyseLaterButton({ sessionId, typed, name }: { sessionId: string; typed: boolean; name: string }) {
  const progress = useLateAnalysis((s) => s.running[sessionId]);
  const failure = useLateAnalysis((s) => s.failed[sessionId]);
  const open = useNavigation((s) => s.open);
  const label = typed ? 'Analyse' : 'Transcribe and analyse';
  if (progress) {
    return (
      <div className="late-analysis" role="status" data-testid="late-analysis-progress">
        <progress max={1} value={progress.fraction} aria-label={`${label}: ${Math.round(progress.fraction * 100)}%`} />
        <span className="muted small">{progress.detail}</span>
      </div>
    );
  }
  return (
    <div className="late-analysis">
      <button
        type="button"
        className="primary"
        data-testid="analyse-later"
        aria-label={`${label} “${name}”`}
        onClick={() => void useLateAnalysis.getState().start(sessionId)}
      >
        {label}
      </button>
      {failure && (
        <p className="error small" role="alert" data-testid="late-analysis-error">
          {failure.message}{' '}
          {(failure.code === 'model_missing' || failure.code === 'model_invalid') && (
            <button type="button" className="link" onClick={() => open({ view: 'settings' })}>
              Install a speech model in Settings
            </button>
          )}
        </p>
      )}
    </div>
  );
}
