import { z } from 'zod';
import { isCoachError } from './coach-error';
import { jsonDepth, MAX_JSON_DEPTH } from './json-depth';
import type {
  ChannelDef,
  ChannelMap,
  CoachErrorInfo,
  EventMap,
  HandlerContext,
  Handlers,
  Result,
} from './contract-types';

export type Dispatch<E extends EventMap> = (
  channel: string,
  rawInput: unknown,
  ctx: HandlerContext<E>,
) => Promise<Result<unknown>>;

type UntypedHandler<E extends EventMap> = (input: unknown, ctx: HandlerContext<E>) => Promise<unknown>;

/** A maximum length, count or size in a schema is a documented limit, not a malformed request. */
function isSizeLimit(issue: z.core.$ZodIssue): boolean {
  if (issue.code === 'invalid_union') return issue.errors.some((branch) => branch.some(isSizeLimit));
  // A number over its range (a 4,000-second answer) is a wrong value, not an oversized input.
  if (issue.code === 'too_big')
    return issue.origin !== 'number' && issue.origin !== 'bigint' && issue.origin !== 'date';
  return issue.code === 'custom' && issue.params?.['sizeLimit'] === true;
}

function issuesOf(error: z.ZodError): CoachErrorInfo['issues'] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}

/**
 * Routes a call from either shell (Electron IPC or the web shell) to its handler. Every input is
 * parsed with its channel's schema first; every failure becomes a typed `Result`, never a throw,
 * so a bad message from the UI can't crash the back end.
 */
export function createDispatcher<C extends ChannelMap, E extends EventMap>(
  contract: C,
  handlers: Handlers<C, E>,
  onUnexpected: (channel: string, error: unknown) => void = () => {},
): Dispatch<E> {
  return async (channel, rawInput, ctx) => {
    if (!Object.hasOwn(contract, channel)) {
      return { ok: false, error: { code: 'unknown_channel', message: `There is no channel named "${channel}".` } };
    }
    // Past the membership check the channel is known; look it up through the untyped view once.
    const def = (contract as ChannelMap)[channel] as ChannelDef;
    // Before the schema: parsing and, later, encoding a deeply nested value recurse per level.
    if (jsonDepth(rawInput, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: `The request to "${channel}" is nested deeper than ${MAX_JSON_DEPTH} levels; nothing was done.`,
        },
      };
    }
    const parsed = def.input.safeParse(rawInput);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: parsed.error.issues.some(isSizeLimit) ? 'too_large' : 'invalid_input',
          message: `The request to "${channel}" was rejected: ${z.prettifyError(parsed.error)}`,
          issues: issuesOf(parsed.error),
        },
      };
    }
    try {
      const handler = (handlers as unknown as Record<string, UntypedHandler<E>>)[channel] as UntypedHandler<E>;
      const output = await handler(parsed.data, ctx);
      const checked = def.output.safeParse(output);
      if (!checked.success) {
        onUnexpected(channel, checked.error);
        return {
          ok: false,
          error: { code: 'internal', message: `The back end produced an invalid answer for "${channel}".` },
        };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (isCoachError(error)) return { ok: false, error: error.toInfo() };
      onUnexpected(channel, error);
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: `"${channel}" failed: ${detail}` } };
    }
  };
}
