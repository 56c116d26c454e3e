import type { FileHandle } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { OpenUploads, writeFully } from '../../../src/backend/services/platform/open-uploads';

/** A file that takes at most `step` bytes per write, as the kernel may. */
function stingyFile(step: number) {
  const file = new Uint8Array(64);
  const handle = {
    write: async (buffer: Uint8Array, offset: number, length: number, position: number) => {
      const n = Math.min(step, length);
      file.set(buffer.subarray(offset, offset + n), position);
      return { bytesWritten: n, buffer };
    },
  } as unknown as FileHandle;
  return { file, handle };
}

describe('upload parts are written whole', () => {
  it('keeps writing when the disk takes fewer bytes than asked', async () => {
    const { file, handle } = stingyFile(3);
    const part = Uint8Array.from({ length: 20 }, (_, i) => i + 1);
    await writeFully(handle, part, 10);
    expect([...file.subarray(10, 30)]).toEqual([...part]);
    expect(file[30]).toBe(0);
  });

  it('fails instead of looping when the disk takes nothing', async () => {
    await expect(writeFully(stingyFile(0).handle, new Uint8Array(4), 0)).rejects.toThrow(/accepted no more bytes/);
  });
});

describe('uploads dropped at shutdown', () => {
  it('waits for an idle drop still removing its bytes, not only for the uploads still open', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const removed: string[] = [];
      let finishSlowRemoval = (): void => undefined;
      const uploads = new OpenUploads<{ id: string }>({
        what: 'uploads',
        maxOpen: 4,
        idleMs: 100,
        discard: (upload) =>
          upload.id === 'idle'
            ? new Promise<void>((done) => (finishSlowRemoval = () => (removed.push(upload.id), done())))
            : Promise.resolve(void removed.push(upload.id)),
      });
      await uploads.add({ id: 'idle' });
      vi.advanceTimersByTime(100); // the idle upload is dropped; its removal has not finished
      await uploads.add({ id: 'open' });
      let shutDown = false;
      const shutdown = uploads.dropAll().then(() => (shutDown = true));
      // Every promise that can settle without the slow removal has settled after a turn of the loop.
      await new Promise((turn) => setImmediate(turn));
      expect(removed).toEqual(['open']);
      expect(shutDown).toBe(false);
      finishSlowRemoval();
      await shutdown;
      expect(removed).toEqual(['open', 'idle']);
    } finally {
      vi.useRealTimers();
    }
  });
});
