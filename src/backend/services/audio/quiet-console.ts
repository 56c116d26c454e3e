/**
 * The wasm-audio-decoders libraries print every recoverable frame error with console.error, and
 * also return it in `result.errors`, which is what we use. While a decode runs, drop only those
 * library-prefixed lines (everything else still prints). Reference-counted, so overlapping
 * decodes restore the original console.error exactly once.
 */
const PREFIXES = ['mpg123-decoder:', '@wasm-audio-decoders/flac:'];
let depth = 0;
let original: typeof console.error = console.error;

export async function withQuietDecoderLogs<T>(fn: () => Promise<T> | T): Promise<T> {
  if (depth++ === 0) {
    original = console.error;
    console.error = (...args: unknown[]) => {
      const first = args[0];
      if (typeof first === 'string' && PREFIXES.some((p) => first.startsWith(p))) return;
      original(...args);
    };
  }
  try {
    return await fn();
  } finally {
    if (--depth === 0) console.error = original;
  }
}
