/**
 * The results view lets a user tick or untick worksheet items by hand (kept in the session's
 * corrections). Exports show the worksheet as the user left it: a manual tick wins over the
 * engine's finding, and says so.
 */
import type { Analysis } from '../analysis/types';

export function applyWorksheetTicks(analysis: Analysis, ticks: Readonly<Record<string, boolean>>): Analysis {
  if (Object.keys(ticks).length === 0) return analysis;
  return {
    ...analysis,
    worksheet: analysis.worksheet.map((section) => ({
      ...section,
      items: section.items.map((item) => {
        const tick = ticks[item.id];
        if (tick === undefined || tick === item.found) return item;
        return tick
          ? { ...item, found: true, note: 'Ticked by hand.' }
          : { ...item, found: false, quote: null, note: `Unticked by hand. ${item.note}`.trim() };
      }),
    })),
  };
}

/** Reads `corrections.worksheet` without trusting its shape (a damaged field is ignored). */
export function worksheetTicksOf(corrections: unknown): Record<string, boolean> {
  if (typeof corrections !== 'object' || corrections === null) return {};
  const worksheet = (corrections as { worksheet?: unknown }).worksheet;
  if (typeof worksheet !== 'object' || worksheet === null || Array.isArray(worksheet)) return {};
  const out: Record<string, boolean> = {};
  for (const [id, value] of Object.entries(worksheet)) if (typeof value === 'boolean') out[id] = value;
  return out;
}
