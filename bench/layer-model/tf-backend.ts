/**
 * The TensorFlow.js backend every trainer here runs on: wasm (TFJS_BACKEND overrides it), on
 * both of the project's cores. Set up once per process, whichever trainer asks first.
 */
import * as tf from '@tensorflow/tfjs';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';

let ready: Promise<void> | null = null;

export function backend(): Promise<void> {
  ready ??= (async () => {
    setThreadsCount(2);
    await tf.setBackend(process.env.TFJS_BACKEND ?? 'wasm');
    await tf.ready();
  })();
  return ready;
}
