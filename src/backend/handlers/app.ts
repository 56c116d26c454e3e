import type { HandlersFor } from '../../shared/contract';
import type { AboutInfo, WhisperEngineInfo } from '../../shared/channels/app';
import { packageInfo } from '../services/platform/app-info';
import { defaultNativeDir, nativeBuildProblem } from '../services/whisper/load-addon';
import type { WorkerReady } from '../services/whisper/protocol';
import type { BackendOptions } from '../backend';

/**
 * Which Whisper build transcribes: the running worker's own report, or (before first use) what
 * the loader will pick, read from the native build's record without loading native code here.
 */
function whisperEngineInfo(running: WorkerReady | null): WhisperEngineInfo {
  if (running) {
    return {
      build: running.build,
      running: true,
      cpuFeatures: running.systemInfo,
      fallbackReason: running.fallbackReason || null,
    };
  }
  const { problem, info } = nativeBuildProblem(defaultNativeDir());
  return problem === null
    ? { build: 'native', running: false, cpuFeatures: info?.systemInfo ?? null, fallbackReason: null }
    : { build: 'prebuilt', running: false, cpuFeatures: null, fallbackReason: problem };
}

export function appHandlers(options: BackendOptions, runningEngine: () => WorkerReady | null): HandlersFor<'app.'> {
  return { 'app.about': async () => about(options, runningEngine) };
}

function about(options: BackendOptions, runningEngine: () => WorkerReady | null): AboutInfo {
  const pkg = packageInfo();
  return {
    appName: pkg.productName,
    appVersion: pkg.version,
    shell: options.shell,
    dataDir: options.dataDir,
    whisper: whisperEngineInfo(runningEngine()),
    versions: {
      node: process.versions.node,
      electron: options.electronVersion,
      chrome: options.chromeVersion,
      v8: process.versions.v8,
      platform: process.platform,
      arch: process.arch,
    },
  };
}
