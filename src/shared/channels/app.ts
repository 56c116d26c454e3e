import { z } from 'zod';

const shellKind = z.enum(['electron', 'web']);

const whisperEngineInfo = z.object({
  build: z.enum(['native', 'prebuilt']),
  /** True when this comes from the running transcriber; false: what will load on first use. */
  running: z.boolean(),
  /** whisper.cpp's system info (CPU features compiled in), when known. */
  cpuFeatures: z.string().nullable(),
  /** Why the native build is not used, when it is not. */
  fallbackReason: z.string().nullable(),
});
export type WhisperEngineInfo = z.infer<typeof whisperEngineInfo>;

const aboutInfo = z.object({
  appName: z.string(),
  appVersion: z.string(),
  shell: shellKind,
  dataDir: z.string(),
  whisper: whisperEngineInfo,
  versions: z.object({
    node: z.string(),
    electron: z.string().nullable(),
    chrome: z.string().nullable(),
    v8: z.string(),
    platform: z.string(),
    arch: z.string(),
  }),
});

export type AboutInfo = z.infer<typeof aboutInfo>;

export const appChannels = {
  'app.about': { input: z.object({}).strict(), output: aboutInfo },
};
