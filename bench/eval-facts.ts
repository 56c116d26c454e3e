/**
 * `npm run eval:facts [-- corpus/facts/blind1]`: how well the ticks and levels the results page
 * shows match what each answer states. Every folder of corpus/facts holds typed answers and a
 * labels.json saying, per answer, which of eight facts it states; each answer is analysed the way
 * `coach analyze` analyses a .txt file (with its sentences' vectors), and the page's reading of each
 * fact is compared with the label. Prints per fact: agreement, how many stated facts were read
 * (recall) and how many read facts were stated (precision), and the answers it got wrong.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { analyzeEncoded } from '../src/backend/services/analysis/analyze-encoded';
import { createSentenceEncoder } from '../src/backend/services/analysis/sentence-encoder';
import type { Analysis } from '../src/core/analysis/types';
import { readTranscriptInput } from '../src/cli/transcript-input';

const FACTS = [
  'detection_gap_owned',
  'latency_stated',
  'specific_artifact',
  'still_running',
  'caught_since',
  'owner_named',
  'lesson_specific',
  'applied_elsewhere',
] as const;
type Fact = (typeof FACTS)[number];

const LabelsSchema = z.array(
  z.object({
    file: z.string().regex(/^[\w.-]+\.txt$/),
    facts: z.object(Object.fromEntries(FACTS.map((f) => [f, z.boolean()])) as Record<Fact, z.ZodBoolean>),
  }),
);

function worksheetFound(a: Analysis, id: string): boolean {
  return a.worksheet.flatMap((s) => s.items).some((i) => i.id === id && i.found);
}

/** What the results page says about each fact: a tick, a worksheet item, or a rubric level. */
const READ: Record<Fact, (a: Analysis) => boolean> = {
  detection_gap_owned: (a) => a.constraints.detection_gap_or_prior_near_miss_owned.met,
  latency_stated: (a) => worksheetFound(a, 'detection.latency'),
  specific_artifact: (a) => worksheetFound(a, 'structural_fix.artifact'),
  // The unmet detail also holds "still in place" ("does not name a specific artifact that is …").
  still_running: (a) => /says it is still in place/.test(a.constraints.structural_fix_names_continuing_artifact.detail),
  caught_since: (a) => worksheetFound(a, 'structural_fix.caught_since'),
  owner_named: (a) => worksheetFound(a, 'structural_fix.owner'),
  lesson_specific: (a) => ['strong', 'staff_bar'].includes(a.rubric?.system_learning.level ?? ''),
  applied_elsewhere: (a) => a.constraints.system_learning_applied_elsewhere.met,
};

interface Count {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  wrong: string[];
}

async function scoreFolder(dir: string): Promise<void> {
  const labels = LabelsSchema.parse(JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')));
  const encoder = createSentenceEncoder();
  const counts = new Map<Fact, Count>(FACTS.map((f) => [f, { tp: 0, fp: 0, fn: 0, tn: 0, wrong: [] }]));
  let ungraded = 0;
  for (const { file, facts } of labels) {
    const a = await analyzeEncoded(encoder, await readTranscriptInput(join(dir, file)));
    if (!a.gradable) ungraded++;
    for (const fact of FACTS) {
      const c = counts.get(fact) as Count;
      const read = a.gradable && READ[fact](a);
      const stated = facts[fact];
      if (read === stated) {
        if (read) c.tp++;
        else c.tn++;
        continue;
      }
      if (read) c.fp++;
      else c.fn++;
      c.wrong.push(`${read ? '+' : '-'}${file.slice(0, 2)}`);
    }
  }
  console.log(`${dir}: ${labels.length} answers, ${ungraded} not graded`);
  console.log(
    'fact                 agree   stated read  recall  precision  wrong (+ read, not stated; - stated, not read)',
  );
  let agree = 0;
  for (const fact of FACTS) {
    const c = counts.get(fact) as Count;
    agree += c.tp + c.tn;
    const ratio = (n: number, d: number) => (d > 0 ? (n / d).toFixed(2) : '—').padStart(6);
    console.log(
      `${fact.padEnd(20)} ${ratio(c.tp + c.tn, labels.length)}  ${String(c.tp + c.fn).padStart(6)} ${String(c.tp + c.fp).padStart(4)}  ${ratio(c.tp, c.tp + c.fn)}  ${ratio(c.tp, c.tp + c.fp)}     ${c.wrong.join(' ')}`,
    );
  }
  console.log(`all facts: ${(agree / (labels.length * FACTS.length)).toFixed(3)} agreement`);
}

const root = fileURLToPath(new URL('../corpus/facts/', import.meta.url));
const asked = process.argv.slice(2);
const folders = asked.length > 0 ? asked : existsSync(root) ? readdirSync(root).map((d) => join(root, d)) : [];
for (const dir of folders) if (existsSync(join(dir, 'labels.json'))) await scoreFolder(dir);
