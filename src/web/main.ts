import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackend } from '../backend/backend';
import { defaultDataDir } from '../backend/services/platform/data-dir';
import { startWebServer } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'renderer-dir': { type: 'string' },
  },
});

const rendererDir = values['renderer-dir'] ?? fileURLToPath(new URL('../../out/renderer', import.meta.url));
if (!existsSync(`${rendererDir}/index.html`)) {
  console.error(
    `The renderer is not built (${rendererDir}/index.html is missing): run "npm run build" first, or use "npm run web".`,
  );
  process.exit(2);
}
const port = Number(values.port ?? process.env.COACH_PORT ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number between 0 and 65535, got "${values.port ?? ''}".`);
  process.exit(2);
}
const dataDir = values['data-dir'] ?? defaultDataDir(process.platform, process.env, os.homedir());
const backend = createBackend({ dataDir, shell: 'web', electronVersion: null, chromeVersion: null });
const server = await startWebServer({ backend, rendererDir, port, token: process.env.COACH_WEB_TOKEN });

console.log(`Postmortem Coach (web shell) — data folder: ${dataDir}`);
console.log(`Open ${server.launchUrl}`);

async function shutdown(): Promise<void> {
  await server.close();
  await backend.dispose();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
