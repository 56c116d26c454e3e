/**
 * The timeline as an inline SVG: one labelled lane per layer, each sentence a bar at its time, the
 * seconds and budget at the end of the lane. Labels make it readable without colour (and in a
 * black-and-white print); `<title>` elements give each bar a tooltip and screen readers a summary.
 */
import { LAYER_INFO, STORY_LAYERS, type Layer } from '../analysis/layers';
import type { Analysis } from '../analysis/types';
import { clock, percent, secs } from './format';
import { LAYER_COLOR, layerTag } from './labels';
import { escapeHtml as esc } from './html-escape';

const WIDTH = 960;
const LABEL_W = 200;
const VALUE_W = 150;
const PLOT_X0 = LABEL_W;
const PLOT_X1 = WIDTH - VALUE_W;
const AXIS_H = 30;
const ROW_H = 32;
const BAR_H = 20;

const NICE_STEPS = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800];

function tickStep(total: number): number {
  for (const step of NICE_STEPS) if (total / step <= 10) return step;
  return 3600;
}

/** Lanes: headline, the five story layers (even when missing: a gap is information), other if used. */
function lanes(analysis: Analysis): Layer[] {
  const out: Layer[] = [];
  if (analysis.layers.headline.sentences > 0) out.push('headline');
  out.push(...STORY_LAYERS);
  if (analysis.layers.other.sentences > 0) out.push('other');
  return out;
}

function n(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

export function renderTimelineSvg(analysis: Analysis, idPrefix = 'timeline'): string {
  const rows = lanes(analysis);
  const lastEnd = analysis.sentences.reduce((m, s) => Math.max(m, s.end), 0);
  const total = Math.max(analysis.timeline.totalSeconds, lastEnd, 1);
  const height = AXIS_H + rows.length * ROW_H + 8;
  const x = (t: number) => PLOT_X0 + (Math.min(Math.max(t, 0), total) / total) * (PLOT_X1 - PLOT_X0);
  const parts: string[] = [];

  const summary = rows
    .map(
      (layer) =>
        `${LAYER_INFO[layer].name} ${secs(analysis.layers[layer].seconds)} (${percent(analysis.layers[layer].share)})`,
    )
    .join(', ');
  parts.push(
    `<svg class="timeline" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" preserveAspectRatio="xMinYMin meet">`,
    `<title id="${idPrefix}-title">Timeline: time spent per layer over the ${clock(total)} answer</title>`,
    `<desc id="${idPrefix}-desc">${esc(summary)}.</desc>`,
  );

  // Time axis.
  const step = tickStep(total);
  parts.push(`<g class="axis" aria-hidden="true">`);
  for (let t = 0; t <= total + 1e-9; t += step) {
    const tx = x(t);
    parts.push(
      `<line x1="${n(tx)}" y1="${AXIS_H - 6}" x2="${n(tx)}" y2="${height - 4}" class="tick"/>`,
      `<text x="${n(tx)}" y="${AXIS_H - 10}" text-anchor="middle" class="tick-label">${clock(t)}</text>`,
    );
  }
  parts.push(`</g>`);

  rows.forEach((layer, i) => {
    const y = AXIS_H + i * ROW_H;
    const stats = analysis.layers[layer];
    const budget = layer === 'other' ? null : analysis.budget.seconds[layer];
    const color = LAYER_COLOR[layer];
    parts.push(`<g class="lane lane-${layer}">`);
    if (i % 2 === 0) parts.push(`<rect x="0" y="${y}" width="${WIDTH}" height="${ROW_H}" class="lane-bg"/>`);
    parts.push(
      `<rect x="8" y="${y + (ROW_H - 12) / 2}" width="12" height="12" rx="2" fill="${color}" aria-hidden="true"/>`,
      `<text x="28" y="${y + ROW_H / 2 + 4}" class="lane-label">${esc(layerTag(layer))}</text>`,
    );
    if (stats.sentences === 0) {
      parts.push(`<text x="${PLOT_X0 + 6}" y="${y + ROW_H / 2 + 4}" class="missing">missing</text>`);
    }
    for (const s of analysis.sentences) {
      if (s.layer !== layer) continue;
      const x0 = x(s.start);
      const w = Math.max(2, x(s.end) - x0);
      parts.push(
        `<rect x="${n(x0)}" y="${y + (ROW_H - BAR_H) / 2}" width="${n(w)}" height="${BAR_H}" rx="2" fill="${color}"><title>[${clock(s.start)}–${clock(s.end)}] ${esc(layerTag(layer))}: ${esc(s.text.length > 90 ? `${s.text.slice(0, 88)}…` : s.text)}</title></rect>`,
      );
    }
    const value = `${secs(stats.seconds)}${budget === null ? '' : ` / ${secs(budget)}`}`;
    const over = budget !== null && budget > 0 && stats.seconds > budget * 1.5;
    parts.push(
      `<text x="${WIDTH - 8}" y="${y + ROW_H / 2 + 4}" text-anchor="end" class="lane-value${over ? ' over' : ''}">${esc(value)}</text>`,
    );
    parts.push(`</g>`);
  });
  parts.push(
    `<text x="${WIDTH - 8}" y="${AXIS_H - 10}" text-anchor="end" class="tick-label">spent / budget</text>`,
    `</svg>`,
  );
  return parts.join('\n');
}
