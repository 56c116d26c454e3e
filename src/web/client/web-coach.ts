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

function deliverTo(listener: Listener, payload: unknown): void {
  try {
    listener(payload);
  } catch (error) {
    // One faulty listener must not cut the stream for the others; still report it as uncaught.
    setTimeout(() => {
      throw error;
    });
  }
}

/** A call's answer; text that isn't a wire-encoded result is the back end misbehaving. */
function decodeAnswer(status: number, text: string): Result<unknown> {
  try {
    return decodeWire(text) as Result<unknown>;
  } catch {
    return {
      ok: false,
      error: { code: 'internal', message: `Unexpected answer from the back end (HTTP ${status}).` },
    };
  }
}

/** One page's connection to the back end: its calls, its event stream and its listeners. */
class WebBridge {
  private readonly listeners = new Map<string, Set<Listener>>();
  private streaming = false;
  /** Once refused, every later call will be too (the token can't change under a running page). */
  private refusedOnce: boolean;
  /** Whether the back end ever accepted this page: then a refusal or silence means it restarted. */
  private served = false;
  /** Views show a refused call where they show errors; this notice says it app-wide and stays. */
  private refusalNotice = { level: 'error', message: FORBIDDEN.message };

  constructor(
    private readonly token: string | null,
    private readonly base: string,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.refusedOnce = token === null;
  }

  private refusal(): CoachErrorInfo {
    return this.served ? RESTARTED_REFUSED : FORBIDDEN;
  }

  private deliver(event: string, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) deliverTo(listener, payload);
  }

  private refused(): void {
    if (this.refusedOnce) return;
    this.refusedOnce = true;
    this.refusalNotice = { level: 'error', message: this.refusal().message };
    this.deliver('app.notice', this.refusalNotice);
  }

  private async readStream(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (const frame of parser.feed(decoder.decode(value, { stream: true }))) {
        if (frame.event !== 'message') continue;
        const { event, payload } = decodeWire(frame.data) as { event: string; payload: unknown };
        this.deliver(event, payload);
      }
    }
  }

  /** Reads the event stream, reconnecting after a drop, until refused or aborted. */
  private async streamEvents(token: string): Promise<void> {
    let delay = RETRY_FIRST_MS;
    while (!this.signal?.aborted) {
      try {
        const response = await fetch(`${this.base}/api/events`, {
          headers: { [TOKEN_HEADER]: token },
          signal: this.signal ?? null,
        });
        if (isRefusal(response.status)) {
          // The same token will be refused again: stop, as EventSource did on an error status.
          this.refused();
          return;
        }
        if (response.ok && response.body) {
          this.served = true;
          delay = RETRY_FIRST_MS;
          await this.readStream(response.body);
        }
      } catch {
        // The back end stopped or restarted: reconnect below, as EventSource would.
      }
      await sleep(delay);
      delay = Math.min(delay * 2, RETRY_MAX_MS);
    }
  }

  private connect(): void {
    if (this.streaming || this.token === null) return;
    this.streaming = true;
    void this.streamEvents(this.token);
  }

  async invoke(channel: string, input: unknown): Promise<Result<unknown>> {
    if (this.token === null) {
      this.refused();
      return { ok: false, error: FORBIDDEN };
    }
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.base}/api/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: this.token },
        body: encodeWire({ channel, input }),
      });
      text = await response.text();
    } catch {
      return { ok: false, error: this.served ? RESTARTED_OFFLINE : OFFLINE };
    }
    if (isRefusal(response.status)) {
      this.refused();
      return { ok: false, error: this.refusal() };
    }
    this.served = true;
    return decodeAnswer(response.status, text);
  }

  on(event: string, listener: Listener): () => void {
    const set = this.listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(event, set);
    this.connect();
    if (this.refusedOnce && event === 'app.notice') {
      // After on() returns, as a streamed event would arrive: the listener may reference its unsubscribe.
      queueMicrotask(() => {
        if (set.has(listener)) deliverTo(listener, this.refusalNotice);
      });
    }
    return () => {
      set.delete(listener);
    };
  }
}

/**
 * `window.coach` for the web shell: the same typed API as the Electron preload, spoken over HTTP to
 * the loopback server that served this page: calls as POSTs, events as a Server-Sent Events stream
 * read with fetch() (EventSource can't send the token header). `token` null: the page was opened
 * without one, so every call fails as `forbidden` without asking the server.
 */
export function createWebCoach(token: string | null, options: WebCoachOptions = {}): CoachBridge {
  const bridge = new WebBridge(token, options.base ?? '', options.signal);
  const invoke = (channel: string, input: unknown): Promise<Result<unknown>> => bridge.invoke(channel, input);
  return {
    shell: 'web',
    invoke: invoke as CoachBridge['invoke'],
    on: (event, listener) => bridge.on(event, listener as Listener),
  };
}
