/**
 * The coached transcript as one self-contained HTML file: inline CSS, the timeline as inline SVG,
 * no scripts, no links, no external requests (a CSP meta tag forbids them even if a viewer tried).
 * Reads well on screen and prints cleanly (page breaks before the long sections, colours kept,
 * every colour paired with its layer's name). The PDF export prints exactly this file.
 */
import { mitigationVersusFix } from '../results/mitigation-ratio';
import { LAYER_INFO, LAYERS } from '../analysis/layers';
import type { Analysis, Quote, RubricLevel } from '../analysis/types';
import { clock, duration, gradedAtYourWord, levelName, percent, secs, tierName } from './format';
import { escapeHtml as esc } from './html-escape';
import { LAYER_COLOR, LAYER_TINT, layerTag } from './labels';
import { tableLayers } from './markdown';
import {
  headerRows,
  DEFAULT_RENDER_OPTIONS,
  reportTitle,
  type RenderOptions,
  type ReportSource,
  uniqueQuotes,
} from './model';
import { renderTimelineSvg } from './timeline-svg';

function layerClasses(): string {
  return LAYERS.map((l) => `.layer-${l}{--layer:${LAYER_COLOR[l]};--tint:${LAYER_TINT[l]}}`).join('\n');
}

const REPORT_CSS = `
:root{color-scheme:light;--text:#1b232c;--muted:#55606c;--line:#d5dbe1;--soft:#f5f7f9;--accent:#0b5f8a;--ok:#137a3f;--bad:#b3261e}
*{box-sizing:border-box;-webkit-print-color-adjust:exact;print-color-adjust:exact}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Ubuntu,"Helvetica Neue",Arial,sans-serif;font-size:15px;line-height:1.5;color:var(--text);background:#fff}
body{margin:0 auto;max-width:900px;padding:32px 28px 48px}
h1{font-size:1.7rem;line-height:1.2;margin:.2rem 0 1rem}
h2{font-size:1.25rem;margin:2rem 0 .6rem;padding-bottom:.25rem;border-bottom:2px solid var(--line)}
h3{font-size:1.05rem;margin:1rem 0 .4rem}
p{margin:.4rem 0}
.eyebrow{text-transform:uppercase;letter-spacing:.08em;font-size:.75rem;color:var(--muted);margin:0}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0;padding:.8rem 1rem;background:var(--soft);border-radius:8px}
.meta dt{font-weight:600;color:var(--muted)}
.meta dd{margin:0}
.verdict{display:flex;gap:1rem;align-items:flex-start}
.tier{flex:none;border:2px solid var(--accent);color:var(--accent);border-radius:10px;padding:.4rem .8rem;text-align:center;font-weight:700}
.tier small{display:block;font-weight:500;color:var(--muted);font-size:.7rem;text-transform:uppercase;letter-spacing:.06em}
.tier span{font-size:1.4rem}
.levels{display:flex;flex-wrap:wrap;gap:.4rem;margin:.6rem 0 0;padding:0;list-style:none}
.levels li{border:1px solid var(--line);border-radius:999px;padding:.1rem .6rem;font-size:.85rem}
.level{font-weight:700}
.level-weak{color:var(--bad)}.level-passing{color:#8a5a00}.level-strong{color:var(--accent)}.level-staff_bar{color:var(--ok)}
figure{margin:.5rem 0 1rem}
svg.timeline{display:block;font-family:inherit;font-size:15px}
svg.timeline .lane-bg{fill:#f6f8fa}
svg.timeline .tick{stroke:#d0d6dc;stroke-width:1}
svg.timeline .tick-label{fill:var(--muted);font-size:13px}
svg.timeline .lane-label{fill:var(--text);font-weight:600}
svg.timeline .lane-value{fill:var(--text)}
svg.timeline .lane-value.over{fill:var(--bad);font-weight:700}
svg.timeline .missing{fill:var(--bad);font-style:italic}
figcaption{color:var(--muted);font-size:.85rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.92rem}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;background:var(--layer);margin-right:.4em;vertical-align:-.05em}
.share{position:relative;min-width:120px}
.share .bar{height:.7em;background:var(--layer);border-radius:2px}
.share .budget{position:absolute;top:.2em;bottom:.2em;border-left:2px dashed var(--text)}
.cards{display:grid;grid-template-columns:1fr 1fr;gap:.8rem}
.card{border:1px solid var(--line);border-radius:10px;padding:.7rem .9rem;background:#fff}
.card h3{margin-top:0;display:flex;justify-content:space-between;gap:.5rem}
.quote{margin:.35rem 0;padding:.3rem .6rem;border-left:4px solid var(--layer);background:var(--tint);border-radius:0 6px 6px 0;font-size:.92rem}
.quote .when{color:var(--muted);font-variant-numeric:tabular-nums;margin-right:.3em}
.quote .tag{font-size:.72rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;color:var(--text);margin-left:.4em;white-space:nowrap}
.advice{margin-top:.4rem}
.checks{list-style:none;padding:0;margin:.3rem 0}
.checks>li{margin:.35rem 0;padding-left:1.9rem;position:relative}
.checks>li::before{position:absolute;left:0;top:0;width:1.4rem;text-align:center;font-weight:700}
.checks>li.met::before{content:"✓";color:var(--ok)}
.checks>li.unmet::before{content:"✗";color:var(--bad)}
.state{font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;margin-right:.4em}
.met .state{color:var(--ok)}.unmet .state{color:var(--bad)}
ol.fixes>li{margin:.5rem 0}
blockquote.follow-up{margin:.5rem 0;padding:.7rem 1rem;border-left:4px solid var(--accent);background:var(--soft);font-size:1.05rem;font-style:italic}
ol.transcript{list-style:none;padding:0;margin:0}
ol.transcript>li{display:grid;grid-template-columns:4.2em 9.5em 1fr;gap:.5rem;padding:.35rem .5rem;margin:0 0 2px;background:var(--tint);border-left:5px solid var(--layer);border-radius:0 4px 4px 0}
ol.transcript .when{font-variant-numeric:tabular-nums;color:var(--muted)}
ol.transcript .tag{font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;padding-top:.15em}
ol.outline>li{margin:.5rem 0}
ol.outline .target{font-variant-numeric:tabular-nums;color:var(--muted)}
footer{margin-top:2.5rem;padding-top:.8rem;border-top:1px solid var(--line);color:var(--muted);font-size:.85rem}
${layerClasses()}
@page{margin:16mm 14mm 18mm;@bottom-right{content:"Page " counter(page) " of " counter(pages);font-size:9pt;color:#55606c}@bottom-left{content:"Postmortem Coach · coached transcript";font-size:9pt;color:#55606c}}
@media (max-width:640px){.cards{grid-template-columns:1fr}ol.transcript>li{grid-template-columns:1fr}}
@media print{html{font-size:10.5pt}body{max-width:none;padding:0}.page-break{break-before:page}h2,h3{break-after:avoid}
.quote,tr,figure,.checks>li,ol.transcript>li,ol.fixes>li,ol.outline>li,blockquote,.verdict{break-inside:avoid}
section>h2{margin-top:1.2rem}.card{break-inside:auto;-webkit-box-decoration-break:clone;box-decoration-break:clone}}
`;

function quote(q: Quote): string {
  return `<p class="quote layer-${q.layer}"><span class="when">[${clock(q.start)}]</span>“${esc(q.text)}”<span class="tag">${esc(layerTag(q.layer))}</span></p>`;
}

function level(l: RubricLevel): string {
  return `<span class="level level-${l}">${levelName(l)}</span>`;
}

function header(source: ReportSource): string {
  const { meta } = source;
  const rows = headerRows(source);
  return `<header>
<p class="eyebrow">Postmortem Coach · coached transcript</p>
<h1>${esc(reportTitle(meta))}</h1>
<dl class="meta">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
</header>`;
}

function verdict(a: Analysis): string {
  if (!a.tier || !a.rubric) {
    return `<section id="verdict" aria-labelledby="verdict-h">
<h2 id="verdict-h">Not graded</h2>
<p>${esc(a.reason?.message ?? a.feedback.summary)}</p>${a.reason ? `<p><strong>Next:</strong> ${esc(a.reason.next)}</p>` : ''}
</section>`;
  }
  const atYourWord = gradedAtYourWord(a.overruled);
  const chips = Object.values(a.rubric)
    .map((r) => `<li>${esc(r.title)}: ${level(r.level)}</li>`)
    .join('');
  return `<section id="verdict" aria-labelledby="verdict-h">
<h2 id="verdict-h">Verdict</h2>
<div class="verdict"><p class="tier"><small>Tier</small><span>${tierName(a.tier)}</span></p>
<div><p>${esc(a.feedback.summary)}</p><ul class="levels" aria-label="Rubric levels">${chips}</ul></div></div>${atYourWord ? `\n<p><em>${esc(atYourWord)}</em></p>` : ''}
</section>`;
}

function timeline(a: Analysis): string {
  // The share column is scaled to the largest share or budget share, so small layers stay visible.
  const scale =
    1.1 *
    Math.max(
      0.05,
      ...tableLayers(a).map((l) =>
        Math.max(a.layers[l].share, l === 'other' ? 0 : a.budget.seconds[l] / a.budget.lengthSeconds),
      ),
    );
  const rows = tableLayers(a)
    .map((layer) => {
      const s = a.layers[layer];
      const budget = layer === 'other' ? null : a.budget.seconds[layer];
      const budgetShare = budget === null ? null : budget / a.budget.lengthSeconds;
      const bar = `<div class="bar" style="width:${(Math.min(1, s.share / scale) * 100).toFixed(1)}%"></div>${
        budgetShare === null
          ? ''
          : `<div class="budget" style="left:${(Math.min(1, budgetShare / scale) * 100).toFixed(1)}%" title="budget share"></div>`
      }`;
      return `<tr class="layer-${layer}"><th scope="row"><span class="swatch" aria-hidden="true"></span>${esc(layerTag(layer))}</th><td class="num">${secs(s.seconds)}</td><td class="num">${percent(s.share)}</td><td class="num">${budget === null ? '—' : secs(budget)}</td><td class="num">${s.sentences}</td><td class="share" aria-hidden="true">${bar}</td></tr>`;
    })
    .join('\n');
  const notes: string[] = [];
  if (a.timeline.missing.length > 0)
    notes.push(`Missing: ${a.timeline.missing.map((l) => LAYER_INFO[l].longName).join(', ')}.`);
  for (const o of a.timeline.outOfOrder) notes.push(o.message);
  return `<section id="timeline" aria-labelledby="timeline-h">
<h2 id="timeline-h">Time per layer</h2>
<figure>${renderTimelineSvg(a)}
<figcaption>Each bar is one sentence at the moment it was said. Right column: seconds spent / budget for a ${duration(a.budget.lengthSeconds)} answer. Mitigation vs structural fix: ${mitigationVersusFix(a)}.</figcaption></figure>
<table><thead><tr><th scope="col">Layer</th><th scope="col" class="num">Seconds</th><th scope="col" class="num">Share</th><th scope="col" class="num">Budget</th><th scope="col" class="num">Sentences</th><th scope="col">Share vs budget (dashed)</th></tr></thead>
<tbody>
${rows}
<tr><th scope="row">Total</th><td class="num">${secs(a.timeline.speakingSeconds)}</td><td class="num">100%</td><td class="num">${secs(a.budget.lengthSeconds)}</td><td class="num">${a.sentences.length}</td><td></td></tr>
</tbody></table>
${notes.map((t) => `<p>${esc(t)}</p>`).join('\n')}
</section>`;
}

function rubric(a: Analysis): string {
  if (!a.rubric) return '';
  const cards = Object.values(a.rubric)
    .map((r) => {
      const next = r.nextLevel === null ? 'To stay at the staff bar' : `To reach ${levelName(r.nextLevel)}`;
      return `<article class="card" aria-label="${esc(r.title)}: ${levelName(r.level)}">
<h3><span>${esc(r.title)}</span>${level(r.level)}</h3>
<p>${esc(r.reason)}</p>
${uniqueQuotes(r.evidence).map(quote).join('\n')}
<p class="advice"><strong>${next}:</strong> ${esc(r.advice)}</p>
</article>`;
    })
    .join('\n');
  return `<section id="rubric" aria-labelledby="rubric-h"><h2 id="rubric-h">Rubric</h2><div class="cards">
${cards}
</div></section>`;
}

function constraintsAndFailures(a: Analysis): string {
  if (!a.gradable) return '';
  const constraints = Object.values(a.constraints)
    .map(
      (c) =>
        `<li class="${c.met ? 'met' : 'unmet'}"><span class="state">${c.met ? 'Met' : 'Not met'}</span><strong>${esc(c.title)}</strong> — ${esc(c.detail)}${uniqueQuotes(c.evidence).map(quote).join('')}</li>`,
    )
    .join('\n');
  const found = Object.values(a.commonFailures).filter((f) => f.detected);
  const failures =
    found.length === 0
      ? '<p>None of the five common failures was found.</p>'
      : `<ul class="checks">${found
          .map(
            (f) =>
              `<li class="unmet"><span class="state">Found</span><strong>${esc(f.title)}</strong> — ${esc(f.detail)}${uniqueQuotes(f.evidence).map(quote).join('')}</li>`,
          )
          .join('\n')}</ul>`;
  return `<section id="constraints" aria-labelledby="constraints-h"><h2 id="constraints-h">Practice constraints</h2>
<ul class="checks">
${constraints}
</ul></section>
<section id="failures" aria-labelledby="failures-h"><h2 id="failures-h">Common failures</h2>
${failures}
</section>`;
}

function tierSection(a: Analysis): string {
  const detail = a.tierDetail;
  if (!detail) return '';
  const reasons = detail.reasons.map((r) => `<li>${esc(r)}</li>`).join('');
  const next =
    detail.toReachNext === null ? '' : `<p><strong>To reach the next tier:</strong> ${esc(detail.toReachNext)}</p>`;
  return `<section id="tier" aria-labelledby="tier-h"><h2 id="tier-h">Tier: ${tierName(detail.tier)}</h2><ul>${reasons}</ul>${next}</section>`;
}

function tierAndFixes(a: Analysis): string {
  const fixes =
    a.feedback.topFixes.length === 0
      ? '<p>Nothing pressing: keep the structure and rehearse it.</p>'
      : `<ol class="fixes">${a.feedback.topFixes
          .map(
            (f) =>
              `<li><strong>${esc(f.title)}</strong> — ${esc(f.detail)}${uniqueQuotes(f.evidence).map(quote).join('')}</li>`,
          )
          .join('\n')}</ol>`;
  const fu = a.feedback.followUp;
  return `${tierSection(a)}
<section id="fixes" aria-labelledby="fixes-h"><h2 id="fixes-h">Top fixes</h2>${fixes}</section>
<section id="follow-up" aria-labelledby="follow-up-h"><h2 id="follow-up-h">Follow-up question</h2>
<p>An interviewer would probe ${esc(LAYER_INFO[fu.layer].longName)}:</p>
<blockquote class="follow-up">${esc(fu.question)}</blockquote>
<p><strong>Why:</strong> ${esc(fu.why)}</p></section>`;
}

function worksheet(a: Analysis): string {
  const sections = a.worksheet
    .map(
      (s) =>
        `<h3>${esc(s.title)}</h3><ul class="checks">${s.items
          .map(
            (item) =>
              `<li class="${item.found ? 'met' : 'unmet'}"><span class="state">${item.found ? 'Found' : 'Not found'}</span>${esc(item.question)}${
                item.found && item.quote ? quote(item.quote) : `<br><em>${esc(item.note)}</em>`
              }</li>`,
          )
          .join('\n')}</ul>`,
    )
    .join('\n');
  return `<section id="worksheet" class="page-break" aria-labelledby="worksheet-h"><h2 id="worksheet-h">Worksheet</h2>
${sections}
</section>`;
}

function delivery(a: Analysis): string {
  const d = a.delivery;
  const wpm = (v: number | null) => (v === null ? '—' : `${Math.round(v)}${d.timesEstimated ? ' (est.)' : ''}`);
  const row = (label: string, cls: string, s: (typeof d)['overall']) =>
    `<tr class="${cls}"><th scope="row">${cls ? '<span class="swatch" aria-hidden="true"></span>' : ''}${esc(label)}</th><td class="num">${wpm(s.wordsPerMinute)}</td><td class="num">${s.fillersPer100Words.toFixed(1)}</td><td class="num">${s.hedges}</td><td class="num">${s.iCount} / ${s.weCount}</td></tr>`;
  const rows = [row('Overall', '', d.overall)];
  for (const layer of tableLayers(a))
    if (d.perLayer[layer].words > 0) rows.push(row(layerTag(layer), `layer-${layer}`, d.perLayer[layer]));
  const pauses = d.timesEstimated
    ? ''
    : `<p>${
        d.pauses.length === 0
          ? `No pauses longer than ${d.pauseThresholdSec} s.`
          : `${d.pauses.length} pause${d.pauses.length === 1 ? '' : 's'} longer than ${d.pauseThresholdSec} s${
              d.longestPause ? `; the longest, ${secs(d.longestPause.seconds)} at [${clock(d.longestPause.start)}]` : ''
            }.`
      }</p>`;
  return `<section id="delivery" aria-labelledby="delivery-h"><h2 id="delivery-h">Delivery</h2>
<table><thead><tr><th scope="col"></th><th scope="col" class="num">Words per minute</th><th scope="col" class="num">Fillers / 100 words</th><th scope="col" class="num">Hedges</th><th scope="col" class="num">I / we</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>${pauses}
</section>`;
}

function transcript(a: Analysis): string {
  const items = a.sentences
    .map(
      (s) =>
        `<li class="layer-${s.layer}" data-layer="${s.layer}" data-start="${s.start}" data-end="${s.end}"><span class="when">[${clock(s.start)}]</span><span class="tag">${esc(layerTag(s.layer))}</span><span class="text">${esc(s.text)}</span></li>`,
    )
    .join('\n');
  return `<section id="transcript" class="page-break" aria-labelledby="transcript-h"><h2 id="transcript-h">Transcript</h2>
${a.timesEstimated ? '<p><em>Times are estimated from a speaking rate.</em></p>' : ''}
<ol class="transcript">
${items}
</ol></section>`;
}

function outline(a: Analysis): string {
  const o = a.feedback.outline;
  const steps = o.steps
    .map((step) => {
      const n = step.targetSentences;
      return `<li class="layer-${step.layer}"><strong><span class="swatch" aria-hidden="true"></span>${esc(layerTag(step.layer))}</strong> <span class="target">— ${secs(step.targetSeconds)}, ${n} sentence${n === 1 ? '' : 's'} (you spent ${secs(step.actualSeconds)})</span><br>${esc(step.guidance)}${
        step.fromYourAnswer ? quote(step.fromYourAnswer) : ''
      }</li>`;
    })
    .join('\n');
  return `<section id="outline" class="page-break" aria-labelledby="outline-h"><h2 id="outline-h">Outline for your next attempt (${duration(o.lengthSeconds)})</h2>
<ol class="outline">
${steps}
</ol></section>`;
}

/**
 * The start of every exported page: no scripts and no external requests (the CSP forbids them
 * even if a viewer tried), the report's styles inline.
 */
export function pageHead(page: { language: string; generator: string; title: string }): string {
  return `<!DOCTYPE html>
<html lang="${esc(page.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="${esc(page.generator)}">
<title>${esc(page.title)}</title>
<style>${REPORT_CSS}</style>
</head>`;
}

export function renderHtml(source: ReportSource, options: RenderOptions = DEFAULT_RENDER_OPTIONS): string {
  const a = source.analysis;
  const redaction = source.redacted
    ? ` Names were replaced by placeholders (${esc(source.redacted.placeholders.join(', ') || 'none found')}).`
    : '';
  return `${pageHead({ language: a.language ?? 'en', generator: options.generator, title: `Coached transcript — ${reportTitle(source.meta)}` })}
<body>
${header(source)}
<main>
${verdict(a)}
${timeline(a)}
${rubric(a)}
${constraintsAndFailures(a)}
${tierAndFixes(a)}
${worksheet(a)}
${delivery(a)}
${transcript(a)}
${outline(a)}
</main>
<footer><p>Exported by ${esc(options.generator)}. Everything in this file was produced on the speaker's machine.${redaction}</p></footer>
</body>
</html>
`;
}
