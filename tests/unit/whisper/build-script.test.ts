import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWhisperAddon } from '../../../src/backend/services/whisper/load-addon';
import { tmpDir } from './support';

/** `npm run build:whisper` on a machine without a toolchain: explains, records why, never breaks the install. */
describe('scripts/build-whisper.mjs without a toolchain', () => {
  const run = (args: string[], out: string) =>
    spawnSync(process.execPath, ['scripts/build-whisper.mjs', ...args], {
      encoding: 'utf8',
      env: { PATH: '/nonexistent', HOME: process.env.HOME ?? '/tmp', WHISPER_NATIVE_OUT: out },
    });

  it('exits 0, says the prebuilt will be used, and the loader falls back with that reason', () => {
    const out = path.join(tmpDir('build-script'), 'native');
    const r = run([], out);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/native build skipped: missing cmake/);
    expect(r.stdout).toMatch(/prebuilt .* will be used/);
    const info = JSON.parse(readFileSync(path.join(out, 'build-info.json'), 'utf8')) as { ok: boolean; reason: string };
    expect(info.ok).toBe(false);
    expect(existsSync(path.join(out, 'index.node'))).toBe(false);
    const loaded = loadWhisperAddon({ nativeDir: out, env: {} });
    expect(loaded.build).toBe('prebuilt');
    expect(loaded.fallbackReason).toContain(info.reason);
  });

  it('--strict fails instead (for CI, where a toolchain must exist)', () => {
    expect(run(['--strict'], path.join(tmpDir('build-script-strict'), 'native')).status).toBe(1);
  });
});
