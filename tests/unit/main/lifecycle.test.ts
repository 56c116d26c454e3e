import { describe, expect, it } from 'vitest';
import {
  bringToFront,
  needsNewWindow,
  quitsWhenAllWindowsClosed,
  type FocusableWindow,
} from '../../../src/main/lifecycle';

function fakeWindow(state: { minimized?: boolean; destroyed?: boolean } = {}) {
  const calls: string[] = [];
  const win: FocusableWindow = {
    isDestroyed: () => state.destroyed ?? false,
    isMinimized: () => state.minimized ?? false,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
  return { win, calls };
}

describe('desktop lifecycle', () => {
  it('keeps the app running with no window on macOS only', () => {
    expect(quitsWhenAllWindowsClosed('darwin')).toBe(false);
    expect(quitsWhenAllWindowsClosed('linux')).toBe(true);
    expect(quitsWhenAllWindowsClosed('win32')).toBe(true);
  });

  it('re-creates the window on activate only when the app is ready and none is open', () => {
    expect(needsNewWindow({ ready: true, openWindows: 0 })).toBe(true);
    expect(needsNewWindow({ ready: true, openWindows: 1 })).toBe(false);
    expect(needsNewWindow({ ready: false, openWindows: 0 })).toBe(false);
  });

  it('brings the existing window forward for a second instance, restoring it when minimized', () => {
    const minimized = fakeWindow({ minimized: true });
    expect(bringToFront(minimized.win)).toBe(true);
    expect(minimized.calls).toEqual(['restore', 'show', 'focus']);

    const shown = fakeWindow();
    expect(bringToFront(shown.win)).toBe(true);
    expect(shown.calls).toEqual(['show', 'focus']);
  });

  it('reports that there is no window to bring forward when it was closed', () => {
    expect(bringToFront(null)).toBe(false);
    const destroyed = fakeWindow({ destroyed: true });
    expect(bringToFront(destroyed.win)).toBe(false);
    expect(destroyed.calls).toEqual([]);
  });
});
