import type { BackendHandlers } from '../shared/contract';
import type { ShellKind } from '../shared/contract-types';
import { aboutHandler } from './handlers/app';
import { sessionsHandlers } from './handlers/sessions';
import { SessionStore } from './services/sessions/session-store';

export interface BackendOptions {
  dataDir: string;
  shell: ShellKind;
  /** Versions the shell knows (Electron and Chrome only exist inside Electron). */
  electronVersion: string | null;
  chromeVersion: string | null;
}

export interface Backend {
  handlers: BackendHandlers;
  services: { sessions: SessionStore };
  dispose(): Promise<void>;
}

/**
 * The whole back end without Electron: both shells (Electron IPC and the web shell) create one
 * and route the contract's channels to `handlers`. The object literal below must list exactly
 * the contract's channels — a missing or extra one is a compile error.
 */
export function createBackend(options: BackendOptions): Backend {
  const sessions = new SessionStore(options.dataDir);
  const sessionHandlers = sessionsHandlers(sessions);
  const handlers: BackendHandlers = {
    'app.about': aboutHandler(options),
    'sessions.list': sessionHandlers.list,
  };
  return {
    handlers,
    services: { sessions },
    dispose: async () => {},
  };
}
