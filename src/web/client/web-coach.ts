import type { CoachBridge } from '../../shared/contract';
import type { CoachErrorInfo, Result } from '../../shared/contract-types';
import { decodeWire, encodeWire } from '../../shared/wire';
import { TOKEN_HEADER } from '../launch-fragment';
import { SseParser } from './sse';

type Listener = (payload: unknown) => void;

const OFFLINE: CoachErrorInfo = {
  code: 'offline',
  message: 'The Postmortem Coach back end is not reachable. Is "npm run web" still running?',
};

const FORBIDDEN: CoachErrorInfo = {
  code: 'forbidden',
  message:
    'This page has no access to the Postmortem Coach back end: open the address that "npm run web" printed in the terminal (it ends in #token=…).',
};

/** After this page has been served, a refusal means the back end started again with a new token. */
const RESTARTED_REFUSED: CoachErrorInfo = {
  code: 'forbidden',
  message: 'Postmortem Coach was restarted: open the new address printed in the terminal (each start has its own).',
};

/** After this page has been served, silence means the back end stopped or restarted on another port. */
const RESTARTED_OFFLINE: CoachErrorInfo = {
  code: 'offline',
  message:
    'Postmortem Coach stopped answering: it was stopped or restarted. If it runs again, open the new address printed in the terminal; if not, start it with "npm run web".',
};

/** Reconnection delays of the event stream: quick after a blip, then no busier than every 3 s. */
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 3_000;

export interface WebCoachOptions {
  /** Prefix of the API paths; '' for the server that served the page. */
  base?: string;
  /** Ends the event stream for good (a page never does; tests and embedders do). */
  signal?: AbortSignal;
}

function isRefusal(status: number): boolean {
  return status === 401 || status === 403;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * `window.coach` for the web shell: the same typed API as the Electron preload, spoken over HTTP to
 * the loopback server that served this page: calls as POSTs, events as a Server-Sent Events stream
 * read with fetch() (EventSource can't send the token header). `token` null: the page was opened
 * without one, so every call fails as `forbidden` without asking the server.
 */
export function createWebCoach(token: string | null, options: WebCoachOptions = {}): CoachBridge {
  const base = options.base ?? '';
  const { signal } = options;
  const listeners = new Map<string, Set<Listener>>();
  let streaming = false;
  // Once refused, every later call will be too (the token can't change under a running page).
  let refusedOnce = token === null;
  // Whether the back end ever accepted this page: then a refusal or silence means it restarted.
  let served = false;
  const refusal = (): CoachErrorInfo => (served ? RESTARTED_REFUSED : FORBIDDEN);

  const deliverTo = (listener: Listener, payload: unknown): void => {
    try {
      listener(payload);
    } catch (error) {
      // One faulty listener must not cut the stream for the others; still report it as uncaught.
      setTimeout(() => {
        throw error;
      });
    }
  };

  const deliver = (event: string, payload: unknown): void => {
    for (const listener of listeners.get(event) ?? []) deliverTo(listener, payload);
  };

  // Views show a refused call where they show errors; this notice says it app-wide and stays.
  let refusalNotice = { level: 'error', message: FORBIDDEN.message };
  const refused = (): void => {
    if (refusedOnce) return;
    refusedOnce = true;
    refusalNotice = { level: 'error', message: refusal().message };
    deliver('app.notice', refusalNotice);
  };

  const readStream = async (body: ReadableStream<Uint8Array>): Promise<void> => {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (const frame of parser.feed(decoder.decode(value, { stream: true }))) {
        if (frame.event !== 'message') continue;
        const { event, payload } = decodeWire(frame.data) as { event: string; payload: unknown };
        deliver(event, payload);
      }
    }
  };

  const connect = (): void => {
    if (streaming || token === null) return;
    streaming = true;
    void (async () => {
      let delay = RETRY_FIRST_MS;
      while (!signal?.aborted) {
        try {
          const response = await fetch(`${base}/api/events`, {
            headers: { [TOKEN_HEADER]: token },
            signal: signal ?? null,
          });
          if (isRefusal(response.status)) {
            // The same token will be refused again: stop, as EventSource did on an error status.
            refused();
            return;
          }
          if (response.ok && response.body) {
            served = true;
            delay = RETRY_FIRST_MS;
            await readStream(response.body);
          }
        } catch {
          // The back end stopped or restarted: reconnect below, as EventSource would.
        }
        await sleep(delay);
        delay = Math.min(delay * 2, RETRY_MAX_MS);
      }
    })();
  };

  const invoke = async (channel: string, input: unknown): Promise<Result<unknown>> => {
    if (token === null) {
      refused();
      return { ok: false, error: FORBIDDEN };
    }
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${base}/api/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: encodeWire({ channel, input }),
      });
      text = await response.text();
    } catch {
      return { ok: false, error: served ? RESTARTED_OFFLINE : OFFLINE };
    }
    if (isRefusal(response.status)) {
      refused();
      return { ok: false, error: refusal() };
    }
    served = true;
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
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      connect();
      if (refusedOnce && event === 'app.notice') {
        // After on() returns, as a streamed event would arrive: the listener may reference its unsubscribe.
        queueMicrotask(() => {
          if (set.has(listener as Listener)) deliverTo(listener as Listener, refusalNotice);
        });
      }
      return () => {
        set.delete(listener as Listener);
      };
    },
  };
}
