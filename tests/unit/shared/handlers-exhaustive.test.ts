import { describe, expect, it } from 'vitest';
import type { BackendHandlers, Contract } from '../../../src/shared/contract';
import { contract } from '../../../src/shared/contract';

/**
 * Compile-time checks, enforced by `npm run typecheck`: if a missing or extra handler stopped
 * being an error, the @ts-expect-error lines below would themselves become errors.
 */
export function typeLevelChecks(complete: BackendHandlers): void {
  const { 'sessions.list': _dropped, ...missingOne } = complete;
  // @ts-expect-error a handler is missing
  const missing: BackendHandlers = missingOne;
  const extra: BackendHandlers = {
    ...complete,
    // @ts-expect-error a handler for a channel the contract does not have
    'sessions.nonexistent': async () => ({}),
  };
  void missing;
  void extra;
}

describe('contract', () => {
  it('names channels as area.verb with input and output schemas', () => {
    const names = Object.keys(contract) as (keyof Contract)[];
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(typeof contract[name].input.safeParse).toBe('function');
      expect(typeof contract[name].output.safeParse).toBe('function');
    }
  });
});
