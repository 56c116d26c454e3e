import { describe, expect, it } from 'vitest';
import { downmixToMono } from '../../../src/core/audio/downmix';
import { createResampler, designResampler, resample } from '../../../src/core/audio/resample';

function tone(hz: number, rate: number, seconds: number, amp = 1): Float32Array {
  const x = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < x.length; i++) x[i] = amp * Math.sin((2 * Math.PI * hz * i) / rate);
  return x;
}

/** Level in dB relative to a full-scale sine, away from the edges (filter start-up). */
function levelDb(x: Float32Array, skip: number): number {
  let s = 0;
  for (let i = skip; i < x.length - skip; i++) s += (x[i] as number) ** 2;
  return 20 * Math.log10(Math.sqrt(s / (x.length - 2 * skip)) / Math.SQRT1_2);
}

function concat(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

describe('windowed-sinc resampler', () => {
  it('passes a 1 kHz tone through 48 kHz → 16 kHz unchanged in level', () => {
    const y = resample(tone(1000, 48000, 1), 48000, 16000);
    expect(y.length).toBe(16000);
    expect(Math.abs(levelDb(y, 1000))).toBeLessThan(0.05);
    // and it is still a 1 kHz sine: compare with the ideal one sample by sample
    const ideal = tone(1000, 16000, 1);
    let maxErr = 0;
    for (let i = 1000; i < 15000; i++) maxErr = Math.max(maxErr, Math.abs((y[i] as number) - (ideal[i] as number)));
    expect(maxErr).toBeLessThan(0.01);
  });

  it('attenuates a 7.9 kHz tone (just under the 8 kHz output Nyquist) by more than 40 dB', () => {
    const y = resample(tone(7900, 48000, 1), 48000, 16000);
    expect(levelDb(y, 1000)).toBeLessThan(-40);
  });

  it('removes content above the output Nyquist instead of aliasing it (12 kHz would fold to 4 kHz)', () => {
    const y = resample(tone(12000, 48000, 1), 48000, 16000);
    expect(levelDb(y, 1000)).toBeLessThan(-80);
    // Plain decimation (every third sample) aliases it at full level: what the filter prevents.
    const x = tone(12000, 48000, 1);
    const dropped = new Float32Array(16000).map((_, i) => x[i * 3] as number);
    expect(levelDb(dropped, 1000)).toBeGreaterThan(-1);
  });

  it('keeps speech frequencies flat for 44.1 kHz, 22.05 kHz and 8 kHz sources', () => {
    for (const [rate, hz] of [
      [44100, 1000],
      [44100, 6000],
      [22050, 3000],
      [8000, 1000],
    ] as const) {
      const y = resample(tone(hz, rate, 1), rate, 16000);
      expect(y.length).toBe(16000);
      expect(Math.abs(levelDb(y, 1000))).toBeLessThan(0.1);
    }
    expect(levelDb(resample(tone(7900, 44100, 1), 44100, 16000), 1000)).toBeLessThan(-40);
  });

  it('is time-aligned: an impulse at 0.5 s stays at 0.5 s', () => {
    const x = new Float32Array(44100);
    x[22050] = 1;
    const y = resample(x, 44100, 16000);
    let peak = 0;
    for (let i = 0; i < y.length; i++) if (Math.abs(y[i] as number) > Math.abs(y[peak] as number)) peak = i;
    expect(peak).toBe(8000);
  });

  it('streams: blocks of any size give the same samples as one call', () => {
    const x = tone(440, 48000, 0.7, 0.5);
    const whole = resample(x, 48000, 16000);
    const r = createResampler(48000, 16000);
    const parts: Float32Array[] = [];
    let i = 0;
    for (const size of [128, 1, 7, 1000, 128, 33]) {
      while (i < x.length && parts.length < 10_000) {
        parts.push(r.process(x.subarray(i, i + size)));
        i += size;
        if (i % 5 === 0) break;
      }
    }
    while (i < x.length) {
      parts.push(r.process(x.subarray(i, i + 128)));
      i += 128;
    }
    parts.push(r.flush());
    const streamed = concat(parts);
    expect(streamed.length).toBe(whole.length);
    let maxDiff = 0;
    for (let k = 0; k < whole.length; k++)
      maxDiff = Math.max(maxDiff, Math.abs((whole[k] as number) - (streamed[k] as number)));
    expect(maxDiff).toBe(0);
  });

  it('outputs ceil(n × to / from) samples and passes equal rates through', () => {
    expect(resample(new Float32Array(1001), 44100, 16000).length).toBe(Math.ceil((1001 * 16000) / 44100));
    expect(resample(new Float32Array(0), 48000, 16000).length).toBe(0);
    const x = tone(100, 16000, 0.01);
    expect(Array.from(resample(x, 16000, 16000))).toEqual(Array.from(x));
  });

  it('designs a polyphase bank from the reduced rate ratio', () => {
    const f = designResampler(44100, 16000);
    expect([f.up, f.down]).toEqual([160, 441]);
    expect(f.phases.length).toBe(f.up * f.tapsPerPhase);
    expect(() => designResampler(44100.5, 16000)).toThrow(RangeError);
  });
});

describe('downmix', () => {
  it('averages channels', () => {
    const m = downmixToMono([new Float32Array([1, 0.5, -1]), new Float32Array([1, -0.5, 0])]);
    expect(Array.from(m)).toEqual([1, 0, -0.5]);
    expect(downmixToMono([])).toHaveLength(0);
  });
});
