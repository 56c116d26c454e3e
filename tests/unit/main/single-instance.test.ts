import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * One instance at a time (two would write the same session files): the Electron entry asks for
 * the single-instance lock before anything else. Electron can't run under Vitest, so the entry
 * module is loaded against a stand-in `app` that records what it is asked to do.
 */
interface FakeWindow {
  calls: string[];
  destroyed: boolean;
  closed?: () => void;
  on(event: string, listener: () => void): void;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

const state = vi.hoisted(() => ({
  lock: true,
  ready: false,
  quits: 0,
  listeners: new Map<string, (...args: unknown[]) => void>(),
  schemes: 0,
  windows: [] as FakeWindow[],
}));

vi.mock('electron', () => ({
  app: {
    requestSingleInstanceLock: () => state.lock,
    quit: () => void state.quits++,
    on: (event: string, listener: (...args: unknown[]) => void) => void state.listeners.set(event, listener),
    isReady: () => state.ready,
    // The back end and the first window start on `ready`; these tests drive the events themselves.
    whenReady: () => new Promise(() => {}),
    isPackaged: false,
  },
  BrowserWindow: { getAllWindows: () => state.windows.filter((w) => !w.destroyed) },
  Menu: {},
  protocol: { registerSchemesAsPrivileged: () => void state.schemes++ },
  dialog: {},
  ipcMain: {},
  session: {},
  utilityProcess: {},
}));

vi.mock('../../../src/main/window', () => ({
  createMainWindow: (): FakeWindow => {
    const win: FakeWindow = {
      calls: [],
      destroyed: false,
      on: (event, listener) => {
        if (event === 'closed') win.closed = listener;
      },
      isDestroyed: () => win.destroyed,
      isMinimized: () => true,
      restore: () => void win.calls.push('restore'),
      show: () => void win.calls.push('show'),
      focus: () => void win.calls.push('focus'),
    };
    state.windows.push(win);
    return win;
  },
  guardWebContents: () => {},
  hardenSession: () => {},
}));

async function launch(lock: boolean): Promise<void> {
  state.lock = lock;
  vi.resetModules();
  await import('../../../src/main/index');
}

beforeEach(() => {
  state.ready = false;
  state.quits = 0;
  state.listeners.clear();
  state.schemes = 0;
  state.windows.length = 0;
});

describe('single instance', () => {
  it('a second launch that does not get the lock quits before it touches anything', async () => {
    await launch(false);
    expect(state.quits).toBe(1);
    expect(state.listeners.size).toBe(0);
    expect(state.schemes).toBe(0);
    expect(state.windows).toEqual([]);
  });

  it('the first instance hands a second launch to its window: brought forward, or opened when none is left', async () => {
    await launch(true);
    expect(state.quits).toBe(0);
    const secondInstance = state.listeners.get('second-instance');
    if (!secondInstance) throw new Error('no second-instance listener');

    // Before `ready` the startup path opens the first window itself.
    secondInstance();
    expect(state.windows).toHaveLength(0);

    state.ready = true;
    secondInstance();
    expect(state.windows).toHaveLength(1);
    const first = state.windows[0] as FakeWindow;

    // The open (minimised) window is restored and focused; no second window appears.
    secondInstance();
    expect(state.windows).toHaveLength(1);
    expect(first.calls).toEqual(['restore', 'show', 'focus']);

    // Once it is closed, the next launch opens a new one.
    first.destroyed = true;
    first.closed?.();
    secondInstance();
    expect(state.windows).toHaveLength(2);
  });
});
