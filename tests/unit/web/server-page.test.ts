import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startRig, type Reply, type WebRig } from './web-rig';

/** Another local app on another loopback port: records what a browser would send it. */
async function startNeighbour(): Promise<{ port: number; seen: IncomingHttpHeaders[]; close(): Promise<void> }> {
  const seen: IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.headers);
    res.end('neighbour');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Cookies as a browser keeps them for http://127.0.0.1: by host only. Ports don't isolate cookies,
 * so whatever our server sets here is what the neighbour would receive.
 */
class HostCookieJar {
  private readonly cookies = new Map<string, string>();
  take(reply: Reply): void {
    for (const line of reply.headers['set-cookie'] ?? []) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
  header(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }
}

/** The URLs of the scripts and stylesheets an HTML page loads. */
function assetsOf(html: string): string[] {
  return [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
}

let rig: WebRig;
let neighbour: Awaited<ReturnType<typeof startNeighbour>>;

beforeAll(async () => {
  rig = await startRig();
  neighbour = await startNeighbour();
});

afterAll(async () => {
  await neighbour.close();
  await rig.stop();
});

describe('web shell page load', () => {
  it('serves the page and its assets without a token, setting no cookie and embedding no token', async () => {
    const { port, token } = rig.server;
    // What the browser requests for the launch URL: the fragment never leaves it.
    const launch = new URL(rig.server.launchUrl);
    const jar = new HostCookieJar();
    const page = await rawRequest(port, { path: launch.pathname + launch.search, headers: jar.header() });
    jar.take(page);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).not.toContain(token);
    expect(page.body).not.toContain('coach-token');

    const assets = assetsOf(page.body);
    expect(assets).toEqual(
      expect.arrayContaining(['/web-client.js', '/assets/index-abc123.js', '/assets/index-abc123.css']),
    );
    const replies = [page];
    for (const asset of assets) {
      const reply = await rawRequest(port, { path: asset, headers: jar.header() });
      jar.take(reply);
      expect(reply.status, asset).toBe(200);
      expect(reply.body).not.toContain(token);
      replies.push(reply);
    }
    for (const reply of replies) expect(reply.headers['set-cookie']).toBeUndefined();

    // The neighbour on another port gets no credential of ours.
    await rawRequest(neighbour.port, { headers: jar.header() });
    expect(neighbour.seen.at(-1)?.cookie).toBeUndefined();
    expect(launch.search).toBe('');
    expect(launch.hash).toContain('token=');
  });

  it('refuses a foreign Origin (403) on API and static paths', async () => {
    const { port, token } = rig.server;
    for (const origin of [`http://127.0.0.1:${neighbour.port}`, 'http://evil.example', 'null']) {
      const api = await rawRequest(port, {
        method: 'POST',
        path: '/api/invoke',
        headers: { origin, 'x-coach-token': token, 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'app.about', input: {} }),
      });
      expect(api.status, origin).toBe(403);
      for (const path of ['/', '/web-client.js', '/assets/index-abc123.js']) {
        expect((await rawRequest(port, { path, headers: { origin } })).status, `${origin} ${path}`).toBe(403);
      }
    }
  });

  it('refuses a foreign Host (403, DNS rebinding) on API and static paths', async () => {
    const { port, token } = rig.server;
    for (const host of [`127.0.0.1:${neighbour.port}`, `rebound.example:${port}`]) {
      const api = await rawRequest(port, {
        path: '/api/events',
        headers: { host, 'x-coach-token': token },
      });
      expect(api.status, host).toBe(403);
      for (const path of ['/', '/web-client.js', '/assets/index-abc123.css']) {
        expect((await rawRequest(port, { path, headers: { host } })).status, `${host} ${path}`).toBe(403);
      }
    }
    const viaLocalhost = await rawRequest(port, { path: '/', headers: { host: `localhost:${port}` } });
    expect(viaLocalhost.status).toBe(200);
  });

  it('accepts the token only as the x-coach-token header on the API (401 for query or cookie)', async () => {
    const { port, token } = rig.server;
    const about = JSON.stringify({ channel: 'app.about', input: {} });
    const post = (path: string, headers: Record<string, string>) =>
      rawRequest(port, {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json', ...headers },
        body: about,
      });

    expect((await post(`/api/invoke?token=${encodeURIComponent(token)}`, {})).status).toBe(401);
    expect((await post('/api/invoke', { cookie: `coach_token=${token}` })).status).toBe(401);
    expect((await rawRequest(port, { path: `/api/events?token=${encodeURIComponent(token)}` })).status).toBe(401);
    expect((await rawRequest(port, { path: '/api/events', headers: { cookie: `coach_token=${token}` } })).status).toBe(
      401,
    );
    expect((await post('/api/invoke', { 'x-coach-token': `${token}x` })).status).toBe(401);

    const ok = await post('/api/invoke', { 'x-coach-token': token, origin: `http://127.0.0.1:${port}` });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { shell: 'web' } });
  });
});
