/** The results store's state, its starting value and the handle its actions work through. */
import type { Layer } from '../../../core/analysis/layers';
import type { Analysis } from '../../../core/analysis/types';
import type { Corrections, Relabelled, WorkingSentence } from '../../../core/corrections';
import type { Transcript } from '../../../core/transcript/types';
import type { TimedWord } from '../../../core/transcript/words';
import type { SessionDocument } from '../../../shared/session-document';

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

interface ResultsData {
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
}

export interface ResultsState extends ResultsData {
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
  /** Says the answer is an incident story, to be graded whatever the check read (false: takes it back). */
  confirmIncident(value: boolean): void;
  show(which: 'corrected' | 'original'): void;
  clearEditError(): void;
}

export const INITIAL_RESULTS_STATE: ResultsData = {
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
};

export interface ResultsStore {
  set(patch: Partial<ResultsState>): void;
  get(): ResultsState;
}
