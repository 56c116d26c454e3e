import { describe, expect, it } from 'vitest';
import { authorize, type RequestFacts } from '../../../src/web/auth';

const TOKEN = 'abcdefghijklmnopqrstuvwx';
const PORT = 4567;

function facts(over: Partial<RequestFacts>): RequestFacts {
  return {
    method: 'GET',
    path: '/',
    query: new URLSearchParams(),
    host: `127.0.0.1:${PORT}`,
    origin: undefined,
    tokenHeader: undefined,
    cookie: undefined,
    ...over,
  };
}

describe('web shell authorization', () => {
  it('requires the token on every request', () => {
    expect(authorize(facts({}), TOKEN, PORT)).toMatchObject({ allow: false, status: 401 });
    expect(authorize(facts({ path: '/assets/app.js' }), TOKEN, PORT)).toMatchObject({ allow: false, status: 401 });
    expect(authorize(facts({ method: 'POST', path: '/api/invoke' }), TOKEN, PORT)).toMatchObject({
      allow: false,
      status: 401,
    });
  });

  it('rejects a wrong or truncated token', () => {
    for (const wrong of ['x', TOKEN.slice(1), `${TOKEN}x`, TOKEN.toUpperCase()]) {
      expect(authorize(facts({ tokenHeader: wrong }), TOKEN, PORT)).toMatchObject({ allow: false, status: 401 });
      expect(authorize(facts({ query: new URLSearchParams({ token: wrong }) }), TOKEN, PORT)).toMatchObject({
        allow: false,
      });
    }
  });

  it('accepts the header everywhere, the URL or cookie for pages, and only the header for API calls', () => {
    expect(authorize(facts({ tokenHeader: TOKEN }), TOKEN, PORT)).toMatchObject({ allow: true });
    expect(authorize(facts({ query: new URLSearchParams({ token: TOKEN }) }), TOKEN, PORT)).toMatchObject({
      allow: true,
      via: 'query',
    });
    expect(authorize(facts({ cookie: `a=b; coach_token=${TOKEN}` }), TOKEN, PORT)).toMatchObject({
      allow: true,
      via: 'cookie',
    });
    // A cross-site form or script can ride a cookie; API calls must carry the header.
    expect(
      authorize(facts({ method: 'POST', path: '/api/invoke', cookie: `coach_token=${TOKEN}` }), TOKEN, PORT),
    ).toMatchObject({ allow: false, status: 401 });
    expect(
      authorize(
        facts({ method: 'POST', path: '/api/invoke', query: new URLSearchParams({ token: TOKEN }) }),
        TOKEN,
        PORT,
      ),
    ).toMatchObject({ allow: false });
    expect(
      authorize(facts({ path: '/api/events', query: new URLSearchParams({ token: TOKEN }) }), TOKEN, PORT),
    ).toMatchObject({ allow: true });
  });

  it('refuses a foreign Origin even with the right token', () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${PORT + 1}`, 'null', `https://127.0.0.1:${PORT}`]) {
      expect(authorize(facts({ origin, tokenHeader: TOKEN }), TOKEN, PORT)).toMatchObject({
        allow: false,
        status: 403,
      });
    }
    expect(authorize(facts({ origin: `http://127.0.0.1:${PORT}`, tokenHeader: TOKEN }), TOKEN, PORT)).toMatchObject({
      allow: true,
    });
    expect(authorize(facts({ origin: `http://localhost:${PORT}`, tokenHeader: TOKEN }), TOKEN, PORT)).toMatchObject({
      allow: true,
    });
  });

  it('refuses a foreign Host header (DNS rebinding)', () => {
    expect(authorize(facts({ host: `evil.example:${PORT}`, tokenHeader: TOKEN }), TOKEN, PORT)).toMatchObject({
      allow: false,
      status: 403,
    });
    expect(authorize(facts({ host: undefined, tokenHeader: TOKEN }), TOKEN, PORT)).toMatchObject({
      allow: false,
      status: 403,
    });
  });
});
