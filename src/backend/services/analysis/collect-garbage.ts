import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full collection of this thread's heap, run when a job has been answered. A thread that
 * analyses long takes and encodes their sentences is idle between jobs, and an idle V8 heap runs
 * no major collection: what a job left behind (tens of megabytes: the encoder's copies of its
 * weights as it loaded them, an analysis's intermediate arrays) stays resident until the next
 * job fills the heap. V8 offers the collection only to code started with `--expose-gc`, a flag a
 * worker thread cannot be given; set at run time it reaches contexts created after it, so the
 * function is taken from a fresh one. Where a runtime refuses the flag, nothing is collected
 * early and every job runs as before.
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
