/**
 * The "time's up" cue: two soft rising tones, quiet enough not to startle or drown the speaker
 * (the take goes on recording until the user stops it).
 */
let context: AudioContext | null = null;

export function playGentleSignal(volume = 0.06): void {
  try {
    context ??= new AudioContext();
    const ctx = context;
    const start = ctx.currentTime + 0.02;
    [660, 880].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      const t = start + i * 0.22;
      gain.gain.setValueAtTime(0, t);
      gain.gain.linearRampToValueAtTime(volume, t + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.2);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + 0.21);
    });
  } catch {
    // No audio output: the on-screen signal is enough.
  }
}
