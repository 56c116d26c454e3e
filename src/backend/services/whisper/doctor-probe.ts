import { defaultNativeDir, loadWhisperAddon, nativeBuildProblem } from './load-addon';

/** Rows for `coach doctor` and Settings: which Whisper build runs here, and with which CPU features. */
export interface WhisperBuildReport {
  title: string;
  rows: [string, string][];
}

export async function whisperBuildReport(): Promise<WhisperBuildReport> {
  const dir = defaultNativeDir();
  const native = nativeBuildProblem(dir);
  const rows: [string, string][] = [];
  try {
    const loaded = loadWhisperAddon();
    rows.push([
      'Loaded build',
      loaded.build === 'native' ? `native (built for this CPU) — ${loaded.file}` : `prebuilt — ${loaded.file}`,
    ]);
    rows.push(['CPU features used', loaded.systemInfo ?? 'not reported by the prebuilt binary (generic x86-64 build)']);
    if (loaded.fallbackReason) rows.push(['Why not native', `${loaded.fallbackReason}`]);
  } catch (error) {
    rows.push(['Loaded build', `none: ${error instanceof Error ? error.message : String(error)}`]);
  }
  if (native.info?.ok)
    rows.push([
      'Native build',
      `${native.info.archFlags ?? ''}, ${native.info.builtAt ?? ''}, whisper.cpp ${native.info.whisperCpp ?? '?'}`,
    ]);
  return { title: 'Whisper engine', rows };
}
