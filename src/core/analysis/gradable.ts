/**
 * Whether an answer can be graded as an incident story at all. A tier for a recipe, a product
 * pitch or three words would be a lie, so the engine says what is missing instead:
 *
 * - too short: fewer than MIN_WORDS words (the lesson's own one-line Senior story has 16);
 * - not an incident: no sentence tells, in the past or present perfect, of something that went
 *   wrong, was noticed or was put right (a pitch says "helps teams resolve incidents" in the
 *   present; a story says "the deploy broke checkout"), or the whole answer holds fewer than
 *   MIN_SIGNALS distinct words of that kind and sentences with a strong layer cue.
 */
import { discourseFeatures } from './discourse';
import type { NotGradedReason } from './types';

const MIN_WORDS = 12;
/** Cue weight at which a sentence plainly speaks of an incident layer ("we rolled back", "root cause"). */
const STRONG_CUE = 1.5;
/** Distinct incident words plus sentences with a strong layer cue, across the answer. */
const MIN_SIGNALS = 2;
/** Enough signals count even when no sentence is in a past tense (some speakers tell it in the present). */
const MIN_SIGNALS_WITHOUT_EVENT = 3;

/** Words of a system going wrong or being put right: the vocabulary every incident story shares. */
const INCIDENT = new RegExp(
  `\\b(?:${[
    // something broke or went wrong
    "outages?|incidents?|broke|broken|breaks|downtime|offline|fail\\w*|errors?|bugs?|buggy|crash\\w*|hang|hung|froze|frozen|stuck|stalled|(?:stop(?:ped)?|not|n't) work(?:ing)?|timeouts?|timed out|5\\d\\d|degraded|latency|garbage|corrupt\\w*|lost|loss|leak\\w*|breach\\w*|expos\\w*|compromised|deleted|delete|wiped|dropped|overwr\\w*|truncated|misconfigur\\w*|overload\\w*|exhaust\\w*|spike[ds]?|bounced?|unreachable|unavailable|couldn't|could not|can't|cannot|unable|missing|missed|duplicat\\w*|double\\w*|blocked|rejected|locked|expired|outdated|stale|regress\\w*|vulnerab\\w*|phish\\w*|ransom\\w*|attack\\w*|mistakes?|screw\\w*|oops|accident\\w*",
    // someone noticed
    'alerts?|alerted|alarms?|pag(?:ed|ing)|pager|on call|monitor\\w*|dashboards?|noticed|reported|complain\\w*|tickets?|support|angry|panic\\w*|groan\\w*',
    // it was put right
    'roll\\w* back|rollback|revert\\w*|hotfix\\w*|fix\\w*|patch\\w*|restor\\w*|recover\\w*|rebuil\\w*|recreat\\w*|restart\\w*|reboot\\w*|redeploy\\w*|failover|mitigat\\w*|workaround|plugged|back (?:up|online|to normal)|is back|purg\\w*|retrain\\w*|refund\\w*|apolog\\w*|sorry',
    // where it happened
    'production|prod|live site|customers?|users?|database|servers?|deploy\\w*|releases?|config\\w*|root cause|post ?mortem|dns|cert\\w*',
  ].join('|')})\\b`,
  'g',
);

/** Words that often tell of an incident but as often of anything else: each counts half. */
const GENERIC =
  /\b(?:down|stopped|late|slow|worse|wrong|bad|lost|users?|customers?|support|problems?|issues?|fix(?:ed)?)\b/g;

/** Distinct incident words of a normalised sentence. */
function incidentWords(normalized: string): string[] {
  return [...new Set(normalized.match(INCIDENT) ?? [])];
}

function genericWords(normalized: string): string[] {
  return [...new Set(normalized.match(GENERIC) ?? [])];
}

/** A sentence that tells of something that happened: past tense or present perfect. */
function tellsAnEvent(normalized: string): boolean {
  const d = discourseFeatures(normalized);
  return d.includes('t:past') || d.includes('t:perfect');
}

/** A sentence as the gradability check reads it: normalised text and its layer-cue strength. */
export interface GradableSentence {
  normalized: string;
  /** Summed weight of the sentence's hand-written cues for the five story layers. */
  storyCueWeight: number;
}

/** Why the answer cannot be graded and what to do, or null when it can be graded. */
export function assessGradability(sentences: readonly GradableSentence[], wordCount: number): NotGradedReason | null {
  if (wordCount < MIN_WORDS) {
    return {
      code: 'too_short',
      message: `The answer has ${wordCount} word${wordCount === 1 ? '' : 's'}: too short to judge as an incident story.`,
      next: 'Tell the whole story: what broke and its impact, how you found out, the cause, how you restored service, what you changed so it cannot recur, and what you learned.',
    };
  }
  const told = (s: GradableSentence) =>
    incidentWords(s.normalized).length > 0 || genericWords(s.normalized).length > 0 || s.storyCueWeight >= STRONG_CUE;
  const eventTold = sentences.some((s) => tellsAnEvent(s.normalized) && told(s));
  const strong = new Set(sentences.flatMap((s) => incidentWords(s.normalized))).size;
  const generic = new Set(sentences.flatMap((s) => genericWords(s.normalized))).size;
  const cued = sentences.filter((s) => s.storyCueWeight >= STRONG_CUE).length;
  const signals = strong + generic / 2 + cued;
  if (signals < MIN_SIGNALS || (!eventTold && signals < MIN_SIGNALS_WITHOUT_EVENT)) {
    return {
      code: 'not_incident',
      message:
        'This does not read as an incident story: no sentence tells of a system that broke, who noticed, or how it was put right.',
      next: 'Pick a real incident you owned and tell it: what went wrong and its impact, how you found out, the cause, the recovery, the lasting fix and the lesson.',
    };
  }
  return null;
}
