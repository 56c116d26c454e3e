import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { HostToWorker, WorkerToHost } from './protocol';

/**
 * The transcriber host only needs this much of a process, so the Electron shell can hand it an
 * Electron `utilityProcess` while Node (CLI, web shell, tests) uses `child_process.fork`.
 */
export interface WorkerProcess {
  readonly pid: number | undefined;
  postMessage(message: HostToWorker): void;
  onMessage(listener: (message: WorkerToHost) => void): void;
  /** Called once when the process is gone, for whatever reason. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}

export type WorkerSpawner = () => WorkerProcess;

/** Where the worker entry is: the .ts source under tsx/vitest, or a built .js next to this file. */
function defaultWorkerEntry(): string {
  const here = fileURLToPath(import.meta.url);
  const ext = path.extname(here);
  return path.join(path.dirname(here), `worker${ext === '.ts' ? '.ts' : '.js'}`);
}

export interface ForkSpawnerOptions {
  entry?: string;
  env?: NodeJS.ProcessEnv;
  /** Where the worker's stderr goes (whisper.cpp writes diagnostics there). Default: inherit. */
  stderr?: 'inherit' | 'ignore';
}

/** child_process.fork with structured-clone IPC (so Int16Array audio passes without base64). */
export function forkSpawner(options: ForkSpawnerOptions = {}): WorkerSpawner {
  const entry = options.entry ?? defaultWorkerEntry();
  // A .ts entry (development, tests) needs the tsx loader in the child.
  const execArgv = entry.endsWith('.ts')
    ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href]
    : [];
  return () => {
    const child = fork(entry, [], {
      execArgv,
      serialization: 'advanced',
      env: options.env ?? process.env,
      stdio: ['ignore', 'ignore', options.stderr ?? 'inherit', 'ipc'],
    });
    let exited = false;
    return {
      get pid() {
        return child.pid;
      },
      postMessage(message) {
        if (!exited && child.connected) child.send(message);
      },
      onMessage(listener) {
        child.on('message', (m) => listener(m as WorkerToHost));
      },
      onExit(listener) {
        const done = (code: number | null, signal: NodeJS.Signals | null) => {
          if (exited) return;
          exited = true;
          listener(code, signal);
        };
        child.on('exit', done);
        child.on('error', () => done(null, null));
      },
      kill() {
        if (!exited) child.kill('SIGKILL');
      },
    };
  };
}
