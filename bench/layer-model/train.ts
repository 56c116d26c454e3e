/**
 * `npm run train`: trains the learned layer model on every labelled story the project may learn
 * from (data.ts) and writes src/core/analysis/layer-model.json with the hash of its training
 * data. Then prints leave-one-story-out figures on the real sets (each real story labelled by a
 * model trained without it); `--no-cv` skips them.
 *
 *   npm run train [-- --no-cv]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LearnedModelSchema } from '../../src/core/analysis/learned-model';
import { realSets, writtenSets } from './data';
import { countSequences, dataHash, DEFAULT_CONFIG, examplesFor, trainModel } from './train-lib';
import { crossValidate } from './cv';

const OUT = fileURLToPath(new URL('../../src/core/analysis/layer-model.json', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'no-cv': { type: 'boolean' } } });
  const sets = [...writtenSets(), ...realSets()];
  const config = DEFAULT_CONFIG;
  const examples = examplesFor(sets, config);
  const started = Date.now();
  const model = await trainModel(examples, countSequences(sets), config, {
    trainedAt: new Date().toISOString(),
    dataHash: dataHash(sets, config),
    training: {
      stories: sets.reduce((n, s) => n + s.stories.length, 0),
      sentences: examples.length,
      sets: sets.map((s) => s.name),
      options: { ...config },
    },
  });
  LearnedModelSchema.parse(model);
  writeFileSync(OUT, `${JSON.stringify(model)}\n`);
  console.log(
    `Trained on ${model.training.stories} stories, ${model.training.sentences} sentences (${sets.map((s) => s.name).join(', ')}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(`Wrote ${OUT}: ${Object.keys(model.weights).length} features, data hash ${model.dataHash.slice(0, 12)}…`);
  if (!values['no-cv']) {
    console.log('\nLeave-one-story-out on the real sets:');
    await crossValidate(config);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
