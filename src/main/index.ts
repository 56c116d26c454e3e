import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, Menu } from 'electron';
import { createBackend, type Backend } from '../backend/backend';
import { electronOpenDialog, utilityProcessSpawner } from './electron-adapters';
import { electronPdfRenderer, electronSaveDialog } from './export-electron';
import { wireIpc } from './ipc';
import { bringToFront, needsNewWindow, quitsWhenAllWindowsClosed } from './lifecycle';
import { menuTemplate } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { rendererEntry } from './renderer-entry';
import { defaultDataDir } from '../backend/services/platform/data-dir';
import { createMainWindow, guardWebContents, hardenSession } from './window';

// One instance only: two would write the same session files. The second launch hands over to the
// first (its `second-instance` event) and exits before touching anything.
if (app.requestSingleInstanceLock()) start();
else app.quit();

function start(): void {
  registerAppScheme();

  const entry = rendererEntry({
    isPackaged: app.isPackaged,
    devBuild: import.meta.env.DEV,
    envUrl: process.env.ELECTRON_RENDERER_URL,
  });
  if (entry.refused !== null) console.warn(`[coach] ${entry.refused}`);
  const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
  const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
  const transcriberWorker = fileURLToPath(new URL('./worker.js', import.meta.url));
  let mainWindow: BrowserWindow | null = null;
  let backend: Backend | null = null;
  let disposal: Promise<void> | null = null;

  const openMainWindow = (): void => {
    const win = createMainWindow(preloadPath, entry.url);
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    mainWindow = win;
  };
  const openIfNone = (): void => {
    if (needsNewWindow({ ready: app.isReady(), openWindows: BrowserWindow.getAllWindows().length })) openMainWindow();
  };

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('second-instance', () => {
    if (!bringToFront(mainWindow)) openIfNone();
  });
  app.on('activate', openIfNone);
  app.on('window-all-closed', () => {
    if (quitsWhenAllWindowsClosed(process.platform)) app.quit();
  });
  // The back end outlives windows on macOS, so it is disposed when the app quits, not when the
  // last window closes: quitting waits for recordings to be flushed and the transcriber to stop.
  app.on('will-quit', (event) => {
    if (backend === null) return;
    event.preventDefault();
    disposal ??= backend
      .dispose()
      .catch((error: unknown) => console.error('[coach] shutting the back end down failed', error))
      .finally(() => {
        backend = null;
        app.quit();
      });
  });

  void app.whenReady().then(() => {
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, { developer: !app.isPackaged })));
    hardenSession(entry.devServerUrl);
    const dataDir = defaultDataDir(process.platform, process.env, os.homedir());
    backend = createBackend({
      dataDir,
      shell: 'electron',
      electronVersion: process.versions.electron ?? null,
      chromeVersion: process.versions.chrome ?? null,
      chooseAudioFile: electronOpenDialog(() => mainWindow, 'Import a recording', [
        { name: 'Audio', extensions: ['wav', 'mp3', 'flac'] },
      ]),
      chooseModelFile: electronOpenDialog(() => mainWindow, 'Import a Whisper or VAD model', [
        { name: 'ggml model', extensions: ['bin'] },
      ]),
      saveDialog: electronSaveDialog(() => mainWindow),
      pdfRenderer: electronPdfRenderer(),
      transcriberSpawner: utilityProcessSpawner(transcriberWorker),
    });
    serveRenderer(rendererDir);
    wireIpc(backend, () => mainWindow, entry.devServerUrl);
    openMainWindow();
  });
}
