/**
 * A quick screen of a change to what the layer model reads (layer-features.ts, discourse.ts): the
 * folds of the last `npm run train`, with only the layer model retrained in each and every other
 * model as that run kept it in bench/.cache (about five minutes instead of fifty). Prints each real
 * set's figures beside the shipped ones (cv-report.json) and the held-out sentences the change
 * fixed, lost or moved. The story reader reads the same features and is not retrained here, so a
 * change that holds still ships only through `npm run train`, with `FEATURE_SET` raised.
 *
 *   npm run screen
 */
import { summary } from './cv';
import { readCvReport, type WrongLabel } from './cv-report';
import { crossValidateInShards } from './cv-shards';
import { realSets } from './data';
import { place, wrongDiff } from './wrong-diff';

async function main(): Promise<void> {
  const report = readCvReport();
  if (!report) throw new Error('No cv-report.json: `npm run train` writes it, with the fold models a screen reuses.');
  const text = new Map(
    realSets().flatMap((set) =>
      set.stories.flatMap((s) => s.sentences.map((x, i) => [place({ story: s.id, sentence: i }), x.text])),
    ),
  );
  const line = (w: WrongLabel) =>
    `  ${w.story} #${w.sentence} ${w.label} (read ${w.read}): ${text.get(place(w)) ?? ''}`;
  const tallies = await crossValidateInShards(['--folds', String(report.folds), '--screen']);
  for (const [name, t] of tallies) {
    const shipped = report.sets[name];
    console.log(`\n${summary(name, t)}`);
    if (!shipped) continue;
    const right = Math.round(shipped.accuracy * shipped.sentences);
    console.log(
      `${'shipped'.padEnd(26)} acc ${shipped.accuracy.toFixed(3)} (${right}/${shipped.sentences})  time err ${shipped.timeError.toFixed(3)}`,
    );
    const diff = wrongDiff(shipped.wrong, t.wrong);
    console.log(`fixed ${diff.fixed.length}:`);
    diff.fixed.forEach((w) => console.log(line(w)));
    console.log(`lost ${diff.lost.length}:`);
    diff.lost.forEach((w) => console.log(line(w)));
    console.log(`moved ${diff.moved.length}:`);
    diff.moved.forEach((m) => console.log(`${line(m.now)} (was read ${m.before.read})`));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
