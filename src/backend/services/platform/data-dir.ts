import path from 'node:path';

const APP_DIR_NAME = 'Postmortem Coach';

/**
 * Where sessions, models and settings live. Both shells (Electron and web) and the CLI resolve the
 * same folder, so a session recorded in one shows up in the others. `COACH_DATA_DIR` overrides it
 * (tests, portable installs).
 */
export function defaultDataDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string {
  const override = env.COACH_DATA_DIR;
  if (override !== undefined && override.trim() !== '') return path.resolve(override);
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  const xdg = env.XDG_DATA_HOME;
  const base = xdg !== undefined && xdg.trim() !== '' ? xdg : path.posix.join(home, '.local', 'share');
  return path.posix.join(base, 'postmortem-coach');
}
