/**
 * Sample-rate conversion by a polyphase windowed-sinc (Kaiser) low-pass filter, for any pair of
 * integer rates (48 kHz → 16 kHz, 44.1 kHz → 16 kHz, 8 kHz → 16 kHz …). Pure: no Node, DOM or
 * Electron imports, so the same code runs in the main process (file import) and in the renderer's
 * AudioWorklet (live capture at the device rate).
 *
 * Why not drop samples: decimating 48 kHz by 3 folds everything between 8 and 24 kHz (fan noise,
 * sibilants) back into the speech band. The filter removes it before the rate change.
 *
 * Design (defaults): the band edge sits at 0.45 × the lower rate (7.2 kHz at 16 kHz), the
 * transition band is 0.1 × the lower rate wide (6.4 → 8.0 kHz) and the stopband is ≥ 80 dB down:
 * speech (≤ 6.4 kHz) passes flat, nothing at or above the output Nyquist survives to alias.
 * The filter is linear-phase and its delay is compensated, so output sample n is the signal at
 * time n / toRate exactly (timestamps stay aligned with the source).
 */

export interface ResamplerOptions {
  /** −6 dB point as a fraction of the lower of the two rates (default 0.45). */
  cutoff?: number;
  /** Transition band width as a fraction of the lower rate (default 0.1). */
  transition?: number;
  /** Stopband attenuation in dB (default 80). */
  stopbandDb?: number;
}

export interface StreamResampler {
  readonly fromRate: number;
  readonly toRate: number;
  /** Resample the next block of input; keeps filter state between calls. */
  process(input: Float32Array): Float32Array;
  /** End of input: returns the remaining output so the total is ceil(inputs × to / from). */
  flush(): Float32Array;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Zeroth-order modified Bessel function of the first kind (series), for the Kaiser window. */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const q = (x * x) / 4;
  for (let k = 1; k < 64; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return sum;
}

function kaiserBeta(attenuationDb: number): number {
  if (attenuationDb > 50) return 0.1102 * (attenuationDb - 8.7);
  if (attenuationDb >= 21) return 0.5842 * (attenuationDb - 21) ** 0.4 + 0.07886 * (attenuationDb - 21);
  return 0;
}

export interface PolyphaseFilter {
  /** Upsampling factor L and downsampling factor M (from × L / M = to). */
  up: number;
  down: number;
  /** Taps per phase. */
  tapsPerPhase: number;
  /** phases[p * tapsPerPhase + k] = L · h[p + k·L] (gain L restores level after zero-stuffing). */
  phases: Float32Array;
  /** Group delay of the prototype filter, in samples of the upsampled (rate × L) domain. */
  delayUp: number;
}

/** Design the polyphase filter bank for a rate pair. Exposed for tests and the worklet. */
export function designResampler(fromRate: number, toRate: number, options: ResamplerOptions = {}): PolyphaseFilter {
  if (!Number.isInteger(fromRate) || !Number.isInteger(toRate) || fromRate <= 0 || toRate <= 0) {
    throw new RangeError(`sample rates must be positive integers (got ${fromRate} → ${toRate})`);
  }
  const g = gcd(fromRate, toRate);
  const up = toRate / g;
  const down = fromRate / g;
  const cutoff = options.cutoff ?? 0.45;
  const transition = options.transition ?? 0.1;
  const atten = options.stopbandDb ?? 80;
  const lower = Math.min(fromRate, toRate);
  const fsUp = fromRate * up;
  const fc = (cutoff * lower) / fsUp; // cycles per upsampled sample
  const dw = (2 * Math.PI * transition * lower) / fsUp;
  let n = Math.ceil((atten - 7.95) / (2.285 * dw)) + 1;
  const tapsPerPhase = Math.max(1, Math.ceil(n / up));
  const slots = tapsPerPhase * up;
  // An odd tap count puts the centre on a sample, so the delay is a whole number of samples and
  // can be compensated exactly (an even count would shift the output by half an input sample).
  n = slots % 2 === 0 ? slots - 1 : slots;
  const beta = kaiserBeta(atten);
  const i0b = besselI0(beta);
  const h = new Float64Array(slots);
  const mid = (n - 1) / 2;
  let sum = 0;
  for (let j = 0; j < n; j++) {
    const t = j - mid;
    const x = 2 * fc * t;
    const sinc = t === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    const r = (2 * j) / (n - 1) - 1;
    const w = n === 1 ? 1 : besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0b;
    h[j] = 2 * fc * sinc * w;
    sum += h[j] as number;
  }
  const phases = new Float32Array(slots);
  for (let p = 0; p < up; p++) {
    for (let k = 0; k < tapsPerPhase; k++) phases[p * tapsPerPhase + k] = ((h[p + k * up] as number) * up) / sum;
  }
  return { up, down, tapsPerPhase, phases, delayUp: mid };
}

class PolyphaseResampler implements StreamResampler {
  private readonly f: PolyphaseFilter;
  /** Input history; buf[0] is absolute input index `bufStart`. */
  private buf = new Float32Array(0);
  private bufLen = 0;
  private bufStart = 0;
  private received = 0;
  /** Next output index to produce. */
  private n = 0;
  private flushed = false;

  constructor(
    readonly fromRate: number,
    readonly toRate: number,
    options: ResamplerOptions,
  ) {
    this.f = designResampler(fromRate, toRate, options);
  }

  private append(input: Float32Array): void {
    if (this.bufLen + input.length > this.buf.length) {
      const next = new Float32Array(Math.max(this.buf.length * 2, this.bufLen + input.length, 1024));
      next.set(this.buf.subarray(0, this.bufLen));
      this.buf = next;
    }
    this.buf.set(input, this.bufLen);
    this.bufLen += input.length;
    this.received += input.length;
  }

  /** Produce outputs whose newest needed input index is < `available`. */
  private run(available: number, limit: number): Float32Array {
    const { up, down, tapsPerPhase: K, phases, delayUp } = this.f;
    // Output n needs input i = floor((n·M + delay) / L): count how many outputs are computable.
    let last = Math.floor((available * up - 1 - delayUp) / down); // largest n with i <= available-1
    if (last >= limit) last = limit - 1;
    const count = Math.max(0, last - this.n + 1);
    const out = new Float32Array(count);
    const buf = this.buf;
    const start = this.bufStart;
    const bufEnd = start + this.bufLen;
    for (let o = 0; o < count; o++) {
      const u = (this.n + o) * down + delayUp;
      const i = Math.floor(u / up);
      const p = u - i * up;
      const base = p * K;
      // Taps k touch input i - k; only those inside the buffered history are non-zero (before
      // the first sample and after the end of input, i.e. during flush, the signal is zero).
      const kFrom = Math.max(0, i - (bufEnd - 1));
      const kTo = Math.min(K, i - start + 1);
      const rel = i - start;
      let acc = 0;
      for (let k = kFrom; k < kTo; k++) acc += (phases[base + k] as number) * (buf[rel - k] as number);
      out[o] = acc;
    }
    this.n += count;
    // Drop history no future output needs (keep K samples before the next output's base index).
    const nextI = Math.floor((this.n * down + delayUp) / up);
    const keepFrom = Math.max(start, nextI - K + 1);
    const drop = Math.min(keepFrom - start, this.bufLen);
    if (drop > 0) {
      this.buf.copyWithin(0, drop, this.bufLen);
      this.bufLen -= drop;
      this.bufStart += drop;
    }
    return out;
  }

  private totalOutputs(): number {
    return Math.ceil((this.received * this.f.up) / this.f.down);
  }

  process(input: Float32Array): Float32Array {
    if (this.flushed) throw new Error('resampler already flushed');
    if (input.length === 0) return new Float32Array(0);
    this.append(input);
    return this.run(this.received, Number.MAX_SAFE_INTEGER);
  }

  flush(): Float32Array {
    if (this.flushed) return new Float32Array(0);
    this.flushed = true;
    // Past the end the input is zero: run as if enough zeros had arrived, up to the exact count.
    return this.run(Number.MAX_SAFE_INTEGER / (this.f.up + 1), this.totalOutputs());
  }
}

class PassThrough implements StreamResampler {
  constructor(
    readonly fromRate: number,
    readonly toRate: number,
  ) {}
  process(input: Float32Array): Float32Array {
    return input.slice();
  }
  flush(): Float32Array {
    return new Float32Array(0);
  }
}

export function createResampler(fromRate: number, toRate: number, options: ResamplerOptions = {}): StreamResampler {
  if (fromRate === toRate) return new PassThrough(fromRate, toRate);
  return new PolyphaseResampler(fromRate, toRate, options);
}

/** One-shot conversion of a whole signal; output length is ceil(input × to / from). */
export function resample(
  input: Float32Array,
  fromRate: number,
  toRate: number,
  options: ResamplerOptions = {},
): Float32Array {
  const r = createResampler(fromRate, toRate, options);
  const a = r.process(input);
  const b = r.flush();
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
