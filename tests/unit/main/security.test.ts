import { contentSecurityPolicy } from '../../../src/backend/services/platform/content-security-policy';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  isAllowedNavigation,
  isAllowedPermission,
  isAllowedPermissionCheck,
  isTrustedSender,
  webPreferencesFor,
} from '../../../src/main/security';

const page = `${APP_ORIGIN}/index.html`;

describe('webPreferencesFor', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = webPreferencesFor('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('isAllowedPermission', () => {
  it('grants the microphone to the app page only', () => {
    expect(isAllowedPermission('media', page, { mediaTypes: ['audio'] })).toBe(true);
    expect(isAllowedPermission('media', 'https://evil.example/', { mediaTypes: ['audio'] })).toBe(false);
    expect(isAllowedPermission('media', 'file:///etc/passwd', { mediaTypes: ['audio'] })).toBe(false);
    expect(isAllowedPermission('media', 'app://other/index.html', { mediaTypes: ['audio'] })).toBe(false);
  });

  it('denies the camera, screen capture and every other permission', () => {
    expect(isAllowedPermission('media', page, { mediaTypes: ['video'] })).toBe(false);
    expect(isAllowedPermission('media', page, { mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(isAllowedPermission('media', page, { mediaTypes: [] })).toBe(false);
    for (const p of [
      'notifications',
      'geolocation',
      'clipboard-read',
      'display-capture',
      'hid',
      'serial',
      'usb',
      'openExternal',
      'fullscreen',
    ]) {
      expect(isAllowedPermission(p, page, { mediaTypes: ['audio'] })).toBe(false);
    }
  });

  it('trusts the dev server only when one is configured', () => {
    expect(isAllowedPermission('media', 'http://localhost:5173/', { mediaTypes: ['audio'] })).toBe(false);
    expect(
      isAllowedPermission('media', 'http://localhost:5173/', { mediaTypes: ['audio'] }, 'http://localhost:5173'),
    ).toBe(true);
  });

  it('answers permission checks the same way', () => {
    expect(isAllowedPermissionCheck('media', APP_ORIGIN, 'audio')).toBe(true);
    expect(isAllowedPermissionCheck('media', APP_ORIGIN, 'video')).toBe(false);
    expect(isAllowedPermissionCheck('media', APP_ORIGIN, undefined)).toBe(false);
  });
});

describe('navigation and senders', () => {
  it('blocks every navigation away from the page', () => {
    expect(isAllowedNavigation(page, 'https://example.com/')).toBe(false);
    expect(isAllowedNavigation(page, 'file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation(page, `${APP_ORIGIN}/other.html`)).toBe(false);
    expect(isAllowedNavigation(page, 'not a url')).toBe(false);
    expect(isAllowedNavigation(page, `${APP_ORIGIN}/index.html#/sessions`)).toBe(true);
  });

  it('accepts IPC only from the app main frame', () => {
    expect(isTrustedSender(page, true)).toBe(true);
    expect(isTrustedSender(page, false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows no remote origin and no inline or eval scripts', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toMatch(/https?:/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('adds the dev server only in development', () => {
    expect(contentSecurityPolicy({ devServerUrl: 'http://localhost:5173' })).toContain('http://localhost:5173');
  });
});
