import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cpuKey } from '../../../src/backend/services/whisper/cpu-key';
import {
  describeAddon,
  loadWhisperAddon,
  nativeBuildProblem,
  prebuiltPackageName,
} from '../../../src/backend/services/whisper/load-addon';
import { tmpDir } from './support';

const CPUINFO = 'processor : 0\nmodel name : Test CPU 9000\nflags : fpu sse2 avx2 avx\n';

function buildDir(name: string, info: object | null, withBinary = true): string {
  const dir = path.join(tmpDir('native-builds'), name);
  mkdirSync(dir, { recursive: true });
  if (info) writeFileSync(path.join(dir, 'build-info.json'), JSON.stringify(info));
  if (withBinary) writeFileSync(path.join(dir, 'index.node'), 'not really a binary');
  return dir;
}

describe('native build selection', () => {
  it('cpuKey matches the one scripts/build-whisper.mjs records', async () => {
    const script = await import('../../../scripts/build-whisper.mjs');
    expect(cpuKey()).toEqual(script.cpuKey());
    // flag order does not matter, flags do
    expect(cpuKey(CPUINFO).flagsHash).toBe(cpuKey('model name : x\nflags : avx avx2 sse2 fpu\n').flagsHash);
    expect(cpuKey(CPUINFO).flagsHash).not.toBe(cpuKey('flags : fpu sse2\n').flagsHash);
    expect(cpuKey(CPUINFO).model).toBe('Test CPU 9000');
  });

  it('explains why a native build cannot be used', () => {
    const here = cpuKey();
    expect(nativeBuildProblem(buildDir('none', null, false)).problem).toMatch(/npm run build:whisper/);
    expect(nativeBuildProblem(buildDir('failed', { ok: false, reason: 'missing cmake' })).problem).toMatch(
      /failed: missing cmake/,
    );
    expect(
      nativeBuildProblem(buildDir('other-cpu', { ok: true, cpu: { model: 'Other', flagsHash: 'x' } })).problem,
    ).toMatch(/another CPU \(Other\)/);
    expect(nativeBuildProblem(buildDir('no-binary', { ok: true, cpu: here }, false)).problem).toMatch(/missing/);
    expect(nativeBuildProblem(buildDir('good', { ok: true, cpu: here })).problem).toBeNull();
  });

  it('falls back to the prebuilt binary, saying why', () => {
    const loaded = loadWhisperAddon({
      nativeDir: buildDir('fallback', { ok: false, reason: 'no toolchain' }),
      env: {},
    });
    expect(loaded.build).toBe('prebuilt');
    expect(loaded.file).toContain(prebuiltPackageName());
    expect(loaded.fallbackReason).toMatch(/no toolchain/);
    expect(typeof loaded.addon.WhisperContext).toBe('function');
    expect(typeof loaded.addon.WhisperVadContext).toBe('function');
    expect(describeAddon(loaded)).toMatch(/^prebuilt @fugood\/node-whisper-.*no toolchain/);
  });

  it('a corrupt native binary is not fatal in auto mode, but is when native is required', () => {
    const dir = buildDir('corrupt', { ok: true, cpu: cpuKey() });
    const loaded = loadWhisperAddon({ nativeDir: dir, env: {} });
    expect(loaded.build).toBe('prebuilt');
    expect(loaded.fallbackReason).toMatch(/failed to load/);
    expect(() => loadWhisperAddon({ nativeDir: dir, env: { COACH_WHISPER_BUILD: 'native' } })).toThrow(
      /failed to load/,
    );
    expect(() => loadWhisperAddon({ env: { COACH_WHISPER_BUILD: 'fast' } })).toThrow(/native, prebuilt or auto/);
  });

  it('loads the project build when `npm run build:whisper` made one for this CPU', () => {
    const status = nativeBuildProblem(path.resolve('build', 'whisper-native'));
    const loaded = loadWhisperAddon({ env: {} });
    if (status.problem !== null) {
      expect(loaded.build).toBe('prebuilt'); // no toolchain here: fallback, with the reason
      expect(loaded.fallbackReason).toBe(status.problem);
      return;
    }
    expect(loaded.build).toBe('native');
    expect(loaded.systemInfo).toMatch(/CPU : .*= 1/);
    expect(describeAddon(loaded)).toMatch(/^native build \(this CPU\): /);
  });
});
