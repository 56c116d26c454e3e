/**
 * `npm run train`: trains the learned layer model on every labelled story the project may learn
 * from (data.ts) and writes src/core/analysis/layer-model.json with the hash of its training
 * data. Then runs leave-one-story-out on the real sets (each real story labelled by a model
 * trained without it; folds split over two processes, one per core), prints the figures and
 * writes them to bench/layer-model/cv-report.json, which `npm run eval` shows. `--no-cv` skips it.
 *
 *   npm run train [-- --no-cv]
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LAYERS } from '../../src/core/analysis/layers';
import { LearnedModelSchema } from '../../src/core/analysis/learned-model';
import { RULE_SCALE } from '../../src/core/analysis/classify';
import { realSets, writtenSets } from './data';
import { countSequences, dataHash, DEFAULT_CONFIG, examplesFor, trainModel } from './train-lib';
import { mergeTallies, recall, summary, type Tally, type talliesToJson } from './cv';

const OUT = fileURLToPath(new URL('../../src/core/analysis/layer-model.json', import.meta.url));
const REPORT = fileURLToPath(new URL('./cv-report.json', import.meta.url));
const CV = fileURLToPath(new URL('./cv.ts', import.meta.url));
const SHARDS = 2;

function shard(index: number): Promise<ReturnType<typeof talliesToJson>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CV, '--shard', `${index}/${SHARDS}`, '--json'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{'))
        reject(new Error(`cross-validation shard ${index} failed (exit ${code})`));
      else resolve(JSON.parse(line) as ReturnType<typeof talliesToJson>);
    });
  });
}

function report(tallies: Map<string, Tally>, hash: string) {
  return {
    dataHash: hash,
    ruleScale: RULE_SCALE,
    sets: Object.fromEntries(
      [...tallies].map(([name, t]) => [
        name,
        {
          sentences: t.total,
          accuracy: t.correct / t.total,
          timeError: t.wordsWrong / t.words,
          recall: Object.fromEntries(LAYERS.map((l) => [l, recall(t, l)])),
          confusion: Object.fromEntries(t.confusion),
        },
      ]),
    ),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'no-cv': { type: 'boolean' } } });
  const sets = [...writtenSets(), ...realSets()];
  const config = DEFAULT_CONFIG;
  const examples = examplesFor(sets, config);
  const started = Date.now();
  const hash = dataHash(sets, config);
  const model = await trainModel(examples, countSequences(sets), config, {
    trainedAt: new Date().toISOString(),
    dataHash: hash,
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
  console.log(`Wrote ${OUT}: ${Object.keys(model.weights).length} features, data hash ${hash.slice(0, 12)}…`);
  if (values['no-cv']) return;
  console.log('\nLeave-one-story-out on the real sets (each story labelled by a model trained without it):');
  const cvStarted = Date.now();
  const tallies = mergeTallies(await Promise.all(Array.from({ length: SHARDS }, (_, i) => shard(i))));
  for (const [name, t] of tallies) console.log(summary(name, t));
  writeFileSync(REPORT, `${JSON.stringify(report(tallies, hash), null, 2)}\n`);
  console.log(`(${((Date.now() - cvStarted) / 1000).toFixed(0)} s; written to ${REPORT})`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
