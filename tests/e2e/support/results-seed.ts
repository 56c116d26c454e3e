import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Backend } from '../../../src/backend/backend';
import type { Transcript } from '../../../src/core/transcript/types';
import { allWords, sessionFromStory, type SeedOptions } from '../../fixtures/results/corpus-session';
import { synthWav } from '../../fixtures/results/synth-wav';

/**
 * Seeds a results-view session from a corpus story: the real engine's analysis of a transcript
 * with word times at a speaking rate, and (for recorded takes) a WAV whose word bursts sit at
 * exactly those times.
 */
export async function seedStory(
  backend: Backend,
  storyId: string,
  seed: SeedOptions,
): Promise<{ id: string; durationSec: number }> {
  const doc = sessionFromStory(storyId, seed);
  await backend.services.sessions.save(doc);
  const transcript = doc.transcript as Transcript;
  const durationSec = transcript.durationSec ?? 0;
  if (doc.audio) {
    const wav = synthWav(allWords(transcript), durationSec);
    await writeFile(path.join(backend.services.sessions.folderOf(doc.id), doc.audio.file), wav);
  }
  return { id: doc.id, durationSec };
}
