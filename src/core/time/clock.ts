/**
 * The one way a length of time is shown as a clock, on screen, in messages and in reports.
 * Whole seconds are floored before they are split into hours, minutes and seconds: a clock
 * shows the second it is in, like a media player, and rounding the seconds part on its own
 * could print "0:60".
 */

export interface ClockOptions {
  /** Two-digit minutes ("01:13"), for exports where times line up in a column. */
  padMinutes?: boolean;
}

/** 73.9 → "1:13" ("01:13" with padMinutes); 3725 → "1:02:05"; hours only when needed. */
export function formatClock(seconds: number, options: ClockOptions = {}): string {
  const total = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const ss = String(total % 60).padStart(2, '0');
  if (h > 0) return `${h}:${String(m).padStart(2, '0')}:${ss}`;
  return `${options.padMinutes === true ? String(m).padStart(2, '0') : m}:${ss}`;
}
