import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full collection of this thread's heap, run when a job has been answered. A thread that
 * analyses long takes and encodes their sentences is idle between jobs, and an idle V8 heap runs
 * no major collection: what a job left behind (tens of megabytes: the encoder's copies of its
 * weights as it loaded them, an analysis's intermediate arrays) stays resident until the next
 * job fills the heap. V8 offers the collection only to code started with `--expose-gc`, a flag a
 * worker thread cannot be given; set at run time it reaches contexts created after it, so the
 * function is taken from a fresh one.
 */
export function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
