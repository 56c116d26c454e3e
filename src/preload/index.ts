import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CoachBridge } from '../shared/contract';

// Sandboxed preloads can't import app modules at run time: only types come from the contract.
const INVOKE_CHANNEL = 'coach:invoke';
const EVENT_CHANNEL = 'coach:event';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const coach: CoachBridge = {
  shell: 'electron',
  invoke: (channel, input) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, input),
  on: (event, listener) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener as Listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener as Listener);
    };
  },
};

contextBridge.exposeInMainWorld('coach', coach);
