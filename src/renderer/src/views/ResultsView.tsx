import { CoachingTabs } from './results/CoachingTabs';
import { formatClock } from '../../../core/time/clock';
import { spokenLength } from '../../../core/results/spoken-length';
import { useEffect, useState } from 'react';
import { BudgetBars } from '../components/results/BudgetBars';
import { OutlineComparison } from '../components/results/OutlineComparison';
import { RetranscribePanel } from '../components/results/RetranscribePanel';
import { GradedAtYourWord } from '../components/results/GradedAtYourWord';
import { NotGradedPanel } from '../components/results/RubricCard';
import { openPracticeAtTop, useNavigation } from '../stores/navigation';
import { retakeSetup, usePracticeSetup } from '../stores/practice-setup';
import { shownAnalysis, useResults } from '../stores/results';
import { ResultsHeaderActions } from './results/ResultsHeaderActions';
import { ResultsNotices } from './results/ResultsNotices';
import { ResultsUnavailable } from './results/ResultsUnavailable';
import { TimelinePanel } from './results/TimelinePanel';
import { TranscriptColumn } from './results/TranscriptColumn';
import { usePlayerFollowsResults } from './results/use-player-follows-results';
import { useResultsKeys } from './results/use-results-keys';

/**
 * The results of one take: timeline with waveform and layer colours, time per layer against the
 * budget, transcript with replay and corrections, rubric, worksheet and delivery.
 */
export function ResultsView({ id }: { id: string }) {
  const state = useResults();
  const open = useNavigation((s) => s.open);
  const [retranscribing, setRetranscribing] = useState(false);
  const analysis = shownAnalysis(state);
  const { doc } = state;
  const hasAudio = doc?.audio !== undefined;
  const editable = state.showing === 'corrected' && !state.readOnly;

  useEffect(() => {
    void useResults.getState().load(id);
  }, [id]);
  usePlayerFollowsResults(id, hasAudio, analysis);
  useResultsKeys();

  if (state.status === 'loading' || state.status === 'idle' || state.id !== id) {
    return <p role="status">Loading the results…</p>;
  }
  if (state.status === 'error' || !analysis || !doc) {
    return <ResultsUnavailable message={state.error} onBack={() => open({ view: 'sessions' })} />;
  }

  const scale = Math.max(
    doc.audio?.durationSec ?? 0,
    analysis.timeline.totalSeconds,
    analysis.sentences.at(-1)?.end ?? 0,
  );
  const working = state.showing === 'corrected' && !state.readOnly ? state.sentences : null;
  return (
    <section
      aria-labelledby="results-title"
      className="results"
      data-testid="results-view"
      data-recompute-ms={state.recomputeMs ?? undefined}
    >
      <header className="view-header results-header">
        <div>
          <button type="button" className="link" onClick={() => open({ view: 'sessions' })}>
            ← Sessions
          </button>
          <h1 id="results-title">{doc.title ?? doc.story}</h1>
          <p className="muted">
            “{doc.question}” · {new Date(doc.createdAt).toLocaleString()} ·{' '}
            {spokenLength(formatClock(scale), analysis.timesEstimated)} · target {formatClock(doc.targetSec)} ·{' '}
            {doc.kind === 'typed' ? 'typed answer' : doc.kind === 'imported' ? 'imported recording' : 'recorded'}
          </p>
        </div>
        <ResultsHeaderActions
          sessionId={id}
          analysis={analysis}
          hasAudio={hasAudio}
          typed={doc.kind === 'typed'}
          onRetranscribe={() => setRetranscribing(true)}
        />
      </header>
      <ResultsNotices />
      {retranscribing && <RetranscribePanel sessionId={id} onClose={() => setRetranscribing(false)} />}

      <TimelinePanel sessionId={id} analysis={analysis} scale={scale} hasAudio={hasAudio} />

      {analysis.overruled && (
        <GradedAtYourWord
          reason={analysis.overruled.message}
          onUndo={editable ? () => state.confirmIncident(false) : undefined}
        />
      )}
      {analysis.gradable ? (
        <BudgetBars analysis={analysis} />
      ) : (
        <NotGradedPanel
          analysis={analysis}
          onAnswerAgain={() => {
            usePracticeSetup.getState().update(retakeSetup(doc));
            openPracticeAtTop();
          }}
          onGradeAnyway={editable ? () => state.confirmIncident(true) : undefined}
        />
      )}
      {doc && <OutlineComparison storyId={doc.storyId} targetSec={doc.targetSec} analysis={analysis} />}

      <div className="results-grid">
        <TranscriptColumn analysis={analysis} working={working} editable={editable} />
        <CoachingTabs analysis={analysis} readOnly={state.readOnly} />
      </div>
    </section>
  );
}
