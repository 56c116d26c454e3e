import { describe, expect, it } from 'vitest';
import { formatClock } from '../../../../src/core/time/clock';

describe('formatClock', () => {
  it('never carries a rounded 60 into the seconds', () => {
    expect(formatClock(59.6)).toBe('0:59');
    expect(formatClock(119.6)).toBe('1:59');
    expect(formatClock(3599.9)).toBe('59:59');
    expect(formatClock(60)).toBe('1:00');
  });

  it('shows hours only when needed, and pads minutes on request', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(73.9)).toBe('1:13');
    expect(formatClock(73.9, { padMinutes: true })).toBe('01:13');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(3725, { padMinutes: true })).toBe('1:02:05');
  });

  it('reads a negative or unknown length as zero', () => {
    expect(formatClock(-3)).toBe('0:00');
    expect(formatClock(Number.NaN)).toBe('0:00');
  });
});
