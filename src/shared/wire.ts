/**
 * JSON encoding used by the web shell's HTTP transport. Electron IPC clones typed arrays natively;
 * over HTTP they travel as `{ "$bytes": "<base64>" }` so channels can carry audio chunks unchanged.
 */
const BYTES_KEY = '$bytes';

/** Node's Buffer when running in the back end (no import: this module also runs in the page). */
const NodeBuffer = (globalThis as { Buffer?: { from(b: Uint8Array): { toString(enc: 'base64'): string } } }).Buffer;

/** Native encoder where the runtime has one (recent Chromium): uploads no longer wait on a JS loop. */
const nativeToBase64 = (Uint8Array.prototype as unknown as { toBase64?: (this: Uint8Array) => string }).toBase64;

function bytesToBase64(bytes: Uint8Array): string {
  // Node's btoa is a slow JS fallback (7 s for a 30-minute recording); Buffer is native.
  if (NodeBuffer) return NodeBuffer.from(bytes).toString('base64');
  if (nativeToBase64) return nativeToBase64.call(bytes);
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    binary += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return btoa(binary);
}

/** Native decoder where the runtime has one (recent Chromium); the loop below is the fallback. */
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array }).fromBase64;

function base64ToBytes(text: string): Uint8Array {
  if (nativeFromBase64) return nativeFromBase64.call(Uint8Array, text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) return { [BYTES_KEY]: bytesToBase64(v) };
    if (ArrayBuffer.isView(v)) {
      return { [BYTES_KEY]: bytesToBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
    }
    return v;
  });
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const record = v as Record<string, unknown>;
      const keys = Object.keys(record);
      if (keys.length === 1 && keys[0] === BYTES_KEY && typeof record[BYTES_KEY] === 'string') {
        return base64ToBytes(record[BYTES_KEY]);
      }
    }
    return v;
  });
}
