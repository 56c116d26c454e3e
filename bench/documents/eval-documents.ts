/**
 * Layer accuracy on the labelled postmortem documents, read two ways: as documents (rendered to
 * Markdown and read back by the app's reader, headings and lists as evidence) and as the same
 * sentences without their structure (one typed text). Sentences are scored by word alignment:
 * each gold sentence takes the majority label of its words in the engine's output.
 *
 *   npx tsx bench/documents/eval-documents.ts [--verbose]
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeTranscript } from '../../src/core/analysis/analyze';
import { LAYERS, type Layer } from '../../src/core/analysis/layers';
import { auditDocument } from '../../src/core/document/audit';
import { transcriptFromText } from '../../src/core/transcript/from-text';
import { parseMarkdownDocument } from '../../src/backend/services/documents/markdown-document';
import { documentGold, loadDocuments, toMarkdown, type LabelledDocument } from './corpus-documents';

const norm = (w: string) => w.toLowerCase().replace(/[^a-z0-9]/g, '');
const tokens = (text: string) => text.split(/\s+/).map(norm).filter(Boolean);

/**
 * Gold label per predicted word, by aligning the two token streams (longest common subsequence:
 * the reader may drop or reorder nothing, but punctuation and cell borders differ).
 */
function alignLabels(gold: { text: string; layer: Layer }[], predicted: { text: string; layer: Layer }[]) {
  const g = gold.flatMap((s, i) => tokens(s.text).map((t) => ({ t, i })));
  const p = predicted.flatMap((s) => tokens(s.text).map((t) => ({ t, layer: s.layer })));
  const n = g.length;
  const m = p.length;
  const dp = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let a = n - 1; a >= 0; a--)
    for (let b = m - 1; b >= 0; b--)
      dp[a]![b] = g[a]!.t === p[b]!.t ? dp[a + 1]![b + 1]! + 1 : Math.max(dp[a + 1]![b]!, dp[a]![b + 1]!);
  const votes = gold.map(() => new Map<Layer, number>());
  for (let a = 0, b = 0; a < n && b < m;) {
    if (g[a]!.t === p[b]!.t) {
      const v = votes[g[a]!.i]!;
      v.set(p[b]!.layer, (v.get(p[b]!.layer) ?? 0) + 1);
      a++;
      b++;
    } else if (dp[a + 1]![b]! >= dp[a]![b + 1]!) a++;
    else b++;
  }
  return votes.map((v) => [...v.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 'other');
}

export interface DocumentScore {
  sentences: number;
  correct: number;
  flatCorrect: number;
  /** The rendered Markdown pasted as a typed answer: lines, headings and list marks as typed. */
  typedCorrect: number;
  recall: Record<Layer, [number, number]>;
}

export function scoreDocuments(docs: readonly LabelledDocument[], verbose = false): DocumentScore {
  const score: DocumentScore = {
    sentences: 0,
    correct: 0,
    flatCorrect: 0,
    typedCorrect: 0,
    recall: Object.fromEntries(LAYERS.map((l) => [l, [0, 0]])) as unknown as Record<Layer, [number, number]>,
  };
  for (const doc of docs) {
    const gold = documentGold(doc);
    const audit = auditDocument(parseMarkdownDocument(toMarkdown(doc)));
    const structured = alignLabels(gold, audit.sentences);
    const flatAnalysis = analyzeTranscript(transcriptFromText(gold.map((s) => s.text).join(' ')));
    const flat = alignLabels(gold, flatAnalysis.sentences);
    const typed = alignLabels(gold, analyzeTranscript(transcriptFromText(toMarkdown(doc))).sentences);
    let docCorrect = 0;
    gold.forEach((s, i) => {
      const r = score.recall[s.layer];
      r[1]++;
      if (structured[i] === s.layer) {
        score.correct++;
        docCorrect++;
        r[0]++;
      } else if (verbose) console.log(`  ${doc.id}: ${s.layer} → ${structured[i]}: ${s.text.slice(0, 90)}`);
      if (flat[i] === s.layer) score.flatCorrect++;
      if (typed[i] === s.layer) score.typedCorrect++;
    });
    score.sentences += gold.length;
    if (verbose) console.log(`${doc.id} (${doc.template}): ${docCorrect}/${gold.length}`);
  }
  return score;
}

function main(): void {
  const score = scoreDocuments(loadDocuments(), process.argv.includes('--verbose'));
  const pct = (a: number, b: number) => (b ? (a / b).toFixed(3) : '—');
  console.log(`documents: ${score.sentences} sentences`);
  console.log(`  read as documents:          ${pct(score.correct, score.sentences)}`);
  console.log(`  same text without structure: ${pct(score.flatCorrect, score.sentences)}`);
  console.log(`  Markdown typed as an answer: ${pct(score.typedCorrect, score.sentences)}`);
  console.log(
    `  recall (documents): ${LAYERS.map((l) => `${l} ${pct(score.recall[l][0], score.recall[l][1])}`).join(', ')}`,
  );
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) main();
