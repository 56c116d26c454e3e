/**
 * A document audit as one self-contained HTML file (the HTML and PDF exports): the coached
 * transcript's styles, no scripts, no external requests, every piece of the document's text
 * escaped. It shows the same figures and advice as the Markdown report.
 */
import { LAYER_INFO, layerName } from '../analysis/layers';
import { RUBRIC_DIMENSIONS } from '../analysis/schema';
import { duration, levelName, percent, tierName } from '../report/format';
import { pageHead } from '../report/html';
import { escapeHtml as esc } from '../report/html-escape';
import type { DocumentAudit, DocumentOutline } from './audit-schema';

function list(items: readonly string[]): string {
  return items.length > 0 ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '';
}

function quotes(texts: readonly string[]): string {
  return texts.map((t) => `<blockquote>${esc(t)}</blockquote>`).join('');
}

function shares(audit: DocumentAudit): string {
  const rows = audit.shares
    .map(
      (s) =>
        `<tr class="layer-${s.layer}"><td>${esc(LAYER_INFO[s.layer].name)}</td><td>${s.sentences}</td><td>${s.words}</td><td>${percent(s.share)}</td></tr>`,
    )
    .join('');
  const missing = audit.missing.length
    ? `<p><strong>Missing layers:</strong> ${audit.missing.map((l) => esc(layerName(l))).join(', ')}</p>`
    : '';
  return `<h2>Layers by share of the words</h2><table><thead><tr><th>Layer</th><th>Sentences</th><th>Words</th><th>Share</th></tr></thead><tbody>${rows}</tbody></table>${missing}`;
}

function graded(audit: DocumentAudit): string {
  const parts: string[] = [];
  if (audit.changes.length > 0) {
    parts.push(
      `<h2>Top changes to the document</h2><ol>${audit.changes
        .map(
          (c) => `<li><strong>${esc(c.title)}.</strong> ${esc(c.detail)}${quotes(c.evidence.map((q) => q.text))}</li>`,
        )
        .join('')}</ol>`,
    );
  }
  if (audit.rubric) {
    const rubric = audit.rubric;
    parts.push(
      `<h2>Rubric</h2>${list(RUBRIC_DIMENSIONS.map((d) => `<strong>${esc(rubric[d].title)}:</strong> ${levelName(rubric[d].level)}. ${esc(rubric[d].reason)}`))}`,
    );
  }
  if (audit.constraints) {
    parts.push(
      `<h2>Practice constraints</h2>${list(Object.values(audit.constraints).map((c) => `${c.met ? '✓' : '✗'} ${esc(c.title)}: ${esc(c.detail)}`))}`,
    );
  }
  if (audit.commonFailures) {
    const found = Object.values(audit.commonFailures).filter((f) => f.detected);
    parts.push(
      `<h2>Common failures</h2>${found.length ? list(found.map((f) => `<strong>${esc(f.title)}:</strong> ${esc(f.detail)}`)) : '<p>None of the five common failures was found.</p>'}`,
    );
  }
  if (audit.outline) parts.push(outline(audit.outline));
  return parts.join('\n');
}

function outline(o: DocumentOutline): string {
  const sections = o.sections
    .map((s) => {
      const limit = s.layer === 'mitigation' ? `, at most ${s.sentences} sentences` : '';
      const gap = s.gap ? [`<strong>Gap:</strong> ${esc(s.gap)}`] : [];
      return `<h3 class="layer-${s.layer}">${esc(layerName(s.layer))} — ${duration(s.seconds)} (about ${s.words} words${limit})</h3>${list([...s.points.map((p) => esc(p.text)), ...gap])}`;
    })
    .join('');
  return `<h2>Outline for a ${o.minutes}-minute answer</h2>${sections}`;
}

export function renderAuditHtml(audit: DocumentAudit, options: { generator: string; note?: string }): string {
  const title = audit.title ?? 'untitled document';
  const verdict = audit.gradable
    ? `<p><strong>Tier:</strong> ${audit.tier ? tierName(audit.tier) : 'none'}</p>${shares(audit)}${graded(audit)}`
    : `<p><strong>Not graded.</strong> ${esc(audit.reason?.message ?? '')}</p><p>What to do: ${esc(audit.reason?.next ?? '')}</p>`;
  return `${pageHead({ language: 'en', generator: options.generator, title: `Postmortem audit — ${title}` })}
<body>
<p class="eyebrow">Postmortem audit</p>
<h1>${esc(title)}</h1>
<p>${audit.words} words in ${audit.sentences.length} sentences.${options.note ? ` ${esc(options.note)}` : ''}</p>
<main>
${verdict}
</main>
</body>
</html>
`;
}
