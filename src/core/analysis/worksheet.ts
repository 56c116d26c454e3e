/**
 * The lesson's 4-Layer Postmortem worksheet, filled from the story: each item found or not,
 * with the sentence that answers it. Item ids are stable so the UI can keep manual ticks.
 */
import { LAYER_INFO, type StoryLayer } from './layers';
import type { StoryFacts } from './facts';
import type { AnalyzedSentence, Quote, Worksheet, WorksheetItem, WorksheetSection } from './types';

function item(
  id: string,
  layer: StoryLayer,
  question: string,
  quotes: readonly Quote[],
  missingHint: string,
  foundNote = '',
): WorksheetItem {
  const quote = quotes[0] ?? null;
  return { id, layer, question, found: quote !== null, quote, note: quote ? foundNote : missingHint };
}

/** The first sentence labelled with a layer, as a quote (none when the story has no such sentence). */
type FirstQuote = (layer: StoryLayer) => Quote[];

function firstQuoteOf(sentences: readonly AnalyzedSentence[]): FirstQuote {
  return (layer) =>
    sentences
      .filter((s) => s.layer === layer)
      .slice(0, 1)
      .map((s) => ({ sentenceIndex: s.index, text: s.text, start: s.start, end: s.end, layer: s.layer }));
}

/** The Detection questions: how the team learned of the incident, how late, and any earlier warning. */
function detectionSection(facts: StoryFacts, first: FirstQuote): WorksheetSection {
  const honestHow = facts.polished ? [] : [...facts.externalNotice, ...facts.ownGapAdmission, ...first('detection')];
  return {
    layer: 'detection',
    title: LAYER_INFO.detection.longName,
    items: [
      item(
        'detection.how_learned',
        'detection',
        'How did the team actually learn about the incident?',
        honestHow,
        facts.polished
          ? 'Your account credits monitoring although someone else noticed first; say who did.'
          : 'Say how the team found out, honestly.',
      ),
      item(
        'detection.latency',
        'detection',
        'Detection latency: how long was the failure live before anyone saw it?',
        facts.latencyStated,
        'Give the time from the start of the failure to its detection.',
      ),
      item(
        'detection.prior_near_miss',
        'detection',
        'Was there a prior near-miss or warning signal (and do you own it)?',
        facts.nearMiss,
        'If there was an earlier warning, name it and own it; if there was none, you can say so.',
      ),
    ],
  };
}

/** The Attribution questions: the cause, where it started and whose surface it was on. */
function attributionSection(facts: StoryFacts, first: FirstQuote): WorksheetSection {
  return {
    layer: 'attribution',
    title: LAYER_INFO.attribution.longName,
    items: [
      item(
        'attribution.cause',
        'attribution',
        'What was the cause, not the symptom?',
        facts.causeStated.length > 0 ? facts.causeStated : first('attribution'),
        'State the root cause in one sentence.',
      ),
      item(
        'attribution.origin',
        'attribution',
        'Where in the system did the cause originate?',
        facts.causeOrigin,
        'Name the component where it started (pipeline, service, config, data source).',
      ),
      item(
        'attribution.whose_surface',
        'attribution',
        "Was the cause within your team's surface or a producer's/consumer's?",
        facts.causeOwnership,
        'Say whose system the cause was in: yours, a producer upstream or a consumer downstream.',
      ),
    ],
  };
}

/** The Mitigation questions: what restored service, how fast and with whom. */
function mitigationSection(facts: StoryFacts): WorksheetSection {
  return {
    layer: 'mitigation',
    title: LAYER_INFO.mitigation.longName,
    items: [
      item(
        'mitigation.action',
        'mitigation',
        'What did you do to restore service? (Keep it short.)',
        facts.mitigationAction,
        'One sentence on how service came back.',
        facts.mitigationAction.length > 2 ? 'More than two sentences: shorten.' : '',
      ),
      item('mitigation.time', 'mitigation', 'Time to mitigation.', facts.mitigationTime, 'Say how long recovery took.'),
      item(
        'mitigation.people',
        'mitigation',
        'Who else did you pull onto the incident, and why?',
        facts.peoplePulledIn,
        'Name who you brought in and why (optional, one clause).',
      ),
    ],
  };
}

/** The Structural fix questions: the shipped artifact, its framework, what it caught and who owns it. */
function structuralFixSection(facts: StoryFacts): WorksheetSection {
  return {
    layer: 'structural_fix',
    title: LAYER_INFO.structural_fix.longName,
    items: [
      item(
        'structural_fix.artifact',
        'structural_fix',
        'What specific artifact did you ship so the failure class is impossible or caught early?',
        facts.specificArtifact,
        facts.vagueFix.length > 0
          ? 'Your fix is described vaguely; name the gate, alert, contract or runbook.'
          : 'Name the artifact you shipped.',
      ),
      item(
        'structural_fix.framework',
        'structural_fix',
        'Is it connected to a framework (detection-latency tier, ownership model)?',
        facts.framework,
        'Say which tier or framework the artifact fits.',
      ),
      item(
        'structural_fix.caught_since',
        'structural_fix',
        'Has the artifact caught later incidents? Be specific.',
        facts.laterCatches,
        'Say what it has caught since and how fast.',
      ),
      item(
        'structural_fix.owner',
        'structural_fix',
        'Who owns the artifact going forward?',
        facts.owner,
        'Name the team or on-call rotation that owns it.',
      ),
    ],
  };
}

/** The System learning questions: the lesson about the failure class and how far it travelled. */
function systemLearningSection(facts: StoryFacts, first: FirstQuote): WorksheetSection {
  return {
    layer: 'system_learning',
    title: LAYER_INFO.system_learning.longName,
    items: [
      item(
        'system_learning.meta_observation',
        'system_learning',
        'What meta-observation about the class of failure did you take away?',
        facts.learningSpecific
          ? facts.learningMechanism.length > 0
            ? facts.learningMechanism
            : first('system_learning')
          : [],
        first('system_learning').length > 0
          ? 'Your lesson is generic; make it about the mechanism of this failure class.'
          : 'Add the lesson about this class of failure.',
      ),
      item(
        'system_learning.applied_elsewhere',
        'system_learning',
        'Have you applied it to other parts of the system? Name one.',
        facts.appliedElsewhere,
        'Name one other system where you applied the lesson and what you found.',
      ),
      item(
        'system_learning.audit_lens',
        'system_learning',
        'Has it become an audit lens you use proactively?',
        facts.auditLens,
        'Say how the lesson now shapes the questions you ask in reviews or audits.',
      ),
    ],
  };
}

export function fillWorksheet(sentences: readonly AnalyzedSentence[], facts: StoryFacts): Worksheet {
  const first = firstQuoteOf(sentences);
  return [
    detectionSection(facts, first),
    attributionSection(facts, first),
    mitigationSection(facts),
    structuralFixSection(facts),
    systemLearningSection(facts, first),
  ];
}
