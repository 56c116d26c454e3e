import { timingSafeEqual } from 'node:crypto';

export { TOKEN_HEADER } from './launch-fragment';

export interface RequestFacts {
  path: string;
  host: string | undefined;
  origin: string | undefined;
  tokenHeader: string | undefined;
}

export type AuthDecision = { allow: true } | { allow: false; status: 401 | 403; reason: string };

function sameToken(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The API lives under /api/; the server routes by the same test, so nothing else is reachable unauthenticated. */
export function isApiPath(path: string): boolean {
  return path.startsWith('/api/');
}

function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/**
 * Host and Origin must name this server exactly on every request, static files included: a page
 * from another site (or another local port, or a DNS-rebound name) gets nothing from us.
 *
 * The token guards the API only and travels only in a header. A URL leaks into history, logs and
 * Referer; a cookie is scoped by host, not port, so the browser would hand it to every other
 * server on 127.0.0.1. The static files carry no secret, so they need no token.
 */
export function authorize(facts: RequestFacts, token: string, port: number): AuthDecision {
  const origins = allowedOrigins(port);
  if (facts.host === undefined || !origins.includes(`http://${facts.host}`)) {
    return { allow: false, status: 403, reason: 'unexpected Host header' };
  }
  if (facts.origin !== undefined && !origins.includes(facts.origin)) {
    return { allow: false, status: 403, reason: 'foreign Origin' };
  }
  if (!isApiPath(facts.path)) return { allow: true };
  if (sameToken(token, facts.tokenHeader)) return { allow: true };
  return { allow: false, status: 401, reason: 'missing or wrong token' };
}
