import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests that feed audio to live transcription in real time: beside a full parallel run on two
 * cores the engine falls behind the clock they keep. They run on their own as a second step
 * (vitest.realtime.config.ts), with the same assertions.
 */
export const REALTIME_TESTS = ['tests/unit/whisper/streaming.test.ts'];

export const SHARED_TEST_OPTIONS = { environment: 'node', testTimeout: 30_000, hookTimeout: 60_000 } as const;

export default defineConfig({
  test: {
    ...SHARED_TEST_OPTIONS,
    include: ['tests/unit/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...REALTIME_TESTS],
  },
});
