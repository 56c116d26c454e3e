import { describe, expect, it } from 'vitest';
import { hashOf, routeFromHash, sectionOf } from '../../../src/renderer/src/routing';

describe('hash routes', () => {
  it('reads sections, results and compare routes, and round-trips them', () => {
    expect(routeFromHash('')).toEqual({ view: 'practice' });
    expect(routeFromHash('#/settings')).toEqual({ view: 'settings' });
    expect(routeFromHash('#/sessions')).toEqual({ view: 'sessions' });
    expect(routeFromHash('#/documents')).toEqual({ view: 'documents' });
    expect(routeFromHash('#/sessions/take-0001')).toEqual({ view: 'results', id: 'take-0001' });
    expect(routeFromHash('#/results/take-0001')).toEqual({ view: 'results', id: 'take-0001' });
    expect(routeFromHash('#/compare/take-0001/take-0002')).toEqual({ view: 'compare', a: 'take-0001', b: 'take-0002' });
    for (const route of [
      { view: 'results', id: 'take-0001' },
      { view: 'compare', a: 'aaa-1', b: 'bbb-2' },
      { view: 'sessions' },
      { view: 'documents' },
    ] as const) {
      expect(routeFromHash(hashOf(route))).toEqual(route);
    }
    expect(sectionOf({ view: 'results', id: 'take-0001' })).toBe('sessions');
    expect(sectionOf({ view: 'documents' })).toBe('documents');
  });

  it('falls back safely on ids that are not session ids', () => {
    expect(routeFromHash('#/sessions/..%2F..%2Fetc')).toEqual({ view: 'sessions' });
    expect(routeFromHash('#/compare/take-0001')).toEqual({ view: 'practice' });
    expect(routeFromHash('#/nowhere')).toEqual({ view: 'practice' });
    expect(routeFromHash('#/sessions/%E0%A4%A')).toEqual({ view: 'sessions' });
  });
});
