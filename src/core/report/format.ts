/**
 * Small text formatters shared by every report format, so a time or a share reads the same in
 * Markdown, HTML and captions.
 */

import { formatClock } from '../time/clock';

/** Report times line up in columns, so minutes keep two digits: 73.4 → "01:13". */
export function clock(seconds: number): string {
  return formatClock(seconds, { padMinutes: true });
}

/** WebVTT timestamp: 73.4 → "00:01:13.400". */
export function vttTimestamp(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const frac = ms % 1000;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(frac).padStart(3, '0')}`;
}

/** Seconds for tables: 4.26 → "4.3 s", 58 → "58 s". */
export function secs(seconds: number): string {
  if (seconds < 10 && seconds % 1 !== 0) return `${seconds.toFixed(1)} s`;
  return `${Math.round(seconds)} s`;
}

/** A length a person reads: 185 → "3 min 5 s", 60 → "1 min", 42 → "42 s". */
export function duration(seconds: number): string {
  const total = Math.round(seconds);
  const m = Math.floor(total / 60);
  const s = total % 60;
  if (m === 0) return `${s} s`;
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
}

/** File sizes a person reads: 74_000_000 → "71 MB", 1.6e9 → "1.49 GB", 0 → "0 kB", 10 → "1 kB". */
export function byteSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  return `${Math.max(bytes === 0 ? 0 : 1, Math.round(bytes / 1024))} kB`;
}

/** 0.347 → "35%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** ISO date-time → "2026-03-14 09:05" (UTC, so the same file renders the same everywhere). */
export function dateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

const LEVEL_NAMES = { weak: 'Weak', passing: 'Passing', strong: 'Strong', staff_bar: 'Staff bar' } as const;
const TIER_NAMES = { senior: 'Senior', staff: 'Staff', l7: 'L7' } as const;

export function levelName(level: keyof typeof LEVEL_NAMES): string {
  return LEVEL_NAMES[level];
}

export function tierName(tier: keyof typeof TIER_NAMES): string {
  return TIER_NAMES[tier];
}

/** Said beside the tier of an answer graded because the speaker said it is an incident story. */
export function gradedAtYourWord(overruled: { message: string } | null): string | null {
  return overruled
    ? `Graded at your word: you said this is an incident story; the check had read it otherwise ("${overruled.message}").`
    : null;
}

/** A filesystem-friendly slug for suggested file names: "Acme fraud model!" → "acme-fraud-model". */
export function slug(text: string, fallback = 'session'): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
  return s === '' ? fallback : s;
}
