import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../../src/shared/wire';

describe('wire encoding', () => {
  it('carries byte arrays through JSON unchanged', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    const decoded = decodeWire(encodeWire({ channel: 'x', input: { chunk: bytes, seq: 3 } })) as {
      input: { chunk: Uint8Array; seq: number };
    };
    expect(decoded.input.seq).toBe(3);
    expect(decoded.input.chunk).toBeInstanceOf(Uint8Array);
    expect(Array.from(decoded.input.chunk)).toEqual(Array.from(bytes));
  });

  it('encodes other typed arrays as their bytes and leaves plain objects alone', () => {
    const pcm = new Int16Array([1, -1, 32767]);
    const decoded = decodeWire(encodeWire({ pcm, plain: { $bytes: 1 } })) as { pcm: Uint8Array; plain: unknown };
    expect(new Int16Array(decoded.pcm.buffer.slice(0))).toEqual(pcm);
    expect(decoded.plain).toEqual({ $bytes: 1 });
  });
});
