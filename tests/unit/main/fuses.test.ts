import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { afterEach, describe, expect, it } from 'vitest';
import {
  afterPack,
  electronBinaryPath,
  fuseConfig,
  readFuseSettings,
  type PackContext,
} from '../../../scripts/after-pack-fuses.mjs';
import fuseSettings from '../../../scripts/electron-fuses.json';

// What the packaged app must have; the settings file may decide more fuses, never fewer.
const REQUIRED: Record<string, boolean> = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableCookieEncryption: true,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
};

// Electron marks its fuse wire with this sentinel, then a version byte, a length byte and one ASCII
// digit per fuse; a fake executable carrying one lets the hook run without an Electron binary.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's defaults: RunAsNode, NODE_OPTIONS, inspector and file:// privileges on, the rest off.
const ELECTRON_DEFAULT_WIRE = '10110001';
const ARCH_X64 = 1;
const ARCH_ARM64 = 3;

function fakeElectron(wire: string): Buffer {
  return Buffer.concat([
    Buffer.from('\x7fELF...padding...'),
    Buffer.from(SENTINEL),
    Buffer.from([1, wire.length]),
    Buffer.from(wire),
    Buffer.from('...more code'),
  ]);
}

function readWire(binary: Buffer): string {
  const start = binary.indexOf(SENTINEL) + SENTINEL.length;
  const length = binary[start + 1] ?? 0;
  return binary.subarray(start + 2, start + 2 + length).toString('latin1');
}

function linuxContext(appOutDir: string): PackContext {
  return {
    appOutDir,
    electronPlatformName: 'linux',
    arch: ARCH_X64,
    packager: { appInfo: { productFilename: 'Postmortem Coach' }, executableName: 'postmortem-coach' },
  };
}

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('fuse settings (scripts/electron-fuses.json)', () => {
  it.each(Object.entries(REQUIRED))('sets %s to %s', (name, value) => {
    expect((fuseSettings as Record<string, boolean>)[name]).toBe(value);
  });

  it('is what the afterPack hook reads', () => {
    expect(readFuseSettings()).toEqual(fuseSettings);
  });

  it('decides every fuse the installed @electron/fuses knows, so an upgrade adding one fails here', () => {
    const known = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));
    expect(Object.keys(fuseSettings).sort()).toEqual(known.sort());
  });
});

describe('after-pack-fuses hook', () => {
  it('maps each setting onto its fuse index for flipFuses', () => {
    const config = fuseConfig(fuseSettings, 'linux', ARCH_X64);
    expect(config.version).toBe('1');
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(config[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(config[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('re-signs ad hoc only for Apple silicon and universal macOS builds', () => {
    expect(fuseConfig(fuseSettings, 'darwin', ARCH_ARM64).resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig(fuseSettings, 'darwin', 4).resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig(fuseSettings, 'darwin', ARCH_X64).resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig(fuseSettings, 'linux', ARCH_ARM64).resetAdHocDarwinSignature).toBe(false);
  });

  it('rejects a fuse name or value it cannot apply instead of skipping it', () => {
    expect(() => fuseConfig({ RunAsNodee: false }, 'linux', ARCH_X64)).toThrow(/RunAsNodee/);
    expect(() => fuseConfig({ RunAsNode: 'no' as unknown as boolean }, 'linux', ARCH_X64)).toThrow(/true or false/);
  });

  it('finds the executable electron-builder packed on each platform', () => {
    const base = linuxContext('/pack');
    expect(electronBinaryPath(base)).toBe(path.join('/pack', 'postmortem-coach'));
    expect(electronBinaryPath({ ...base, electronPlatformName: 'win32' })).toBe(
      path.join('/pack', 'Postmortem Coach.exe'),
    );
    expect(electronBinaryPath({ ...base, electronPlatformName: 'darwin' })).toBe(
      path.join('/pack', 'Postmortem Coach.app'),
    );
  });

  it('flips the fuses in the packed executable and leaves the rest of it alone', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'coach-fuses-'));
    dirs.push(dir);
    const binary = path.join(dir, 'postmortem-coach');
    const before = fakeElectron(ELECTRON_DEFAULT_WIRE);
    await writeFile(binary, before);

    await afterPack(linuxContext(dir));

    const after = await readFile(binary);
    const wire = readWire(after);
    for (const [name, value] of Object.entries(REQUIRED)) {
      const index = FuseV1Options[name as keyof typeof FuseV1Options];
      expect(wire[index], name).toBe(value ? '1' : '0');
    }
    expect(after.length).toBe(before.length);
    expect(after.subarray(after.length - 12).toString()).toBe('...more code');
  });

  it('fails the build when the executable has no fuse wire', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'coach-fuses-'));
    dirs.push(dir);
    await writeFile(path.join(dir, 'postmortem-coach'), 'not electron');
    await expect(afterPack(linuxContext(dir))).rejects.toThrow(/sentinel/i);
  });
});
