import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow } from 'electron';
import { createBackend } from './backend';
import { electronOpenDialog, utilityProcessSpawner } from './electron-adapters';
import { electronPdfRenderer, electronSaveDialog } from './export-electron';
import { wireIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { defaultDataDir } from './services/platform/data-dir';
import { createMainWindow } from './window';

// One instance only: two would write the same session files.
if (!app.requestSingleInstanceLock()) app.quit();

registerAppScheme();

const devServerUrl = process.env.ELECTRON_RENDERER_URL ?? null;
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const transcriberWorker = fileURLToPath(new URL('./worker.js', import.meta.url));
let mainWindow: BrowserWindow | null = null;

void app.whenReady().then(() => {
  const dataDir = defaultDataDir(process.platform, process.env, os.homedir());
  const backend = createBackend({
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
  wireIpc(backend, () => mainWindow, devServerUrl);
  mainWindow = createMainWindow(preloadPath, devServerUrl);
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => {
    void backend.dispose().finally(() => app.quit());
  });
});
