import { describe, expect, it } from 'vitest';
import { takeLaunchToken, type LaunchEnvironment } from '../../../src/web/client/launch-token';
import { launchFragment, parseLaunchFragment } from '../../../src/web/launch-fragment';

function fakeTab(hash: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  const env: LaunchEnvironment = {
    location: { hash, pathname: '/', search: '' },
    history: { replaceState: (_data, _unused, url) => replaced.push(String(url)) },
    storage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => storage.set(key, value) },
  };
  return { env, storage, replaced };
}

describe('launch fragment', () => {
  it('round-trips a token alone and a token with a route', () => {
    expect(launchFragment('abc_DEF-123')).toBe('#token=abc_DEF-123');
    expect(parseLaunchFragment('#token=abc_DEF-123')).toEqual({ token: 'abc_DEF-123', routeHash: '' });
    expect(launchFragment('abc', '/sessions/take-0001')).toBe('#token=abc&route=/sessions/take-0001');
    expect(parseLaunchFragment('#token=abc&route=/sessions/take-0001')).toEqual({
      token: 'abc',
      routeHash: '#/sessions/take-0001',
    });
  });

  it('survives tokens and routes with characters that mean something in a URL', () => {
    const token = 'a+b/c=d&e%f';
    const route = '/compare/a&b/c=d%20e';
    expect(parseLaunchFragment(launchFragment(token, route))).toEqual({ token, routeHash: `#${route}` });
  });

  it('leaves ordinary route fragments alone', () => {
    expect(parseLaunchFragment('#/sessions/take-0001')).toEqual({ token: null, routeHash: '#/sessions/take-0001' });
    expect(parseLaunchFragment('')).toEqual({ token: null, routeHash: '' });
  });
});

describe('taking the token from the launch URL', () => {
  it('stores the token for the tab and replaces the fragment with its route', () => {
    const tab = fakeTab('#token=secret&route=/settings');
    expect(takeLaunchToken(tab.env)).toBe('secret');
    expect(tab.storage.get('coach-token')).toBe('secret');
    expect(tab.replaced).toEqual(['/#/settings']);
  });

  it('leaves no fragment at all when the launch URL had no route', () => {
    const tab = fakeTab('#token=secret');
    takeLaunchToken(tab.env);
    expect(tab.replaced).toEqual(['/']);
  });

  it('reuses the tab token on a reload and lets a new launch URL replace it', () => {
    const reload = fakeTab('#/sessions', { 'coach-token': 'earlier' });
    expect(takeLaunchToken(reload.env)).toBe('earlier');
    expect(reload.replaced).toEqual([]);

    const relaunch = fakeTab('#token=newer', { 'coach-token': 'earlier' });
    expect(takeLaunchToken(relaunch.env)).toBe('newer');
    expect(relaunch.storage.get('coach-token')).toBe('newer');
  });

  it('has no token for a page opened without one', () => {
    expect(takeLaunchToken(fakeTab('').env)).toBeNull();
  });
});
