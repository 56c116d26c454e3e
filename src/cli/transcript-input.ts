/**
 * Reads the FILE given to `coach analyze` into a Transcript. This is the one place that decides
 * what a file is by its extension: add audio formats here (the transcription engine turns them
 * into a Transcript) and every command that takes a transcript gets them.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { transcriptFromText } from '../core/transcript/from-text';
import { EmptyTranscriptError } from '../core/analysis/analyze';
import { parseTranscriptJson, TranscriptFormatError } from '../core/transcript/parse';
import type { Transcript } from '../core/transcript/types';

export class InputError extends Error {
  override name = 'InputError';
}

export interface TranscriptInputOptions {
  /** Speaking rate for typed answers (.txt), words per minute. */
  wordsPerMinute?: number;
  /** Audio input: Whisper model file or installed name (default model otherwise). */
  model?: string;
  /** Audio input: VAD model file (installed VAD model otherwise). */
  vad?: string;
  /** Audio input: status lines (engine build, progress), e.g. to stderr. */
  onStatus?: (line: string) => void;
}

type Loader = (path: string, options: TranscriptInputOptions) => Promise<Transcript>;

const LOADERS: Record<string, Loader> = {
  '.json': async (path) => parseTranscriptJson(await readText(path)),
  '.txt': async (path, options) => {
    const text = await readText(path);
    if (text.trim() === '') throw new EmptyTranscriptError('The transcript is empty: the text file has no words.');
    return transcriptFromText(text, { wordsPerMinute: options.wordsPerMinute });
  },
  '.md': async (path, options) => {
    const loader = LOADERS['.txt'];
    if (!loader) throw new InputError('internal: no text loader');
    return loader(path, options);
  },
  // Audio: transcribed locally with Whisper first (loaded only when an audio file is given).
  '.wav': transcribeAudio,
  '.mp3': transcribeAudio,
  '.flac': transcribeAudio,
};

async function transcribeAudio(path: string, options: TranscriptInputOptions): Promise<Transcript> {
  const { transcribeForCli, isInputProblem } = await import('./commands/transcribe');
  try {
    const result = await transcribeForCli(
      { audio: path, ...(options.model ? { model: options.model } : {}), ...(options.vad ? { vad: options.vad } : {}) },
      { stderr: (line) => options.onStatus?.(line.trimEnd()) },
    );
    if (result.noSpeech)
      throw new InputError(`No speech detected in ${path}: the audio is silent or too quiet to transcribe.`);
    return result.transcript;
  } catch (error) {
    if (isInputProblem(error)) throw new InputError((error as Error).message);
    throw error;
  }
}

/** Extensions that can be given to `coach analyze`. */
export function supportedExtensions(): string[] {
  return Object.keys(LOADERS);
}

export async function readTranscriptInput(path: string, options: TranscriptInputOptions = {}): Promise<Transcript> {
  const ext = extname(path).toLowerCase();
  const loader = LOADERS[ext];
  if (!loader) {
    throw new InputError(
      `Unknown input format "${ext || '(no extension)'}" for ${path}: use ${supportedExtensions().join(', ')}.`,
    );
  }
  try {
    return await loader(path, options);
  } catch (error) {
    if (error instanceof TranscriptFormatError) throw new InputError(`${path}: ${error.message}`);
    if (error instanceof RangeError) throw new InputError(error.message);
    throw error;
  }
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`File not found: ${path}`);
    if (code === 'EISDIR') throw new InputError(`${path} is a directory, not a transcript file.`);
    if (code === 'EACCES') throw new InputError(`Cannot read ${path}: permission denied.`);
    throw error;
  }
}
