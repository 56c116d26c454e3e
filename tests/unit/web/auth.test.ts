import { describe, expect, it } from 'vitest';
import { authorize, type RequestFacts } from '../../../src/web/auth';

const TOKEN = 'abcdefghijklmnopqrstuvwx';
const PORT = 4567;

function facts(over: Partial<RequestFacts>): RequestFacts {
  return {
    path: '/',
    host: `127.0.0.1:${PORT}`,
    origin: undefined,
    tokenHeader: undefined,
    ...over,
  };
}

describe('web shell authorization', () => {
  it('requires the token header on API paths', () => {
    for (const path of ['/api/invoke', '/api/events', '/api/unknown']) {
      expect(authorize(facts({ path }), TOKEN, PORT)).toMatchObject({ allow: false, status: 401 });
      expect(authorize(facts({ path, tokenHeader: TOKEN }), TOKEN, PORT)).toEqual({ allow: true });
    }
  });

  it('rejects a wrong or truncated token', () => {
    for (const wrong of ['x', TOKEN.slice(1), `${TOKEN}x`, TOKEN.toUpperCase()]) {
      expect(authorize(facts({ path: '/api/invoke', tokenHeader: wrong }), TOKEN, PORT)).toMatchObject({
        allow: false,
        status: 401,
      });
    }
  });

  it('serves the static files without a token: they hold no secret', () => {
    for (const path of ['/', '/index.html', '/web-client.js', '/assets/app.js']) {
      expect(authorize(facts({ path }), TOKEN, PORT)).toEqual({ allow: true });
    }
  });

  it('refuses a foreign Origin on API and static paths, even with the right token', () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${PORT + 1}`, 'null', `https://127.0.0.1:${PORT}`]) {
      for (const path of ['/api/invoke', '/', '/assets/app.js']) {
        expect(authorize(facts({ path, origin, tokenHeader: TOKEN }), TOKEN, PORT)).toMatchObject({
          allow: false,
          status: 403,
        });
      }
    }
    for (const origin of [`http://127.0.0.1:${PORT}`, `http://localhost:${PORT}`]) {
      expect(authorize(facts({ path: '/api/invoke', origin, tokenHeader: TOKEN }), TOKEN, PORT)).toEqual({
        allow: true,
      });
    }
  });

  it('refuses a foreign Host header (DNS rebinding) on API and static paths', () => {
    for (const host of [`evil.example:${PORT}`, `127.0.0.1:${PORT + 1}`, '127.0.0.1', undefined]) {
      for (const path of ['/api/invoke', '/', '/assets/app.js']) {
        expect(authorize(facts({ path, host, tokenHeader: TOKEN }), TOKEN, PORT)).toMatchObject({
          allow: false,
          status: 403,
        });
      }
    }
    expect(authorize(facts({ host: `localhost:${PORT}` }), TOKEN, PORT)).toEqual({ allow: true });
  });
});
