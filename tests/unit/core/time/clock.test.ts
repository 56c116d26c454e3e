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

  it('shows tenths on request without carrying a 60 into the seconds', () => {
    expect(formatClock(59.96, { tenths: true })).toBe('0:59.9');
    expect(formatClock(119.99, { tenths: true })).toBe('1:59.9');
    expect(formatClock(0.3, { tenths: true })).toBe('0:00.3');
    expect(formatClock(73.45, { tenths: true })).toBe('1:13.4');
  });

  it('shows hours with tenths past an hour', () => {
    expect(formatClock(3725.25, { tenths: true })).toBe('1:02:05.2');
    expect(formatClock(3600, { tenths: true })).toBe('1:00:00.0');
  });

  it('reads a negative or unknown length as zero', () => {
    expect(formatClock(-3)).toBe('0:00');
    expect(formatClock(Number.NaN)).toBe('0:00');
  });
});
