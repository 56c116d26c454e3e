import { create } from 'zustand';
import type { Layer } from '../../../core/analysis/layers';
import { AnalysisSchema } from '../../../core/analysis/schema';
import type { Analysis, AnalysisOptions } from '../../../core/analysis/types';
import {
  editSentenceText,
  mergeWithNext,
  readCorrections,
  relabelledByEngine,
  relabelSentence,
  revertTranscriptCorrections,
  splitSentence,
  tickWorksheetItem,
  transcriptBasis,
  type CorrectionContext,
  type Corrections,
  type Relabelled,
  type WorkingSentence,
} from '../../../core/corrections';
import { TranscriptSchema } from '../../../core/transcript/parse';
import type { Transcript } from '../../../core/transcript/types';
import { flattenWords, type TimedWord } from '../../../core/transcript/words';
import type { SessionDocument } from '../../../shared/session-document';
import { call, messageOf } from '../coach';
import { createRecomputer, SupersededError, type Recomputer } from '../results/recompute-protocol';

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

interface ResultsState {
  id: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  doc: SessionDocument | null;
  transcript: Transcript | null;
  words: TimedWord[];
  /** Analysis of the transcript as recognised. */
  original: Analysis | null;
  /** Analysis with the user's corrections (same object as `original` without corrections). */
  corrected: Analysis | null;
  /** The sentences as the user sees them (boundaries, edited text, layers set by hand). */
  sentences: WorkingSentence[];
  corrections: Corrections | null;
  /** True when transcript corrections are applied. */
  applied: boolean;
  /** Which analysis the view shows. */
  showing: 'corrected' | 'original';
  /** Problems with the stored data the user should know about (shown, not fatal). */
  notices: string[];
  /** Set when the session can only be shown, not corrected (no transcript stored). */
  readOnly: boolean;
  saveState: SaveState;
  saveMessage: string | null;
  editError: string | null;
  /** Milliseconds the last recomputation took (shown in the footer; measured by the e2e bench). */
  recomputeMs: number | null;
  /** Sentences the engine relabelled on its own after the user's last layer change. */
  ripple: { edited: number; layer: Layer; changes: Relabelled[] } | null;

  load(id: string): Promise<void>;
  relabel(index: number, layer: Layer | null): void;
  /** Sets the sentences of the last ripple back to the layers they had, by hand. */
  keepRippled(): void;
  dismissRipple(): void;
  editText(index: number, text: string): void;
  merge(index: number): void;
  split(index: number, atToken: number): void;
  revertAll(): void;
  tick(itemId: string, value: boolean | null): void;
  show(which: 'corrected' | 'original'): void;
  clearEditError(): void;
}

function optionsFor(doc: SessionDocument): AnalysisOptions {
  return doc.targetSec >= 15 && doc.targetSec <= 3600 ? { lengthSeconds: doc.targetSec } : {};
}

let saveChain: Promise<void> = Promise.resolve();
let saveTimer: ReturnType<typeof setTimeout> | null = null;
/** The engine runs in a worker (created with the first take opened). */
let recomputer: Recomputer | null = null;
function engine(): Recomputer {
  recomputer ??= createRecomputer();
  return recomputer;
}
/** The corrections whose analysis is on screen (restored when a newer edit fails). */
let lastGood: Corrections | null = null;

export const useResults = create<ResultsState>((set, get) => {
  /**
   * Applies new corrections: shown at once (the worker re-analyses in milliseconds for a normal
   * take, a few hundred for a 30-minute one, without blocking the page), then persisted.
   */
  const apply = (next: Corrections, onApplied?: (sentences: WorkingSentence[], analysis: Analysis) => void): void => {
    const { transcript, doc, original, id } = get();
    if (!transcript || !doc || !original) return;
    set({ corrections: next, showing: 'corrected', editError: null, ripple: null });
    engine()
      .apply(next)
      .then((result) => {
        if (get().id !== id || get().corrections !== next) return;
        lastGood = next;
        set({
          corrected: result.corrected,
          sentences: result.sentences,
          applied: result.applied,
          recomputeMs: result.ms,
        });
        onApplied?.(result.sentences, result.corrected);
        scheduleSave();
      })
      .catch((error: unknown) => {
        if (error instanceof SupersededError || get().id !== id) return;
        set({ editError: messageOf(error), corrections: lastGood });
      });
  };

  const scheduleSave = (): void => {
    if (saveTimer) clearTimeout(saveTimer);
    set({ saveState: 'saving', saveMessage: null });
    saveTimer = setTimeout(() => {
      saveTimer = null;
      const { id, corrections } = get();
      if (!id || !corrections) return;
      saveChain = saveChain.then(async () => {
        try {
          await call('results.saveCorrections', { id, corrections });
          if (get().id === id) set({ saveState: 'saved', saveMessage: null });
        } catch (error) {
          if (get().id === id) set({ saveState: 'error', saveMessage: messageOf(error) });
        }
      });
    }, 300);
  };

  const edit = (
    change: (ctx: CorrectionContext) => Corrections,
    onApplied?: (sentences: WorkingSentence[], analysis: Analysis) => void,
  ): void => {
    const { words, original, corrections, readOnly } = get();
    if (!original || readOnly) return;
    try {
      apply(change({ words, base: original.sentences, corrections }), onApplied);
    } catch (error) {
      set({ editError: messageOf(error) });
    }
  };

  /** The sentences on screen with their layers, to tell afterwards what a correction moved. */
  const labelledOnScreen = (): { wordStart: number; wordEnd: number; layer: Layer }[] => {
    const { sentences, corrected } = get();
    return sentences.map((s, i) => ({ ...s, layer: corrected?.sentences[i]?.layer ?? 'other' }));
  };

  return {
    id: null,
    status: 'idle',
    error: null,
    doc: null,
    transcript: null,
    words: [],
    original: null,
    corrected: null,
    sentences: [],
    corrections: null,
    applied: false,
    showing: 'corrected',
    notices: [],
    readOnly: false,
    saveState: 'idle',
    saveMessage: null,
    editError: null,
    recomputeMs: null,
    ripple: null,

    load: async (id) => {
      set({
        id,
        status: 'loading',
        error: null,
        notices: [],
        editError: null,
        ripple: null,
        saveState: 'idle',
        showing: 'corrected',
      });
      let doc: SessionDocument;
      try {
        doc = (await call('results.get', { id })).session;
      } catch (error) {
        if (get().id === id) set({ status: 'error', error: messageOf(error) });
        return;
      }
      if (get().id !== id) return;
      const notices: string[] = [];
      const stored = readCorrections(doc.corrections);
      if (!stored.ok) notices.push(`Your corrections could not be read and were set aside (${stored.reason}).`);
      const corrections = stored.ok ? stored.corrections : null;

      const parsedTranscript = doc.transcript === undefined ? null : TranscriptSchema.safeParse(doc.transcript);
      if (parsedTranscript?.success) {
        const transcript = parsedTranscript.data;
        const words = flattenWords(transcript);
        try {
          const result = await engine().load(transcript, optionsFor(doc), corrections);
          if (get().id !== id) return;
          lastGood = corrections;
          if (result.stale) notices.push('Corrections made on an earlier transcript of this take were not applied.');
          set({
            status: 'ready',
            doc,
            transcript,
            words,
            original: result.original ?? result.corrected,
            corrected: result.corrected,
            sentences: result.sentences,
            corrections: corrections ?? null,
            applied: result.applied,
            readOnly: false,
            notices,
            recomputeMs: result.ms,
          });
          if (
            corrections &&
            corrections.basis !== transcriptBasis(words) &&
            Object.keys(corrections.worksheet).length > 0
          ) {
            // Keep worksheet ticks, drop the stale transcript corrections for good.
            const kept = revertTranscriptCorrections({
              words,
              base: (result.original ?? result.corrected).sentences,
              corrections,
            });
            set({ corrections: kept });
          }
          return;
        } catch (error) {
          if (error instanceof SupersededError || get().id !== id) return;
          notices.push(`The transcript could not be analysed again: ${messageOf(error)}`);
        }
      } else if (parsedTranscript && !parsedTranscript.success) {
        notices.push('The stored transcript is damaged; showing the stored analysis without corrections.');
      }

      const storedAnalysis = doc.analysis === undefined ? null : AnalysisSchema.safeParse(doc.analysis);
      if (storedAnalysis?.success) {
        set({
          status: 'ready',
          doc,
          transcript: null,
          words: [],
          original: storedAnalysis.data,
          corrected: storedAnalysis.data,
          sentences: [],
          corrections,
          applied: false,
          readOnly: true,
          notices,
        });
        return;
      }
      const why =
        doc.status === 'ready'
          ? 'This take has no analysis yet.'
          : doc.status === 'failed'
            ? `Processing failed: ${doc.error ?? 'unknown error'}.`
            : `This take is ${doc.status}: its results appear when processing is done.`;
      set({ status: 'error', doc, error: why, notices });
    },

    relabel: (index, layer) => {
      const before = labelledOnScreen();
      edit(
        (ctx) => relabelSentence(ctx, index, layer),
        (sentences, analysis) => {
          const changes = relabelledByEngine(
            before,
            sentences.map((s, i) => ({
              ...s,
              layer: analysis.sentences[i]?.layer ?? 'other',
              setByHand: s.layer !== null,
            })),
          );
          const shown = analysis.sentences[index]?.layer;
          if (changes.length > 0 && shown) set({ ripple: { edited: index, layer: shown, changes } });
        },
      );
    },
    keepRippled: () => {
      const [first, ...rest] = get().ripple?.changes ?? [];
      if (!first) return;
      edit((ctx) =>
        rest.reduce(
          (corrections, c) => relabelSentence({ ...ctx, corrections }, c.index, c.from),
          relabelSentence(ctx, first.index, first.from),
        ),
      );
    },
    dismissRipple: () => set({ ripple: null }),
    editText: (index, text) => edit((ctx) => editSentenceText(ctx, index, text)),
    merge: (index) => edit((ctx) => mergeWithNext(ctx, index)),
    split: (index, atToken) => edit((ctx) => splitSentence(ctx, index, atToken)),
    revertAll: () => edit((ctx) => revertTranscriptCorrections(ctx)),
    tick: (itemId, value) => {
      const { corrections, words, readOnly, doc } = get();
      if (readOnly || !doc) return;
      const next = tickWorksheetItem(corrections, transcriptBasis(words), itemId, value);
      // Worksheet ticks do not change the analysis: store them without recomputing.
      set({ corrections: next });
      scheduleSave();
    },
    show: (which) => set({ showing: which }),
    clearEditError: () => set({ editError: null }),
  };
});

/** The analysis the view shows (corrected or original). */
export function shownAnalysis(state: Pick<ResultsState, 'showing' | 'original' | 'corrected'>): Analysis | null {
  return state.showing === 'original' ? state.original : state.corrected;
}
