import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PACKAGED_RENDERER_URL } from '../../../src/main/renderer-entry';
import { webPreferencesFor } from '../../../src/main/security';
import { createMainWindow, guardWebContents, hardenSession } from '../../../src/main/window';

// Electron can't run under Vitest: a stand-in (vi.mock is hoisted above the imports) records what
// window.ts asks of it.
type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; loaded: string | null }[],
  requestHandler: null as Listener | null,
  checkHandler: null as Listener | null,
  headersHandler: null as Listener | null,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    loaded: string | null = null;
    constructor(public options: Record<string, unknown>) {
      electron.windows.push(this);
    }
    once(): void {}
    show(): void {}
    loadURL(url: string): Promise<void> {
      this.loaded = url;
      return Promise.resolve();
    }
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (handler: Listener) => (electron.requestHandler = handler),
      setPermissionCheckHandler: (handler: Listener) => (electron.checkHandler = handler),
      webRequest: { onHeadersReceived: (handler: Listener) => (electron.headersHandler = handler) },
    },
  };
  return { BrowserWindow, session };
});

function fakeContents(url: string) {
  const listeners = new Map<string, Listener>();
  let openHandler: Listener | null = null;
  const contents = {
    getURL: () => url,
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler: Listener) => (openHandler = handler),
  };
  /** Fires `event` like Electron would and says whether the listener prevented it. */
  const fire = (event: string, ...args: unknown[]): boolean => {
    let prevented = false;
    listeners.get(event)?.({ preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  };
  return { contents: contents as unknown as WebContents, fire, openWindow: (u: string) => openHandler?.({ url: u }) };
}

function requestPermission(permission: string, requestingUrl: string, mediaTypes?: string[]): boolean | undefined {
  let granted: boolean | undefined;
  const webContents = { getURL: () => requestingUrl };
  electron.requestHandler?.(webContents, permission, (answer: boolean) => (granted = answer), {
    requestingUrl,
    ...(mediaTypes ? { mediaTypes } : {}),
  });
  return granted;
}

beforeEach(() => {
  electron.windows.length = 0;
  electron.requestHandler = null;
  electron.checkHandler = null;
  electron.headersHandler = null;
});

describe('createMainWindow', () => {
  it('opens the window with the secure web preferences and loads the page it is given', () => {
    createMainWindow('/app/preload.cjs', PACKAGED_RENDERER_URL);
    expect(electron.windows).toHaveLength(1);
    expect(electron.windows[0]?.options.webPreferences).toEqual(webPreferencesFor('/app/preload.cjs'));
    expect(electron.windows[0]?.loaded).toBe(PACKAGED_RENDERER_URL);
  });
});

describe('guardWebContents', () => {
  it('blocks navigation and redirects away from the page, and allows in-page hash routes', () => {
    const { contents, fire } = fakeContents(PACKAGED_RENDERER_URL);
    guardWebContents(contents);
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(fire('will-navigate', `${PACKAGED_RENDERER_URL}#/sessions`)).toBe(false);
  });

  it('denies every new window', () => {
    const { contents, openWindow } = fakeContents(PACKAGED_RENDERER_URL);
    guardWebContents(contents);
    expect(openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(openWindow(PACKAGED_RENDERER_URL)).toEqual({ action: 'deny' });
  });

  it('refuses to attach webviews', () => {
    const { contents, fire } = fakeContents(PACKAGED_RENDERER_URL);
    guardWebContents(contents);
    expect(fire('will-attach-webview', {}, {})).toBe(true);
  });
});

describe('hardenSession', () => {
  it('installs a permission handler that grants the microphone to the app page only', () => {
    hardenSession(null);
    expect(requestPermission('media', PACKAGED_RENDERER_URL, ['audio'])).toBe(true);
    expect(requestPermission('media', PACKAGED_RENDERER_URL, ['video'])).toBe(false);
    expect(requestPermission('media', 'https://evil.example/', ['audio'])).toBe(false);
    expect(requestPermission('notifications', PACKAGED_RENDERER_URL)).toBe(false);
    expect(requestPermission('geolocation', PACKAGED_RENDERER_URL)).toBe(false);
  });

  it('answers permission checks the same way', () => {
    hardenSession(null);
    expect(electron.checkHandler?.(null, 'media', 'app://coach', { mediaType: 'audio' })).toBe(true);
    expect(electron.checkHandler?.(null, 'media', 'app://coach', { mediaType: 'video' })).toBe(false);
    expect(electron.checkHandler?.(null, 'media', 'https://evil.example', { mediaType: 'audio' })).toBe(false);
  });

  it('trusts the dev server and adds the CSP to its responses only in development', () => {
    hardenSession(null);
    expect(electron.headersHandler).toBeNull();
    expect(requestPermission('media', 'http://localhost:5173/', ['audio'])).toBe(false);

    hardenSession('http://localhost:5173');
    expect(requestPermission('media', 'http://localhost:5173/', ['audio'])).toBe(true);
    let headers: Record<string, string[]> | undefined;
    electron.headersHandler?.({ responseHeaders: {} }, (response: { responseHeaders: Record<string, string[]> }) => {
      headers = response.responseHeaders;
    });
    expect(headers?.['Content-Security-Policy']?.[0]).toContain("default-src 'none'");
  });
});
