/**
 * Processing a take (progress events, cancellable) until the results view takes over, and the two
 * ways a take reaches processing without recording: a typed answer and an imported file.
 */
import { IMPORT_PART_BYTES } from '../../../shared/channels/imports';
import type { TakeSetupInput } from '../../../shared/channels/recording';
import { analyseStoredTake, call, CallError } from '../coach';
import { sendFileInParts } from '../send-file-in-parts';
import { openResults } from './navigation';
import { errorText, INITIAL_TAKE_STATE, type TakeState, type TakeStore } from './take-state';

export async function processTake(
  store: TakeStore,
  sessionId: string,
  info: Parameters<TakeState['process']>[1],
): Promise<void> {
  store.set({
    phase: 'processing',
    typing: false,
    take: { hardCapSec: 0, streaming: false, livePacing: false, ...store.get().take, ...info, sessionId },
    processing: { stage: 'transcribing', fraction: 0, detail: 'Starting…' },
    ended: null,
    error: null,
  });
  try {
    await analyseStoredTake(sessionId, (p) =>
      store.set({ processing: { stage: p.stage, fraction: p.fraction, detail: p.detail } }),
    );
    // The results view (Sessions) takes over; Practice is ready for the next take.
    store.set({ ...INITIAL_TAKE_STATE });
    openResults(sessionId);
  } catch (error) {
    const cancelled = error instanceof CallError && error.info.code === 'cancelled';
    store.set({
      phase: cancelled ? 'idle' : 'ended',
      processing: null,
      ...(cancelled
        ? { notice: errorText(error) }
        : {
            ended: {
              title: 'The take is saved but not analysed',
              message: errorText(error),
              canAnalyse: error instanceof CallError && error.info.code !== 'no_speech',
            },
          }),
    });
  }
}

export async function cancelProcessing(store: TakeStore): Promise<void> {
  const { take } = store.get();
  if (!take) return;
  await call('analysis.cancel', { sessionId: take.sessionId }).catch(() => undefined);
}

export async function submitTyped(store: TakeStore, setup: Parameters<TakeState['submitTyped']>[0]): Promise<boolean> {
  try {
    const { session } = await call('typed.submit', setup);
    void store.get().process(session.id, {
      kind: 'typed',
      question: setup.question,
      story: setup.story,
      targetSec: setup.targetSec,
    });
    return true;
  } catch (error) {
    store.set({ error: errorText(error) });
    return false;
  }
}

export async function importFile(
  store: TakeStore,
  setup: TakeSetupInput,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<boolean> {
  store.set({ error: null });
  let importId: string | null = null;
  try {
    const begun = await call('imports.begin', { ...setup, fileName: file.name, size: file.size });
    importId = begun.importId;
    await sendFileInParts(file, Math.min(begun.partBytes, IMPORT_PART_BYTES), async (offset, bytes) => {
      await call('imports.part', { importId: begun.importId, offset, bytes });
      onProgress(Math.min(1, (offset + bytes.length) / file.size));
    });
    const done = await call('imports.finish', { importId });
    importId = null;
    void store.get().process(done.session.id, {
      kind: 'imported',
      question: setup.question,
      story: setup.story,
      targetSec: setup.targetSec,
    });
    return true;
  } catch (error) {
    if (importId !== null) await call('imports.cancel', { importId }).catch(() => undefined);
    store.set({ error: errorText(error) });
    return false;
  }
}
