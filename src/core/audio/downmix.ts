/**
 * Average the channels of a multi-channel signal to mono (what Whisper expects). Averaging, not
 * summing, so a full-scale stereo file stays within [-1, 1]; a channel that is silent (one-sided
 * recording) halves the level, which Whisper's log-mel normalisation absorbs.
 */
export function downmixToMono(channels: readonly Float32Array[]): Float32Array {
  const first = channels[0];
  if (!first) return new Float32Array(0);
  if (channels.length === 1) return first;
  const n = Math.min(...channels.map((c) => c.length));
  const out = new Float32Array(n);
  const scale = 1 / channels.length;
  for (const c of channels) for (let i = 0; i < n; i++) out[i] = (out[i] as number) + (c[i] as number) * scale;
  return out;
}
