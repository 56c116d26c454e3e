import { BrowserWindow, session } from 'electron';
import {
  APP_ORIGIN,
  contentSecurityPolicy,
  isAllowedNavigation,
  isAllowedPermission,
  isAllowedPermissionCheck,
  webPreferencesFor,
} from './security';

export function createMainWindow(preloadPath: string, devServerUrl: string | null): BrowserWindow {
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
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(win.webContents.getURL(), url)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(win.webContents.getURL(), url)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());

  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}
