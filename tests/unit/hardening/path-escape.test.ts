import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toneWav } from '../../fixtures/audio/tone-wav';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { containedFile } from '../../../src/backend/services/platform/contained-path';
import { contract, type Events } from '../../../src/shared/contract';
import type { HandlerContext } from '../../../src/shared/contract-types';
import { createDispatcher } from '../../../src/shared/dispatch';

/**
 * A session folder copied in from elsewhere (or edited by hand) names its recording. Whatever it
 * names, no channel may read a file outside that session's own folder, and no error may reveal
 * whether such a file exists.
 */
let root: string;
let dataDir: string;
let outside: string;
let backend: Backend;
let dispatch: ReturnType<typeof createDispatcher<typeof contract, Events>>;
const ctx: HandlerContext<Events> = { shell: 'web', emit: () => {} };

/** A recorded take, then its document pointed at `file`. */
async function tamperedSession(file: string): Promise<string> {
  const started = await dispatch(
    'recording.start',
    { question: 'Tell me about an incident.', story: 'Story', targetSec: 60 },
    ctx,
  );
  if (!started.ok) throw new Error(started.error.message);
  const sessionId = (started.value as { sessionId: string }).sessionId;
  await dispatch('recording.chunk', { sessionId, offsetSamples: 0, pcm: new Uint8Array(8000) }, ctx);
  await dispatch('recording.stop', { sessionId }, ctx);
  const docFile = path.join(dataDir, 'sessions', sessionId, 'session.json');
  const doc = JSON.parse(await readFile(docFile, 'utf8')) as { audio: { file: string } };
  doc.audio.file = file;
  await writeFile(docFile, JSON.stringify(doc));
  return sessionId;
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'coach-escape-'));
  dataDir = path.join(root, 'data');
  outside = path.join(root, 'private.wav');
  await writeFile(outside, toneWav(16000));
  backend = createBackend({ dataDir, shell: 'web', electronVersion: null, chromeVersion: null });
  dispatch = createDispatcher(contract, backend.handlers);
});
afterEach(async () => {
  await backend.dispose();
  await rm(root, { recursive: true, force: true });
});

describe('a session document cannot point a read outside its folder', () => {
  const names = ['../../../private.wav', '', '..', 'sub/../../x.wav', '..\\..\\private.wav'];
  it.each(names)('audio file "%s"', async (name) => {
    const id = await tamperedSession(name);
    for (const channel of ['results.audio', 'results.audioChunk', 'analysis.run', 'results.retranscribe'] as const) {
      const input =
        channel === 'results.audioChunk'
          ? { id, offset: 0, length: 1024 }
          : channel === 'analysis.run'
            ? { sessionId: id }
            : channel === 'results.retranscribe'
              ? { id, model: 'base.en' }
              : { id };
      const result = await dispatch(channel, input, ctx);
      expect(result.ok, channel).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, `${channel}: ${result.error.message}`).toBe('invalid_input');
      expect(result.error.message).toContain('outside its folder');
      expect(result.error.message).not.toContain(root);
    }
  });

  it('an absolute path: same refusal, and the message does not say whether the file exists', async () => {
    const present = await dispatch('results.audio', { id: await tamperedSession(outside) }, ctx);
    const absent = await dispatch('results.audio', { id: await tamperedSession(path.join(root, 'none.wav')) }, ctx);
    expect(present).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(absent).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const words = (r: typeof present) =>
      r.ok ? '' : r.error.message.replace(/"[^"]*"/g, '""').replace(/[a-z0-9-]{20,}/g, '');
    expect(words(present)).toBe(words(absent));
  });

  it('a link inside the folder that leads outside is refused', async () => {
    const id = await tamperedSession('audio.wav');
    const link = path.join(dataDir, 'sessions', id, 'audio.wav');
    await rm(link);
    await symlink(outside, link);
    const result = await dispatch('results.audioChunk', { id, offset: 0, length: 1024 }, ctx);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('outside its folder') },
    });
  });
});

describe('containedFile', () => {
  it('accepts a plain name and refuses everything that leaves the folder', () => {
    expect(containedFile('/data/s/abc', 'audio.wav')).toBe(path.resolve('/data/s/abc/audio.wav'));
    for (const bad of ['', '.', '..', '../x', 'a/b', 'a\\b', '/etc/passwd', 'a\0b']) {
      expect(containedFile('/data/s/abc', bad), bad).toBeNull();
    }
  });
});
