/**
 * Desktop-lifecycle decisions of the Electron shell, kept free of Electron so they are unit-tested
 * under Node; index.ts wires them to the app's events.
 */

/** macOS apps stay running with no window (the Dock icon reopens one); elsewhere closing the last window quits. */
export function quitsWhenAllWindowsClosed(platform: NodeJS.Platform): boolean {
  return platform !== 'darwin';
}

/**
 * Whether to open a window on `activate` (Dock click) or when a second instance starts and no
 * window is left. Before `ready` the startup path opens the first window itself.
 */
export function needsNewWindow(state: { ready: boolean; openWindows: number }): boolean {
  return state.ready && state.openWindows === 0;
}

/** The part of BrowserWindow that bringing a window forward needs. */
export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * A second launch lands here instead of starting another app writing the same session files:
 * bring the existing window forward. Returns false when there is no window to show.
 */
export function bringToFront(win: FocusableWindow | null): boolean {
  if (win === null || win.isDestroyed()) return false;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  return true;
}
