import os from 'node:os';

/** whisper.cpp scales to about 8 threads; past the core count it only adds contention. */
export function defaultThreads(cores: number = os.availableParallelism()): number {
  return Math.max(1, Math.min(8, cores));
}

/**
 * Whisper drops disfluencies unless its context shows them: a short prompt that contains fillers
 * keeps many "um"/"uh"/"like" (delivery metrics count them). Kept short on purpose: long prompts
 * cause lost text and repetition loops.
 */
export const DEFAULT_FILLER_PROMPT = 'Um, so, uh, the incident, like, I mean, we- we paged the on-call.';

export const DEFAULT_LANGUAGE = 'en';
export const SAMPLE_RATE = 16000;
