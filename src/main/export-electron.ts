/**
 * The Electron half of exporting (the back end's export service never imports electron):
 *  - `electronPdfRenderer()` prints the report with `webContents.printToPDF` in a hidden,
 *    sandboxed window with JavaScript off and every request except the report file cancelled;
 *  - `electronSaveDialog()` asks for the destination with the native save dialog.
 * Wire both into `createBackend({ …, pdfRenderer, saveDialog })` in index.ts.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, session, type SaveDialogOptions } from 'electron';
import type { PdfRenderer, SaveDialog } from '../backend/services/export/ports';

/** In-memory session (no "persist:" prefix) used only for printing reports. */
const PRINT_PARTITION = 'coach-export-print';

export function electronPdfRenderer(): PdfRenderer {
  return {
    name: 'Electron printToPDF',
    availability: async () => ({ available: true }),
    async render(html: string): Promise<Uint8Array<ArrayBuffer>> {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'coach-pdf-'));
      const file = path.join(dir, 'report.html');
      const fileUrl = pathToFileURL(file).href;
      await writeFile(file, html, 'utf8');
      const printSession = session.fromPartition(PRINT_PARTITION);
      // The report is self-contained; anything else it might ask for is refused.
      printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== fileUrl }));
      printSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
      const win = new BrowserWindow({
        show: false,
        webPreferences: {
          partition: PRINT_PARTITION,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          javascript: false,
          webSecurity: true,
          spellcheck: false,
        },
      });
      win.webContents.on('will-navigate', (event) => event.preventDefault());
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      try {
        await win.loadFile(file);
        const pdf = await win.webContents.printToPDF({
          printBackground: true,
          // Margins and page numbers come from the report's @page rules, as in headless Chromium.
          preferCSSPageSize: true,
          generateTaggedPDF: true,
          generateDocumentOutline: true,
        });
        return new Uint8Array(pdf);
      } finally {
        win.destroy();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

export function electronSaveDialog(getWindow: () => BrowserWindow | null): SaveDialog {
  return {
    async choose({ defaultName, filters }) {
      const options: SaveDialogOptions = {
        title: 'Export coached transcript',
        defaultPath: path.join(app.getPath('documents'), defaultName),
        filters,
        // macOS and Windows always confirm replacing a file; this makes GTK do the same.
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const win = getWindow();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      const extension = filters[0]?.extensions[0];
      if (extension && path.extname(result.filePath) === '') {
        // The user typed a bare name: add the extension; the dialog never saw (or confirmed) that file.
        return { path: `${result.filePath}.${extension}`, overwriteConfirmed: false };
      }
      return { path: result.filePath, overwriteConfirmed: true };
    },
  };
}
