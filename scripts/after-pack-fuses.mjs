// electron-builder `afterPack` hook: flips the Electron fuses listed in electron-fuses.json in the
// packaged binary. Fuses are baked into the executable, so no environment variable or command-line
// flag can turn the packaged app back into a plain Node runtime or a debuggable process. It runs
// before electron-builder signs the app: flipping bytes afterwards would break the signature.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fuses from '@electron/fuses';
import builder from 'electron-builder';

const { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } = fuses;
const { Arch } = builder;

// The fuse wire stores each fuse as an ASCII digit.
const ENABLED = '1'.charCodeAt(0);
const DISABLED = '0'.charCodeAt(0);

/** The settings file, the one place the fuse choices are written down. */
export function readFuseSettings(file = new URL('./electron-fuses.json', import.meta.url)) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Fuse names → the index-keyed config flipFuses takes. A name @electron/fuses doesn't know fails the build. */
export function fuseConfig(settings, platform, arch) {
  const config = {
    version: FuseVersion.V1,
    // Apple silicon refuses to run a binary whose ad-hoc signature no longer matches its bytes.
    resetAdHocDarwinSignature: platform === 'darwin' && (arch === Arch.arm64 || arch === Arch.universal),
  };
  for (const [name, value] of Object.entries(settings)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`electron-fuses.json: @electron/fuses knows no fuse "${name}"`);
    if (typeof value !== 'boolean') throw new Error(`electron-fuses.json: "${name}" must be true or false`);
    config[index] = value;
  }
  return config;
}

/** Where electron-builder put the Electron executable (the .app bundle on macOS, which flipFuses expects). */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`after-pack-fuses: unknown platform ${electronPlatformName}`);
  }
}

export async function afterPack(context) {
  const settings = readFuseSettings();
  const binary = electronBinaryPath(context);
  await flipFuses(binary, fuseConfig(settings, context.electronPlatformName, context.arch));
  // Read the wire back: a binary that silently kept a default must not ship.
  const wire = await getCurrentFuseWire(binary);
  const wrong = Object.entries(settings).filter(
    ([name, value]) => wire[FuseV1Options[name]] !== (value ? ENABLED : DISABLED),
  );
  if (wrong.length > 0) {
    throw new Error(`after-pack-fuses: fuses not set in ${binary}: ${wrong.map(([name]) => name).join(', ')}`);
  }
}

export default afterPack;
