import { parseLaunchFragment } from '../launch-fragment';

const STORAGE_KEY = 'coach-token';

/** The parts of window this needs, spelled out so Node tests can fake them without a DOM. */
export interface LaunchEnvironment {
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: null, unused: string, url: string): void };
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

/**
 * The token for this tab: taken from the launch URL's fragment, or from an earlier load of this tab.
 * sessionStorage is per origin and per tab, so no other local server or site can read it, and a
 * reload still works once the fragment is gone. The fragment is replaced by the route it carried,
 * before the renderer reads the hash, so the token leaves the address bar and the history entry.
 */
export function takeLaunchToken(env: LaunchEnvironment): string | null {
  const { token, routeHash } = parseLaunchFragment(env.location.hash);
  if (token !== null) {
    env.storage.setItem(STORAGE_KEY, token);
    env.history.replaceState(null, '', env.location.pathname + env.location.search + routeHash);
    return token;
  }
  return env.storage.getItem(STORAGE_KEY);
}
