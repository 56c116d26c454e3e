import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionDocument } from '../../../src/shared/session-document';
import { invokeRaw, startRig, type WebRig } from './web-rig';

const MIB = 1024 * 1024;

function nested(levels: number, leaf = '"x"'): string {
  return '['.repeat(levels) + leaf + ']'.repeat(levels);
}

/** A stories.create call whose note is `levels` deep; the envelope and input add two more levels. */
function deepCreate(levels: number): string {
  return `{"channel":"stories.create","input":{"name":"Deep story","note":${nested(levels)}}}`;
}

async function filesUnder(dir: string): Promise<string[]> {
  try {
    return await readdir(dir, { recursive: true });
  } catch {
    return [];
  }
}

let rig: WebRig;

beforeAll(async () => {
  rig = await startRig();
});

afterAll(async () => {
  await rig.stop();
});

describe('web shell request limits', () => {
  it('answers a body over 8 MiB with a JSON 413 the client can read, then keeps serving', async () => {
    const body = `{"channel":"recording.chunk","input":{"pad":"${'a'.repeat(8 * MIB)}"}}`;
    const reply = await invokeRaw(rig, body);
    expect(reply.status).toBe(413);
    expect(reply.headers['content-type']).toContain('application/json');
    const parsed = JSON.parse(reply.body) as { ok: boolean; error: { code: string; message: string } };
    expect(parsed.ok).toBe(false);
    expect(parsed.error.code).toBe('too_large');
    expect(parsed.error.message).toMatch(/larger than the 8 MiB limit/);

    // Without a declared length (chunked upload) the limit holds all the same.
    const chunked = await invokeRaw(rig, body, { 'transfer-encoding': 'chunked' });
    expect(chunked.status).toBe(413);

    const after = await invokeRaw(rig, JSON.stringify({ channel: 'stories.list', input: {} }));
    expect(after.status).toBe(200);
  });

  it('answers 413 too when the contract finds an input over a size maximum', async () => {
    const reply = await invokeRaw(
      rig,
      JSON.stringify({ channel: 'stories.create', input: { name: 'Long note', note: 'n'.repeat(501) } }),
    );
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'too_large' } });
  });

  it('still accepts a body just under the limit', async () => {
    const envelope = '{"channel":"stories.list","input":{},"pad":""}';
    const body = envelope.replace('"pad":""', `"pad":"${'a'.repeat(8 * MIB - envelope.length)}"`);
    expect(Buffer.byteLength(body)).toBe(8 * MIB);
    const reply = await invokeRaw(rig, body);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
  });

  it('refuses a body nested deeper than 64 levels with a 400, before any handler runs', async () => {
    const before = await filesUnder(rig.dataDir);
    for (const levels of [63, 100, 5_000, 100_000]) {
      const reply = await invokeRaw(rig, deepCreate(levels));
      expect(reply.status, `${levels} levels`).toBe(400);
      expect(JSON.parse(reply.body)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringContaining('nested deeper than 64 levels') as string },
      });
    }
    expect(await filesUnder(rig.dataDir)).toEqual(before);
    const list = JSON.parse((await invokeRaw(rig, '{"channel":"stories.list","input":{}}')).body) as {
      value: { stories: unknown[] };
    };
    expect(list.value.stories).toEqual([]);
  });

  it('lets a 64-level body through to the contract, which judges its content', async () => {
    // Envelope (1) + input (1) + 62 arrays = 64 levels.
    const reply = await invokeRaw(rig, deepCreate(62));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('answers a result that cannot be encoded with one JSON 500, not a reset', async () => {
    const original = rig.backend.handlers['results.get'];
    const session: SessionDocument = {
      schemaVersion: 1,
      id: 'take-0001',
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
      kind: 'typed',
      status: 'ready',
      question: 'Tell me about an incident you owned',
      story: 'Bureau sentinel',
      targetSec: 180,
      // Free-form in the contract, and JSON has no BigInt.
      analysis: { score: 10n },
    };
    rig.backend.handlers['results.get'] = async () => ({ session });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const reply = await invokeRaw(rig, JSON.stringify({ channel: 'results.get', input: { id: 'take-0001' } }));
      expect(reply.status).toBe(500);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      logged.mockRestore();
      rig.backend.handlers['results.get'] = original;
    }
    const after = await invokeRaw(rig, JSON.stringify({ channel: 'stories.list', input: {} }));
    expect(after.status).toBe(200);
  });
});
