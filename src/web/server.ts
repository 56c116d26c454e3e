import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../main/backend';
import { contentSecurityPolicy } from '../main/security';
import { mimeTypeOf, resolveStaticAsset } from '../main/services/platform/static-assets';
import { contract, type Events } from '../shared/contract';
import type { HandlerContext } from '../shared/contract-types';
import { createDispatcher } from '../shared/dispatch';
import { decodeWire, encodeWire } from '../shared/wire';
import { authorize, TOKEN_COOKIE, TOKEN_HEADER } from './auth';

export interface WebServerOptions {
  backend: Backend;
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  token?: string;
  /** Largest accepted request body; audio chunks are far smaller. */
  maxBodyBytes?: number;
}

export interface WebServer {
  url: string;
  /** The URL to open, with the token. */
  launchUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const WEB_CLIENT_TAG = '<script type="module" src="/web-client.js"></script>';

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new Error('body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

/**
 * The loopback web shell: the same renderer and contract as the Electron app, over HTTP (calls)
 * and Server-Sent Events (events), bound to 127.0.0.1 and protected by a per-launch token.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 8 * 1024 * 1024;
  const streams = new Set<ServerResponse>();
  const ctx: HandlerContext<Events> = {
    shell: 'web',
    emit: (event, payload) => {
      const frame = `event: message\ndata: ${encodeWire({ event, payload })}\n\n`;
      for (const res of streams) res.write(frame);
    },
  };
  const dispatch = createDispatcher(contract, options.backend.handlers, (channel, error) => {
    console.error(`[coach] ${channel} failed unexpectedly`, error);
  });
  let port = 0;

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const decision = authorize(
        {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          host: req.headers.host,
          origin: req.headers.origin,
          tokenHeader: typeof req.headers[TOKEN_HEADER] === 'string' ? req.headers[TOKEN_HEADER] : undefined,
          cookie: req.headers.cookie,
        },
        token,
        port,
      );
      if (!decision.allow) {
        send(
          res,
          decision.status,
          decision.status === 401 ? 'Unauthorized: missing or wrong token.\n' : `Forbidden: ${decision.reason}.\n`,
        );
        return;
      }

      if (url.pathname === '/api/invoke' && req.method === 'POST') {
        let channel: unknown;
        let input: unknown;
        try {
          const body = decodeWire(await readBody(req, maxBody)) as { channel?: unknown; input?: unknown };
          channel = body.channel;
          input = body.input;
        } catch {
          send(
            res,
            400,
            encodeWire({ ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } }),
            'application/json',
          );
          return;
        }
        if (typeof channel !== 'string') {
          send(
            res,
            400,
            encodeWire({ ok: false, error: { code: 'invalid_input', message: 'The channel name must be a string.' } }),
            'application/json',
          );
          return;
        }
        const result = await dispatch(channel, input, ctx);
        send(res, 200, encodeWire(result), 'application/json');
        return;
      }

      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }

      if (url.pathname.startsWith('/api/')) {
        send(res, 404, 'Unknown API path.\n');
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, 'Method not allowed.\n');
        return;
      }

      const file = resolveStaticAsset(options.rendererDir, url.pathname);
      if (file === null) {
        send(res, 404, 'Not found.\n');
        return;
      }
      let body: Buffer;
      try {
        body = await readFile(file);
      } catch {
        send(res, 404, 'Not found.\n');
        return;
      }
      const headers: Record<string, string> = {
        'content-type': mimeTypeOf(file),
        'content-security-policy': contentSecurityPolicy(),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      };
      if (file.endsWith('index.html')) {
        // The page carries the token for the client's API calls; it is only served to holders of it.
        const html = body
          .toString('utf8')
          .replace('<head>', `<head>\n    <meta name="coach-token" content="${token}" />\n    ${WEB_CLIENT_TAG}`);
        body = Buffer.from(html);
        headers['set-cookie'] = `${TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`;
      }
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    })().catch((error: unknown) => {
      console.error('[coach] web shell request failed', error);
      if (!res.headersSent) send(res, 500, 'Internal error.\n');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: `${url}?token=${token}`,
    port,
    token,
    close: async () => {
      for (const res of streams) res.end();
      streams.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A browser reuses keep-alive sockets: a request arriving on one while closing (an
      // EventSource reconnecting, a late call) would otherwise hold close() open indefinitely.
      server.closeAllConnections();
      await closed;
    },
  };
}
