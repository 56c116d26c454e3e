import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditDocumentFile } from '../../../src/backend/services/documents/audit-file';
import { analyzeTranscript, sentenceTexts } from '../../../src/core/analysis/analyze';
import { analyzeWithCorrections, editSentenceText, relabelSentence } from '../../../src/core/corrections';
import { flattenWords } from '../../../src/core/transcript/words';
import { transcriptFromText } from '../../../src/core/transcript/from-text';
import { OffLoopAnalyzer, THREAD_RESOURCES } from '../../../src/backend/services/analysis/off-loop-analyzer';
import { ANALYSIS_LIMITS } from '../../../src/shared/channels/analysis';
import { contract, type Events } from '../../../src/shared/contract';
import type { HandlerContext, Handlers } from '../../../src/shared/contract-types';
import { createDispatcher } from '../../../src/shared/dispatch';
import { MAX_JSON_DEPTH } from '../../../src/shared/json-depth';

const ctx: HandlerContext<Events> = { shell: 'web', emit: () => {} };
// No handler may run for a refused request: every one of them throws.
const handlers = new Proxy(
  {},
  {
    get: () => () => {
      throw new Error('a handler ran');
    },
  },
) as Handlers<typeof contract, Events>;
const dispatch = createDispatcher(contract, handlers);

const STORY =
  'We got paged at two in the morning because checkout errors spiked. I traced it to a config push that removed the pool limit. ' +
  'We rolled the config back and errors dropped within five minutes. We added a schema check to the deploy pipeline so that push cannot ship again. ' +
  'Since then every team that owns a config service runs the same check, and I wrote the guide they follow. ';

describe('analysis input limits', () => {
  it.each([
    ['words', { segments: [{ start: 0, end: 1, text: 'word '.repeat(ANALYSIS_LIMITS.words + 1) }] }],
    [
      'segments',
      {
        segments: Array.from({ length: ANALYSIS_LIMITS.segments + 1 }, (_, i) => ({ start: i, end: i + 1, text: 'a' })),
      },
    ],
    ['characters', { segments: [{ start: 0, end: 1, text: 'x'.repeat(ANALYSIS_LIMITS.characters + 1) }] }],
  ])('over the %s limit: too_large with the limit, and no handler runs', async (key, transcript) => {
    const result = await dispatch('analysis.run', { transcript }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'too_large' } });
    if (!result.ok) {
      expect(result.error.message).toContain(
        `at most ${ANALYSIS_LIMITS[key as keyof typeof ANALYSIS_LIMITS].toLocaleString('en-US')}`,
      );
    }
  });

  it('a request nested deeper than the limit is refused before its schema, whatever the channel', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    for (const channel of ['analysis.run', 'results.saveCorrections', 'typed.submit', 'export.importJson']) {
      const result = await dispatch(channel, deep, ctx);
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringContaining(`deeper than ${MAX_JSON_DEPTH} levels`) },
      });
    }
    let fine: unknown = 'x';
    // The request object and its transcript are two of the levels.
    for (let i = 0; i < MAX_JSON_DEPTH - 2; i++) fine = [fine];
    expect(await dispatch('analysis.run', { transcript: { segments: fine } }, ctx)).toMatchObject({
      error: { code: 'invalid_input', message: expect.not.stringContaining('deeper than') },
    });
  });
});

describe('long transcripts are analysed off the event loop', () => {
  it('the same analysis, while the loop keeps serving', async () => {
    const analyzer = new OffLoopAnalyzer({ words: 1_000 });
    try {
      const transcript = transcriptFromText(STORY.repeat(40));
      const order: string[] = [];
      const pending = analyzer.analyze(transcript, { lengthSeconds: 600 }).then((a) => {
        order.push('analysis');
        return a;
      });
      setImmediate(() => order.push('loop'));
      const analysis = await pending;
      expect(order).toEqual(['loop', 'analysis']);
      // A small young generation, so the garbage of a long analysis does not stay in an idle thread.
      expect(analyzer.threadLimits?.maxYoungGenerationSizeMb).toBe(THREAD_RESOURCES.maxYoungGenerationSizeMb);
      // The sentences were encoded on the thread first (it remembers them: no second encoding).
      const sentenceVectors = await analyzer.encode(sentenceTexts(transcript));
      expect(Object.keys(sentenceVectors).length).toBe(new Set(sentenceTexts(transcript)).size);
      expect(analysis).toEqual(analyzeTranscript(transcript, { lengthSeconds: 600, sentenceVectors }));
    } finally {
      await analyzer.dispose();
    }
  }, 60_000);

  it('corrections and document audits go there too: same results, same error codes', async () => {
    const analyzer = new OffLoopAnalyzer({ words: 1_000, documentBytes: 1_000 });
    try {
      const transcript = transcriptFromText(STORY.repeat(40));
      const options = { lengthSeconds: 600 };
      const original = analyzeTranscript(transcript, options);
      const ctx = { words: flattenWords(transcript), base: original.sentences, corrections: null };
      const corrections = relabelSentence(ctx, 2, 'system_learning');
      const order: string[] = [];
      const corrected = analyzer.correct(transcript, corrections, options).then((a) => {
        order.push('corrections');
        return a;
      });
      setImmediate(() => order.push('loop'));
      const got = await corrected;
      const sentenceVectors = await analyzer.encode([
        ...sentenceTexts(transcript),
        ...got.sentences.map((s) => s.text),
      ]);
      expect(got).toEqual(
        analyzeWithCorrections(analyzeTranscript, transcript, corrections, { ...options, sentenceVectors }).corrected,
      );
      expect(order).toEqual(['loop', 'corrections']);

      // Edited sentences can make a transcript grow past the limits: refused on the thread, still too_large.
      let grown = corrections;
      for (let i = 0; i < 60; i++) grown = editSentenceText({ ...ctx, corrections: grown }, i, 'word '.repeat(999));
      await expect(analyzer.correct(transcript, grown, options)).rejects.toMatchObject({
        code: 'too_large',
        message: expect.stringContaining(`at most ${ANALYSIS_LIMITS.words.toLocaleString('en-US')}`),
      });

      const markdown = readFileSync(path.join('tests', 'fixtures', 'documents', 'checkout-postmortem.md'));
      const file = { bytes: new Uint8Array(markdown), fileName: 'pm.md', label: 'pm.md' };
      expect(await analyzer.audit(file, 5)).toEqual(await auditDocumentFile(file, 5));
      const headings = new TextEncoder().encode(`# Notes\n\n${'## Heading\n\n'.repeat(200)}`);
      await expect(
        analyzer.audit({ bytes: headings, fileName: 'notes.md', label: 'My notes' }, 3),
      ).rejects.toMatchObject({ code: 'invalid_input', message: 'My notes has no text to audit.' });
    } finally {
      await analyzer.dispose();
    }
  }, 60_000);

  it('the thread stops when idle, freeing the encoder, and starts again for the next job', async () => {
    const analyzer = new OffLoopAnalyzer({}, 200);
    try {
      const first = await analyzer.encode(['The dashboard went red at noon.']);
      expect(analyzer.threadRunning).toBe(true);
      await new Promise((r) => setTimeout(r, 600));
      expect(analyzer.threadRunning).toBe(false);
      const again = await analyzer.encode(['The dashboard went red at noon.']);
      expect(again).toEqual(first);
      expect(analyzer.threadRunning).toBe(true);
    } finally {
      await analyzer.dispose();
    }
  }, 60_000);

  it('short transcripts whose sentences are encoded already stay on the calling thread', async () => {
    const analyzer = new OffLoopAnalyzer({ words: 1_000 });
    const transcript = transcriptFromText(STORY);
    const sentenceVectors = await analyzer.encode(sentenceTexts(transcript));
    const order: string[] = [];
    const pending = analyzer.analyze(transcript, { sentenceVectors }).then(() => order.push('analysis'));
    setImmediate(() => order.push('loop'));
    await pending;
    expect(order).toEqual(['analysis']);
    await analyzer.dispose();
  }, 60_000);
});
