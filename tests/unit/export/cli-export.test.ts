import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { SessionStore } from '../../../src/backend/services/sessions/session-store';
import { MAX_SESSION_DOCUMENT_BYTES } from '../../../src/shared/channels/analysis';
import { corpusSession, LISTED_NAMES, NAMES_FILE, STORY_IDS } from '../report/corpus-fixture';

let dataDir: string;
let work: string;
const previous = process.env.COACH_DATA_DIR;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'coach-cli-data-'));
  work = await mkdtemp(path.join(os.tmpdir(), 'coach-cli-work-'));
  process.env.COACH_DATA_DIR = dataDir;
  const store = new SessionStore(dataDir);
  await store.save(corpusSession(STORY_IDS[0]).document);
  await store.save(corpusSession(STORY_IDS[1], { named: true }).document);
});
afterAll(async () => {
  if (previous === undefined) delete process.env.COACH_DATA_DIR;
  else process.env.COACH_DATA_DIR = previous;
  await rm(dataDir, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

/** A file one byte over the size limit that is not JSON: parsing it would fail with another message. */
async function overLimitFile(name: string): Promise<string> {
  const file = path.join(work, name);
  await writeFile(file, '{"schemaVersion": 1, "id": "take-');
  await truncate(file, MAX_SESSION_DOCUMENT_BYTES + 1);
  return file;
}

async function coach(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

describe('coach export', () => {
  const id = corpusSession(STORY_IDS[0]).document.id;

  it('exports a session from the data folder and refuses to overwrite without --force', async () => {
    const file = path.join(work, 'take.md');
    const first = await coach('export', id, '--format', 'md', '-o', file);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toMatch(/^Wrote .*take\.md \(md, \d+ bytes, \d+ ms\)\n$/);
    expect(await readFile(file, 'utf8')).toMatch(/^# Coached transcript — /);
    await writeFile(file, 'my notes');
    const again = await coach('export', id, '--format', 'md', '-o', file);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists.*--force/);
    expect(await readFile(file, 'utf8')).toBe('my notes');
    expect((await coach('export', id, '--format', 'md', '-o', file, '--force')).code).toBe(0);
    expect(await readFile(file, 'utf8')).toMatch(/^# Coached transcript — /);
  });

  it('takes a session.json path and infers the format from -o', async () => {
    const doc = path.join(work, 'session.json');
    await writeFile(doc, JSON.stringify(corpusSession(STORY_IDS[1]).document));
    const file = path.join(work, 'captions.vtt');
    expect((await coach('export', doc, '-o', file)).code).toBe(0);
    expect(await readFile(file, 'utf8')).toMatch(/^WEBVTT\n/);
  });

  it('takes the output of coach analyze --json', async () => {
    const analysisFile = path.join(work, 'analysis.json');
    await writeFile(analysisFile, JSON.stringify(corpusSession(STORY_IDS[0]).analysis));
    const r = await coach('export', analysisFile, '--format', 'html', '-o', path.join(work, 'a.html'));
    expect(r.code).toBe(0);
    expect(await readFile(path.join(work, 'a.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('redacts with a names file, in every text format', async () => {
    const named = corpusSession(STORY_IDS[1], { named: true }).document.id;
    const names = path.join(work, 'names.txt');
    await writeFile(names, NAMES_FILE);
    for (const format of ['md', 'html', 'vtt', 'json']) {
      const file = path.join(work, `redacted.${format}`);
      const r = await coach('export', named, '--format', format, '--redact', names, '-o', file);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('FreshCart Grocers → Company A');
      const body = (await readFile(file, 'utf8')).toLowerCase();
      for (const name of LISTED_NAMES) expect(body, `${format}: ${name}`).not.toContain(name.toLowerCase());
    }
  });

  it('writes to standard output with -o -', async () => {
    const r = await coach('export', id, '--format', 'vtt', '-o', '-');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^WEBVTT\n/);
  });

  it('lists the names it found, ready for a names file', async () => {
    const named = corpusSession(STORY_IDS[1], { named: true }).document.id;
    const r = await coach('export', named, '--list-names');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^company: FreshCart Grocers \| FreshCart\s+# \d+ sentences?$/m);
    expect(r.out).toMatch(/^person: Priya Raman/m);
  });

  it('refuses a file over the size limit by its size, before it is read or parsed', async () => {
    const file = await overLimitFile('huge-session.json');
    const r = await coach('export', file, '--format', 'md', '-o', path.join(work, 'huge.md'));
    expect(r).toEqual({
      code: 2,
      out: '',
      err: `coach export: ${file} is 32.1 MB; session documents and analyses are limited to 32 MB.\n`,
    });
  });

  it('refuses a names file over its size limit with one clear line', async () => {
    const names = path.join(work, 'names-huge.txt');
    await writeFile(names, 'person: Priya Raman\n');
    await truncate(names, 1_000_001);
    const r = await coach('export', id, '--format', 'md', '--redact', names, '-o', path.join(work, 'r.md'));
    expect(r).toEqual({
      code: 2,
      out: '',
      err: `coach export: The names file ${names} is larger than 1 MB, the limit for a names file.\n`,
    });
  });

  it.each([
    [['export'], /Missing SESSION/],
    [['export', id], /Choose a format/],
    [['export', id, '--format', 'docx'], /Unknown format "docx"/],
    [['export', 'no-such-session', '--format', 'md'], /No session "no-such-session"/],
    [['export', '/no/such/file.json', '--format', 'md'], /no such file, and not a session id/],
    [['export', id, '--format', 'md', '--redact', '/no/names.txt'], /Cannot read the names file/],
    [['export', id, '--format', 'md', '--bogus'], /Unknown option --bogus/],
  ])('%j fails with exit code 2 and one clear line', async (argv, message) => {
    const r = await coach(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('coach import', () => {
  it('imports a JSON export into the data folder, once', async () => {
    const { document } = corpusSession(STORY_IDS[0]);
    const file = path.join(work, 'export.json');
    expect((await coach('export', document.id, '--format', 'json', '-o', file)).code).toBe(0);
    const otherData = await mkdtemp(path.join(os.tmpdir(), 'coach-cli-other-'));
    process.env.COACH_DATA_DIR = otherData;
    try {
      const r = await coach('import', file);
      expect(r).toMatchObject({ code: 0, err: '' });
      expect(r.out).toMatch(new RegExp(`^Imported session ${document.id} `));
      expect(await new SessionStore(otherData).get(document.id)).toEqual(document);
      expect((await coach('import', file)).out).toMatch(/^Already present/);
      // Round trip: exporting the imported session gives the same bytes.
      const back = path.join(work, 'export-again.json');
      expect((await coach('export', document.id, '--format', 'json', '-o', back)).code).toBe(0);
      expect(await readFile(back, 'utf8')).toBe(await readFile(file, 'utf8'));
    } finally {
      process.env.COACH_DATA_DIR = dataDir;
      await rm(otherData, { recursive: true, force: true });
    }
  });

  it('refuses a file over the size limit by its size, before it is read or parsed', async () => {
    const file = await overLimitFile('huge-export.json');
    expect(await coach('import', file)).toEqual({
      code: 2,
      out: '',
      err: `coach import: ${file} is 32.1 MB; session exports are limited to 32 MB.\n`,
    });
  });

  it('rejects a file that is not a session export with exit code 2', async () => {
    const file = path.join(work, 'bad.json');
    await writeFile(file, '{"sentences": [], "rubric": {}}');
    const r = await coach('import', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/This is an analysis, not a session/);
    expect((await coach('import')).code).toBe(2);
  });
});
