import type { Analysis } from '../../../../core/analysis/types';
import { TIER_NAMES } from '../../../../core/results/panels';
import { ExportSlot } from '../../components/results/ExportSlot';
import { useResults } from '../../stores/results';

/** The tier reached, which analysis is shown, whether corrections are saved, and the take's actions. */
export function ResultsHeaderActions({
  sessionId,
  analysis,
  hasAudio,
  typed,
  onRetranscribe,
}: {
  sessionId: string;
  analysis: Analysis;
  hasAudio: boolean;
  /** A typed answer was never transcribed: its uncorrected labels are "as typed". */
  typed: boolean;
  onRetranscribe: () => void;
}) {
  const state = useResults();
  return (
    <div className="header-actions">
      <span className={`tier-badge tier-${analysis.tier ?? 'none'}`} data-testid="header-tier">
        {analysis.tier ? `${TIER_NAMES[analysis.tier]} tier` : 'Not graded'}
      </span>
      <VersionSwitch typed={typed} />
      <span className="save-state muted small" role="status" data-testid="save-state">
        {state.saveState === 'saving' ? 'Saving…' : state.saveState === 'saved' ? 'Saved' : ''}
      </span>
      {hasAudio && !state.readOnly && (
        <button type="button" onClick={onRetranscribe}>
          Transcribe again…
        </button>
      )}
      <ExportSlot sessionId={sessionId} />
    </div>
  );
}

/** Corrected or original analysis, offered once the user has corrected the transcript. */
function VersionSwitch({ typed }: { typed: boolean }) {
  const state = useResults();
  return (
    <div className="version-switch" role="group" aria-label="Which analysis to show" data-testid="version-switch">
      <span className="muted small" data-testid="correction-state">
        {state.applied ? 'Corrected by you' : typed ? 'As typed' : 'As transcribed'}
      </span>
      {state.applied && (
        <>
          <button type="button" aria-pressed={state.showing === 'corrected'} onClick={() => state.show('corrected')}>
            Corrected
          </button>
          <button type="button" aria-pressed={state.showing === 'original'} onClick={() => state.show('original')}>
            Original
          </button>
          <button type="button" className="link" onClick={() => state.revertAll()}>
            Undo all corrections
          </button>
        </>
      )}
    </div>
  );
}
