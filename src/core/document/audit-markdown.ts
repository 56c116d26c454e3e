/**
 * A document audit as Markdown: what the CLI prints and the Markdown export. Only figures the
 * audit holds are shown, and advice is the audit's own (changes, gaps), so the report never
 * says more than the page does.
 */
import { layerName } from '../analysis/layers';
import { RUBRIC_DIMENSIONS } from '../analysis/schema';
import { duration, levelName, percent, tierName } from '../report/format';
import type { DocumentAudit, DocumentOutline } from './audit-schema';

function outlineLines(outline: DocumentOutline): string[] {
  const lines = [`## Outline for a ${outline.minutes}-minute answer`, ''];
  for (const s of outline.sections) {
    const limit = s.layer === 'mitigation' ? `, at most ${s.sentences} sentences` : '';
    lines.push(`### ${layerName(s.layer)} — ${duration(s.seconds)} (about ${s.words} words${limit})`, '');
    for (const p of s.points) lines.push(`- ${p.text}`);
    if (s.gap) lines.push(`- **Gap:** ${s.gap}`);
    lines.push('');
  }
  return lines;
}

export function renderAuditMarkdown(audit: DocumentAudit): string {
  const lines = [`# Postmortem audit: ${audit.title ?? 'untitled document'}`, ''];
  lines.push(`${audit.words} words in ${audit.sentences.length} sentences.`, '');
  if (!audit.gradable) {
    lines.push('**Not graded.**', '', audit.reason?.message ?? '', '', `What to do: ${audit.reason?.next ?? ''}`, '');
    return `${lines.join('\n').trim()}\n`;
  }
  lines.push(`**Tier:** ${audit.tier ? tierName(audit.tier) : 'none'}`, '');
  lines.push('## Layers by share of the words', '', '| Layer | Sentences | Words | Share |', '|---|---:|---:|---:|');
  for (const s of audit.shares)
    lines.push(`| ${layerName(s.layer)} | ${s.sentences} | ${s.words} | ${percent(s.share)} |`);
  lines.push('');
  if (audit.missing.length > 0) lines.push(`**Missing layers:** ${audit.missing.map(layerName).join(', ')}`, '');
  if (audit.changes.length > 0) {
    lines.push('## Top changes to the document', '');
    audit.changes.forEach((c, i) => {
      lines.push(`${i + 1}. **${c.title}.** ${c.detail}`);
      for (const q of c.evidence) lines.push(`   > ${q.text}`);
    });
    lines.push('');
  }
  if (audit.rubric) {
    lines.push('## Rubric', '');
    for (const d of RUBRIC_DIMENSIONS) {
      const r = audit.rubric[d];
      lines.push(`- **${r.title}:** ${levelName(r.level)}. ${r.reason}`);
    }
    lines.push('');
  }
  if (audit.constraints) {
    lines.push('## Practice constraints', '');
    for (const c of Object.values(audit.constraints)) lines.push(`- ${c.met ? '✓' : '✗'} ${c.title}: ${c.detail}`);
    lines.push('');
  }
  if (audit.commonFailures) {
    const found = Object.values(audit.commonFailures).filter((f) => f.detected);
    lines.push('## Common failures', '');
    if (found.length === 0) lines.push('None of the five common failures was found.');
    for (const f of found) lines.push(`- **${f.title}:** ${f.detail}`);
    lines.push('');
  }
  if (audit.outline) lines.push(...outlineLines(audit.outline));
  return `${lines.join('\n').trim()}\n`;
}
