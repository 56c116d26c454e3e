import { chromium, type Browser } from '@playwright/test';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for Debian's Chromium on these machines: headless as root, no background traffic (the
 * network is closed), and a fake microphone. `fakeAudioWav` makes the microphone play that file,
 * which is how end-to-end tests speak to the app.
 */
export function chromiumArgs(fakeAudioWav?: string): string[] {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    '--autoplay-policy=no-user-gesture-required',
  ];
  if (fakeAudioWav) args.push(`--use-file-for-fake-audio-capture=${fakeAudioWav}`);
  return args;
}

export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" (".ci/run" does).`,
    );
  }
}

/** Debian's Chromium, its fake microphone playing `fakeAudioWav` when one is given. */
export function launchChromium(fakeAudioWav?: string): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: chromiumArgs(fakeAudioWav) });
}
