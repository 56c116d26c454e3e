import { describe, expect, it } from 'vitest';
import { byteSize, clock, duration, percent, slug, vttTimestamp } from '../../../src/core/report/format';

describe('report formatters', () => {
  it('prints [mm:ss] clocks, with hours only when needed', () => {
    expect(clock(0)).toBe('00:00');
    expect(clock(73.9)).toBe('01:13');
    expect(clock(3725)).toBe('1:02:05');
  });

  it('prints WebVTT timestamps with milliseconds', () => {
    expect(vttTimestamp(0)).toBe('00:00:00.000');
    expect(vttTimestamp(73.4)).toBe('00:01:13.400');
    expect(vttTimestamp(3725.0015)).toBe('01:02:05.002');
  });

  it('prints lengths and shares a person reads', () => {
    expect(duration(42)).toBe('42 s');
    expect(duration(60)).toBe('1 min');
    expect(duration(185)).toBe('3 min 5 s');
    expect(percent(0.347)).toBe('35%');
  });

  it('makes file-name slugs without path characters', () => {
    expect(slug('Acme fraud model!')).toBe('acme-fraud-model');
    expect(slug('../../etc/passwd')).toBe('etc-passwd');
    expect(slug('Café à Zürich')).toBe('cafe-a-zurich');
    expect(slug('   ', 'session')).toBe('session');
  });
});

describe('byteSize', () => {
  it('reads as kB, MB or GB, and an empty file as 0 kB', () => {
    expect(byteSize(0)).toBe('0 kB');
    expect(byteSize(10)).toBe('1 kB');
    expect(byteSize(884_000)).toBe('863 kB');
    expect(byteSize(77_691_713)).toBe('74 MB');
    expect(byteSize(1_624_555_275)).toBe('1.51 GB');
  });
});
