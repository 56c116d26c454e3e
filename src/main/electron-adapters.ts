import { BrowserWindow, dialog, utilityProcess } from 'electron';
import type { PdfRenderer, SaveDialog } from './services/export/ports';
import type { WorkerSpawner } from './services/whisper/spawner';
import type { HostToWorker, WorkerToHost } from './services/whisper/protocol';

/**
 * Electron implementations of the small ports the back-end services take. Services never import
 * electron; the shell hands them these.
 */

/** The transcriber worker as an Electron utilityProcess (a native crash can't take the app down). */
export function utilityProcessSpawner(entry: string): WorkerSpawner {
  return () => {
    const child = utilityProcess.fork(entry, [], { serviceName: 'Postmortem Coach transcriber', stdio: ['ignore', 'ignore', 'inherit'] });
    let exited = false;
    return {
      get pid() {
        return child.pid;
      },
      postMessage(message: HostToWorker) {
        if (!exited) child.postMessage(message);
      },
      onMessage(listener: (message: WorkerToHost) => void) {
        child.on('message', (m: unknown) => listener(m as WorkerToHost));
      },
      onExit(listener) {
        child.on('exit', (code) => {
          if (exited) return;
          exited = true;
          listener(code, null);
        });
      },
      kill() {
        if (!exited) child.kill();
      },
    };
  };
}

export function electronSaveDialog(getWindow: () => BrowserWindow | null): SaveDialog {
  return {
    choose: async (request) => {
      const win = getWindow();
      const options = { defaultPath: request.defaultName, filters: request.filters, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      // The native dialog asks before replacing a file (showOverwriteConfirmation on Linux; always elsewhere).
      return { path: result.filePath, overwriteConfirmed: true };
    },
  };
}

export function electronOpenDialog(
  getWindow: () => BrowserWindow | null,
  title: string,
  filters: { name: string; extensions: string[] }[],
): () => Promise<string | null> {
  return async () => {
    const win = getWindow();
    const options = { title, filters, properties: ['openFile' as const] };
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}

/** Prints HTML with Chromium's own PDF engine in a hidden, sandboxed, script-less window. */
export const electronPdfRenderer: PdfRenderer = {
  name: 'Electron printToPDF',
  availability: async () => ({ available: true }),
  render: async (html) => {
    const win = new BrowserWindow({
      show: false,
      // Its own in-memory session, so blocking requests here never touches the app's page.
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, partition: 'coach-pdf-export' },
    });
    try {
      // The exported HTML is self-contained (inline CSS and SVG), so no request leaves the window.
      win.webContents.session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*'] }, (_details, callback) => callback({ cancel: true }));
      await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
      const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true });
      return new Uint8Array(pdf.buffer.slice(pdf.byteOffset, pdf.byteOffset + pdf.byteLength) as ArrayBuffer);
    } finally {
      win.destroy();
    }
  },
};
