import { useEffect, useMemo, useState } from 'react';
import type { Layer } from '../../../core/analysis/layers';
import { sentenceChanges } from '../../../core/corrections';
import { layerForKey, type TimedSentence } from '../../../core/results/playback';
import { TIER_NAMES } from '../../../core/results/panels';
import { BudgetBars } from '../components/results/BudgetBars';
import { DeliveryPanel } from '../components/results/DeliveryPanel';
import { ExportSlot } from '../components/results/ExportSlot';
import { LayerLegend, LayerStrip } from '../components/results/LayerStrip';
import { MiniPlayer, PlayerControls } from '../components/results/PlayerControls';
import { RetranscribePanel } from '../components/results/RetranscribePanel';
import { NotGradedPanel, RubricCard } from '../components/results/RubricCard';
import { SentenceTools } from '../components/results/SentenceTools';
import { TranscriptPane } from '../components/results/TranscriptPane';
import { Waveform } from '../components/results/Waveform';
import { WorksheetPanel } from '../components/results/WorksheetPanel';
import type { Analysis } from '../../../core/analysis/types';
import type { WorkingSentence } from '../../../core/corrections';
import { useNavigation } from '../stores/navigation';
import { usePlayer } from '../stores/player';
import { shownAnalysis, useResults } from '../stores/results';

function formatLength(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** Keys that belong to a control the user is typing in or operating. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

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

  useEffect(() => {
    usePlayer.getState().reset(hasAudio);
  }, [id, hasAudio]);

  // The player follows the sentences of the analysis on screen.
  const timed: TimedSentence[] = useMemo(
    () => (analysis ? analysis.sentences.map((s) => ({ start: s.start, end: s.end, layer: s.layer })) : []),
    [analysis],
  );
  useEffect(() => {
    usePlayer.getState().setSentences(timed);
  }, [timed]);

  // Keyboard: space play/pause, ←/→ previous/next sentence, 1-5 jump to a layer, [ ] speed.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target)) return;
      const player = usePlayer.getState();
      if (e.key === ' ' || e.code === 'Space') {
        // A focused button keeps Space for itself (except the transcript and the page).
        if (e.target instanceof HTMLButtonElement) return;
        e.preventDefault();
        player.toggle();
      } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        player.step(e.key === 'ArrowRight' ? 1 : -1);
      } else if (e.key === '[' || e.key === ']') {
        e.preventDefault();
        player.stepRate(e.key === ']' ? 1 : -1);
      } else {
        const layer: Layer | null = layerForKey(e.key);
        if (layer) {
          e.preventDefault();
          player.jumpToLayer(layer);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const presentLayers = useMemo(() => new Set(analysis ? analysis.sentences.map((s) => s.layer) : []), [analysis]);
  const changes = useMemo(() => {
    if (!state.applied || state.showing !== 'corrected' || !state.original || !state.corrected) return null;
    const corrected = state.corrected;
    return sentenceChanges(
      state.sentences.map((s, i) => ({
        wordStart: s.wordStart,
        wordEnd: s.wordEnd,
        layer: corrected.sentences[i]?.layer ?? 'other',
      })),
      state.original.sentences,
    );
  }, [state.applied, state.showing, state.original, state.corrected, state.sentences]);

  if (state.status === 'loading' || state.status === 'idle' || state.id !== id) {
    return <p role="status">Loading the results…</p>;
  }
  if (state.status === 'error' || !analysis || !doc) {
    return (
      <section aria-labelledby="results-title">
        <header className="view-header">
          <button type="button" className="link" onClick={() => open({ view: 'sessions' })}>
            ← Sessions
          </button>
          <h1 id="results-title">Results</h1>
        </header>
        <p role="alert" className="error">
          {state.error ?? 'These results cannot be shown.'}
        </p>
      </section>
    );
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
            “{doc.question}” · {new Date(doc.createdAt).toLocaleString()} · {formatLength(scale)} spoken · target{' '}
            {formatLength(doc.targetSec)} ·{' '}
            {doc.kind === 'typed' ? 'typed answer' : doc.kind === 'imported' ? 'imported recording' : 'recorded'}
          </p>
        </div>
        <div className="header-actions">
          <span className={`tier-badge tier-${analysis.tier ?? 'none'}`} data-testid="header-tier">
            {analysis.tier ? `${TIER_NAMES[analysis.tier]} tier` : 'Not graded'}
          </span>
          <div className="version-switch" role="group" aria-label="Which analysis to show" data-testid="version-switch">
            <span className="muted small" data-testid="correction-state">
              {state.applied ? 'Corrected by you' : 'As transcribed'}
            </span>
            {state.applied && (
              <>
                <button
                  type="button"
                  aria-pressed={state.showing === 'corrected'}
                  onClick={() => state.show('corrected')}
                >
                  Corrected
                </button>
                <button
                  type="button"
                  aria-pressed={state.showing === 'original'}
                  onClick={() => state.show('original')}
                >
                  Original
                </button>
                <button type="button" className="link" onClick={() => state.revertAll()}>
                  Undo all corrections
                </button>
              </>
            )}
          </div>
          <span className="save-state muted small" role="status" data-testid="save-state">
            {state.saveState === 'saving' ? 'Saving…' : state.saveState === 'saved' ? 'Saved' : ''}
          </span>
          {hasAudio && !state.readOnly && (
            <button type="button" onClick={() => setRetranscribing(true)}>
              Transcribe again…
            </button>
          )}
          <ExportSlot sessionId={id} />
        </div>
      </header>
      {state.saveState === 'error' && (
        <p role="alert" className="error">
          Your corrections could not be saved: {state.saveMessage}
        </p>
      )}
      {state.notices.map((n) => (
        <p key={n} role="status" className="warning">
          {n}
        </p>
      ))}
      {retranscribing && <RetranscribePanel sessionId={id} onClose={() => setRetranscribing(false)} />}

      <section className="panel timeline" aria-labelledby="timeline-title" data-testid="timeline">
        <h2 id="timeline-title" className="visually-hidden">
          Timeline
        </h2>
        {hasAudio && <Waveform sessionId={id} spans={analysis.timeline.spans} />}
        <LayerStrip
          spans={analysis.timeline.spans}
          scale={scale}
          label="Layers over time"
          testId="layer-strip"
          playhead={hasAudio}
          onSelect={(span) => usePlayer.getState().goToSentence(span.firstSentence, hasAudio)}
        />
        <LayerLegend present={presentLayers} />
        <PlayerControls />
      </section>

      {analysis.gradable ? <BudgetBars analysis={analysis} /> : <NotGradedPanel analysis={analysis} />}

      <div className="results-grid">
        <section className="transcript-column" aria-labelledby="transcript-title">
          <div className="transcript-head">
            <h2 id="transcript-title">Transcript</h2>
            <MiniPlayer />
          </div>
          <CurrentSentenceTools analysis={analysis} working={working} editable={editable} />
          {state.editError && (
            <p role="alert" className="error">
              {state.editError}{' '}
              <button type="button" className="link" onClick={() => state.clearEditError()}>
                dismiss
              </button>
            </p>
          )}
          <TranscriptPane sentences={analysis.sentences} working={working} changes={changes} />
        </section>
        <div className="coaching-column">
          <RubricCard analysis={analysis} />
          <WorksheetPanel analysis={analysis} readOnly={state.readOnly} />
          <DeliveryPanel analysis={analysis} />
        </div>
      </div>
    </section>
  );
}

/**
 * The correction tools follow the current sentence; only this small component re-renders when
 * playback moves to another sentence (not the whole results view).
 */
function CurrentSentenceTools({
  analysis,
  working,
  editable,
}: {
  analysis: Analysis;
  working: readonly WorkingSentence[] | null;
  editable: boolean;
}) {
  const current = usePlayer((s) => s.current);
  return (
    <SentenceTools
      key={current}
      sentence={current >= 0 ? (analysis.sentences[current] ?? null) : null}
      working={working?.[current] ?? null}
      count={analysis.sentences.length}
      editable={editable}
    />
  );
}
