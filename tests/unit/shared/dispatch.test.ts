import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CoachError } from '../../../src/shared/coach-error';
import type { HandlerContext, Handlers } from '../../../src/shared/contract-types';
import { createDispatcher } from '../../../src/shared/dispatch';

const contract = {
  'math.double': { input: z.object({ n: z.number().int() }).strict(), output: z.object({ n: z.number() }) },
  'math.fail': { input: z.object({}), output: z.object({}) },
  'math.crash': { input: z.object({}), output: z.object({}) },
  'math.lie': { input: z.object({}), output: z.object({ n: z.number() }) },
};
type C = typeof contract;
type E = { tick: z.ZodObject<{ at: z.ZodNumber }> };

let ran = 0;
const handlers: Handlers<C, E> = {
  'math.double': async ({ n }) => {
    ran += 1;
    return { n: n * 2 };
  },
  'math.fail': async () => {
    throw new CoachError('no_speech', 'No speech detected.');
  },
  'math.crash': async () => {
    throw new TypeError('boom');
  },
  // Returns something the output schema rejects: the dispatcher must not pass it on.
  'math.lie': async () => ({ n: 'x' }) as unknown as { n: number },
};
const ctx: HandlerContext<E> = { shell: 'web', emit: () => {} };
const dispatch = createDispatcher(contract, handlers);

describe('createDispatcher', () => {
  it('parses the input and returns the handler output', async () => {
    expect(await dispatch('math.double', { n: 21 }, ctx)).toEqual({ ok: true, value: { n: 42 } });
  });

  it('rejects bad input with a typed error and never runs the handler', async () => {
    ran = 0;
    for (const bad of [{ n: 'x' }, { n: 1.5 }, {}, null, 'text', { n: 1, extra: true }]) {
      const result = await dispatch('math.double', bad, ctx);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_input');
        expect(result.error.issues?.length).toBeGreaterThan(0);
        expect(result.error.message).toContain('math.double');
      }
    }
    expect(ran).toBe(0);
  });

  it('reports unknown channels, including prototype keys', async () => {
    for (const name of ['nope', 'toString', '__proto__', 'constructor']) {
      const result = await dispatch(name, {}, ctx);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('turns a CoachError into its typed error and a crash into an internal error', async () => {
    expect(await dispatch('math.fail', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'no_speech', message: 'No speech detected.' },
    });
    const crash = await dispatch('math.crash', {}, ctx);
    expect(crash).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!crash.ok) expect(crash.error.message).toContain('boom');
  });

  it('refuses to pass on an output that breaks the contract', async () => {
    expect(await dispatch('math.lie', {}, ctx)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
