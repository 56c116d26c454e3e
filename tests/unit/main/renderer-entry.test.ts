import { describe, expect, it } from 'vitest';
import { PACKAGED_RENDERER_URL, rendererEntry } from '../../../src/main/renderer-entry';

const devServer = 'http://localhost:5173';

describe('rendererEntry', () => {
  it('loads the dev server in an unpackaged development build', () => {
    expect(rendererEntry({ isPackaged: false, devBuild: true, envUrl: devServer })).toEqual({
      url: devServer,
      devServerUrl: devServer,
      refused: null,
    });
  });

  it('loads the packaged page when ELECTRON_RENDERER_URL is unset or empty', () => {
    for (const envUrl of [undefined, '']) {
      expect(rendererEntry({ isPackaged: false, devBuild: true, envUrl })).toEqual({
        url: PACKAGED_RENDERER_URL,
        devServerUrl: null,
        refused: null,
      });
    }
    expect(PACKAGED_RENDERER_URL).toBe('app://coach/index.html');
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app, even one built for development', () => {
    for (const devBuild of [true, false]) {
      const entry = rendererEntry({ isPackaged: true, devBuild, envUrl: devServer });
      expect(entry.url).toBe(PACKAGED_RENDERER_URL);
      expect(entry.devServerUrl).toBeNull();
      expect(entry.refused).toMatch(/outside development builds/);
    }
  });

  it('ignores ELECTRON_RENDERER_URL in a production build run unpackaged (npm start, Electron e2e)', () => {
    const entry = rendererEntry({ isPackaged: false, devBuild: false, envUrl: devServer });
    expect(entry).toMatchObject({ url: PACKAGED_RENDERER_URL, devServerUrl: null });
    expect(entry.refused).not.toBeNull();
  });

  it('refuses a dev server that is not http(s) on this machine', () => {
    for (const envUrl of [
      'https://evil.example/',
      'http://192.168.1.5:5173',
      'http://localhost.evil.example:5173',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ]) {
      const entry = rendererEntry({ isPackaged: false, devBuild: true, envUrl });
      expect(entry, envUrl).toMatchObject({ url: PACKAGED_RENDERER_URL, devServerUrl: null });
      expect(entry.refused, envUrl).toContain('ELECTRON_RENDERER_URL');
    }
  });

  it('accepts every loopback spelling of the dev server', () => {
    for (const envUrl of ['http://127.0.0.1:5173', 'http://[::1]:5173', 'https://localhost:5173']) {
      expect(rendererEntry({ isPackaged: false, devBuild: true, envUrl }).url, envUrl).toBe(envUrl);
    }
  });
});
