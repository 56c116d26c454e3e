import type { Contract, Events } from '../../shared/contract';
import type { ChannelName, CoachErrorInfo, EventPayload, InputOf, OutputOf } from '../../shared/contract-types';

/** A failed call, carrying the back end's typed error so views can show its message. */
export class CallError extends Error {
  readonly info: CoachErrorInfo;
  constructor(info: CoachErrorInfo) {
    super(info.message);
    this.info = info;
  }
}

/** Calls a channel and unwraps its Result; stores catch CallError and keep the message for the UI. */
export async function call<K extends ChannelName<Contract>>(
  channel: K,
  input: InputOf<Contract, K>,
): Promise<OutputOf<Contract, K>> {
  const result = await window.coach.invoke(channel, input);
  if (!result.ok) throw new CallError(result.error);
  return result.value;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A failure as the back end's typed error, so a view can switch on its code. */
export function errorInfoOf(error: unknown): CoachErrorInfo {
  return error instanceof CallError ? error.info : { code: 'internal', message: messageOf(error) };
}

/** Analyses (and first transcribes, if needed) a stored take, reporting its progress events meanwhile. */
export async function analyseStoredTake(
  sessionId: string,
  onProgress: (progress: EventPayload<Events, 'analysis.progress'>) => void,
): Promise<void> {
  const off = window.coach.on('analysis.progress', (p) => {
    if (p.sessionId === sessionId) onProgress(p);
  });
  try {
    await call('analysis.run', { sessionId });
  } finally {
    off();
  }
}
