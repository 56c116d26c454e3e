import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WhisperAddon } from './addon-types';
import { cpuKey } from './cpu-key';

/**
 * Loads the Whisper native addon: our native-speed build (build/whisper-native/index.node, made by
 * `npm run build:whisper`) when it exists and was built for this CPU, else the prebuilt
 * @fugood/node-whisper-<platform>-<arch> binary that ships with @fugood/whisper.node.
 *
 * Why not `import '@fugood/whisper.node'`: its JS entry (lib/binding.js) always tries the platform
 * package first and only falls back to the package's own build/Release/index.node, so it can't be
 * pointed at a build elsewhere. Both binaries export the same N-API classes, so we require the
 * .node file ourselves.
 *
 * COACH_WHISPER_BUILD=native|prebuilt|auto forces a choice (bench compares both in one run);
 * COACH_WHISPER_NATIVE_DIR points at another native build folder.
 */
export type WhisperBuildKind = 'native' | 'prebuilt';
type WhisperBuildPreference = WhisperBuildKind | 'auto';

export interface LoadedWhisperAddon {
  addon: WhisperAddon;
  build: WhisperBuildKind;
  /** The .node file that was loaded. */
  file: string;
  /** whisper.cpp's system info ("AVX = 1 | AVX2 = 1 | ..."), or null when the binary can't say. */
  systemInfo: string | null;
  /** Why the native build was not used (empty when it was). */
  fallbackReason: string;
  /** Contents of build-info.json for the native build. */
  buildInfo?: NativeBuildInfo;
}

export interface NativeBuildInfo {
  ok: boolean;
  reason?: string;
  builtAt?: string;
  durationSec?: number;
  archFlags?: string;
  cpu?: { model: string; flagsHash: string };
  whisperNode?: string;
  whisperCpp?: string;
  systemInfo?: string;
}

export interface LoadAddonOptions {
  prefer?: WhisperBuildPreference;
  /** Folder holding index.node + build-info.json; default: <project>/build/whisper-native. */
  nativeDir?: string;
  env?: NodeJS.ProcessEnv;
}

// Not named `require`: electron-vite injects its own `require` shim into ESM bundles.
const requireHere = createRequire(import.meta.url);

export function prebuiltPackageName(platform: string = process.platform, arch: string = process.arch): string {
  return `@fugood/node-whisper-${platform}-${arch}`;
}

/** Walk up from this file to the project root (the folder whose package.json is ours). */
export function defaultNativeDir(from: string = path.dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = from;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'postmortem-coach') {
          return path.join(dir, 'build', 'whisper-native');
        }
      } catch {
        // unreadable package.json: keep walking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function parsePreference(value: string | undefined): WhisperBuildPreference | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'native' || value === 'prebuilt' || value === 'auto') return value;
  throw new Error(`COACH_WHISPER_BUILD must be native, prebuilt or auto (got "${value}")`);
}

/** Why the native build in `dir` can't be used here, or null when it can. */
export function nativeBuildProblem(
  dir: string | null,
  currentCpu = cpuKey(),
): { problem: string | null; info?: NativeBuildInfo } {
  if (dir === null) return { problem: 'project folder not found' };
  const file = path.join(dir, 'index.node');
  const infoFile = path.join(dir, 'build-info.json');
  if (!existsSync(infoFile)) return { problem: `no native build (run "npm run build:whisper")` };
  let info: NativeBuildInfo;
  try {
    info = JSON.parse(readFileSync(infoFile, 'utf8')) as NativeBuildInfo;
  } catch (error) {
    return { problem: `unreadable ${infoFile}: ${String(error)}` };
  }
  if (!info.ok) return { problem: `native build failed: ${info.reason ?? 'unknown reason'}`, info };
  if (!existsSync(file)) return { problem: `native build missing ${file}`, info };
  if (info.cpu?.flagsHash !== currentCpu.flagsHash) {
    return {
      problem: `native build was made for another CPU (${info.cpu?.model ?? '?'}); rebuild with "npm run build:whisper"`,
      info,
    };
  }
  return { problem: null, info };
}

function loadPrebuilt(fallbackReason: string, buildInfo?: NativeBuildInfo): LoadedWhisperAddon {
  const name = prebuiltPackageName();
  let file: string;
  try {
    file = requireHere.resolve(name);
  } catch {
    throw new Error(
      `no Whisper binary for ${process.platform}-${process.arch}: ${name} is not installed and ${fallbackReason}`,
    );
  }
  const addon = requireHere(file) as WhisperAddon;
  return {
    addon,
    build: 'prebuilt',
    file,
    systemInfo: typeof addon.systemInfo === 'function' ? addon.systemInfo() : null,
    fallbackReason,
    ...(buildInfo ? { buildInfo } : {}),
  };
}

export function loadWhisperAddon(options: LoadAddonOptions = {}): LoadedWhisperAddon {
  const env = options.env ?? process.env;
  const prefer = parsePreference(env.COACH_WHISPER_BUILD) ?? options.prefer ?? 'auto';
  const dir = options.nativeDir ?? env.COACH_WHISPER_NATIVE_DIR ?? defaultNativeDir();
  if (prefer === 'prebuilt') return loadPrebuilt('the prebuilt binary was requested');

  const { problem, info } = nativeBuildProblem(dir);
  if (problem !== null || dir === null) {
    if (prefer === 'native') throw new Error(`native Whisper build requested but unusable: ${problem ?? 'no folder'}`);
    return loadPrebuilt(problem ?? 'no native build', info);
  }
  const file = path.join(dir, 'index.node');
  try {
    const addon = requireHere(file) as WhisperAddon;
    return {
      addon,
      build: 'native',
      file,
      systemInfo: typeof addon.systemInfo === 'function' ? addon.systemInfo() : (info?.systemInfo ?? null),
      fallbackReason: '',
      ...(info ? { buildInfo: info } : {}),
    };
  } catch (error) {
    const reason = `native build failed to load: ${error instanceof Error ? error.message : String(error)}`;
    if (prefer === 'native') throw new Error(reason, { cause: error });
    return loadPrebuilt(reason, info);
  }
}

/** One line for logs, `coach doctor` and Settings. */
export function describeAddon(
  loaded: Pick<LoadedWhisperAddon, 'build' | 'file' | 'systemInfo' | 'fallbackReason'>,
): string {
  const what = loaded.build === 'native' ? 'native build (this CPU)' : `prebuilt ${prebuiltPackageName()}`;
  const features = loaded.systemInfo ?? 'CPU features not reported by this binary';
  const why = loaded.fallbackReason ? ` — ${loaded.fallbackReason}` : '';
  return `${what}: ${features}${why}`;
}
