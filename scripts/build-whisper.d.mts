/** Types of what tests import from build-whisper.mjs. */
export function cpuKey(): { model: string; flagsHash: string };
