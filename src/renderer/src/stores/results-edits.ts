/**
 * The user's corrections to a take: each is shown at once (the worker re-analyses in milliseconds
 * for a normal take, a few hundred for a 30-minute one, without blocking the page), then persisted.
 */
import type { Layer } from '../../../core/analysis/layers';
import type { Analysis } from '../../../core/analysis/types';
import {
  confirmIncident,
  editSentenceText,
  mergeWithNext,
  layerSetByHand,
  relabelledByEngine,
  relabelSentence,
  revertTranscriptCorrections,
  splitSentence,
  tickWorksheetItem,
  transcriptBasis,
  type CorrectionContext,
  type Corrections,
  type WorkingSentence,
} from '../../../core/corrections';
import { messageOf } from '../coach';
import { SupersededError } from '../results/recompute-protocol';
import { engine, lastGoodCorrections, markGood } from './results-engine';
import { scheduleSave } from './results-save';
import type { ResultsState, ResultsStore } from './results-state';

type OnApplied = (sentences: WorkingSentence[], analysis: Analysis) => void;

function apply(store: ResultsStore, next: Corrections, onApplied?: OnApplied): void {
  const { set, get } = store;
  const { transcript, doc, original, id } = get();
  if (!transcript || !doc || !original) return;
  set({ corrections: next, showing: 'corrected', editError: null, ripple: null });
  engine()
    .apply(next)
    .then((result) => {
      if (get().id !== id || get().corrections !== next) return;
      markGood(next);
      set({
        corrected: result.corrected,
        sentences: result.sentences,
        applied: result.applied,
        recomputeMs: result.ms,
      });
      onApplied?.(result.sentences, result.corrected);
      scheduleSave(store);
    })
    .catch((error: unknown) => {
      if (error instanceof SupersededError || get().id !== id) return;
      set({ editError: messageOf(error), corrections: lastGoodCorrections() });
    });
}

function edit(store: ResultsStore, change: (ctx: CorrectionContext) => Corrections, onApplied?: OnApplied): void {
  const { words, original, corrections, readOnly } = store.get();
  if (!original || readOnly) return;
  try {
    apply(store, change({ words, base: original.sentences, corrections }), onApplied);
  } catch (error) {
    store.set({ editError: messageOf(error) });
  }
}

/** The sentences on screen with their layers, to tell afterwards what a correction moved. */
function labelledOnScreen({ get }: ResultsStore): { wordStart: number; wordEnd: number; layer: Layer }[] {
  const { sentences, corrected } = get();
  return sentences.map((s, i) => ({ ...s, layer: corrected?.sentences[i]?.layer ?? 'other' }));
}

/** Sets a sentence's layer by hand, and offers to undo what the engine then moved on its own. */
function relabel(store: ResultsStore, index: number, layer: Layer | null): void {
  const before = labelledOnScreen(store);
  edit(
    store,
    (ctx) => relabelSentence(ctx, index, layer),
    (sentences, analysis) => {
      const changes = relabelledByEngine(
        before,
        sentences.map((s, i) => ({
          ...s,
          layer: analysis.sentences[i]?.layer ?? 'other',
          setByHand: layerSetByHand(s),
        })),
      );
      const shown = analysis.sentences[index]?.layer;
      if (changes.length > 0 && shown) store.set({ ripple: { edited: index, layer: shown, changes } });
    },
  );
}

type EditActions = Pick<
  ResultsState,
  | 'relabel'
  | 'keepRippled'
  | 'dismissRipple'
  | 'editText'
  | 'merge'
  | 'split'
  | 'revertAll'
  | 'tick'
  | 'confirmIncident'
>;

export function editActions(store: ResultsStore): EditActions {
  const { set, get } = store;
  return {
    relabel: (index, layer) => relabel(store, index, layer),
    keepRippled: () => {
      const [first, ...rest] = get().ripple?.changes ?? [];
      if (!first) return;
      edit(store, (ctx) =>
        rest.reduce(
          (corrections, c) => relabelSentence({ ...ctx, corrections }, c.index, c.from),
          relabelSentence(ctx, first.index, first.from),
        ),
      );
    },
    dismissRipple: () => set({ ripple: null }),
    editText: (index, text) => edit(store, (ctx) => editSentenceText(ctx, index, text)),
    merge: (index) => edit(store, (ctx) => mergeWithNext(ctx, index)),
    split: (index, atToken) => edit(store, (ctx) => splitSentence(ctx, index, atToken)),
    revertAll: () => edit(store, (ctx) => revertTranscriptCorrections(ctx)),
    tick: (itemId, value) => {
      const { corrections, words, readOnly, doc } = get();
      if (readOnly || !doc) return;
      const next = tickWorksheetItem(corrections, transcriptBasis(words), itemId, value);
      // Worksheet ticks do not change the analysis: store them without recomputing.
      set({ corrections: next });
      scheduleSave(store);
    },
    confirmIncident: (value) => {
      const { corrections, words, readOnly, original } = get();
      if (readOnly || !original) return;
      apply(store, confirmIncident(corrections, transcriptBasis(words), value));
    },
  };
}
