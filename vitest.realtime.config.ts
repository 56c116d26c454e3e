import { defineConfig } from 'vitest/config';
import { REALTIME_TESTS, SHARED_TEST_OPTIONS } from './vitest.config.ts';

/** The real-time transcription tests alone (see vitest.config.ts for why). */
export default defineConfig({ test: { ...SHARED_TEST_OPTIONS, include: REALTIME_TESTS } });
