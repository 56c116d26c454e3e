import { formatClock } from '../../core/practice/recording-limits';
import type { HandlersFor } from '../../shared/contract';
import type { InterruptedRecording } from '../../shared/channels/recording';
import type { RecordingService } from '../services/recording/recording-service';

/**
 * `ready` resolves once start-up recovery has repaired takes a crash left behind; every call waits
 * for it so a resumed or listed take is never half-repaired.
 */
export function recordingHandlers(
  service: RecordingService,
  ready: Promise<InterruptedRecording[]>,
): HandlersFor<'recording.'> {
  const noticed = new Set<string>();
  return {
    'recording.start': async (input, ctx) => {
      await ready;
      return service.start(input, ctx.emit);
    },
    'recording.chunk': async (input) => {
      await ready;
      return service.chunk(input);
    },
    'recording.stop': async (input) => {
      await ready;
      return service.stop(input);
    },
    'recording.cancel': async (input) => {
      await ready;
      return service.cancel(input);
    },
    // (The recording screen itself tells the user the take was resumed after a restart.)
    'recording.resume': async (input) => {
      await ready;
      return service.resume(input);
    },
    'recording.interrupted': async (_input, ctx) => {
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
