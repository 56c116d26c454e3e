import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';
import { createBackend, type Backend, type BackendOptions } from '../../../src/backend/backend';
import { startWebServer, type WebServer } from '../../../src/web/server';

export const RENDERER_DIR = fileURLToPath(new URL('../../../out/renderer', import.meta.url));

export interface WebApp {
  server: WebServer;
  backend: Backend;
  dataDir: string;
}

export async function startWebApp(
  dataDir?: string,
  /** Test-only back-end options (e.g. a scripted transcriber: no Whisper weights here). */
  extra: Partial<Pick<BackendOptions, 'transcriber'>> = {},
): Promise<WebApp & { stop(): Promise<void> }> {
  const dir = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'coach-e2e-')));
  const backend = createBackend({ dataDir: dir, shell: 'web', electronVersion: null, chromeVersion: null, ...extra });
  const server = await startWebServer({ backend, rendererDir: RENDERER_DIR });
  return {
    server,
    backend,
    dataDir: dir,
    stop: async () => {
      await server.close();
      await backend.dispose();
      if (dataDir === undefined) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Each test gets its own back end, data folder and server: tests never share state. */
export const test = base.extend<{ app: WebApp }>({
  app: async ({}, use) => {
    const app = await startWebApp();
    await use(app);
    await app.stop();
  },
});

export { expect } from '@playwright/test';
