/**
 * What the results panels show, derived from an Analysis: the per-layer bar against the budget,
 * the delivery table, and the worksheet with the user's own ticks laid over the engine's.
 */
import { LAYER_INFO, OUTLINE_LAYERS, type Layer } from '../analysis/layers';
import type { Analysis, DeliveryStats, Quote, RubricLevel } from '../analysis/types';

export interface BudgetRow {
  layer: Layer;
  name: string;
  seconds: number;
  share: number;
  budgetSeconds: number;
  budgetShare: number;
  /** Seconds over (positive) or under (negative) the budget; null for layers without a budget. */
  delta: number | null;
  status: 'over' | 'under' | 'on' | 'missing' | 'unbudgeted';
  /** e.g. "Mitigation 58 s / budget 15 s". */
  label: string;
}

/** Within this many seconds (or 20 % of the budget) a layer counts as on budget. */
function tolerance(budget: number): number {
  return Math.max(3, budget * 0.2);
}

export function budgetRows(analysis: Analysis): BudgetRow[] {
  const layers: Layer[] = [...OUTLINE_LAYERS];
  if (analysis.layers.other.seconds > 0) layers.push('other');
  const length = analysis.budget.lengthSeconds;
  return layers.map((layer) => {
    const stats = analysis.layers[layer];
    const budget = analysis.budget.seconds[layer];
    const seconds = Math.round(stats.seconds);
    const name = LAYER_INFO[layer].name;
    let status: BudgetRow['status'];
    if (layer === 'other') status = 'unbudgeted';
    else if (stats.sentences === 0) status = 'missing';
    else if (seconds > budget + tolerance(budget)) status = 'over';
    else if (seconds < budget - tolerance(budget)) status = 'under';
    else status = 'on';
    return {
      layer,
      name,
      seconds,
      share: stats.share,
      budgetSeconds: budget,
      budgetShare: length > 0 ? budget / length : 0,
      delta: layer === 'other' ? null : seconds - budget,
      status,
      label: layer === 'other' ? `${name} ${seconds} s` : `${name} ${seconds} s / budget ${budget} s`,
    };
  });
}

export interface DeliveryRow {
  key: Layer | 'overall';
  name: string;
  stats: DeliveryStats;
}

/** Overall first, then every layer the answer actually has, in telling order. */
export function deliveryRows(analysis: Analysis): DeliveryRow[] {
  const rows: DeliveryRow[] = [{ key: 'overall', name: 'Whole answer', stats: analysis.delivery.overall }];
  for (const layer of [...OUTLINE_LAYERS, 'other'] as Layer[]) {
    const stats = analysis.delivery.perLayer[layer];
    if (stats.words > 0) rows.push({ key: layer, name: LAYER_INFO[layer].name, stats });
  }
  return rows;
}

interface WorksheetItemView {
  id: string;
  question: string;
  /** Ticked in the end: the user's tick when there is one, else what the engine found. */
  checked: boolean;
  source: 'engine' | 'user';
  foundByEngine: boolean;
  quote: Quote | null;
  note: string;
}

export interface WorksheetSectionView {
  layer: Layer;
  title: string;
  items: WorksheetItemView[];
  done: number;
}

export function worksheetView(analysis: Analysis, ticks: Readonly<Record<string, boolean>>): WorksheetSectionView[] {
  return analysis.worksheet.map((section) => {
    const items = section.items.map((item): WorksheetItemView => {
      const tick = ticks[item.id];
      return {
        id: item.id,
        question: item.question,
        checked: tick ?? item.found,
        source: tick === undefined ? 'engine' : 'user',
        foundByEngine: item.found,
        quote: item.quote,
        note: item.note,
      };
    });
    return { layer: section.layer, title: section.title, items, done: items.filter((i) => i.checked).length };
  });
}

export const LEVEL_NAMES: Record<RubricLevel, string> = {
  weak: 'Weak',
  passing: 'Passing',
  strong: 'Strong',
  staff_bar: 'Staff bar',
};

export const TIER_NAMES = { senior: 'Senior', staff: 'Staff', l7: 'L7' } as const;

/** A tier's name, or "Not graded" for an answer that is not a gradable incident story. */
export function tierLabel(tier: keyof typeof TIER_NAMES | null): string {
  return tier ? TIER_NAMES[tier] : 'Not graded';
}
