import { formatClock } from '../../core/practice/recording-limits';
import type { Events } from '../../shared/contract';
import type { HandlerContext } from '../../shared/contract-types';
import type { InterruptedRecording } from '../../shared/channels/recording';
import type { RecordingService, TakeSetup } from '../services/recording/recording-service';

type Ctx = HandlerContext<Events>;

/**
 * `ready` resolves once start-up recovery has repaired takes a crash left behind; every call waits
 * for it so a resumed or listed take is never half-repaired.
 */
export function recordingHandlers(service: RecordingService, ready: Promise<InterruptedRecording[]>) {
  const noticed = new Set<string>();
  return {
    start: async (input: TakeSetup & { livePacing: boolean }, ctx: Ctx) => {
      await ready;
      return service.start(input, ctx.emit);
    },
    chunk: async (input: { sessionId: string; offsetSamples: number; pcm: Uint8Array }) => {
      await ready;
      return service.chunk(input);
    },
    stop: async (input: { sessionId: string; endedBy: 'user' | 'hard_cap' | 'device_lost' }) => {
      await ready;
      return service.stop(input);
    },
    cancel: async (input: { sessionId: string; keep: boolean }) => {
      await ready;
      return service.cancel(input);
    },
    // (The recording screen itself tells the user the take was resumed after a restart.)
    resume: async (input: { sessionId: string }) => {
      await ready;
      return service.resume(input);
    },
    interrupted: async (_input: Record<string, never>, ctx: Ctx) => {
      await ready;
      const recordings = await service.listInterrupted();
      // Announce each recovered take once per run; the list stays available until it is handled.
      for (const r of recordings) {
        if (noticed.has(r.session.id)) continue;
        noticed.add(r.session.id);
        ctx.emit('app.notice', {
          level: 'warning',
          message: `A recording was interrupted (${r.session.story}, ${formatClock(r.recoveredSec)} saved). It was repaired and can be analysed.`,
        });
      }
      return { recordings };
    },
  };
}
