/**
 * The lesson's self-assessment rubric: four dimensions, each Weak / Passing / Strong / Staff bar,
 * with the quotes that earned the level and one concrete change that reaches the next level.
 * Levels follow the lesson's definitions; wording of reasons and advice is the app's own.
 */
import { STORY_LAYERS, type Layer } from './layers';
import { layerQuotes, type StoryFacts } from './facts';
import {
  RUBRIC_LEVELS,
  type AnalyzedSentence,
  type LayerStats,
  type Quote,
  type Rubric,
  type RubricLevel,
  type RubricScore,
} from './types';

/** Structural fix "dominates" when it has this many times the time of the largest of headline/L1-L3. */
const DOMINANCE_RATIO = 1.4;
/**
 * ...or, less clearly ahead of the longest earlier part, at least this ratio while layers 1-3
 * together are short: the fix has at least SOFT_EARLY_SUM_RATIO of the time of detection,
 * attribution and mitigation combined. That is the rubric's own wording ("layer 4 dominates and
 * layers 1-3 are short"), and two measures that agree are more robust than one cliff. (Between
 * 1.2x and 1.4x, labelled stories graded strong had 0.60-0.64 of L1-3's time, passing ones
 * 0.45-0.52.)
 */
const SOFT_DOMINANCE_RATIO = 1.2;
const SOFT_EARLY_SUM_RATIO = 0.56;
/** Mitigation "dominates" when it takes at least this share of speaking time and more than L4. */
const MITIGATION_DOMINATES_SHARE = 0.3;

export interface RubricInput {
  sentences: readonly AnalyzedSentence[];
  layers: Record<Layer, LayerStats>;
  facts: StoryFacts;
}

function nextLevel(level: RubricLevel): RubricLevel | null {
  const i = RUBRIC_LEVELS.indexOf(level);
  return RUBRIC_LEVELS[i + 1] ?? null;
}

function score(
  dimension: RubricScore['dimension'],
  title: string,
  level: RubricLevel,
  reason: string,
  evidence: Quote[],
  advice: string,
): RubricScore {
  return { dimension, title, level, reason, evidence: evidence.slice(0, 4), nextLevel: nextLevel(level), advice };
}

function secs(x: number): string {
  return `${Math.round(x)} s`;
}

/** True when the story's last story-layer sentence is the lesson, or the lesson ends no earlier than the fix. */
function closesOnLearning(sentences: readonly AnalyzedSentence[], layers: Record<Layer, LayerStats>): boolean {
  const lastStory = [...sentences].reverse().find((s) => (STORY_LAYERS as readonly string[]).includes(s.layer));
  return (
    lastStory?.layer === 'system_learning' ||
    (layers.system_learning.lastEnd !== null && (layers.structural_fix.lastEnd ?? 0) <= layers.system_learning.lastEnd)
  );
}

/** Below this share of the longest earlier layer, the fix is not "similar" to it but shorter. */
const SIMILAR_SHARE = 0.8;

function balanceScore(level: RubricLevel, reason: string, evidence: Quote[], advice: string): RubricScore {
  return score('layer_balance', 'Layer balance', level, reason, evidence, advice);
}

/** Weak whatever the proportions elsewhere: no fix at all, or a recovery that outweighs it. */
function weakBalance({ sentences, layers }: RubricInput): RubricScore | null {
  const m = layers.mitigation.seconds;
  const sf = layers.structural_fix.seconds;
  if (sf === 0) {
    return balanceScore(
      'weak',
      `The story never reaches a structural fix${m > 0 ? ', so it ends at mitigation' : ''}.`,
      layerQuotes(sentences, 'mitigation', 3),
      'Add the lasting change you made after the incident and give it more time than the recovery.',
    );
  }
  if (layers.mitigation.share >= MITIGATION_DOMINATES_SHARE && m > sf) {
    return balanceScore(
      'weak',
      `Mitigation takes ${secs(m)} (${pct(layers.mitigation.share)} of the answer), more than the structural fix (${secs(sf)}).`,
      layerQuotes(sentences, 'mitigation', 3),
      'Tell the recovery in at most two sentences and spend the time you free on the structural fix.',
    );
  }
  return null;
}

/** Passing, strong or staff bar: how clearly the fix outweighs the earlier layers, and how the story ends. */
function fixDominanceGrade({ sentences, layers, facts }: RubricInput, closesOnLesson: boolean): RubricScore {
  const sf = layers.structural_fix.seconds;
  const early = Math.max(
    layers.headline.seconds,
    layers.detection.seconds,
    layers.attribution.seconds,
    layers.mitigation.seconds,
  );
  const earlySum = layers.detection.seconds + layers.attribution.seconds + layers.mitigation.seconds;
  const ratio = early > 0 ? sf / early : Infinity;
  const sumRatio = earlySum > 0 ? sf / earlySum : Infinity;
  const dominates = ratio >= DOMINANCE_RATIO || (ratio >= SOFT_DOMINANCE_RATIO && sumRatio >= SOFT_EARLY_SUM_RATIO);
  // How close the grade is, in seconds the user can act on (a ratio and its cut-off would be the
  // engine's internals, not advice), so a near miss reads as one.
  const short = Math.max(0, Math.round(DOMINANCE_RATIO * early - sf));
  const margin =
    Number.isFinite(ratio) && short > 0
      ? ` About ${secs(short)} more on the fix would make it clearly the longest part.`
      : '';
  if (!dominates) {
    return balanceScore(
      'passing',
      // "Similar" only where it is: a fix a fraction of the length of the cause is told so.
      `${
        sf < SIMILAR_SHARE * early
          ? `The structural fix (${secs(sf)}) is shorter than the earlier parts (up to ${secs(early)}).`
          : `Layers 1-4 get similar time: structural fix ${secs(sf)} against up to ${secs(early)} for the earlier parts.`
      }${margin}`,
      layerQuotes(sentences, 'structural_fix', 2),
      `Make the structural fix clearly the longest part: trim headline, detection, attribution and mitigation to a sentence or two each and aim for at least ${secs(DOMINANCE_RATIO * early)} on the fix.`,
    );
  }
  if (closesOnLesson && facts.learningSpecific) {
    return balanceScore(
      'staff_bar',
      `The structural fix dominates (${secs(sf)}, ${pct(layers.structural_fix.share)}) and the story closes on a system-level lesson.${margin}`,
      [...layerQuotes(sentences, 'structural_fix', 2), ...layerQuotes(sentences, 'system_learning', 1)],
      'Keep this shape; rehearse it at your target length so the layers keep their proportions under time pressure.',
    );
  }
  return balanceScore(
    'strong',
    `The structural fix dominates (${secs(sf)}, ${pct(layers.structural_fix.share)}) and the earlier layers are concise.${margin}`,
    layerQuotes(sentences, 'structural_fix', 2),
    layers.system_learning.sentences === 0
      ? 'Close the story on a system-level lesson: what this class of failure taught you and where you have applied it since.'
      : 'Make the closing lesson specific to the class of failure and end the story on it.',
  );
}

function assessLayerBalance(input: RubricInput): RubricScore & { closesOnLearning: boolean } {
  const closes = closesOnLearning(input.sentences, input.layers);
  return { ...(weakBalance(input) ?? fixDominanceGrade(input, closes)), closesOnLearning: closes };
}

function assessStructuralFix({ sentences, facts }: RubricInput): RubricScore {
  const title = 'Structural fix specificity';
  const sfQuotes = layerQuotes(sentences, 'structural_fix', 3);
  if (facts.specificArtifact.length === 0) {
    const reason =
      sfQuotes.length === 0
        ? 'There is no structural fix in the story.'
        : 'The structural fix is only described in general terms (for example "more monitoring").';
    return score(
      'structural_fix_specificity',
      title,
      'weak',
      reason,
      facts.vagueFix.length > 0 ? facts.vagueFix : sfQuotes,
      'Name the artifact: which gate, alert, contract, check or runbook, what exactly it checks, and what happens when it fires.',
    );
  }
  if (facts.laterCatches.length === 0) {
    return score(
      'structural_fix_specificity',
      title,
      'passing',
      'The fix names a specific artifact, but the story does not say what it has caught since.',
      facts.specificArtifact,
      'Add evidence that the artifact works: what it has caught or blocked since it shipped, how many times, and how fast.',
    );
  }
  if (facts.framework.length === 0) {
    return score(
      'structural_fix_specificity',
      title,
      'strong',
      'The fix names a specific artifact and what it has caught since.',
      [...facts.specificArtifact.slice(0, 2), ...facts.laterCatches.slice(0, 1)],
      'Place the artifact in a framework, for example which tier of the detection-latency hierarchy it moved this failure to, or which ownership model it follows.',
    );
  }
  return score(
    'structural_fix_specificity',
    title,
    'staff_bar',
    'The fix names a specific artifact, what it has caught since, and ties it to a named framework.',
    [...facts.specificArtifact.slice(0, 1), ...facts.laterCatches.slice(0, 1), ...facts.framework.slice(0, 1)],
    'Keep the framework reference short and make sure you can explain how the artifact is wired if asked.',
  );
}

function assessSystemLearning({ sentences, facts }: RubricInput): RubricScore {
  const title = 'System learning';
  const slQuotes = layerQuotes(sentences, 'system_learning', 3);
  if (slQuotes.length === 0) {
    return score(
      'system_learning',
      title,
      'weak',
      'The story has no system learning (Layer 5).',
      [],
      'End with the lesson about this class of failure: what you now believe about the system that you did not before.',
    );
  }
  if (!facts.learningSpecific) {
    return score(
      'system_learning',
      title,
      'passing',
      'The lesson is generic; it would fit almost any incident.',
      slQuotes,
      'Make the lesson specific to the failure class: what mechanism made this failure possible, and where else that mechanism exists.',
    );
  }
  if (facts.appliedElsewhere.length === 0) {
    return score(
      'system_learning',
      title,
      'strong',
      'The lesson is a specific observation about this class of failure, but the story does not show it applied elsewhere.',
      facts.learningMechanism.length > 0 ? facts.learningMechanism : slQuotes,
      'Name at least one other place where you applied the lesson since, and what you found there.',
    );
  }
  return score(
    'system_learning',
    title,
    'staff_bar',
    'The lesson is specific to the class of failure and the story names where it has been applied since.',
    [
      ...(facts.learningMechanism.length > 0 ? facts.learningMechanism.slice(0, 1) : slQuotes.slice(0, 1)),
      ...facts.appliedElsewhere.slice(0, 2),
    ],
    'Keep it concrete: one sentence for the lesson, one or two named applications, and what each one found.',
  );
}

function assessHonesty({ sentences, facts }: RubricInput): RubricScore {
  const title = 'Honesty about detection';
  const detQuotes = layerQuotes(sentences, 'detection', 3);
  if (!facts.detectionPresent) {
    return score(
      'honesty_about_detection',
      title,
      'weak',
      'The story skips how the team found out.',
      [],
      'Say plainly how the team learned about it and how long it ran first, even if a customer told you.',
    );
  }
  if (facts.polished) {
    return score(
      'honesty_about_detection',
      title,
      'weak',
      'Detection credits your monitoring, but the story shows someone else noticed first.',
      [...facts.monitoringCredited.slice(0, 1), ...facts.externalNotice.slice(0, 1)],
      'Say who really noticed first ("the ops team told us before any alert fired"); an honest gap is more credible than a polished one.',
    );
  }
  const strong = facts.gapAdmitted && facts.gapClosedInFix.length > 0;
  if (!strong) {
    const advice = facts.gapAdmitted
      ? 'Connect the detection gap to your fix: say which part of the structural fix closes it and how fast the same failure would be seen now.'
      : 'If detection was slower or less automatic than ideal, say so, and show how the fix shortened it.';
    return score(
      'honesty_about_detection',
      title,
      'passing',
      facts.gapAdmitted
        ? 'You are honest about how the team found out, but the fix is not tied back to that detection gap.'
        : 'You give a straight account of how the team found out.',
      facts.gapAdmitted ? [...facts.ownGapAdmission.slice(0, 1), ...facts.externalNotice.slice(0, 1)] : detQuotes,
      advice,
    );
  }
  if (facts.nearMiss.length === 0) {
    return score(
      'honesty_about_detection',
      title,
      'strong',
      'You admit the detection gap and name it as part of the structural fix.',
      [
        ...(facts.ownGapAdmission[0] ? [facts.ownGapAdmission[0]] : facts.externalNotice.slice(0, 1)),
        ...facts.gapClosedInFix.slice(0, 1),
      ],
      'If there was an earlier warning or near-miss you underweighted, own it; it is the rarest honesty signal.',
    );
  }
  return score(
    'honesty_about_detection',
    title,
    'staff_bar',
    'You admit the detection gap, close it in the fix, and own an earlier near-miss.',
    [...facts.nearMiss.slice(0, 1), ...facts.gapClosedInFix.slice(0, 1)],
    'Keep the near-miss to one or two sentences and say what you now do differently when a first occurrence happens.',
  );
}

export function assessRubric(input: RubricInput): { rubric: Rubric; closesOnLearning: boolean } {
  const balance = assessLayerBalance(input);
  const { closesOnLearning, ...layerBalance } = balance;
  return {
    rubric: {
      layer_balance: layerBalance,
      structural_fix_specificity: assessStructuralFix(input),
      system_learning: assessSystemLearning(input),
      honesty_about_detection: assessHonesty(input),
    },
    closesOnLearning,
  };
}

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}
