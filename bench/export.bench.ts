/**
 * `npm run bench:export`: size and median render time of every export format for sessions of about
 * 3, 15 and 30 minutes (corpus stories spoken back to back), with and without redaction, plus one
 * PDF per size through headless Chromium. Prints numbers only; never asserts on time.
 */
import { performance } from 'node:perf_hooks';
import { analyzeTranscript } from '../src/core/analysis/analyze';
import { ChromiumPdfRenderer, findChromium, isExecutableFile } from '../src/backend/services/export/chromium-pdf';
import { renderExport, type ExportFormat, type ExportInput } from '../src/backend/services/export/render-export';
import { SESSION_SCHEMA_VERSION, type SessionDocument } from '../src/shared/session-document';
import { median, transcriptOfMinutes } from './corpus';

function session(minutes: number): ExportInput {
  const transcript = transcriptOfMinutes(minutes);
  const analysis = analyzeTranscript(transcript);
  const document: SessionDocument = {
    schemaVersion: SESSION_SCHEMA_VERSION,
    id: `bench-${minutes}-min`,
    createdAt: '2026-03-14T09:05:00.000Z',
    updatedAt: '2026-03-14T09:05:00.000Z',
    kind: 'recorded',
    status: 'ready',
    question: 'Tell me about an incident you owned.',
    story: 'Benchmark story',
    targetSec: analysis.lengthSeconds,
    transcript,
    analysis,
  };
  return { kind: 'session', document };
}

// Names that occur in the corpus text, so redaction has real work to do.
const NAMES = [
  { name: 'Korean', category: 'name' as const },
  { name: 'Android', category: 'product' as const },
  { name: 'Australia', category: 'name' as const },
  { name: 'Spanish', category: 'name' as const },
];
const TEXT: ExportFormat[] = ['md', 'html', 'vtt', 'json'];
const deps = { pdf: null, generator: 'bench' };
const chromium = findChromium({ env: process.env, platform: process.platform, isExecutable: isExecutableFile });

console.log('minutes  sentences  format  redacted       bytes   median ms  (runs)');
for (const minutes of [3, 15, 30]) {
  const input = session(minutes);
  const sentences =
    input.kind === 'session' ? ((input.document.analysis as { sentences: unknown[] }).sentences.length ?? 0) : 0;
  for (const format of TEXT) {
    for (const redact of [false, true]) {
      const names = redact ? NAMES : [];
      for (let i = 0; i < 3; i++) await renderExport(input, format, names, deps); // warm-up
      const runs = minutes >= 30 ? 9 : 15;
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        bytes = (await renderExport(input, format, names, deps)).bytes.byteLength;
        times.push(performance.now() - t0);
      }
      console.log(
        `${String(minutes).padStart(7)}  ${String(sentences).padStart(9)}  ${format.padEnd(6)}  ${String(redact).padEnd(8)}  ${String(bytes).padStart(10)}  ${median(times).toFixed(2).padStart(10)}  (${runs})`,
      );
    }
  }
  if (chromium.found) {
    const t0 = performance.now();
    const pdf = await renderExport(input, 'pdf', [], {
      pdf: new ChromiumPdfRenderer({ timeoutMs: 120_000 }),
      generator: 'bench',
    });
    console.log(
      `${String(minutes).padStart(7)}  ${String(sentences).padStart(9)}  pdf     false     ${String(pdf.bytes.byteLength).padStart(10)}  ${(performance.now() - t0).toFixed(0).padStart(10)}  (1, ${chromium.path})`,
    );
  } else console.log(`pdf skipped: ${chromium.reason}`);
}
