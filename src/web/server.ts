import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../backend/backend';
import { contentSecurityPolicy } from '../backend/services/platform/content-security-policy';
import { mimeTypeOf, resolveStaticAsset } from '../backend/services/platform/static-assets';
import { contract, type Events } from '../shared/contract';
import type { CoachErrorCode, CoachErrorInfo, HandlerContext } from '../shared/contract-types';
import { createDispatcher, type Dispatch } from '../shared/dispatch';
import { encodeWire } from '../shared/wire';
import { authorize, isApiPath, TOKEN_HEADER } from './auth';
import { launchFragment } from './launch-fragment';
import { describeBytes, parseInvokeRequest, readBody } from './request-body';

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
  /** The URL to open: the token rides in its fragment (see launch-fragment.ts). */
  launchUrl: string;
  /** The launch URL opening a renderer route, e.g. `/sessions/take-0001` for `#/sessions/take-0001`. */
  launchUrlFor(route: string): string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const WEB_CLIENT_TAG = '<script type="module" src="/web-client.js"></script>';

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

/** Sent when a result can't be encoded (a value JSON can't hold): fixed text, so it can't fail too. */
const ENCODING_FAILED = JSON.stringify({
  ok: false,
  error: { code: 'internal', message: 'The back end could not encode its answer.' },
});

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  let body: string;
  try {
    body = encodeWire(value);
  } catch (error) {
    console.error('[coach] web shell could not encode an answer', error);
    send(res, 500, ENCODING_FAILED, 'application/json');
    return;
  }
  send(res, status, body, 'application/json');
}

function failure(code: CoachErrorCode, message: string): { ok: false; error: CoachErrorInfo } {
  return { ok: false, error: { code, message } };
}

/** What every request is served with; `port` is known once the server listens. */
interface Shell {
  token: string;
  port: number;
  maxBody: number;
  rendererDir: string;
  /** Open event streams: every event goes to each. */
  streams: Set<ServerResponse>;
  ctx: HandlerContext<Events>;
  dispatch: Dispatch<Events>;
}

/** Handlers' events, written to every open stream as Server-Sent Events. */
function streamingContext(streams: ReadonlySet<ServerResponse>): HandlerContext<Events> {
  return {
    shell: 'web',
    emit: (event, payload) => {
      let frame: string;
      try {
        frame = `event: message\ndata: ${encodeWire({ event, payload })}\n\n`;
      } catch (error) {
        // A handler's progress report must not fail the handler itself.
        console.error(`[coach] event ${event} could not be encoded`, error);
        return;
      }
      for (const res of streams) res.write(frame);
    },
  };
}

/** Answers a request that lacks the token or comes from elsewhere; true when it was refused. */
function refuseUnauthorized(shell: Shell, req: IncomingMessage, res: ServerResponse, path: string): boolean {
  const decision = authorize(
    {
      path,
      host: req.headers.host,
      origin: req.headers.origin,
      tokenHeader: typeof req.headers[TOKEN_HEADER] === 'string' ? req.headers[TOKEN_HEADER] : undefined,
    },
    shell.token,
    shell.port,
  );
  if (decision.allow) return false;
  send(
    res,
    decision.status,
    decision.status === 401 ? 'Unauthorized: missing or wrong token.\n' : `Forbidden: ${decision.reason}.\n`,
  );
  return true;
}

async function handleInvoke(shell: Shell, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req, shell.maxBody);
  if (!body.ok) {
    sendJson(
      res,
      413,
      failure('too_large', `The request is larger than the ${describeBytes(shell.maxBody)} limit; nothing was done.`),
    );
    return;
  }
  const request = parseInvokeRequest(body.text);
  if (!request.ok) {
    sendJson(res, 400, failure('invalid_input', request.message));
    return;
  }
  const result = await shell.dispatch(request.channel, request.input, shell.ctx);
  // Over a schema's size maximum: the same status as an oversized body, whoever caught it.
  sendJson(res, !result.ok && result.error.code === 'too_large' ? 413 : 200, result);
}

function openEventStream(shell: Shell, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  shell.streams.add(res);
  req.on('close', () => shell.streams.delete(res));
}

async function serveStatic(shell: Shell, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const file = resolveStaticAsset(shell.rendererDir, path);
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
    // The client installs window.coach before the renderer runs; the page itself holds no secret.
    body = Buffer.from(body.toString('utf8').replace('<head>', `<head>\n    ${WEB_CLIENT_TAG}`));
  }
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function handleRequest(shell: Shell, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  if (refuseUnauthorized(shell, req, res, path)) return;
  if (path === '/api/invoke' && req.method === 'POST') {
    await handleInvoke(shell, req, res);
  } else if (path === '/api/events' && req.method === 'GET') {
    openEventStream(shell, req, res);
  } else if (isApiPath(path)) {
    send(res, 404, 'Unknown API path.\n');
  } else if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'Method not allowed.\n');
  } else {
    await serveStatic(shell, req, res, path);
  }
}

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

async function closeShell(server: http.Server, streams: Set<ServerResponse>): Promise<void> {
  for (const res of streams) res.end();
  streams.clear();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // A browser reuses keep-alive sockets: a request arriving on one while closing (an
  // EventSource reconnecting, a late call) would otherwise hold close() open indefinitely.
  server.closeAllConnections();
  await closed;
}

/**
 * The loopback web shell: the same renderer and contract as the Electron app, over HTTP (calls)
 * and Server-Sent Events (events), bound to 127.0.0.1 and protected by a per-launch token.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const streams = new Set<ServerResponse>();
  const shell: Shell = {
    token: options.token ?? randomBytes(24).toString('base64url'),
    port: 0,
    maxBody: options.maxBodyBytes ?? 8 * 1024 * 1024,
    rendererDir: options.rendererDir,
    streams,
    ctx: streamingContext(streams),
    dispatch: createDispatcher(contract, options.backend.handlers, (channel, error) => {
      console.error(`[coach] ${channel} failed unexpectedly`, error);
    }),
  };

  const server = http.createServer((req, res) => {
    handleRequest(shell, req, res).catch((error: unknown) => {
      console.error('[coach] web shell request failed', error);
      if (!res.headersSent) send(res, 500, 'Internal error.\n');
      else res.end();
    });
  });

  await listen(server, options.port ?? 0);
  shell.port = (server.address() as AddressInfo).port;
  const { token, port } = shell;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: `${url}${launchFragment(token)}`,
    launchUrlFor: (route) => `${url}${launchFragment(token, route)}`,
    port,
    token,
    close: () => closeShell(server, streams),
  };
}
