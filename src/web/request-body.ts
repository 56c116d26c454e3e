import type { IncomingMessage } from 'node:http';
import { MAX_JSON_DEPTH, jsonDepth } from '../shared/json-depth';
import { decodeWire } from '../shared/wire';

export type BodyRead = { ok: true; text: string } | { ok: false; tooLarge: true };

/**
 * Reads a request body of at most `limit` bytes. A larger one is read to its end and dropped
 * rather than cut off: closing a socket with unread data makes the kernel reset the connection,
 * and the client would see the reset instead of our 413. Only token holders get this far, so the
 * drain can't be used by a stranger to keep the server busy.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  const declared = Number(req.headers['content-length']);
  let tooLarge = Number.isFinite(declared) && declared > limit;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    if (tooLarge) continue;
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) {
      tooLarge = true;
      chunks.length = 0;
      continue;
    }
    chunks.push(buf);
  }
  return tooLarge ? { ok: false, tooLarge: true } : { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}

export function describeBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return Number.isInteger(mib) ? `${mib} MiB` : `${bytes} bytes`;
}

export type InvokeRequest = { ok: true; channel: string; input: unknown } | { ok: false; message: string };

/**
 * The `{ channel, input }` envelope of a call. Depth is measured on a plain parse first: the wire
 * decoder's reviver (and later the schemas) walk the value recursively, and a deep enough document
 * would overflow their stack; JSON.parse itself does not recurse.
 */
export function parseInvokeRequest(text: string): InvokeRequest {
  let body: unknown;
  try {
    if (jsonDepth(JSON.parse(text), MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      return { ok: false, message: `The request is nested deeper than ${MAX_JSON_DEPTH} levels; nothing was done.` };
    }
    body = decodeWire(text);
  } catch {
    return { ok: false, message: 'The request body is not valid JSON.' };
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, message: 'The request body must be an object with a channel and an input.' };
  }
  const { channel, input } = body as { channel?: unknown; input?: unknown };
  if (typeof channel !== 'string') return { ok: false, message: 'The channel name must be a string.' };
  return { ok: true, channel, input };
}
