import { describe, expect, it } from 'vitest';
import { measureLevel, meterFraction, SignalWatch, SpeechActivity, toDb } from '../../../src/core/practice/signal';

function tone(amplitude: number, samples: number, freq = 440, rate = 16000): Float32Array {
  const out = new Float32Array(samples);
  for (let i = 0; i < samples; i++) out[i] = amplitude * Math.sin((2 * Math.PI * freq * i) / rate);
  return out;
}

describe('measureLevel', () => {
  it('measures RMS, peak and clipped samples of float and 16-bit blocks', () => {
    const level = measureLevel(tone(0.5, 1600));
    expect(level.rms).toBeCloseTo(0.5 / Math.SQRT2, 3);
    expect(level.rmsDb).toBeCloseTo(-9.03, 1);
    expect(level.peak).toBeCloseTo(0.5, 2);
    expect(level.clipped).toBe(0);
    const hot = measureLevel(Int16Array.from([32767, -32768, 100, 32500, 0]));
    expect(hot.clipped).toBe(3);
    expect(measureLevel(new Float32Array(10)).rmsDb).toBe(-100);
    expect(toDb(1)).toBe(0);
  });

  it('maps levels onto the meter', () => {
    expect(meterFraction(-80)).toBe(0);
    expect(meterFraction(-30)).toBeCloseTo(0.5);
    expect(meterFraction(0)).toBe(1);
  });
});

describe('SignalWatch', () => {
  it('warns about silence only after seconds of near-digital silence, not during pauses', () => {
    const watch = new SignalWatch();
    const quiet = measureLevel(tone(0.0001, 800)); // -83 dB: a dead or muted microphone
    const room = measureLevel(tone(0.003, 800)); // -53 dB: room tone while pausing
    for (let i = 0; i < 50; i++) expect(watch.feed(room, 0.05).silent).toBe(false);
    for (let i = 0; i < 59; i++) expect(watch.feed(quiet, 0.05).silent).toBe(false);
    expect(watch.feed(quiet, 0.05).silent).toBe(true); // 3 s reached
    expect(watch.feed(room, 0.05).silent).toBe(false);
  });

  it('warns about clipping and holds the warning briefly', () => {
    const watch = new SignalWatch();
    const clipped = measureLevel(tone(1.2, 800).map((x) => Math.max(-1, Math.min(1, x))));
    const fine = measureLevel(tone(0.3, 800));
    expect(watch.feed(fine, 0.05).clipping).toBe(false);
    expect(watch.feed(clipped, 0.05).clipping).toBe(true);
    for (let i = 0; i < 30; i++) watch.feed(fine, 0.05);
    expect(watch.current().clipping).toBe(false);
  });
});

describe('SpeechActivity', () => {
  const rate = 16000;
  const int16 = (f: Float32Array) => Int16Array.from(f, (x) => Math.round(x * 32767));

  it('finds speech-like bursts over room noise', () => {
    const activity = new SpeechActivity(rate);
    for (let s = 0; s < 10; s++) {
      activity.push(int16(tone(0.2, rate / 2))); // 0.5 s "speech"
      activity.push(int16(tone(0.002, rate / 2))); // 0.5 s pause (room tone)
    }
    expect(activity.totalSeconds()).toBeCloseTo(10, 3);
    expect(activity.voicedSeconds()).toBeCloseTo(5, 0);
  });

  it('finds nothing in silence or in steady low noise', () => {
    const silent = new SpeechActivity(rate);
    silent.push(new Int16Array(rate * 5));
    expect(silent.voicedSeconds()).toBe(0);
    const hum = new SpeechActivity(rate);
    hum.push(int16(tone(0.004, rate * 5, 60))); // -51 dB mains hum, steady
    expect(hum.voicedSeconds()).toBe(0);
  });
});
