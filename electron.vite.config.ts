import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // The transcriber runs in its own process (utilityProcess): a native crash can't take the app down.
          worker: resolve('src/backend/services/whisper/worker.ts'),
          // Long transcripts are analysed on a worker thread, off the back end's event loop.
          'analysis-worker': resolve('src/backend/services/analysis/analysis-worker.ts'),
        },
        // V8 keeps a module's source for as long as the module lives, two bytes a character if a
        // single one is outside Latin-1: the engine's chunk (8.7 MB, mostly its models) held 17 MB
        // for a handful of dashes and quotes in its comments and messages.
        output: { charset: 'ascii', comments: { legal: true, annotation: true, jsdoc: false } },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // Sandboxed preloads cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/renderer/index.html'),
          // The web shell's window.coach client; unused (never loaded) inside Electron.
          'web-client': resolve('src/web/client/index.ts'),
        },
        output: {
          entryFileNames: (chunk) => (chunk.name === 'web-client' ? 'web-client.js' : 'assets/[name]-[hash].js'),
        },
      },
    },
  },
});
