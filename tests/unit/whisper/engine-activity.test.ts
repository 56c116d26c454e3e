import { describe, expect, it } from 'vitest';
import { EngineActivity, trackTranscriber } from '../../../src/backend/services/whisper/engine-activity';
import type { Transcriber } from '../../../src/backend/services/recording/transcriber-port';
import type { Transcript } from '../../../src/core/transcript/types';

const empty: Transcript = { segments: [] } as unknown as Transcript;

describe('EngineActivity', () => {
  it('is busy from the first job to the end of the last, and tells listeners on each edge', async () => {
    const a = new EngineActivity();
    const edges: boolean[] = [];
    a.onChange((busy) => edges.push(busy));
    const end1 = a.begin();
    const end2 = a.begin();
    end1();
    end1(); // idempotent
    expect(a.busy).toBe(true);
    end2();
    expect(a.busy).toBe(false);
    await expect(a.around(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(a.busy).toBe(false);
    expect(edges).toEqual([true, false, true, false]);
  });

  it('counts a live stream until it finishes or is cancelled, and file jobs while they run', async () => {
    const a = new EngineActivity();
    let resolveFile: (t: Transcript) => void = () => undefined;
    const inner: Transcriber = {
      openStream: () => ({ push: () => undefined, cancel: () => undefined, finish: async () => empty }),
      transcribeFile: () => new Promise<Transcript>((r) => (resolveFile = r)),
    };
    const t = trackTranscriber(inner, a);
    const job = { onProgress: () => undefined, signal: new AbortController().signal };
    const s1 = t.openStream({ onPartial: () => undefined });
    expect(a.busy).toBe(true);
    await s1.finish(job);
    expect(a.busy).toBe(false);
    const s2 = t.openStream({ onPartial: () => undefined });
    s2.cancel();
    expect(a.busy).toBe(false);
    const file = t.transcribeFile('x.wav', job);
    expect(a.busy).toBe(true);
    resolveFile(empty);
    await file;
    expect(a.busy).toBe(false);
  });
});
