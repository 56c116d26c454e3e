import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, storyText } from '../../../bench/corpus';
import { analyzeTranscript } from '../../../src/core/analysis/analyze';
import { transcriptFromText } from '../../../src/core/transcript/from-text';
import { renderReport } from '../../../src/cli/analyze-report';

/**
 * The terminal report shows a layer's time in its table and again in the sentences of advice
 * ("structural fix 15 s against mitigation 13 s"): the two must give the same number of seconds.
 */
const DEV = path.resolve(process.cwd(), '..', 'shared', 'corpus', 'dev');
const OWN =
  'Years ago I took down checkout for a whole afternoon. I was pretty junior and honestly terrified. ' +
  'We had a cron job that pruned old sessions, and I changed its filter to catch a new table. ' +
  "I didn't notice that the filter also matched the live carts table. Nobody on our side noticed anything at first. " +
  'A support agent pinged our channel around three because customers were emailing that their carts were empty. ' +
  'I looked at the job log and saw it had deleted about forty thousand rows. ' +
  'We turned the job off and restored the table from the morning snapshot, which took roughly two hours. ' +
  'Afterwards we put every destructive job behind a dry-run step that prints the row count and needs a second person to approve. ' +
  'We also added an alert on the carts table row count dropping by more than ten percent. ' +
  'What I took from it is that anything that deletes data should be reviewed like a schema migration, and I still push for that on every team I join.';
const texts = [OWN, ...loadCorpus(DEV).map(storyText)];

/** The table's time for a layer, in seconds ("0:15" → 15). */
function tableSeconds(report: string, layer: string): number | null {
  const row = report.split('\n').find((l) => l.trimStart().startsWith(`${layer} `));
  const m = row?.match(/\s(\d+):(\d\d)\s/);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

describe('the terminal report', () => {
  it('gives a layer the same whole seconds in its table as in the advice beside it', () => {
    let compared = 0;
    for (const text of texts) {
      const report = renderReport(analyzeTranscript(transcriptFromText(text)));
      for (const m of report.matchAll(/(Structural fix|structural fix) (\d+) s against (mitigation|up to) (\d+) s/g)) {
        expect(tableSeconds(report, 'Structural fix'), report).toBe(Number(m[2]));
        if (m[3] === 'mitigation') expect(tableSeconds(report, 'Mitigation'), report).toBe(Number(m[4]));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(2);
  });
});
