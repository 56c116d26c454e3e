import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full collection of this thread's heap. A thread that analyses long takes and encodes their
 * sentences is idle between jobs, and an idle V8 heap runs no major collection: what a job left
 * behind (tens of megabytes: the encoder's copies of its weights as it loaded them, an analysis's
 * intermediate arrays) stays resident until the next job fills the heap. V8 offers the collection
 * only to code started with `--expose-gc`, a flag a worker thread cannot be given; set at run time
 * it reaches contexts created after it, so the function is taken from a fresh one. Where a runtime
 * refuses the flag, nothing is collected early and every job runs as before.
 */
export function garbageCollector(): () => void {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    if (typeof gc === 'function') return () => void gc();
  } catch {
    // The heap is then collected when V8 decides, as without this function.
  }
  return () => {};
}

/**
 * How long the analysis thread waits with no job before it collects: a job answered this long ago
 * with none since means the take's partials have stopped. The memory bench waits it out too.
 */
export const THREAD_QUIET_MS = 5_000;

/** What the thread tells its collector: a job came in, a job was answered. */
export interface QuietCollector {
  jobStarted(): void;
  jobAnswered(): void;
}

/**
 * Runs `collect` once no job has been in hand for `quietMs`. While the user records with live
 * pacing, a partial transcript arrives every few seconds and is encoded and analysed; a full
 * collection after each would take 10-30 ms of a core that live transcription is using, and the
 * next partial would leave as much garbage again. What is left is collected once, when the jobs
 * stop (the take ended, or the user is reading the results).
 */
export function collectWhenQuiet(collect: () => void, quietMs: number): QuietCollector {
  let inHand = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return {
    jobStarted() {
      inHand++;
      cancel();
    },
    jobAnswered() {
      inHand--;
      // No collection is pending here: every job that came in since the last one cancelled it.
      if (inHand > 0) return;
      timer = setTimeout(() => {
        timer = null;
        collect();
      }, quietMs);
      // A pending collection never keeps a thread alive that has nothing else to do.
      timer.unref();
    },
  };
}
