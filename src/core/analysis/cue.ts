import type { Cue } from './cues';
import type { Layer } from './layers';
import { phrase } from './normalize';

/**
 * A phrase cue or a frame from its pattern; `before` and `notBefore` become look-back tests on
 * the words just before a match (see Cue).
 */
export function cue(
  id: string,
  layer: Layer,
  weight: number,
  pattern: string,
  why: string,
  context: { before?: string; notBefore?: string } = {},
): Cue {
  return {
    id,
    layer,
    weight,
    re: phrase(pattern),
    why,
    ...(context.before !== undefined ? { before: new RegExp(`${context.before}$`, 'i') } : {}),
    ...(context.notBefore !== undefined ? { notBefore: new RegExp(`${context.notBefore}$`, 'i') } : {}),
  };
}
