/**
 * What the exporter needs from its shell, as small interfaces so the service runs under plain Node
 * (CLI, web shell, tests) and the Electron shell plugs in its own implementations:
 *  - PdfRenderer: Electron prints with `webContents.printToPDF`; Node uses headless Chromium.
 *  - SaveDialog: Electron asks with `dialog.showSaveDialog`; the web shell has none (the browser
 *    downloads the bytes instead) and the CLI takes `-o FILE`.
 */

export interface PdfRenderer {
  /** Shown in errors and `coach doctor`, e.g. "headless Chromium (/usr/bin/chromium)". */
  readonly name: string;
  /** Whether rendering can work here; `reason` explains how to fix it when not. */
  availability(): Promise<{ available: true } | { available: false; reason: string }>;
  /** Prints a self-contained HTML document to PDF bytes. */
  render(html: string): Promise<Uint8Array<ArrayBuffer>>;
}

export interface SaveRequest {
  /** Suggested file name (no folder), e.g. "fraud-model-2026-03-14.pdf". */
  defaultName: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

export interface SaveChoice {
  /** Absolute path the user chose. */
  path: string;
  /**
   * True when the dialog itself asked the user to confirm replacing an existing file (the native
   * dialogs do). When false and the file exists, the exporter asks the UI to confirm first.
   */
  overwriteConfirmed: boolean;
}

export interface SaveDialog {
  /** Resolves to null when the user cancels. */
  choose(request: SaveRequest): Promise<SaveChoice | null>;
}
