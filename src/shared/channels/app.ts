import { z } from 'zod';

export const shellKind = z.enum(['electron', 'web']);

export const aboutInfo = z.object({
  appName: z.string(),
  appVersion: z.string(),
  shell: shellKind,
  dataDir: z.string(),
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
