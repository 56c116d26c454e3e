import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { contract, type Events } from '../shared/contract';
import type { HandlerContext } from '../shared/contract-types';
import { createDispatcher } from '../shared/dispatch';
import type { Backend } from '../backend/backend';
import { isTrustedSender } from './security';

const INVOKE_CHANNEL = 'coach:invoke';
const EVENT_CHANNEL = 'coach:event';

/** Wires the contract onto one IPC channel; senders other than the app's own page are refused. */
export function wireIpc(backend: Backend, getWindow: () => BrowserWindow | null, devServerUrl: string | null): void {
  const dispatch = createDispatcher(contract, backend.handlers, (channel, error) => {
    console.error(`[coach] ${channel} failed unexpectedly`, error);
  });
  const ctx: HandlerContext<Events> = {
    shell: 'electron',
    emit: (event, payload) => {
      getWindow()?.webContents.send(EVENT_CHANNEL, event, payload);
    },
  };
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame?.url, frame !== null && frame === event.sender.mainFrame, devServerUrl)) {
      return { ok: false, error: { code: 'forbidden', message: 'This page may not talk to the back end.' } };
    }
    if (typeof channel !== 'string') {
      return { ok: false, error: { code: 'invalid_input', message: 'The channel name must be a string.' } };
    }
    return dispatch(channel, input, ctx);
  });
}
