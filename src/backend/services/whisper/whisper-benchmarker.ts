import type { ModelBenchmarker } from '../models/recommend';
import { cpuKey } from './cpu-key';
import { defaultNativeDir, nativeBuildProblem, prebuiltPackageName } from './load-addon';
import type { WorkerSpawner } from './spawner';
import { TranscriberHost } from './transcriber-host';

/**
 * The one-time per-machine bench behind the model manager's recommended default: how
 * fast each model transcribes here, in its own worker process (a model that crashes the engine
 * can't take the app down).
 *
 * It uses whisper.cpp's bench() rather than transcribing speech: the app ships no audio, and real
 * speech would need a real model to decode realistically. Streaming sends utterances of 8–25 s
 * (typically ~15 s), each encoded as one 30-s window, so the time for 15 s of speech is
 * encoder + prompt + 15 s × 3.3 tokens/s × per-token decode.
 */
export const BENCH_UTTERANCE_SEC = 15;
const TOKENS_PER_SPEECH_SEC = 3.3;

export interface WhisperBenchmarkerOptions {
  spawner?: WorkerSpawner;
  threads?: number;
}

export function createWhisperBenchmarker(options: WhisperBenchmarkerOptions = {}): ModelBenchmarker {
  return {
    async machineKey() {
      const native = nativeBuildProblem(defaultNativeDir());
      const build =
        native.problem === null
          ? `native ${native.info?.systemInfo ?? ''}`.trim()
          : `prebuilt ${prebuiltPackageName()}`;
      return `${cpuKey().model} | ${build}`;
    },
    async benchModel(modelFile, { signal }) {
      const host = new TranscriberHost({
        modelPath: modelFile,
        spawner: options.spawner,
        threads: options.threads,
      });
      const onAbort = () => void host.dispose();
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const r = await host.bench();
        if (signal?.aborted) throw new Error('bench cancelled');
        const ms = r.encodeMs + r.promptMs + BENCH_UTTERANCE_SEC * TOKENS_PER_SPEECH_SEC * r.decodeMs;
        return { audioSec: BENCH_UTTERANCE_SEC, processingSec: ms / 1000 };
      } finally {
        signal?.removeEventListener('abort', onAbort);
        await host.dispose();
      }
    },
  };
}
