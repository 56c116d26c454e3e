import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface ElectronBinary {
  installed: boolean;
  /** Path of the executable when installed. */
  executable: string | null;
  version: string | null;
  reason: string | null;
}

/**
 * Whether the Electron runtime binary is on disk. Reads the electron package's files directly:
 * `require('electron')` would start a download when the binary is missing.
 */
export function findElectronBinary(fromDir: string = process.cwd()): ElectronBinary {
  const requireFrom = createRequire(path.join(fromDir, 'package.json'));
  let pkgDir: string;
  try {
    pkgDir = path.dirname(requireFrom.resolve('electron/package.json'));
  } catch {
    return { installed: false, executable: null, version: null, reason: 'the electron package is not installed' };
  }
  const version =
    (JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version?: string }).version ?? null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (override) {
    const exe = path.join(override, relative ?? 'electron');
    return existsSync(exe)
      ? { installed: true, executable: exe, version, reason: null }
      : {
          installed: false,
          executable: null,
          version,
          reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${relative ?? 'electron'}`,
        };
  }
  if (relative === null) {
    return {
      installed: false,
      executable: null,
      version,
      reason: 'the Electron binary was never downloaded (installed with ELECTRON_SKIP_BINARY_DOWNLOAD or offline)',
    };
  }
  const exe = path.join(pkgDir, 'dist', relative);
  if (!existsSync(exe))
    return { installed: false, executable: null, version, reason: `the Electron binary is missing (${exe})` };
  return { installed: true, executable: exe, version, reason: null };
}
