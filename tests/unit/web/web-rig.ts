import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http, { type IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { startWebServer, type WebServer } from '../../../src/web/server';

/** A stand-in for the built renderer: an index.html that loads a script and a stylesheet. */
async function writeRenderer(dir: string): Promise<void> {
  await mkdir(path.join(dir, 'assets'), { recursive: true });
  await writeFile(
    path.join(dir, 'index.html'),
    [
      '<!doctype html>',
      '<html lang="en">',
      '  <head>',
      '    <script type="module" crossorigin src="/assets/index-abc123.js"></script>',
      '    <link rel="stylesheet" crossorigin href="/assets/index-abc123.css">',
      '  </head>',
      '  <body><div id="root"></div></body>',
      '</html>',
    ].join('\n'),
  );
  await writeFile(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("renderer");\n');
  await writeFile(path.join(dir, 'assets', 'index-abc123.css'), 'body { margin: 0; }\n');
  await writeFile(path.join(dir, 'web-client.js'), 'console.log("client");\n');
}

export interface WebRig {
  server: WebServer;
  backend: Backend;
  dataDir: string;
  rendererDir: string;
  /** Starts a server again on the same port, token and back end (as after a restart). */
  restart(): Promise<WebServer>;
  stop(): Promise<void>;
}

export async function startRig(): Promise<WebRig> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'coach-web-'));
  const dataDir = path.join(work, 'data');
  const rendererDir = path.join(work, 'renderer');
  await writeRenderer(rendererDir);
  const backend = createBackend({
    dataDir,
    shell: 'web',
    electronVersion: null,
    chromeVersion: null,
    autoBench: false,
  });
  const rig: WebRig = {
    server: await startWebServer({ backend, rendererDir }),
    backend,
    dataDir,
    rendererDir,
    restart: async () => {
      rig.server = await startWebServer({ backend, rendererDir, port: rig.server.port, token: rig.server.token });
      return rig.server;
    },
    stop: async () => {
      await rig.server.close();
      await backend.dispose();
      await rm(work, { recursive: true, force: true });
    },
  };
  return rig;
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** Sent in 64 KiB writes, as a browser streams an upload. */
  body?: string | Buffer;
}

/**
 * One HTTP request with full control of Host, Origin and Cookie (fetch() forbids setting them).
 * Rejects on a connection reset, so a test sees the difference between an answer and a dropped socket.
 */
export function rawRequest(port: number, request: RawRequest): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: request.method ?? 'GET',
        path: request.path ?? '/',
        headers: { host: `127.0.0.1:${port}`, ...request.headers },
        agent: false,
      },
      (res) => {
        if (res.headers['content-type'] === 'text/event-stream') {
          // An open event stream never ends: its status is the answer.
          res.destroy();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const body = typeof request.body === 'string' ? Buffer.from(request.body) : request.body;
    if (body === undefined) {
      req.end();
      return;
    }
    const step = 64 * 1024;
    let offset = 0;
    const pump = (): void => {
      while (offset < body.length) {
        const part = body.subarray(offset, offset + step);
        offset += part.length;
        if (!req.write(part)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

/** A call as the page makes it: POST /api/invoke with the token header and a JSON body. */
export function invokeRaw(rig: WebRig, body: string, headers: Record<string, string> = {}): Promise<Reply> {
  return rawRequest(rig.server.port, {
    method: 'POST',
    path: '/api/invoke',
    headers: { 'content-type': 'application/json', 'x-coach-token': rig.server.token, ...headers },
    body,
  });
}
