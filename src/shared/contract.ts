import { appChannels } from './channels/app';
import { historyChannels } from './channels/history';
import { resultsChannels } from './channels/results';
import { sessionsChannels } from './channels/sessions';
import { appEvents } from './events/app';
import type { CoachApi, Handlers } from './contract-types';

/**
 * The one map of every channel between UI and back end. Each area keeps its channels in
 * `channels/<area>.ts`; adding an area here makes its handlers mandatory in the back end.
 */
export const contract = {
  ...appChannels,
  ...sessionsChannels,
  ...resultsChannels,
  ...historyChannels,
};

export const events = {
  ...appEvents,
};

export type Contract = typeof contract;
export type Events = typeof events;
export type CoachBridge = CoachApi<Contract, Events>;
export type BackendHandlers = Handlers<Contract, Events>;
