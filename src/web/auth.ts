import { timingSafeEqual } from 'node:crypto';

export const TOKEN_HEADER = 'x-coach-token';
export const TOKEN_COOKIE = 'coach_token';

export interface RequestFacts {
  method: string;
  path: string;
  query: URLSearchParams;
  host: string | undefined;
  origin: string | undefined;
  tokenHeader: string | undefined;
  cookie: string | undefined;
}

export type AuthDecision =
  { allow: true; via: 'header' | 'query' | 'cookie' } | { allow: false; status: 401 | 403; reason: string };

function sameToken(expected: string, given: string | undefined | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/**
 * Every request needs the per-launch token. API calls must carry it in a header (a foreign page
 * can't set one without CORS, which we never grant); page loads may carry it in the URL once, then
 * in a SameSite=Strict cookie. A foreign Origin or Host (DNS rebinding) is refused outright.
 */
export function authorize(facts: RequestFacts, token: string, port: number): AuthDecision {
  const origins = allowedOrigins(port);
  if (facts.host === undefined || !origins.includes(`http://${facts.host}`)) {
    return { allow: false, status: 403, reason: 'unexpected Host header' };
  }
  if (facts.origin !== undefined && !origins.includes(facts.origin)) {
    return { allow: false, status: 403, reason: 'foreign Origin' };
  }
  if (sameToken(token, facts.tokenHeader)) return { allow: true, via: 'header' };
  const isApi = facts.path.startsWith('/api/');
  const isEventStream = facts.path === '/api/events' && facts.method === 'GET';
  if ((!isApi || isEventStream) && sameToken(token, facts.query.get('token'))) return { allow: true, via: 'query' };
  if (!isApi && sameToken(token, cookieValue(facts.cookie, TOKEN_COOKIE))) return { allow: true, via: 'cookie' };
  return { allow: false, status: 401, reason: 'missing or wrong token' };
}
