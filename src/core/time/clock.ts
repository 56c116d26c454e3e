/**
 * The one way a length of time is shown as a clock, on screen, in messages, in reports and in the
 * CLI. The value is floored to the last unit shown before it is split into hours, minutes and
 * seconds: a clock shows the second (or tenth) it is in, like a media player, and rounding the
 * seconds part on its own could print "0:60".
 */

export interface ClockOptions {
  /** Two-digit minutes ("01:13"), for exports where times line up in a column. */
  padMinutes?: boolean;
  /** One decimal on the seconds ("1:13.9"), for transcript segment times. */
  tenths?: boolean;
}

/** 73.9 → "1:13" ("01:13" with padMinutes, "1:13.9" with tenths); 3725 → "1:02:05"; hours only when needed. */
export function formatClock(seconds: number, options: ClockOptions = {}): string {
  const tenths = options.tenths === true;
  const safe = Number.isFinite(seconds) ? Math.max(0, seconds) : 0;
  // Rounding to milliseconds first keeps float noise (0.3 * 10 = 2.999…) from losing a tenth.
  const totalTenths = tenths ? Math.floor(Math.round(safe * 1000) / 100) : Math.floor(safe) * 10;
  const total = Math.floor(totalTenths / 10);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const ss = String(total % 60).padStart(2, '0') + (tenths ? `.${totalTenths % 10}` : '');
  if (h > 0) return `${h}:${String(m).padStart(2, '0')}:${ss}`;
  return `${options.padMinutes === true ? String(m).padStart(2, '0') : m}:${ss}`;
}
