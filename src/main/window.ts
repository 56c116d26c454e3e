import { contentSecurityPolicy } from '../backend/services/platform/content-security-policy';
import { BrowserWindow, session, type WebContents } from 'electron';
import {
  isAllowedNavigation,
  isAllowedPermission,
  isAllowedPermissionCheck,
  windowOpenDecision,
  webPreferencesFor,
} from './security';

/**
 * Permission handlers and the dev-server CSP on the default session. Once per app run, not per
 * window: the session outlives windows that macOS closes and reopens.
 */
export function hardenSession(devServerUrl: string | null): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(
      isAllowedPermission(permission, details.requestingUrl || webContents.getURL(), { mediaTypes }, devServerUrl),
    );
  });
  ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) =>
    isAllowedPermissionCheck(permission, requestingOrigin, details.mediaType, devServerUrl),
  );
  if (devServerUrl) {
    // The dev server does not send our CSP; add it so development matches production.
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: {
          ...details.responseHeaders,
          'Content-Security-Policy': [contentSecurityPolicy({ devServerUrl })],
        },
      });
    });
  }
}

/**
 * Navigation, pop-up and webview guards. Applied from `web-contents-created` so every web
 * contents gets them, not only the ones this file creates.
 */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(contents.getURL(), url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(contents.getURL(), url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(windowOpenDecision);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function createMainWindow(preloadPath: string, url: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Postmortem Coach',
    backgroundColor: '#0f1419',
    webPreferences: webPreferencesFor(preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  return win;
}
