/**
 * Plain-text report of an Analysis for the terminal: timeline table, rubric, constraints,
 * tier, top fixes, outline and the follow-up question.
 */
import { LAYERS, layerName, type Layer } from '../core/analysis/layers';
import type { Analysis } from '../core/analysis/types';
import { formatClock } from '../core/time/clock';
import { gradedAtYourWord } from '../core/report/format';

/** A moment in the answer, floored like a player's clock: "[0:59]". */
const mmss = (seconds: number): string => formatClock(seconds);
/**
 * A length of time, to the nearest second: the advice says "15 s" for 14.9 s, so the table beside
 * it must not say 0:14.
 */
const length = (seconds: number): string => formatClock(Math.round(seconds));

const LEVEL: Record<string, string> = { weak: 'Weak', passing: 'Passing', strong: 'Strong', staff_bar: 'Staff bar' };
const TIER: Record<string, string> = { senior: 'Senior', staff: 'Staff', l7: 'L7' };

export function renderReport(a: Analysis): string {
  const out: string[] = [];
  const est = a.timesEstimated ? ' (times estimated from a typed answer)' : '';
  out.push(`Postmortem Coach — ${a.tier ? `tier: ${TIER[a.tier] ?? a.tier}` : 'not graded'}${est}`);
  out.push(a.feedback.summary, '');
  out.push('Time per layer');
  out.push(
    `  ${'Layer'.padEnd(16)} ${'Time'.padStart(6)} ${'Share'.padStart(6)} ${'Budget'.padStart(7)} ${'Sent.'.padStart(6)} ${'Words'.padStart(6)}`,
  );
  for (const l of LAYERS) {
    const s = a.layers[l];
    if (s.sentences === 0 && l === 'other') continue;
    const budget = l === 'other' ? '' : length(a.budget.seconds[l]);
    out.push(
      `  ${layerName(l).padEnd(16)} ${length(s.seconds).padStart(6)} ${`${Math.round(s.share * 100)}%`.padStart(6)} ${budget.padStart(7)} ${String(s.sentences).padStart(6)} ${String(s.words).padStart(6)}`,
    );
  }
  if (a.timeline.missing.length > 0) out.push(`  Missing: ${a.timeline.missing.map((l) => layerName(l)).join(', ')}`);
  for (const o of a.timeline.outOfOrder) out.push(`  Order: ${o.message}`);
  if (a.timeline.mitigationToStructuralFixRatio !== null) {
    out.push(`  Mitigation / structural fix time: ${a.timeline.mitigationToStructuralFixRatio.toFixed(2)}`);
  }
  if (!a.rubric || !a.tierDetail || !a.tier) {
    // No rubric, checks or tier for an answer that is not a gradable incident story.
    out.push('', `Not graded: ${a.reason?.message ?? 'this answer cannot be graded.'}`);
    if (a.reason) out.push(`Next: ${a.reason.next}`);
    return out.join('\n') + '\n';
  }
  out.push('', 'Rubric');
  for (const r of Object.values(a.rubric)) {
    out.push(`  ${r.title.padEnd(28)} ${LEVEL[r.level] ?? r.level}`);
    out.push(`      ${r.reason}`);
    if (r.nextLevel) out.push(`      To reach ${LEVEL[r.nextLevel] ?? r.nextLevel}: ${r.advice}`);
  }
  out.push('', 'Practice constraints');
  for (const c of Object.values(a.constraints)) out.push(`  [${c.met ? 'x' : ' '}] ${c.title} — ${c.detail}`);
  const failures = Object.values(a.commonFailures).filter((f) => f.detected);
  if (failures.length > 0) {
    out.push('', 'Common failures found');
    for (const f of failures) out.push(`  - ${f.title}: ${f.detail}`);
  }
  out.push('', `Tier: ${TIER[a.tier] ?? a.tier}`);
  const atYourWord = gradedAtYourWord(a.overruled);
  if (atYourWord) out.push(`  ${atYourWord}`);
  for (const r of a.tierDetail.reasons) out.push(`  - ${r}`);
  out.push('', 'Top fixes');
  for (const f of a.feedback.topFixes) {
    out.push(`  ${f.priority}. ${f.title}`);
    out.push(`     ${f.detail}`);
    const q = f.evidence[0];
    if (q) out.push(`     e.g. [${mmss(q.start)}] "${truncate(q.text, 110)}"`);
  }
  out.push('', `Outline for ${length(a.feedback.outline.lengthSeconds)}`);
  for (const s of a.feedback.outline.steps) {
    out.push(
      `  ${layerName(s.layer as Layer).padEnd(16)} ${length(s.targetSeconds).padStart(5)} (~${s.targetSentences} sentence${s.targetSentences === 1 ? '' : 's'}; you: ${length(s.actualSeconds)})  ${s.guidance}`,
    );
  }
  out.push('', `Follow-up question (${layerName(a.feedback.followUp.layer)}): ${a.feedback.followUp.question}`);
  const d = a.delivery.overall;
  out.push('', 'Delivery');
  if (!a.delivery.timesEstimated && d.wordsPerMinute !== null) out.push(`  Pace: ${d.wordsPerMinute} words per minute`);
  out.push(
    `  Fillers: ${d.fillers} (${d.fillersPer100Words} per 100 words)   Hedges: ${d.hedges}   I/we: ${d.iCount}/${d.weCount}`,
  );
  if (!a.delivery.timesEstimated)
    out.push(`  Long pauses (≥ ${a.delivery.pauseThresholdSec} s): ${a.delivery.pauses.length}`);
  out.push('', 'Transcript');
  for (const s of a.sentences) out.push(`  [${mmss(s.start)}] ${layerName(s.layer).padEnd(15)} ${s.text}`);
  return `${out.join('\n')}\n`;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
