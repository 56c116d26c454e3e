/**
 * Coaching feedback: the three changes that would raise the level most (ordered by what blocks
 * the next tier first), a restructured outline for the chosen answer length, and the follow-up
 * question an interviewer would ask about the weakest layer.
 */
import { budgetForLength } from './budget';
import { layerName, OUTLINE_LAYERS, STORY_LAYERS, type Layer, type OutlineLayer, type StoryLayer } from './layers';
import { layerQuotes, quoteOf, type StoryFacts } from './facts';
import type {
  AnalyzedSentence,
  CommonFailures,
  Constraints,
  Delivery,
  Feedback,
  FeedbackFix,
  FollowUpQuestion,
  LayerStats,
  NotGradedReason,
  Outline,
  Quote,
  Rubric,
  TierResult,
} from './types';

interface Candidate extends Omit<FeedbackFix, 'priority'> {
  /** Higher first: tier blockers, then rubric gaps, then polish. */
  weight: number;
}

export interface FeedbackInput {
  sentences: readonly AnalyzedSentence[];
  layers: Record<Layer, LayerStats>;
  rubric: Rubric;
  constraints: Constraints;
  failures: CommonFailures;
  tier: TierResult;
  facts: StoryFacts;
  delivery: Delivery;
  lengthSeconds: number;
}

/**
 * The recovery outlasts a structural fix that is there, or took over a story without one. With no
 * fix at all, "less time than the fix" means adding the fix (advice of its own): a one-line
 * recovery is not told to shrink, and the follow-up asks about the fix.
 */
function recoveryOutlastsFix({ layers, failures }: Pick<FeedbackInput, 'layers' | 'failures'>): boolean {
  const m = layers.mitigation.seconds;
  const fix = layers.structural_fix;
  return m > 0 && m > fix.seconds && (fix.sentences > 0 || failures.mitigation_dominates.detected);
}

/**
 * Mitigation advice only where the figures beside it agree: "two sentences" when the two-sentence
 * check fails, "less time" when mitigation outlasts a structural fix or is the longest part of a
 * story without one, nothing otherwise.
 */
function mitigationAdvice({
  layers,
  constraints,
  rubric,
  failures,
}: Pick<FeedbackInput, 'layers' | 'constraints' | 'rubric' | 'failures'>): Pick<
  Candidate,
  'id' | 'title' | 'detail'
> | null {
  const m = layers.mitigation;
  const fix = layers.structural_fix;
  const timing = `${m.sentences} ${m.sentences === 1 ? 'sentence' : 'sentences'} and ${Math.round(m.seconds)} s`;
  if (!constraints.mitigation_at_most_two_sentences.met) {
    return {
      id: 'shrink_mitigation',
      title: 'Cut mitigation to two sentences',
      detail: `Mitigation takes ${timing}. Say what restored service and how fast in one or two sentences, and move the time to the structural fix.`,
    };
  }
  if (rubric.layer_balance.level === 'weak' && recoveryOutlastsFix({ layers, failures })) {
    return {
      id: 'shrink_mitigation',
      title: 'Spend less time on mitigation than on the fix',
      detail: `Mitigation takes ${timing}; the structural fix takes ${Math.round(fix.seconds)} s. Keep the recovery to what restored service and how fast, and move the time to the structural fix.`,
    };
  }
  return null;
}

/** One piece of advice: the candidates it offers for this answer, none when it does not apply. */
type Advice = (input: FeedbackInput) => Candidate[];

/** A missing or general structural fix blocks every tier above senior, so it weighs most. */
function nameTheArtifact({ sentences, layers, rubric, facts }: FeedbackInput): Candidate[] {
  if (rubric.structural_fix_specificity.level !== 'weak') return [];
  const missing = layers.structural_fix.sentences === 0;
  return [
    {
      id: 'name_the_artifact',
      title: missing ? 'Add the structural fix' : 'Name the structural artifact',
      detail: missing
        ? `The story stops ${layers.mitigation.sentences > 0 ? 'at recovery' : 'before any lasting change'}. Add what you changed so this class of failure cannot recur or is caught early: the gate, alert, contract or runbook, what it checks, and who it pages.`
        : 'Replace the general follow-up ("more monitoring", "more checks") with the actual artifact: what it checks, its threshold, what it blocks or who it pages, and that it still runs.',
      dimension: 'structural_fix_specificity',
      evidence: facts.vagueFix.length > 0 ? facts.vagueFix : layerQuotes(sentences, 'structural_fix', 2),
      weight: 100,
    },
  ];
}

function shrinkMitigation(input: FeedbackInput): Candidate[] {
  const { sentences, rubric } = input;
  const mitigation = mitigationAdvice(input);
  if (!mitigation) return [];
  return [
    {
      ...mitigation,
      dimension: 'layer_balance',
      evidence: layerQuotes(sentences, 'mitigation', 3),
      weight: rubric.layer_balance.level === 'weak' ? 95 : 60,
    },
  ];
}

function honestDetection({ facts, tier }: FeedbackInput): Candidate[] {
  if (!facts.polished) return [];
  return [
    {
      id: 'honest_detection',
      title: 'Tell detection as it happened',
      detail:
        'Your account credits monitoring, but the story shows someone else noticed first. Say who noticed, how long it had been live, and then show the fix that closes that gap.',
      dimension: 'honesty_about_detection',
      evidence: [...facts.monitoringCredited.slice(0, 1), ...facts.externalNotice.slice(0, 1)],
      weight: tier.tier === 'senior' ? 80 : 70,
    },
  ];
}

function growStructuralFix(input: FeedbackInput): Candidate[] {
  const { sentences, rubric } = input;
  // A weak balance that mitigation does not explain is about the fix being too short.
  const balanceWithoutMitigation = rubric.layer_balance.level === 'weak' && mitigationAdvice(input) === null;
  const balanceToFix = rubric.layer_balance.level === 'passing' || balanceWithoutMitigation;
  if (!balanceToFix || rubric.structural_fix_specificity.level === 'weak') return [];
  return [
    {
      id: 'grow_structural_fix',
      title: 'Make the structural fix the longest part',
      detail: rubric.layer_balance.advice,
      dimension: 'layer_balance',
      evidence: layerQuotes(sentences, 'structural_fix', 2),
      weight: 65,
    },
  ];
}

function systemLearningAdvice({ sentences, rubric, tier }: FeedbackInput): Candidate[] {
  const senior = tier.tier === 'senior';
  const { level, advice, evidence } = rubric.system_learning;
  const dimension = 'system_learning';
  if (level === 'weak') {
    return [
      {
        id: 'add_system_learning',
        title: 'Add the system learning (Layer 5)',
        detail:
          'Close with what this incident taught you about the class of failure, and one place you have applied that lesson since.',
        dimension,
        evidence: [],
        weight: senior ? 50 : 75,
      },
    ];
  }
  if (level === 'passing') {
    return [
      {
        id: 'specific_learning',
        title: 'Make the lesson specific',
        detail: advice,
        dimension,
        evidence: layerQuotes(sentences, 'system_learning', 2),
        weight: senior ? 45 : 72,
      },
    ];
  }
  if (level === 'strong') {
    return [
      {
        id: 'apply_learning_elsewhere',
        title: 'Show the lesson applied elsewhere',
        detail: advice,
        dimension,
        evidence: evidence.slice(0, 1),
        weight: 74,
      },
    ];
  }
  return [];
}

/** Past a specific fix, the next step is proving it: what it caught, then the framework it fits. */
function proveTheFix({ rubric, facts }: FeedbackInput): Candidate[] {
  const { level, advice } = rubric.structural_fix_specificity;
  if (level !== 'passing' && level !== 'strong') return [];
  return [
    {
      id: level === 'passing' ? 'cite_later_catches' : 'tie_to_framework',
      title: level === 'passing' ? 'Say what the fix has caught since' : 'Tie the fix to a framework',
      detail: advice,
      dimension: 'structural_fix_specificity',
      evidence: facts.specificArtifact.slice(0, 1),
      weight: level === 'passing' ? 58 : 40,
    },
  ];
}

/**
 * A polished account already gets honest_detection; this covers the honest ones. A story with no
 * detection at all gets "Add one sentence of Detection" instead: the same advice twice would take
 * two of the three places.
 */
function detectionHonestyAdvice({ rubric, facts, layers }: FeedbackInput): Candidate[] {
  const { level, advice, evidence } = rubric.honesty_about_detection;
  if (facts.polished || (level !== 'weak' && level !== 'passing' && level !== 'strong')) return [];
  if (level === 'weak' && layers.detection.sentences === 0) return [];
  // Tying detection to the fix waits until there is a fix: adding one comes first.
  if (level === 'passing' && layers.structural_fix.sentences === 0) return [];
  return [
    {
      id: level === 'strong' ? 'own_near_miss' : 'connect_detection_gap',
      title:
        level === 'weak'
          ? 'Say how the team found out'
          : level === 'strong'
            ? 'Own the earlier near-miss, if there was one'
            : 'Connect detection to the fix',
      detail: advice,
      dimension: 'honesty_about_detection',
      evidence: evidence.slice(0, 1),
      weight: level === 'weak' ? 62 : level === 'strong' ? 30 : 48,
    },
  ];
}

function connectToToday({ failures, rubric }: FeedbackInput): Candidate[] {
  if (!failures.closed_past_event.detected || rubric.structural_fix_specificity.level === 'weak') return [];
  return [
    {
      id: 'connect_to_today',
      title: 'Connect the story to today',
      detail:
        'Say what still runs and what you still apply: "both checks are still in production" or "it is the first question I ask in reviews".',
      dimension: null,
      evidence: [],
      weight: 35,
    },
  ];
}

function addMissingEarlyLayers({ layers }: FeedbackInput): Candidate[] {
  const missingEarly = (['detection', 'attribution'] as const).filter((l) => layers[l].sentences === 0);
  return missingEarly.map((l) => ({
    id: `add_${l}`,
    title: `Add one sentence of ${layerName(l)}`,
    detail:
      l === 'detection'
        ? 'Say in one sentence how the team found out and how long the failure was live first.'
        : 'Say in one sentence what actually broke (the cause, not the symptom) and whose system it was in.',
    dimension: l === 'detection' ? 'honesty_about_detection' : null,
    evidence: [],
    weight: 55,
  }));
}

function reduceFillers({ delivery }: FeedbackInput): Candidate[] {
  // Estimated times come from a typed answer, whose fillers were never spoken.
  if (delivery.timesEstimated || delivery.overall.fillersPer100Words < 4) return [];
  return [
    {
      id: 'reduce_fillers',
      title: 'Cut filler words',
      detail: `About ${Math.round(delivery.overall.fillersPer100Words)} fillers per 100 words. Pause silently instead of filling; rehearse the openings of each layer.`,
      dimension: null,
      evidence: [],
      weight: 20,
    },
  ];
}

/** In the order candidates are offered, which settles ties in weight. */
const ADVICE: readonly Advice[] = [
  nameTheArtifact,
  shrinkMitigation,
  honestDetection,
  growStructuralFix,
  systemLearningAdvice,
  proveTheFix,
  detectionHonestyAdvice,
  connectToToday,
  addMissingEarlyLayers,
  reduceFillers,
];

function candidates(input: FeedbackInput): Candidate[] {
  return ADVICE.flatMap((advise) => advise(input));
}

function topFixes(input: FeedbackInput): FeedbackFix[] {
  return candidates(input)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3)
    .map(({ weight: _weight, ...fix }, i) => ({ ...fix, priority: i + 1 }));
}

const GUIDANCE: Record<OutlineLayer, string> = {
  // No count here: the budget gives the headline two or three sentences in a longer answer.
  headline: 'Open on the headline: the system, what went wrong, and the impact in numbers.',
  detection: 'How you actually found out and how long it was live first. Be honest if someone else noticed.',
  attribution: 'The cause, not the symptom: where it started and whose system it was in.',
  mitigation: 'At most two sentences: what restored service and how fast.',
  structural_fix:
    'The longest part: the specific artifact (gate, alert, contract, runbook), what it checks, who owns it, that it still runs, and what it has caught since.',
  system_learning: 'The lesson about this class of failure, and one or two places you have applied it since.',
};

function buildOutline(
  sentences: readonly AnalyzedSentence[],
  layers: Record<Layer, LayerStats>,
  lengthSeconds: number,
  facts: StoryFacts,
): Outline {
  const budget = budgetForLength(lengthSeconds);
  const best = (layer: OutlineLayer): Quote | null => {
    const preferred: Partial<Record<OutlineLayer, Quote[]>> = {
      structural_fix: facts.specificArtifact,
      system_learning: facts.learningMechanism,
      detection: [...facts.ownGapAdmission, ...facts.externalNotice],
      attribution: facts.causeStated,
    };
    const q = preferred[layer]?.[0];
    if (q) return q;
    const s = sentences.find((x) => x.layer === layer);
    return s ? quoteOf(s) : null;
  };
  return {
    lengthSeconds,
    steps: OUTLINE_LAYERS.map((layer) => ({
      layer,
      targetSeconds: budget.seconds[layer],
      targetSentences: budget.sentences[layer],
      guidance: GUIDANCE[layer],
      fromYourAnswer: best(layer),
      actualSeconds: Math.round(layers[layer].seconds * 10) / 10,
    })),
  };
}

const QUESTIONS: Record<StoryLayer, { question: string; why: string }> = {
  detection: {
    question:
      'Walk me through how that alert is wired: what does it measure, what threshold fires it, and who gets paged?',
    why: 'Detection is where over-claiming is easiest to test, and your account of it is the thinnest part of the story.',
  },
  attribution: {
    question: 'What was the actual root cause, as opposed to what you first saw, and whose system did it start in?',
    why: 'The cause is not clearly separated from the symptom, so an interviewer will check whether you were at the centre of the debugging.',
  },
  mitigation: {
    question:
      'If you had one sentence for the recovery, what would it be, and what did you change so you never need that recovery again?',
    why: 'Most of the story is recovery; the interviewer will steer you towards the structural change.',
  },
  structural_fix: {
    question: 'What exactly did you ship so this cannot happen again, who owns it today, and what has it caught since?',
    why: 'The structural fix decides the level, and yours is not yet specific or proven.',
  },
  system_learning: {
    question: 'What did this incident teach you about the system, and where else have you applied that since?',
    why: 'The lesson is missing or generic; this is what separates L7 from Staff.',
  },
};

/** True when mitigation holds more than half of the story's spoken time. */
function mostlyRecovery(layers: Record<Layer, LayerStats>): boolean {
  const story = STORY_LAYERS.reduce((sum, l) => sum + layers[l].seconds, 0);
  return story > 0 && layers.mitigation.seconds / story > 0.5;
}

/**
 * The probe of detection asks about what the story told: how anyone found out when it never says,
 * who noticed when no alert is credited, the alert's wiring only when there was one; a story
 * honest about detection is asked how today's alert would catch it.
 */
function detectionQuestion(
  rubric: Rubric,
  layers: Record<Layer, LayerStats>,
  facts: StoryFacts,
): { question: string; why: string } {
  // Only a fix that now detects the failure has an alert to ask about; a fix that prevents it
  // (separated credentials, an approval step) is asked what would see the failure now.
  if (rubric.honesty_about_detection.level !== 'weak')
    return facts.gapClosedInFix.length > 0
      ? {
          question:
            'How is the alert that would catch this today wired, and how long would the same failure take to detect now?',
          why: 'A strong story still gets probed on detection; have the wiring and the new latency ready.',
        }
      : {
          question: 'If the same failure happened today, what would notice it first, and how fast?',
          why: 'A strong story still gets probed on detection; have the signal that would see it now, and how fast, ready.',
        };
  if (layers.detection.sentences === 0)
    return {
      question: 'How did you first find out, and how long had it been going on by then?',
      why: 'The story never says how the team found out; an interviewer will ask, and detection is where over-claiming is easiest to test.',
    };
  if (facts.monitoringCredited.length === 0)
    return {
      question: 'Who noticed it first, and why did no alert catch it sooner?',
      why: QUESTIONS.detection.why,
    };
  return QUESTIONS.detection;
}

function followUpQuestion({ rubric, layers, facts, failures }: FeedbackInput): FollowUpQuestion {
  let layer: StoryLayer;
  const mitigationOutlastsFix = recoveryOutlastsFix({ layers, failures });
  if (rubric.structural_fix_specificity.level === 'weak')
    layer = rubric.layer_balance.level === 'weak' && mitigationOutlastsFix ? 'mitigation' : 'structural_fix';
  else if (rubric.honesty_about_detection.level === 'weak') layer = 'detection';
  else if (rubric.system_learning.level === 'weak' || rubric.system_learning.level === 'passing')
    layer = 'system_learning';
  else if (layers.attribution.sentences === 0) layer = 'attribution';
  else if (rubric.structural_fix_specificity.level === 'passing') layer = 'structural_fix';
  else if (rubric.system_learning.level === 'strong') layer = 'system_learning';
  else layer = 'detection';
  if (layer === 'detection') return { layer, ...detectionQuestion(rubric, layers, facts) };
  const base =
    layer === 'mitigation' && !mostlyRecovery(layers)
      ? {
          ...QUESTIONS.mitigation,
          why: 'The recovery takes longer than the structural fix; the interviewer will steer you towards the structural change.',
        }
      : QUESTIONS[layer];
  if (layer === 'structural_fix' && facts.specificArtifact.length > 0 && facts.laterCatches.length === 0) {
    return {
      layer,
      question: 'That artifact sounds useful: what has it actually caught since it shipped, and how quickly?',
      why: 'The fix is specific but unproven; interviewers ask for evidence that it works.',
    };
  }
  if (layer === 'system_learning' && rubric.system_learning.level === 'strong') {
    return {
      layer,
      question: 'Where else in your systems have you applied that observation, and what did you find?',
      why: 'The lesson is specific but not shown applied elsewhere.',
    };
  }
  return { layer, ...base };
}

function buildSummary(tier: TierResult, rubric: Rubric, layers: Record<Layer, LayerStats>): string {
  const tierText = tier.tier === 'l7' ? 'L7' : tier.tier === 'staff' ? 'Staff' : 'Senior';
  const sf = Math.round(layers.structural_fix.seconds);
  const m = Math.round(layers.mitigation.seconds);
  const parts = [`This story currently reads at ${tierText} level.`];
  parts.push(`Structural fix ${sf} s against mitigation ${m} s.`);
  const weakest = Object.values(rubric).sort((a, b) => levelRank(a.level) - levelRank(b.level))[0];
  if (weakest && weakest.level !== 'staff_bar')
    parts.push(`Weakest dimension: ${weakest.title.toLowerCase()} (${weakest.level.replace('_', ' ')}).`);
  if (tier.toReachNext) parts.push(`Next step: ${tier.toReachNext}`);
  return parts.join(' ');
}

function levelRank(level: string): number {
  return ['weak', 'passing', 'strong', 'staff_bar'].indexOf(level);
}

export function buildFeedback(input: FeedbackInput): Feedback {
  return {
    summary: buildSummary(input.tier, input.rubric, input.layers),
    topFixes: topFixes(input),
    outline: buildOutline(input.sentences, input.layers, input.lengthSeconds, input.facts),
    followUp: followUpQuestion(input),
  };
}

/**
 * Advice for an answer that was not graded: what is missing and what to do, the outline of a
 * story to tell instead, and the question an interviewer would ask first. No rubric, no tier.
 */
export function notGradedFeedback(
  reason: NotGradedReason | null,
  sentences: readonly AnalyzedSentence[],
  layers: Record<Layer, LayerStats>,
  lengthSeconds: number,
  facts: StoryFacts,
): Feedback {
  const message = reason?.message ?? 'This answer was not graded.';
  const next = reason?.next ?? 'Tell an incident you owned, from what broke to what you changed.';
  return {
    summary: `Not graded. ${message}`,
    topFixes: [
      {
        priority: 1,
        id: 'tell-an-incident',
        title: 'Tell an incident story',
        detail: next,
        dimension: null,
        evidence: [],
      },
    ],
    outline: buildOutline(sentences, layers, lengthSeconds, facts),
    followUp: {
      layer: 'detection',
      question: 'Which incident are you thinking of, and how did you first find out something was wrong?',
      why: 'An interviewer starts here when the answer has not yet named an incident.',
    },
  };
}
