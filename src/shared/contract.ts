import { analysisChannels } from './channels/analysis';
import { appChannels } from './channels/app';
import { documentsChannels } from './channels/documents';
import { exportChannels } from './channels/export';
import { historyChannels } from './channels/history';
import { importsChannels } from './channels/imports';
import { modelsChannels } from './channels/models';
import { recordingChannels } from './channels/recording';
import { resultsChannels } from './channels/results';
import { sessionsChannels } from './channels/sessions';
import { storiesChannels } from './channels/stories';
import { typedChannels } from './channels/typed';
import type { appEvents } from './events/app';
import type { modelsEvents } from './events/models';
import type { recordingEvents } from './events/recording';
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
  ...storiesChannels,
  ...recordingChannels,
  ...analysisChannels,
  ...typedChannels,
  ...importsChannels,
  ...exportChannels,
  ...modelsChannels,
  ...documentsChannels,
};

export type Contract = typeof contract;
export type Events = typeof appEvents & typeof recordingEvents & typeof modelsEvents;
export type CoachBridge = CoachApi<Contract, Events>;
export type BackendHandlers = Handlers<Contract, Events>;
/**
 * The handlers of the channels whose names start with `prefix` ('history.', 'models.upload'):
 * each area's module returns one, typed by the contract, and the back end spreads them together.
 */
export type HandlersFor<P extends string> = Pick<BackendHandlers, Extract<keyof BackendHandlers, `${P}${string}`>>;
