import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../../electron-builder';
import * as hook from '../../../scripts/after-pack-fuses.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  productName?: string;
  main?: string;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Target names from electron-builder's `target` field, whichever of its shapes it uses. */
function targetNames(target: unknown): string[] {
  const list: unknown[] = Array.isArray(target) ? target : target == null ? [] : [target];
  return list.map((entry) => (typeof entry === 'string' ? entry : (entry as { target: string }).target));
}

describe('electron-builder configuration', () => {
  it('builds AppImage and deb on Linux, dmg on macOS and an NSIS installer on Windows', () => {
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.mac?.target)).toEqual(['dmg']);
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
  });

  it('has an app id and takes the product name from package.json', () => {
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBeUndefined();
    expect(pkg.productName).toBe('Postmortem Coach');
    expect(pkg.main).toBe('./out/main/index.js');
  });

  it('keeps the Whisper addon and its platform binaries out of the asar archive', () => {
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['node_modules/@fugood/whisper.node/**', 'node_modules/@fugood/node-whisper-*/**']),
    );
    expect(config.asar).not.toBe(false);
  });

  it('packs the build output and never tests, benchmarks or the corpus', () => {
    const files = config.files as string[];
    expect(files).toContain('out/**');
    const excluded = files.filter((pattern) => pattern.startsWith('!')).join(' ');
    for (const dir of ['tests', 'bench', 'corpus']) expect(excluded).toContain(dir);
    expect(files.filter((pattern) => !pattern.startsWith('!'))).toEqual(['out/**']);
  });

  it('does not pack the CUDA, Vulkan or WASM builds of the addon, which the app never loads', () => {
    const files = config.files as string[];
    expect(files).toContain('!node_modules/@fugood/node-whisper-*-{cuda,vulkan}/**');
    expect(files).toContain('!node_modules/@fugood/node-whisper-wasm/**');
  });

  it('asks macOS for the microphone with a reason', () => {
    expect(config.mac?.extendInfo).toMatchObject({ NSMicrophoneUsageDescription: expect.stringMatching(/\S/) });
  });

  it('runs the fuse hook after packing', () => {
    expect(config.afterPack).toBe('./scripts/after-pack-fuses.mjs');
    expect(existsSync('scripts/after-pack-fuses.mjs')).toBe(true);
    expect(typeof hook.afterPack).toBe('function');
    expect(hook.default).toBe(hook.afterPack);
  });

  it('has an npm script that builds then packages', () => {
    expect(pkg.scripts.package).toBe('electron-vite build && electron-builder');
    expect(pkg.devDependencies['electron-builder']).toBeDefined();
    expect(pkg.devDependencies['@electron/fuses']).toBeDefined();
  });
});
