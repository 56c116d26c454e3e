/**
 * The launch URL hands the page its token in the fragment, which browsers never send to a server
 * (so it is in no request line, log or Referer) and which the page can erase from the address bar:
 *
 *   http://127.0.0.1:PORT/#token=XYZ                     opens the default view
 *   http://127.0.0.1:PORT/#token=XYZ&route=/sessions/ID  opens the renderer's hash route #/sessions/ID
 *
 * A plain route fragment (`#/sessions/ID`) is left alone: it is what the renderer reads and writes.
 * No imports: the server (which prints the URL) and the page (which reads it) share this module.
 */

/** After the launch, the page sends the token with every API request in this header, and nowhere else. */
export const TOKEN_HEADER = 'x-coach-token';

const TOKEN_KEY = 'token';
const ROUTE_KEY = 'route';

/** `route` is a renderer route as it appears after `#`, e.g. `/sessions/take-0001`. */
export function launchFragment(token: string, route?: string): string {
  let fragment = `#${TOKEN_KEY}=${encodeURIComponent(token)}`;
  // Slashes stay readable; everything else is escaped so `&`, `=` or `%` in a route survive the trip.
  if (route) fragment += `&${ROUTE_KEY}=${encodeURIComponent(route).replace(/%2F/gi, '/')}`;
  return fragment;
}

export interface LaunchFragment {
  /** Null when the fragment carries no token (an ordinary route, or nothing). */
  token: string | null;
  /** The fragment the renderer should see: `#/sessions/ID`, or '' for the default view. */
  routeHash: string;
}

export function parseLaunchFragment(hash: string): LaunchFragment {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!body.startsWith(`${TOKEN_KEY}=`)) return { token: null, routeHash: hash };
  const params = new URLSearchParams(body);
  const token = params.get(TOKEN_KEY) || null;
  const route = params.get(ROUTE_KEY) ?? '';
  return { token, routeHash: route ? `#${route.startsWith('/') ? route : `/${route}`}` : '' };
}
