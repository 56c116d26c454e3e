import { APP_ORIGIN } from './security';

/** The packaged renderer, served by our app:// protocol handler (protocol.ts). */
export const PACKAGED_RENDERER_URL = `${APP_ORIGIN}/index.html`;

export interface RendererEntryInput {
  /** `app.isPackaged`: true in an installed build. */
  isPackaged: boolean;
  /**
   * `import.meta.env.DEV`: true only when `electron-vite dev` built the main process. Checked as
   * well as isPackaged because `npm start` and the Electron e2e tests run a production build
   * unpackaged, where isPackaged alone would still let the environment pick the page.
   */
  devBuild: boolean;
  /** `process.env.ELECTRON_RENDERER_URL`, set by `electron-vite dev` to its dev server. */
  envUrl: string | undefined;
}

export interface RendererEntry {
  /** What the window loads. */
  url: string;
  /** The dev server origin to trust (permissions, IPC, CSP); null for the packaged page. */
  devServerUrl: string | null;
  /** Why a set ELECTRON_RENDERER_URL was not used, for one warning line; null when nothing was refused. */
  refused: string | null;
}

// The dev server is always on this machine; anything else in the variable is a mistake or an attack.
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Which page the main window loads. The dev server is honoured only in a development build that
 * is not packaged: the variable would otherwise let anyone who can set the environment of an
 * installed app hand its window (and the microphone and IPC trust that go with the app's page)
 * to a page of their choosing.
 */
export function rendererEntry({ isPackaged, devBuild, envUrl }: RendererEntryInput): RendererEntry {
  const packaged = { url: PACKAGED_RENDERER_URL, devServerUrl: null };
  if (envUrl === undefined || envUrl === '') return { ...packaged, refused: null };
  if (isPackaged || !devBuild) {
    return { ...packaged, refused: 'ELECTRON_RENDERER_URL is ignored outside development builds' };
  }
  let parsed: URL;
  try {
    parsed = new URL(envUrl);
  } catch {
    return { ...packaged, refused: `ELECTRON_RENDERER_URL is not a URL: ${envUrl}` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ...packaged, refused: `ELECTRON_RENDERER_URL must be http(s): ${envUrl}` };
  }
  if (!LOOPBACK_HOSTS.has(parsed.hostname)) {
    return { ...packaged, refused: `ELECTRON_RENDERER_URL must point at this machine: ${envUrl}` };
  }
  return { url: envUrl, devServerUrl: envUrl, refused: null };
}
