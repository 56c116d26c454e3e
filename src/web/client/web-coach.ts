import type { CoachBridge } from '../../shared/contract';
import type { Result } from '../../shared/contract-types';
import { decodeWire, encodeWire } from '../../shared/wire';

type Listener = (payload: unknown) => void;

/**
 * `window.coach` for the web shell: the same typed API as the Electron preload, spoken over HTTP
 * (calls) and Server-Sent Events (events) to the loopback server that served this page.
 */
export function createWebCoach(token: string, base = ''): CoachBridge {
  const listeners = new Map<string, Set<Listener>>();
  let source: EventSource | null = null;

  const connect = (): void => {
    if (source) return;
    source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message: MessageEvent<string>) => {
      const { event, payload } = decodeWire(message.data) as { event: string; payload: unknown };
      for (const listener of listeners.get(event) ?? []) listener(payload);
    };
  };

  const invoke = async (channel: string, input: unknown): Promise<Result<unknown>> => {
    let response: Response;
    try {
      response = await fetch(`${base}/api/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-coach-token': token },
        body: encodeWire({ channel, input }),
      });
    } catch {
      return {
        ok: false,
        error: {
          code: 'offline',
          message: 'The Postmortem Coach back end is not reachable. Is "npm run web" still running?',
        },
      };
    }
    const text = await response.text();
    if (response.status === 401 || response.status === 403) {
      return {
        ok: false,
        error: {
          code: 'forbidden',
          message: 'The back end refused this page: reopen the URL that "npm run web" printed.',
        },
      };
    }
    try {
      return decodeWire(text) as Result<unknown>;
    } catch {
      return {
        ok: false,
        error: { code: 'internal', message: `Unexpected answer from the back end (HTTP ${response.status}).` },
      };
    }
  };

  return {
    shell: 'web',
    invoke: invoke as CoachBridge['invoke'],
    on: (event, listener) => {
      connect();
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      return () => {
        set.delete(listener as Listener);
      };
    },
  };
}
