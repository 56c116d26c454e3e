/**
 * Sentence vectors as the engine receives them: what a pretrained sentence encoder (run by the
 * back end, never by core) made of each sentence, keyed by the sentence's text exactly as the
 * segmenter cut it. Each vector travels as one base64 string of a float32 scale followed by one
 * signed byte per dimension: a 15-minute answer's vectors take about 140 kB in its session file
 * instead of 400 kB, and the labels they lead to do not change (the byte's rounding is far below
 * what the layer weights can tell apart).
 */

/** Sentence text → packed vector. */
export type SentenceVectors = Readonly<Record<string, string>>;

const SCALE_BYTES = 4;

export function packVector(vector: ArrayLike<number>): string {
  let max = 0;
  for (let i = 0; i < vector.length; i++) max = Math.max(max, Math.abs(vector[i] ?? 0));
  const scale = max > 0 ? max / 127 : 1;
  const bytes = new Uint8Array(SCALE_BYTES + vector.length);
  new DataView(bytes.buffer).setFloat32(0, scale, true);
  for (let i = 0; i < vector.length; i++) {
    const q = Math.max(-127, Math.min(127, Math.round((vector[i] ?? 0) / scale)));
    bytes[SCALE_BYTES + i] = q & 0xff;
  }
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The vector of a packed string, or null when it is not one of `dimensions` numbers. */
export function unpackVector(packed: string, dimensions: number): Float32Array | null {
  let binary: string;
  try {
    binary = atob(packed);
  } catch {
    return null;
  }
  if (binary.length !== SCALE_BYTES + dimensions) return null;
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const scale = new DataView(bytes.buffer).getFloat32(0, true);
  if (!Number.isFinite(scale) || scale <= 0) return null;
  const out = new Float32Array(dimensions);
  for (let i = 0; i < dimensions; i++) {
    const b = bytes[SCALE_BYTES + i] ?? 0;
    out[i] = (b > 127 ? b - 256 : b) * scale;
  }
  return out;
}
