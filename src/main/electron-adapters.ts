import { dialog, utilityProcess, type BrowserWindow } from 'electron';
import type { WorkerSpawner } from '../backend/services/whisper/spawner';
import type { HostToWorker, WorkerToHost } from '../backend/services/whisper/protocol';

/**
 * Electron implementations of the small ports the back-end services take (export has its own in
 * export-electron.ts). Services never import
 * electron; the shell hands them these.
 */

/** The transcriber worker as an Electron utilityProcess (a native crash can't take the app down). */
export function utilityProcessSpawner(entry: string): WorkerSpawner {
  return () => {
    const child = utilityProcess.fork(entry, [], {
      serviceName: 'Postmortem Coach transcriber',
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    let exited = false;
    return {
      get pid() {
        return child.pid;
      },
      postMessage(message: HostToWorker) {
        if (!exited) child.postMessage(message);
      },
      onMessage(listener: (message: WorkerToHost) => void) {
        child.on('message', (m: unknown) => listener(m as WorkerToHost));
      },
      onExit(listener) {
        child.on('exit', (code) => {
          if (exited) return;
          exited = true;
          listener(code, null);
        });
      },
      kill() {
        if (!exited) child.kill();
      },
    };
  };
}

export function electronOpenDialog(
  getWindow: () => BrowserWindow | null,
  title: string,
  filters: { name: string; extensions: string[] }[],
): () => Promise<string | null> {
  return async () => {
    const win = getWindow();
    const options = { title, filters, properties: ['openFile' as const] };
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
