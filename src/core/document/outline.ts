/**
 * An answer outline to rehearse, made from a document: the lesson's time budget per layer for the
 * chosen length (mitigation at most two sentences, most time on the structural fix and system
 * learning), the strongest sentences of each layer as talking points, and the gaps to fill.
 */
import { budgetForLength } from '../analysis/budget';
import { OUTLINE_LAYERS, type Layer } from '../analysis/layers';
import {
  SPOKEN_WORDS_PER_MINUTE,
  type AuditedSentence,
  type DocumentAudit,
  type DocumentOutline,
  type OutlineMinutes,
  type OutlineSection,
} from './audit-schema';

const GAPS: Readonly<Record<Layer, string>> = {
  headline: 'You have no opening: say what broke, for whom, and how big it was.',
  detection: 'You have no Detection: who noticed first, and how late?',
  attribution: 'You have no Attribution: what was the mechanism, and why did nothing stop it?',
  mitigation: 'You have no Mitigation: in one sentence, how was service restored and how fast?',
  structural_fix: 'You have no Structural fix: what did you change so this class of failure cannot recur?',
  system_learning: 'You have no System learning: what did you change elsewhere?',
  other: '',
};

/**
 * How good a talking point a sentence makes: the engine's confidence, plus what interviewers
 * listen for (figures, a named artifact or owner), minus length that will not fit a spoken line.
 */
function strength(s: AuditedSentence): number {
  const words = s.text.split(/\s+/).length;
  const figures = /\d/.test(s.text) ? 0.15 : 0;
  const concrete =
    /\b(alert|test|check|guard|lint|canary|runbook|dashboard|owner|owns|still runs|since then|every)\b/i.test(s.text)
      ? 0.1
      : 0;
  const length = words < 6 ? -0.2 : words > 40 ? -0.15 : 0;
  return s.confidence + figures + concrete + length;
}

export function buildOutline(sentences: readonly AuditedSentence[], minutes: OutlineMinutes): DocumentOutline {
  const seconds = minutes * 60;
  const budget = budgetForLength(seconds);
  const sections: OutlineSection[] = OUTLINE_LAYERS.map((layer) => {
    const of = sentences.filter((s) => s.layer === layer);
    const limit = budget.sentences[layer];
    const scored = of.map((s) => ({ s, score: strength(s) }));
    const points = scored
      .sort((a, b) => b.score - a.score || a.s.index - b.s.index)
      .map((x) => x.s)
      .slice(0, limit)
      .sort((a, b) => a.index - b.index)
      .map((s) => ({ sentenceIndex: s.index, text: s.text }));
    return {
      layer,
      seconds: budget.seconds[layer],
      words: Math.round((budget.seconds[layer] * SPOKEN_WORDS_PER_MINUTE) / 60),
      sentences: limit,
      points,
      gap: of.length === 0 ? GAPS[layer] : null,
    };
  });
  return { minutes, seconds, sections };
}

/**
 * The same audit outlined for another length. Only the outline depends on the length (the
 * sentences' layers, the rubric and the checks do not), so a new length needs no new audit.
 */
export function withOutlineLength(audit: DocumentAudit, minutes: OutlineMinutes): DocumentAudit {
  return { ...audit, outline: audit.gradable ? buildOutline(audit.sentences, minutes) : null };
}
