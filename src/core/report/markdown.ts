/**
 * The coached transcript as Markdown: readable as plain text, renders well on GitHub and in note
 * apps. Sections, in order: header, verdict, time per layer, rubric, practice constraints, common
 * failures, tier, top fixes, follow-up question, worksheet, delivery, transcript, outline.
 */
import { mitigationVersusFix } from '../results/mitigation-ratio';
import { LAYER_INFO, LAYERS, type Layer } from '../analysis/layers';
import type { Analysis, Quote } from '../analysis/types';
import { clock, duration, gradedAtYourWord, levelName, percent, secs, tierName } from './format';
import { layerTag } from './labels';
import {
  headerRows,
  DEFAULT_RENDER_OPTIONS,
  reportTitle,
  type RenderOptions,
  type ReportSource,
  uniqueQuotes,
} from './model';

/** Escapes text so user words never turn into Markdown syntax (emphasis, links, tables, HTML). */
function mdEscape(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\\`*[\]<>|]/g, '\\$&')
    .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (m) => m.replace('_', '\\_'))
    .replace(/^([#+\-=>]|\d+[.)])/, '\\$1');
}

function quoteLine(q: Quote): string {
  return `[${clock(q.start)}] “${mdEscape(q.text)}” (${layerTag(q.layer)})`;
}

/** The layers worth a row: the five story layers and the headline always, "other" when used. */
export function tableLayers(analysis: Analysis): Layer[] {
  return LAYERS.filter((l) => l !== 'other' || analysis.layers.other.sentences > 0);
}

function header(source: ReportSource): string[] {
  const { meta } = source;
  const rows = headerRows(source).map(([k, v]): [string, string] => [k, mdEscape(v)]);
  return [
    `# Coached transcript — ${mdEscape(reportTitle(meta))}`,
    '',
    '| | |',
    '|---|---|',
    ...rows.map(([k, v]) => `| **${k}** | ${v} |`),
    '',
  ];
}

function layerTable(a: Analysis): string[] {
  const lines = [
    `## Time per layer`,
    '',
    `Budget for a ${duration(a.budget.lengthSeconds)} answer. Mitigation vs structural fix: ${mitigationVersusFix(a)}.`,
    '',
    '| Layer | Seconds | Share | Budget | Sentences |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const layer of tableLayers(a)) {
    const s = a.layers[layer];
    const budget = layer === 'other' ? '—' : secs(a.budget.seconds[layer]);
    lines.push(`| ${layerTag(layer)} | ${secs(s.seconds)} | ${percent(s.share)} | ${budget} | ${s.sentences} |`);
  }
  lines.push(
    `| **Total** | ${secs(a.timeline.speakingSeconds)} | 100% | ${secs(a.budget.lengthSeconds)} | ${a.sentences.length} |`,
    '',
  );
  if (a.timeline.missing.length > 0)
    lines.push(`Missing layers: ${a.timeline.missing.map((l) => LAYER_INFO[l].longName).join(', ')}.`, '');
  for (const o of a.timeline.outOfOrder) lines.push(`- Out of order: ${mdEscape(o.message)}`);
  if (a.timeline.outOfOrder.length > 0) lines.push('');
  return lines;
}

function rubric(a: Analysis): string[] {
  if (!a.rubric) return [];
  const lines = ['## Rubric', ''];
  for (const score of Object.values(a.rubric)) {
    lines.push(`### ${mdEscape(score.title)} — ${levelName(score.level)}`, '', mdEscape(score.reason), '');
    if (score.evidence.length > 0) {
      lines.push('Evidence:', '');
      for (const q of uniqueQuotes(score.evidence)) lines.push(`> ${quoteLine(q)}`, '>');
      lines.pop();
      lines.push('');
    }
    const next = score.nextLevel === null ? 'To stay at the staff bar' : `To reach ${levelName(score.nextLevel)}`;
    lines.push(`**${next}:** ${mdEscape(score.advice)}`, '');
  }
  return lines;
}

function constraints(a: Analysis): string[] {
  if (!a.gradable) return [];
  const lines = ['## Practice constraints', ''];
  for (const c of Object.values(a.constraints)) {
    lines.push(`- [${c.met ? 'x' : ' '}] **${mdEscape(c.title)}** — ${mdEscape(c.detail)}`);
    for (const q of uniqueQuotes(c.evidence)) lines.push(`  - ${quoteLine(q)}`);
  }
  lines.push('', '## Common failures', '');
  const found = Object.values(a.commonFailures).filter((f) => f.detected);
  if (found.length === 0) lines.push('None of the five common failures was found.');
  for (const f of found) {
    lines.push(`- **${mdEscape(f.title)}** — ${mdEscape(f.detail)}`);
    for (const q of uniqueQuotes(f.evidence)) lines.push(`  - ${quoteLine(q)}`);
  }
  lines.push('');
  return lines;
}

function tier(a: Analysis): string[] {
  const detail = a.tierDetail;
  if (!detail) return notGraded(a);
  const lines = [`## Tier: ${tierName(detail.tier)}`, ''];
  const atYourWord = gradedAtYourWord(a.overruled);
  if (atYourWord) lines.push(`_${mdEscape(atYourWord)}_`, '');
  for (const r of detail.reasons) lines.push(`- ${mdEscape(r)}`);
  if (detail.toReachNext !== null) lines.push('', `**To reach the next tier:** ${mdEscape(detail.toReachNext)}`);
  lines.push('');
  return lines;
}

/** What an ungraded answer is missing and what to do, in place of the tier. */
function notGraded(a: Analysis): string[] {
  const lines = ['## Not graded', ''];
  if (a.reason) lines.push(mdEscape(a.reason.message), '', `**Next:** ${mdEscape(a.reason.next)}`);
  lines.push('');
  return lines;
}

function fixesAndFollowUp(a: Analysis): string[] {
  const lines = ['## Top fixes', ''];
  if (a.feedback.topFixes.length === 0) lines.push('Nothing pressing: keep the structure and rehearse it.', '');
  for (const fix of a.feedback.topFixes) {
    lines.push(`${fix.priority}. **${mdEscape(fix.title)}** — ${mdEscape(fix.detail)}`);
    for (const q of uniqueQuotes(fix.evidence)) lines.push(`   - ${quoteLine(q)}`);
  }
  if (a.feedback.topFixes.length > 0) lines.push('');
  lines.push(
    '## Follow-up question',
    '',
    `An interviewer would probe ${LAYER_INFO[a.feedback.followUp.layer].longName}:`,
    '',
    `> ${mdEscape(a.feedback.followUp.question)}`,
    '',
    `Why: ${mdEscape(a.feedback.followUp.why)}`,
    '',
  );
  return lines;
}

function worksheet(a: Analysis): string[] {
  const lines = ['## Worksheet', ''];
  for (const section of a.worksheet) {
    lines.push(`### ${mdEscape(section.title)}`, '');
    for (const item of section.items) {
      const answer = item.found && item.quote ? quoteLine(item.quote) : `_${mdEscape(item.note)}_`;
      lines.push(`- [${item.found ? 'x' : ' '}] ${mdEscape(item.question)} — ${answer}`);
    }
    lines.push('');
  }
  return lines;
}

function delivery(a: Analysis): string[] {
  const d = a.delivery;
  const wpm = (v: number | null) =>
    v === null ? '—' : d.timesEstimated ? `${Math.round(v)} (est.)` : String(Math.round(v));
  const iWe = (i: number, we: number) => `${i} / ${we}`;
  const lines = [
    '## Delivery',
    '',
    '| | Words per minute | Fillers per 100 words | Hedges | I / we |',
    '|---|---:|---:|---:|---:|',
    `| **Overall** | ${wpm(d.overall.wordsPerMinute)} | ${d.overall.fillersPer100Words.toFixed(1)} | ${d.overall.hedges} | ${iWe(d.overall.iCount, d.overall.weCount)} |`,
  ];
  for (const layer of tableLayers(a)) {
    const s = d.perLayer[layer];
    if (s.words === 0) continue;
    lines.push(
      `| ${layerTag(layer)} | ${wpm(s.wordsPerMinute)} | ${s.fillersPer100Words.toFixed(1)} | ${s.hedges} | ${iWe(s.iCount, s.weCount)} |`,
    );
  }
  lines.push('');
  if (!d.timesEstimated) {
    lines.push(
      d.pauses.length === 0
        ? `No pauses longer than ${d.pauseThresholdSec} s.`
        : `${d.pauses.length} pause${d.pauses.length === 1 ? '' : 's'} longer than ${d.pauseThresholdSec} s${
            d.longestPause ? `; the longest, ${secs(d.longestPause.seconds)} at [${clock(d.longestPause.start)}]` : ''
          }.`,
      '',
    );
  }
  return lines;
}

function transcript(a: Analysis): string[] {
  const lines = ['## Transcript', ''];
  if (a.timesEstimated) lines.push('_Times are estimated from a speaking rate._', '');
  for (const s of a.sentences) lines.push(`- [${clock(s.start)}] **${layerTag(s.layer)}** — ${mdEscape(s.text)}`);
  lines.push('');
  return lines;
}

function outline(a: Analysis): string[] {
  const o = a.feedback.outline;
  const lines = [`## Outline for your next attempt (${duration(o.lengthSeconds)})`, ''];
  o.steps.forEach((step, i) => {
    const n = step.targetSentences;
    lines.push(
      `${i + 1}. **${layerTag(step.layer)}** — ${secs(step.targetSeconds)}, ${n} sentence${n === 1 ? '' : 's'} (you spent ${secs(step.actualSeconds)}). ${mdEscape(step.guidance)}`,
    );
    if (step.fromYourAnswer) lines.push(`   - Build on: ${quoteLine(step.fromYourAnswer)}`);
  });
  lines.push('');
  return lines;
}

export function renderMarkdown(source: ReportSource, options: RenderOptions = DEFAULT_RENDER_OPTIONS): string {
  const a = source.analysis;
  const lines = [
    ...header(source),
    '## Verdict',
    '',
    a.tier ? `**Tier: ${tierName(a.tier)}** — ${mdEscape(a.feedback.summary)}` : `**${mdEscape(a.feedback.summary)}**`,
    '',
    ...layerTable(a),
    ...rubric(a),
    ...constraints(a),
    ...tier(a),
    ...fixesAndFollowUp(a),
    ...worksheet(a),
    ...delivery(a),
    ...transcript(a),
    ...outline(a),
    '---',
    '',
    `_Exported by ${mdEscape(options.generator)}.${
      source.redacted
        ? ` Names were replaced by placeholders (${source.redacted.placeholders.map(mdEscape).join(', ') || 'none found'}).`
        : ''
    }_`,
    '',
  ];
  return lines.join('\n');
}
