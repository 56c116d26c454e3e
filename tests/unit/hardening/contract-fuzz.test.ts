import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { SessionStore } from '../../../src/backend/services/sessions/session-store';
import { contract } from '../../../src/shared/contract';
import { decodeWire, encodeWire } from '../../../src/shared/wire';
import { startWebServer, type WebServer } from '../../../src/web/server';
import { corpusSession, STORY_IDS } from '../report/corpus-fixture';
import { HOSTILE_PATHS, requestFor, Rng, type Pools } from './fuzz/generate';
import {
  changed,
  hostileTargets,
  SentNames,
  snapshotEntries,
  snapshotFiles,
  snapshotTree,
} from './fuzz/outside-writes';

/**
 * Random contract requests over HTTP against the real web shell and back end: every channel,
 * shaped by its schema and mutated with hostile values (paths out of folders, deep nesting,
 * oversized strings and arrays, wrong types). Fixed seed, fixed count, so a failure replays.
 * Writes outside the data folder are watched at every distance (see fuzz/outside-writes.ts).
 */
const SEED = 20261203;
const REQUESTS = 10_000;

let root: string;
let dataDir: string;
let backend: Backend;
let server: WebServer;
let agent: http.Agent;

function post(body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/api/invoke',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'x-coach-token': server.token },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'coach-fuzz-'));
  dataDir = path.join(root, 'data');
  // The canary folder beside the data folder: the first place a `..` would land.
  await mkdir(path.join(root, 'outside'));
  await writeFile(path.join(root, 'outside', 'canary.txt'), 'nothing may change me');
  const store = new SessionStore(dataDir);
  for (const id of STORY_IDS.slice(0, 2)) await store.save(corpusSession(id).document);
  backend = createBackend({ dataDir, shell: 'web', electronVersion: null, chromeVersion: null });
  server = await startWebServer({ backend, rendererDir: path.join(root, 'no-renderer') });
  agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
});
afterAll(async () => {
  agent.destroy();
  await server.close();
  await backend.dispose();
  await rm(root, { recursive: true, force: true });
});

describe('contract fuzz', () => {
  it(`${REQUESTS} random requests over every channel: no crash, no 500, nothing written outside the data folder`, async () => {
    const rng = new Rng(SEED);
    const sessionIds = STORY_IDS.slice(0, 2).map((id) => corpusSession(id).document.id);
    const pools: Pools = {
      forPattern: (pattern) => {
        if (pattern.includes('{2,63}')) return [...sessionIds, 'no-such-take', 'abc'];
        if (pattern.startsWith('^imp-')) return ['imp-0123456789abcdef'];
        if (pattern.startsWith('^mup-')) return ['mup-0123456789abcdef'];
        return [];
      },
    };
    const channels = Object.keys(contract) as (keyof typeof contract)[];
    const sentPerChannel = new Map<string, number>();
    const sentNames = new SentNames();
    const targets = hostileTargets(dataDir, HOSTILE_PATHS);
    const before = {
      fuzzFolder: await snapshotTree(root, dataDir),
      tmp: await snapshotEntries(os.tmpdir()),
      targets: await snapshotFiles(targets),
    };
    const statuses = new Map<number, number>();
    const codes = new Map<string, number>();
    const internal: string[] = [];
    const started = performance.now();
    for (let i = 0; i < REQUESTS; i++) {
      const channel = rng.pick(channels);
      const input = requestFor(contract[channel].input as z.ZodType, rng, pools);
      sentPerChannel.set(channel, (sentPerChannel.get(channel) ?? 0) + 1);
      sentNames.add(input);
      let body: string;
      try {
        body = encodeWire({ channel, input });
      } catch {
        // Deeper than the encoder can go: such a body can only arrive as raw text.
        body = `{"channel":"${channel}","input":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
      }
      const { status, text } = await post(body);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status === 200) {
        const result = decodeWire(text) as { ok: boolean; error?: { code: string; message: string } };
        const code = result.ok ? 'ok' : (result.error?.code ?? '?');
        codes.set(code, (codes.get(code) ?? 0) + 1);
        if (code === 'internal') internal.push(`${channel}: ${result.error?.message.slice(0, 200)}`);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const tmpAfter = await snapshotEntries(os.tmpdir());
    const changedOutside = {
      fuzzFolder: changed(before.fuzzFolder, await snapshotTree(root, dataDir)),
      tmp: changed(before.tmp, tmpAfter).filter((name) => sentNames.couldName(name)),
      targets: changed(before.targets, await snapshotFiles(targets)),
    };
    const otherProcesses = changed(before.tmp, tmpAfter).length - changedOutside.tmp.length;
    console.log(
      `[fuzz] ${REQUESTS} requests over ${channels.length} channels in ${seconds.toFixed(1)} s; HTTP ${JSON.stringify(Object.fromEntries(statuses))}; results ${JSON.stringify(Object.fromEntries(codes))}; ${otherProcesses} entries of ${os.tmpdir()} changed by other processes`,
    );
    expect(statuses.get(500) ?? 0).toBe(0);
    expect(internal).toEqual([]);
    expect(changedOutside).toEqual({ fuzzFolder: [], tmp: [], targets: [] });
    expect(channels.filter((channel) => !sentPerChannel.has(channel))).toEqual([]);
    // The server is still there and answers normally.
    const alive = await post(encodeWire({ channel: 'sessions.list', input: {} }));
    expect(alive.status).toBe(200);
    expect((decodeWire(alive.text) as { ok: boolean }).ok).toBe(true);
  }, 600_000);
});
