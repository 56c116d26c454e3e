import type { BackendHandlers } from '../shared/contract';
import type { ShellKind } from '../shared/contract-types';
import { aboutHandler } from './handlers/app';
import { historyHandlers } from './handlers/history';
import { resultsHandlers } from './handlers/results';
import { sessionsHandlers } from './handlers/sessions';
import { HistoryService } from './services/history/history-service';
import { PlaybackService } from './services/playback/playback-service';
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
  services: { sessions: SessionStore; history: HistoryService; playback: PlaybackService };
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
  const history = new HistoryService(sessions);
  const playback = new PlaybackService(sessions);
  const results = resultsHandlers(sessions, playback);
  const historyApi = historyHandlers(history);
  const handlers: BackendHandlers = {
    'app.about': aboutHandler(options),
    'sessions.list': sessionHandlers.list,
    'results.get': results.get,
    'results.audio': results.audio,
    'results.audioChunk': results.audioChunk,
    'history.list': historyApi.list,
    'history.rename': historyApi.rename,
    'history.delete': historyApi.remove,
    'history.restore': historyApi.restore,
    'history.purge': historyApi.purge,
  };
  return {
    handlers,
    services: { sessions, history, playback },
    dispose: async () => {},
  };
}
