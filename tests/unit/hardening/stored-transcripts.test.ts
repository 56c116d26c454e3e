import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { auditDocumentFile } from '../../../src/backend/services/documents/audit-file';
import { readTextFileWithin } from '../../../src/backend/services/platform/bounded-read';
import type { Transcriber } from '../../../src/backend/services/recording/transcriber-port';
import { ResultsService, type RetranscribePort } from '../../../src/backend/services/results/results-service';
import { SessionStore } from '../../../src/backend/services/sessions/session-store';
import { analyzeTranscript } from '../../../src/core/analysis/analyze';
import { AnalysisSchema } from '../../../src/core/analysis/schema';
import { relabelSentence } from '../../../src/core/corrections';
import { flattenWords } from '../../../src/core/transcript/words';
import { ANALYSIS_LIMITS, MAX_SESSION_DOCUMENT_BYTES } from '../../../src/shared/channels/analysis';
import { contract, type Events } from '../../../src/shared/contract';
import type { HandlerContext, Result } from '../../../src/shared/contract-types';
import { createDispatcher } from '../../../src/shared/dispatch';
import type { SessionDocument } from '../../../src/shared/session-document';
import { loadStory, sessionFromStory, transcriptOf } from '../../fixtures/results/corpus-session';

/**
 * Transcripts that arrive without `analysis.run` (an imported export, a copied-in session folder,
 * a new transcription) are held to the same limits, and long ones are analysed off the event loop
 * whichever channel asks: a cheap call made while a long one runs is answered first.
 */
const STORY = 'dev-01-credit-bureau-sentinel';
/** The story is 450 words: 90 times is over the 40,000-word limit. */
const OVER_LIMIT_REPEAT = Math.ceil((ANALYSIS_LIMITS.words + 1) / 450);
const LIMIT_TEXT = `at most ${ANALYSIS_LIMITS.words.toLocaleString('en-US')}`;

let dataDir: string;
let backend: Backend;
let call: (channel: string, input: unknown) => Promise<Result<Record<string, unknown>>>;
const ctx: HandlerContext<Events> = { shell: 'web', emit: () => {} };

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'coach-stored-'));
  backend = createBackend({ dataDir, shell: 'web', electronVersion: null, chromeVersion: null, autoBench: false });
  const dispatch = createDispatcher(contract, backend.handlers);
  call = (channel, input) => dispatch(channel, input, ctx) as Promise<Result<Record<string, unknown>>>;
});
afterEach(async () => {
  await backend.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

/** A ready session whose transcript is the story `repeat` times, without analysis (none is needed to store it). */
function longSession(id: string, repeat: number): SessionDocument {
  const { analysis: _a, ...doc } = sessionFromStory(STORY, { id });
  void _a;
  return { ...doc, transcript: transcriptOf(loadStory(STORY), { repeat }) };
}

function errorOf(result: Result<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('transcripts over the analysis limits are refused wherever they come in', () => {
  it('export.importJson: too_large with the limit, and nothing is written', async () => {
    const json = JSON.stringify(longSession('huge-0001', OVER_LIMIT_REPEAT));
    const error = errorOf(await call('export.importJson', { json }));
    expect(error.code).toBe('too_large');
    expect(error.message).toContain(LIMIT_TEXT);
    expect(error.message).toContain('not imported');
    expect(await readdir(path.join(dataDir, 'sessions')).catch(() => [])).toEqual([]);
  });

  it('a copied-in session folder: listed as unreadable with the limit, and no channel analyses it', async () => {
    const doc = longSession('huge-0002', OVER_LIMIT_REPEAT);
    await mkdir(path.join(dataDir, 'sessions', doc.id), { recursive: true });
    await writeFile(path.join(dataDir, 'sessions', doc.id, 'session.json'), JSON.stringify(doc));
    const listed = await call('sessions.list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value.sessions).toEqual([]);
    expect(listed.value.unreadable).toEqual([
      { file: expect.stringContaining(doc.id), reason: expect.stringContaining(LIMIT_TEXT) },
    ]);
    const corrections = { version: 1, basis: 'x', starts: null, sentences: {}, worksheet: {} };
    for (const [channel, input] of [
      ['results.saveCorrections', { id: doc.id, corrections }],
      ['analysis.run', { sessionId: doc.id }],
      ['export.render', { sessionId: doc.id, format: 'md', names: [] }],
    ] as const) {
      expect(errorOf(await call(channel, input)).message, channel).toContain(LIMIT_TEXT);
    }
  });

  it('a take whose transcription is over the limits: too_large, and it stays a draft without it', async () => {
    const transcriber: Transcriber = {
      openStream: () => {
        throw new Error('not used');
      },
      transcribeFile: async () => transcriptOf(loadStory(STORY), { repeat: OVER_LIMIT_REPEAT }),
    };
    const long = createBackend({
      dataDir,
      shell: 'web',
      electronVersion: null,
      chromeVersion: null,
      autoBench: false,
      transcriber,
    });
    try {
      const { transcript: _t, analysis: _a, ...doc } = sessionFromStory(STORY, { id: 'import-0001' });
      void _t;
      void _a;
      await long.services.sessions.save({ ...doc, status: 'draft' });
      await writeFile(path.join(dataDir, 'sessions', doc.id, 'audio.wav'), Buffer.alloc(44));
      const dispatch = createDispatcher(contract, long.handlers);
      const result = await dispatch('analysis.run', { sessionId: doc.id }, ctx);
      expect(errorOf(result)).toMatchObject({ code: 'too_large', message: expect.stringContaining(LIMIT_TEXT) });
      const after = await long.services.sessions.get(doc.id);
      expect(after).toMatchObject({ status: 'draft', error: expect.stringContaining(LIMIT_TEXT) });
      expect(after.transcript).toBeUndefined();
    } finally {
      await long.dispose();
    }
  });

  it('a new transcription over the limits: too_large, and the take keeps its transcript', async () => {
    const store = new SessionStore(dataDir);
    const doc = sessionFromStory(STORY, { id: 'take-0001' });
    await store.save(doc);
    await writeFile(path.join(dataDir, 'sessions', doc.id, 'audio.wav'), Buffer.alloc(44));
    const port: RetranscribePort = {
      models: async () => [{ id: 'base.en', installed: true }],
      transcribeFile: async () => transcriptOf(loadStory(STORY), { repeat: OVER_LIMIT_REPEAT }),
    };
    const service = new ResultsService({ sessions: store, analyze: analyzeTranscript, retranscribe: port });
    await expect(service.retranscribe(doc.id, 'base.en', () => {})).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringContaining(LIMIT_TEXT),
    });
    expect((await store.get(doc.id)).transcript).toEqual(doc.transcript);
  });
});

describe('session files over the size limit are refused before they are read', () => {
  it('a copied-in session.json one byte over: listed as unreadable with the limit, and no channel reads it', async () => {
    const file = path.join(dataDir, 'sessions', 'huge-0003', 'session.json');
    await mkdir(path.dirname(file), { recursive: true });
    // Not JSON at all: had it been read and parsed, the reason would be "not valid JSON".
    await writeFile(file, '{"schemaVersion": 1, "id": "huge-');
    await truncate(file, MAX_SESSION_DOCUMENT_BYTES + 1);
    const sizeReason = 'the file is 32.1 MB; session documents are limited to 32 MB';
    const listed = await call('sessions.list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value.unreadable).toEqual([{ file, reason: sizeReason }]);
    const rendered = errorOf(await call('export.render', { sessionId: 'huge-0003', format: 'md', names: [] }));
    expect(rendered.message).toContain(sizeReason);
  });

  it('the session with the largest transcript an analysis takes, and its analysis, fits twice over', async () => {
    // 39,600 timed words in 19,800 segments: at the word and segment limits, pretty-printed as stored.
    const repeat = Math.floor(ANALYSIS_LIMITS.words / 450);
    const doc = sessionFromStory(STORY, { id: 'full-0001', repeat, segmentWords: 2 });
    const bytes = Buffer.byteLength(`${JSON.stringify(doc, null, 2)}\n`);
    expect(bytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(bytes * 2).toBeLessThan(MAX_SESSION_DOCUMENT_BYTES);
    const store = new SessionStore(dataDir);
    await store.save(doc);
    expect((await store.get(doc.id)).transcript).toEqual(doc.transcript);
  }, 60_000);

  // Linux reports a size of 0 for the files in /proc, however much they hold.
  it.skipIf(!existsSync('/proc/self/status'))(
    'a file that reports no size is read no further than the limit',
    async () => {
      expect(await readTextFileWithin('/proc/self/status', 100)).toEqual({ ok: false, bytes: 101 });
      expect(await readTextFileWithin('/proc/self/status', 1024 * 1024)).toMatchObject({ ok: true });
    },
  );
});

describe('long analyses outside analysis.run leave the event loop free', () => {
  it('results.saveCorrections: a call made while it analyses is answered before it saves', async () => {
    // 9,000 words: within the limits, well over the 5,000 words analysed in place.
    const doc = sessionFromStory(STORY, { id: 'long-0001', repeat: 20 });
    const store = backend.services.sessions;
    await store.save(doc);
    const original = AnalysisSchema.parse(doc.analysis);
    const words = flattenWords(transcriptOf(loadStory(STORY), { repeat: 20 }));
    const corrections = relabelSentence({ words, base: original.sentences, corrections: null }, 6, 'system_learning');

    const events: string[] = [];
    let cheap: Promise<unknown> | undefined;
    const get = store.get.bind(store);
    const save = store.save.bind(store);
    // The cheap call starts once the long one has read its session, i.e. when its analysis begins.
    store.get = async (id) => {
      const read = await get(id);
      if (id === doc.id) cheap ??= call('sessions.list', {}).then(() => events.push('cheap call answered'));
      return read;
    };
    store.save = async (next) => {
      events.push('corrections saved');
      return save(next);
    };
    const saved = await call('results.saveCorrections', { id: doc.id, corrections });
    await cheap;
    expect(saved.ok).toBe(true);
    expect(events).toEqual(['cheap call answered', 'corrections saved']);
    // Same result as on the calling thread.
    const stored = AnalysisSchema.parse((await get(doc.id)).analysis);
    expect(stored.sentences[6]?.layer).toBe('system_learning');
  }, 60_000);

  it('documents.audit: a call made while a long document is audited is answered first, with the same audit', async () => {
    const paragraph =
      'We got paged at two in the morning because checkout errors spiked. I traced it to a config push that ' +
      'removed the pool limit. We rolled back and added a schema check to the deploy pipeline. ';
    const text = `# Checkout outage\n\n${`## Timeline\n\n${paragraph.repeat(10)}\n\n`.repeat(40)}`;
    const events: string[] = [];
    const audit = call('documents.audit', { name: 'long.md', source: { kind: 'text', text }, minutes: 3 }).then(
      (result) => {
        events.push('audit answered');
        return result;
      },
    );
    const cheap = call('sessions.list', {}).then(() => events.push('cheap call answered'));
    const [audited] = await Promise.all([audit, cheap]);
    expect(events).toEqual(['cheap call answered', 'audit answered']);
    if (!audited.ok) throw new Error(audited.error.message);
    const inPlace = await auditDocumentFile(
      { bytes: new TextEncoder().encode(text), fileName: 'long.md', label: 'long.md' },
      3,
    );
    expect(audited.value.audit).toEqual(inPlace);
  }, 60_000);
});
