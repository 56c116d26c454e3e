import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTEXT_CONFIG } from '../../../bench/layer-model/context-fit';
import { realSets, writtenSets } from '../../../bench/layer-model/data';
import { incidentDataHash, trainingAnswers } from '../../../bench/layer-model/incident-fit';
import { MEANING_CONFIG } from '../../../bench/layer-model/meaning-fit';
import { READER_CONFIG } from '../../../bench/layer-model/reader-fit';
import { dataHash, DEFAULT_CONFIG } from '../../../bench/layer-model/train-lib';

/** The hash a shipped model file records (read from the file, as the trainer wrote it). */
const recorded = (file: string): unknown =>
  (
    JSON.parse(readFileSync(new URL(`../../../src/core/analysis/${file}`, import.meta.url), 'utf8')) as {
      dataHash?: unknown;
    }
  ).dataHash;

// A model trained on data that has since changed is not what `npm run train` would write: the
// shipped file and the data it claims to come from must agree.
describe('the shipped models and the data they were trained on', () => {
  const sets = [...writtenSets(), ...realSets()];

  it('records, in each layer model, the hash of the labelled stories and options its trainer reads now', () => {
    const layer = dataHash(sets, { ...DEFAULT_CONFIG, reader: READER_CONFIG });
    expect(recorded('layer-model.json'), 'run npm run train').toBe(layer);
    expect(recorded('story-reader.json'), 'run npm run train').toBe(layer);
    expect(recorded('meaning-model.json'), 'run npm run train').toBe(dataHash(sets, { meaning: MEANING_CONFIG }));
    expect(recorded('context-model.json'), 'run npm run train').toBe(dataHash(sets, { context: CONTEXT_CONFIG }));
  });

  it('records, in the incident model, the hash of the answers and options its trainer reads now', () => {
    expect(recorded('incident-model.json'), 'run npm run train:incident').toBe(incidentDataHash(trainingAnswers()));
  });
});
