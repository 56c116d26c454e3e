import type { z } from 'zod';

/** One request/response channel: the UI sends `input`, the back end answers `output`. */
export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export type ChannelMap = Record<string, ChannelDef>;
export type EventMap = Record<string, z.ZodType>;

export type ChannelName<C extends ChannelMap> = Extract<keyof C, string>;
/** What the caller may pass (before parsing: defaults may still be missing). */
export type InputOf<C extends ChannelMap, K extends keyof C> = z.input<C[K]['input']>;
/** What a handler receives (after parsing). */
type ParsedInputOf<C extends ChannelMap, K extends keyof C> = z.output<C[K]['input']>;
export type OutputOf<C extends ChannelMap, K extends keyof C> = z.output<C[K]['output']>;
export type EventPayload<E extends EventMap, K extends keyof E> = z.output<E[K]>;

/** Error codes the UI can switch on; `message` is always written for the user. */
export type CoachErrorCode =
  | 'invalid_input'
  | 'unknown_channel'
  | 'not_found'
  | 'conflict'
  | 'unsupported'
  | 'no_speech'
  | 'model_invalid'
  | 'model_missing'
  | 'disk_full'
  | 'cancelled'
  | 'engine_crashed'
  | 'offline'
  | 'forbidden'
  /** The input is over a documented size or depth limit (the web shell answers HTTP 413). */
  | 'too_large'
  | 'internal';

export interface CoachErrorInfo {
  code: CoachErrorCode;
  message: string;
  /** For invalid_input: which fields failed and why. */
  issues?: { path: string; message: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CoachErrorInfo };

/** Passed to every handler: lets it push typed events to the UI that called it. */
export interface HandlerContext<E extends EventMap> {
  shell: ShellKind;
  emit<K extends Extract<keyof E, string>>(event: K, payload: EventPayload<E, K>): void;
}

export type ShellKind = 'electron' | 'web';

type Handler<C extends ChannelMap, E extends EventMap, K extends keyof C> = (
  input: ParsedInputOf<C, K>,
  ctx: HandlerContext<E>,
) => Promise<OutputOf<C, K>>;

/** One handler per channel: a missing one is a compile error. */
export type Handlers<C extends ChannelMap, E extends EventMap> = {
  [K in keyof C]: Handler<C, E, K>;
};

/** The object the renderer sees as `window.coach`, derived from the contract. */
export interface CoachApi<C extends ChannelMap, E extends EventMap> {
  invoke<K extends ChannelName<C>>(channel: K, input: InputOf<C, K>): Promise<Result<OutputOf<C, K>>>;
  on<K extends Extract<keyof E, string>>(event: K, listener: (payload: EventPayload<E, K>) => void): () => void;
  /** Which shell serves this renderer; the UI shows it but does not branch on it. */
  readonly shell: ShellKind;
}
