/**
 * The lesson's four practice constraints, its five common failures, and the overall tier.
 */
import { OUTLINE_LAYERS, type Layer } from './layers';
import { quoteOf, union, type StoryFacts } from './facts';
import type {
  AnalyzedSentence,
  CommonFailures,
  Constraints,
  LayerStats,
  Rubric,
  RubricLevel,
  TierResult,
} from './types';

const LEVEL_RANK: Record<RubricLevel, number> = { weak: 0, passing: 1, strong: 2, staff_bar: 3 };

function atLeast(level: RubricLevel, min: RubricLevel): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[min];
}

export function assessConstraints(
  sentences: readonly AnalyzedSentence[],
  layers: Record<Layer, LayerStats>,
  facts: StoryFacts,
): Constraints {
  // Spoken sentences of mitigation (facts count a piece of a long run with the piece before it).
  const mitigation = facts.mitigationAction;
  const n = mitigation.length;
  return {
    mitigation_at_most_two_sentences: {
      key: 'mitigation_at_most_two_sentences',
      title: 'Mitigation in at most two sentences',
      met: n <= 2,
      detail:
        n === 0
          ? 'No mitigation sentence: fine, though one sentence on how service came back helps the listener.'
          : `Mitigation takes ${n} sentence${n === 1 ? '' : 's'} (${Math.round(layers.mitigation.seconds)} s).`,
      evidence: mitigation,
    },
    structural_fix_names_continuing_artifact: {
      key: 'structural_fix_names_continuing_artifact',
      title: 'Structural fix names a continuing artifact',
      met: facts.specificArtifact.length > 0,
      detail:
        facts.specificArtifact.length > 0
          ? facts.stillRunning.length > 0
            ? 'The fix names a specific artifact and says it is still in place.'
            : 'The fix names a specific artifact; saying it is still running would make it stronger.'
          : layers.structural_fix.sentences === 0
            ? 'There is no structural fix to name an artifact in.'
            : 'The fix does not name a specific artifact that is still in place.',
      evidence:
        facts.specificArtifact.length > 0
          ? union(facts.specificArtifact.slice(0, 2), facts.stillRunning.slice(0, 1))
          : facts.vagueFix,
    },
    system_learning_applied_elsewhere: {
      key: 'system_learning_applied_elsewhere',
      title: 'System learning applied elsewhere, with an example',
      met: facts.appliedElsewhere.length > 0,
      detail:
        facts.appliedElsewhere.length > 0
          ? 'The lesson is shown at work in another part of the system.'
          : layers.system_learning.sentences === 0
            ? 'There is no system learning to apply.'
            : 'The lesson is not shown applied anywhere else.',
      evidence: facts.appliedElsewhere,
    },
    detection_gap_or_prior_near_miss_owned: {
      key: 'detection_gap_or_prior_near_miss_owned',
      title: 'An honest detection gap or an owned prior near-miss',
      met: facts.gapAdmitted || facts.nearMiss.length > 0,
      detail:
        facts.nearMiss.length > 0
          ? 'You own an earlier near-miss.'
          : facts.gapAdmitted
            ? 'You admit the detection gap openly.'
            : facts.polished
              ? 'Detection is polished: monitoring gets the credit although someone else noticed first.'
              : 'Neither a detection gap nor an earlier near-miss is owned.',
      // One sentence often both admits the gap and names who noticed: it is quoted once.
      evidence: union(facts.nearMiss.slice(0, 1), facts.ownGapAdmission.slice(0, 1), facts.externalNotice.slice(0, 1)),
    },
  };
}

export function assessCommonFailures(
  sentences: readonly AnalyzedSentence[],
  layers: Record<Layer, LayerStats>,
  rubric: Rubric,
  facts: StoryFacts,
): CommonFailures {
  const mitigationQuotes = sentences.filter((s) => s.layer === 'mitigation').map(quoteOf);
  const closed = facts.stillRunning.length === 0 && facts.auditLens.length === 0 && facts.currentPractice.length === 0;
  const mitigation = layers.mitigation;
  // "Most of the story" must be true of the figures beside it: a short recovery in a story that
  // never reaches a fix is a missing fix (its own failure), not a recovery that took over.
  const longest = OUTLINE_LAYERS.every((l) => mitigation.seconds >= layers[l].seconds);
  return {
    mitigation_dominates: {
      key: 'mitigation_dominates',
      title: 'Mitigation consumed most of the story',
      detected: rubric.layer_balance.level === 'weak' && mitigation.seconds > layers.structural_fix.seconds && longest,
      detail: `Mitigation ${Math.round(mitigation.seconds)} s (${Math.round(mitigation.share * 100)}% of the story${longest && mitigation.seconds > 0 ? ', more than any other layer' : ''}) against ${Math.round(layers.structural_fix.seconds)} s of structural fix.`,
      evidence: mitigationQuotes.slice(0, 3),
    },
    vague_structural_fix: {
      key: 'vague_structural_fix',
      title:
        layers.structural_fix.sentences === 0
          ? 'No structural fix at all (Layer 4 is missing)'
          : 'The structural fix is vague ("we added monitoring")',
      detected: rubric.structural_fix_specificity.level === 'weak',
      detail:
        layers.structural_fix.sentences === 0
          ? 'The story ends before any lasting change is told.'
          : rubric.structural_fix_specificity.level === 'weak'
            ? 'The fix never names a specific artifact.'
            : 'The fix names a specific artifact.',
      evidence: rubric.structural_fix_specificity.level === 'weak' ? rubric.structural_fix_specificity.evidence : [],
    },
    skipped_system_learning: {
      key: 'skipped_system_learning',
      title: 'Skipped Layer 5 (system learning)',
      detected: layers.system_learning.sentences === 0,
      detail:
        layers.system_learning.sentences === 0
          ? 'The story ends without a lesson about the class of failure.'
          : 'The story includes a system learning.',
      evidence: [],
    },
    polished_detection: {
      key: 'polished_detection',
      title: 'Polished the detection answer',
      detected: facts.polished,
      detail: facts.polished
        ? 'Monitoring gets the credit although the story shows someone else noticed first.'
        : 'No sign of a polished detection account.',
      evidence: facts.polished ? [...facts.monitoringCredited.slice(0, 1), ...facts.externalNotice.slice(0, 1)] : [],
    },
    closed_past_event: {
      key: 'closed_past_event',
      title: 'Told as a closed past event',
      detected: closed,
      detail: closed
        ? 'Nothing connects the incident to today: no artifact still running, no lens you still apply.'
        : 'The story connects to current practice (what still runs, what you still apply).',
      evidence: closed ? [] : [...facts.stillRunning.slice(0, 1), ...facts.auditLens.slice(0, 1)],
    },
  };
}

/** Why the fix carries the story to Staff, in words that hold for the times shown beside it. */
function fixReason(balance: RubricLevel, layers: Record<Layer, LayerStats>): string {
  if (balance !== 'passing') return 'The structural fix names a specific artifact and gets its share of the story.';
  const sf = Math.round(layers.structural_fix.seconds);
  const m = Math.round(layers.mitigation.seconds);
  return sf < m
    ? `The structural fix names a specific artifact, though the recovery still takes longer (${m} s against ${sf} s).`
    : 'The structural fix names a specific artifact, though it is not yet the longest part of the story.';
}

export function assessTier(rubric: Rubric, facts: StoryFacts, layers: Record<Layer, LayerStats>): TierResult {
  const spec = rubric.structural_fix_specificity.level;
  const balance = rubric.layer_balance.level;
  const learning = rubric.system_learning.level;
  const reasons: string[] = [];
  if (!atLeast(spec, 'passing') || balance === 'weak') {
    // Each reason must hold for the figures shown beside it: a story with no fix at all is told
    // so, not that its recovery (perhaps none either) outweighs the fix.
    const noFix = layers.structural_fix.sentences === 0;
    if (noFix) reasons.push('The story never reaches a structural fix: it tells no lasting change.');
    else if (!atLeast(spec, 'passing')) reasons.push('The story ends on a vague fix: no specific structural artifact.');
    if (balance === 'weak' && !noFix) reasons.push('Mitigation takes more of the story than the structural fix.');
    if (learning === 'weak') reasons.push('There is no system learning.');
    return {
      tier: 'senior',
      reasons,
      toReachNext:
        'Name the specific artifact you shipped after the incident (gate, alert, contract, runbook) and give it more time than the recovery.',
    };
  }
  reasons.push(fixReason(balance, layers));
  if (facts.laterCatches.length > 0) reasons.push('The artifact is shown catching later incidents.');
  if (learning === 'staff_bar') {
    reasons.push('The system learning is specific and has been applied elsewhere.');
    return { tier: 'l7', reasons, toReachNext: null };
  }
  reasons.push(
    learning === 'weak'
      ? 'There is no system learning, which separates L7 from Staff.'
      : learning === 'passing'
        ? 'The system learning is generic.'
        : 'The system learning is specific but not shown applied elsewhere.',
  );
  return { tier: 'staff', reasons, toReachNext: stepToL7(rubric.system_learning) };
}

/**
 * What stands between a Staff story and L7 is its lesson; the step starts from the lesson's level
 * shown beside it, so a lesson rated specific is not told to become specific.
 */
function stepToL7(learning: Rubric['system_learning']): string {
  switch (learning.level) {
    case 'weak':
      return 'Add a specific lesson about the class of failure and name where you have applied it since.';
    case 'passing':
      return 'Make the lesson specific to the class of failure and name where you have applied it since.';
    default:
      return learning.advice;
  }
}
