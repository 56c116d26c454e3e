import { describe, expect, it, vi } from 'vitest';
import { registerAppScheme } from '../../../src/main/protocol';
import { webPreferencesFor, windowOpenDecision } from '../../../src/main/security';

// Electron can't run under Vitest: the stand-in records the scheme privileges protocol.ts asks for.
const registered = vi.hoisted(() => [] as { scheme: string; privileges: Record<string, boolean> }[]);
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: Record<string, boolean> }[]) =>
      registered.push(...schemes),
  },
}));

// Electron's security checklist, one line per BrowserWindow web preference.
const CHECKLIST: [keyof ReturnType<typeof webPreferencesFor>, boolean, string][] = [
  ['contextIsolation', true, 'the preload and the page run in separate JavaScript worlds'],
  ['sandbox', true, 'the renderer runs in the OS sandbox'],
  ['nodeIntegration', false, 'the page has no require() or process'],
  ['nodeIntegrationInWorker', false, 'web workers have no Node either'],
  ['nodeIntegrationInSubFrames', false, 'frames have no Node either'],
  ['webSecurity', true, 'same-origin policy stays on'],
  ['allowRunningInsecureContent', false, 'no http content in the secure page'],
  ['experimentalFeatures', false, 'no experimental Blink features'],
  ['webviewTag', false, 'no <webview>'],
  ['navigateOnDragDrop', false, 'dropping a file does not navigate away'],
];

describe('BrowserWindow web preferences', () => {
  it.each(CHECKLIST)('sets %s to %s: %s', (key, value) => {
    expect(webPreferencesFor('/app/preload.cjs')[key]).toBe(value);
  });

  it('sets nothing beyond the checklist, the preload and spellcheck', () => {
    const keys = Object.keys(webPreferencesFor('/app/preload.cjs')).sort();
    expect(keys).toEqual([...CHECKLIST.map(([key]) => key), 'preload', 'spellcheck'].sort());
  });
});

describe('new windows', () => {
  it('are always denied', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
});

describe('app:// scheme', () => {
  it('is a secure, standard origin that does not bypass the CSP', () => {
    registerAppScheme();
    expect(registered).toHaveLength(1);
    const [app] = registered;
    expect(app?.scheme).toBe('app');
    expect(app?.privileges).toMatchObject({ standard: true, secure: true });
    expect(app?.privileges.bypassCSP).toBeUndefined();
    expect(app?.privileges.corsEnabled).toBeUndefined();
  });
});
