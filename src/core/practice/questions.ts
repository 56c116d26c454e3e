/**
 * The question bank for practice takes. The first three are the lesson's own wording of the
 * quality-regression archetype (Archetype 5); the rest are variants an interviewer uses to probe
 * the same story from another angle, each with the layer it tends to stress so the user knows
 * what the question is really fishing for.
 */
import type { StoryLayer } from '../analysis/layers';

export interface PracticeQuestion {
  id: string;
  text: string;
  /** Where the wording comes from: the lesson itself, or written for the app. */
  source: 'lesson' | 'app';
  /** The layer this phrasing pushes on hardest (what a strong answer must not skip). */
  stresses: StoryLayer;
  /** One line on what the interviewer is listening for. */
  hint: string;
}

export const QUESTION_BANK: readonly PracticeQuestion[] = [
  {
    id: 'incident-you-owned',
    text: 'Tell me about an incident you owned.',
    source: 'lesson',
    stresses: 'structural_fix',
    hint: 'The level is set by whether you end on Mitigation or on the Structural fix.',
  },
  {
    id: 'model-regressed',
    text: 'Tell me about a time a model regressed in production.',
    source: 'lesson',
    stresses: 'attribution',
    hint: 'Name the cause, not the symptom, and where in the system it started.',
  },
  {
    id: 'most-significant-ai-incident',
    text: 'Walk me through the most significant AI/ML incident you owned end-to-end.',
    source: 'lesson',
    stresses: 'system_learning',
    hint: 'End-to-end means all the layers, closing on what you learned about the system.',
  },
  {
    id: 'found-out-late',
    text: 'Tell me about a production problem your team found out about later than it should have.',
    source: 'app',
    stresses: 'detection',
    hint: 'Be honest about who noticed first and how long it was live; make the gap part of the fix.',
  },
  {
    id: 'near-miss-recurred',
    text: 'Tell me about a warning sign you or your team ignored, and what happened next.',
    source: 'app',
    stresses: 'detection',
    hint: 'Owning the earlier near-miss is the rare honesty signal.',
  },
  {
    id: 'data-quality-incident',
    text: 'Describe a data-quality issue that reached a model in production. How did you handle it?',
    source: 'app',
    stresses: 'attribution',
    hint: 'Trace it to the producer or pipeline that changed, and say whose surface it was.',
  },
  {
    id: 'prevent-recurrence',
    text: 'Tell me about something you changed so that a class of failure could not happen again.',
    source: 'app',
    stresses: 'structural_fix',
    hint: 'Point to a continuing artifact (gate, contract, alert tier, runbook) and what it has caught since.',
  },
  {
    id: 'postmortem-you-led',
    text: 'Walk me through a postmortem you led. What came out of it that is still in place?',
    source: 'app',
    stresses: 'structural_fix',
    hint: 'A postmortem is a structural-change proposal; name the action items that are still running.',
  },
  {
    id: 'lesson-applied-elsewhere',
    text: 'What is a lesson from an outage that changed how you build systems today?',
    source: 'app',
    stresses: 'system_learning',
    hint: 'State the meta-observation, then name at least one other place you have applied it.',
  },
  {
    id: 'judgment-under-pressure',
    text: 'Tell me about a time you had to make a call under pressure during an incident.',
    source: 'app',
    stresses: 'mitigation',
    hint: 'Keep the decision to two sentences; the interviewer still grades what changed afterwards.',
  },
  {
    id: 'silent-failure',
    text: 'Tell me about a failure that was silent: nothing crashed, but results were wrong.',
    source: 'app',
    stresses: 'detection',
    hint: 'Say how long it ran unseen and which detection tier would have caught it.',
  },
  {
    id: 'cross-team-incident',
    text: 'Describe an incident whose cause was in another team’s system. What did you do about it?',
    source: 'app',
    stresses: 'structural_fix',
    hint: 'A contract or review with the producer team is the structural fix, not the escalation.',
  },
];

export const CUSTOM_QUESTION_MAX_LENGTH = 300;

export function questionById(id: string): PracticeQuestion | undefined {
  return QUESTION_BANK.find((q) => q.id === id);
}
