/**
 * Security decisions of the Electron shell, as pure functions so they are unit-tested under Node.
 * The shell (index.ts, window.ts) only wires them into Electron's hooks.
 */

/** The renderer is served from this privileged custom scheme, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'coach';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  webviewTag: false;
  spellcheck: false;
}

export function webPreferencesFor(preloadPath: string): SecureWebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    webviewTag: false,
    spellcheck: false,
  };
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // Custom schemes give origin "null" in WHATWG URL; rebuild it from scheme + host.
    if (parsed.protocol === `${APP_SCHEME}:`) return `${APP_SCHEME}://${parsed.host}`;
    return parsed.origin;
  } catch {
    return null;
  }
}

/** True for the app's own page: the packaged renderer, or the dev server while developing. */
function isAppUrl(url: string, devServerUrl?: string | null): boolean {
  const origin = originOf(url);
  if (origin === null) return false;
  if (origin === APP_ORIGIN) return true;
  if (devServerUrl) return origin === originOf(devServerUrl);
  return false;
}

export interface PermissionDetails {
  /** Electron's `details.mediaTypes` for 'media' requests. */
  mediaTypes?: readonly string[];
}

/**
 * Only the microphone, and only for the app's own page. Camera, screen capture, notifications,
 * geolocation, clipboard, HID/USB/serial and everything else are denied.
 */
export function isAllowedPermission(
  permission: string,
  requestingUrl: string,
  details: PermissionDetails,
  devServerUrl?: string | null,
): boolean {
  if (!isAppUrl(requestingUrl, devServerUrl)) return false;
  if (permission !== 'media') return false;
  const types = details.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'audio');
}

/** Permission *checks* (not requests) carry a mediaType string instead of a list. */
export function isAllowedPermissionCheck(
  permission: string,
  requestingOrigin: string,
  mediaType: string | undefined,
  devServerUrl?: string | null,
): boolean {
  return isAllowedPermission(permission, requestingOrigin, { mediaTypes: mediaType ? [mediaType] : [] }, devServerUrl);
}

/** The app is a single page: every navigation away from it is blocked. */
export function isAllowedNavigation(currentUrl: string, targetUrl: string): boolean {
  const current = originOf(currentUrl);
  const target = originOf(targetUrl);
  if (current === null || target === null || current !== target) return false;
  // Same-origin navigation is a reload of the same page only (hash routing never navigates).
  return new URL(targetUrl).pathname === new URL(currentUrl).pathname;
}

/** No page may open a window (window.open, target=_blank): the app has one window and no links out. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** IPC is accepted only from the app's own top-level page. */
export function isTrustedSender(
  senderFrameUrl: string | undefined,
  isMainFrame: boolean,
  devServerUrl?: string | null,
): boolean {
  if (!isMainFrame || senderFrameUrl === undefined) return false;
  return isAppUrl(senderFrameUrl, devServerUrl);
}
