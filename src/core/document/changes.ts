/**
 * The top changes to a postmortem document, most important first, each derived from the figures
 * the audit shows (layers present, the lesson's constraints and common failures) and quoting the
 * sentences it is about. Written for a document's author, not for a speaker.
 */
import type { Layer } from '../analysis/layers';
import type { Analysis, Quote } from '../analysis/types';
import type { AuditedSentence, DocumentChange } from './audit-schema';

interface Check {
  id: string;
  applies(a: Analysis, has: (l: Layer) => boolean): boolean;
  title: string;
  detail: string;
  /** Which sentences to quote. */
  about: Layer | null;
}

const CHECKS: readonly Check[] = [
  {
    id: 'no_detection',
    applies: (_a, has) => !has('detection'),
    title: 'No sentence says how the incident was detected or how late',
    detail:
      'Add who or what noticed first (an alert, a customer, a colleague), when, and how long the problem ran before that.',
    about: null,
  },
  {
    id: 'no_cause',
    applies: (_a, has) => !has('attribution'),
    title: 'No sentence says why it happened',
    detail: 'Name the mechanism: what changed, which assumption broke, and why nothing stopped it.',
    about: null,
  },
  {
    id: 'fix_without_artifact',
    applies: (a) => !a.constraints.structural_fix_names_continuing_artifact.met,
    title: 'Action items name no owner or artifact that still runs',
    detail:
      'For each action item, name the check, test, alert or guard it puts in place, who owns it, and that it still runs today.',
    about: 'structural_fix',
  },
  {
    id: 'no_system_learning',
    applies: (_a, has) => !has('system_learning'),
    title: 'No lesson reaches beyond this incident',
    detail: 'Add what the incident taught about the system or the organisation, and where else you applied it since.',
    about: null,
  },
  {
    id: 'learning_not_applied',
    applies: (a, has) => has('system_learning') && !a.constraints.system_learning_applied_elsewhere.met,
    title: 'The lessons stay inside this incident',
    detail: 'Say where else the lesson was applied: another service, team or process that changed because of it.',
    about: 'system_learning',
  },
  {
    id: 'recovery_dominates',
    applies: (a) => a.commonFailures.mitigation_dominates.detected,
    title: 'The recovery takes more room than the fix',
    detail: 'Keep how service was restored to a few lines and give the space to what changed for good.',
    about: 'mitigation',
  },
  {
    id: 'detection_polished',
    applies: (a, has) => has('detection') && !a.constraints.detection_gap_or_prior_near_miss_owned.met,
    title: 'Detection reads as if monitoring worked',
    detail:
      'Say what monitoring missed, how late the problem was noticed, or the earlier warning sign that was missed.',
    about: 'detection',
  },
];

export function documentChanges(analysis: Analysis, sentences: readonly AuditedSentence[]): DocumentChange[] {
  const has = (l: Layer) => sentences.some((s) => s.layer === l);
  return CHECKS.filter((c) => c.applies(analysis, has))
    .slice(0, 3)
    .map((c) => ({ id: c.id, title: c.title, detail: c.detail, evidence: c.about ? quotes(analysis, c.about) : [] }));
}

function quotes(analysis: Analysis, layer: Layer): Quote[] {
  return analysis.sentences
    .filter((s) => s.layer === layer)
    .slice(0, 2)
    .map((s) => ({ sentenceIndex: s.index, text: s.text, start: s.start, end: s.end, layer }));
}
