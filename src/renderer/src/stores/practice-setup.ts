import { create } from 'zustand';
import { questionById, QUESTION_BANK } from '../../../core/practice/questions';
import type { SessionDocument } from '../../../shared/session-document';

export type AnswerMode = 'speak' | 'type' | 'import';

export interface PracticeSetup {
  /** A question-bank id, or 'custom' for the user's own question. */
  questionId: string;
  customQuestion: string;
  storyId: string | null;
  lengthSec: number;
  mode: AnswerMode;
  deviceId: string | null;
  livePacing: boolean;
  typedMinutes: number;
}

const STORAGE_KEY = 'coach.practice.setup.v1';

const DEFAULTS: PracticeSetup = {
  questionId: QUESTION_BANK[0]?.id ?? 'custom',
  customQuestion: '',
  storyId: null,
  lengthSec: 180,
  mode: 'speak',
  deviceId: null,
  livePacing: false,
  typedMinutes: 15,
};

/** Users rehearse the same story again and again: the last set-up is remembered on this machine. */
function load(): PracticeSetup {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return DEFAULTS;
    const saved = JSON.parse(raw) as Partial<PracticeSetup>;
    const merged = { ...DEFAULTS, ...saved };
    if (merged.questionId !== 'custom' && !questionById(merged.questionId)) merged.questionId = DEFAULTS.questionId;
    return merged;
  } catch {
    return DEFAULTS;
  }
}

interface SetupState extends PracticeSetup {
  update(patch: Partial<PracticeSetup>): void;
}

export const usePracticeSetup = create<SetupState>((set, get) => ({
  ...load(),
  update: (patch) => {
    set(patch);
    const { update: _update, ...state } = { ...get() };
    void _update;
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch {
      /* storage full or disabled: the set-up just isn't remembered */
    }
  },
}));

/** The question text the take will be stored with, or null when none is usable yet. */
export function questionText(setup: Pick<PracticeSetup, 'questionId' | 'customQuestion'>): string | null {
  if (setup.questionId === 'custom') {
    const text = setup.customQuestion.replace(/\s+/g, ' ').trim();
    return text.length >= 10 ? text : null;
  }
  return questionById(setup.questionId)?.text ?? null;
}

/** The set-up that answers a take's question again: its story, its length, its way of answering. */
export function retakeSetup(
  take: Pick<SessionDocument, 'question' | 'questionId' | 'storyId' | 'targetSec' | 'kind'>,
): Partial<PracticeSetup> {
  const banked = take.questionId && questionById(take.questionId) ? take.questionId : null;
  return {
    ...(banked ? { questionId: banked } : { questionId: 'custom', customQuestion: take.question }),
    ...(take.storyId ? { storyId: take.storyId } : {}),
    lengthSec: take.targetSec,
    mode: take.kind === 'typed' ? 'type' : take.kind === 'imported' ? 'import' : 'speak',
  };
}
