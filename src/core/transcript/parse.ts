/**
 * Reads transcript JSON in either of the two shapes the app accepts and validates it:
 *  - the app's own format (`Transcript`: `{ segments: [{ start, end, text, words? }] }`, seconds);
 *  - whisper.cpp's `-oj` / `--output-json-full` output (`{ transcription: [...] }`, milliseconds).
 * Errors are `TranscriptFormatError`s with one readable line saying what is wrong.
 */
import { z } from 'zod';
import { TranscriptSchema, type Transcript, type TranscriptSegment, type TranscriptWord } from './types';

export class TranscriptFormatError extends Error {
  override name = 'TranscriptFormatError';
}

const WhisperCppToken = z.object({
  text: z.string(),
  offsets: z.object({ from: z.number(), to: z.number() }).optional(),
  p: z.number().optional(),
});

const WhisperCppSegment = z.object({
  offsets: z.object({ from: z.number(), to: z.number() }),
  text: z.string(),
  tokens: z.array(WhisperCppToken).optional(),
});

const WhisperCppSchema = z.object({
  result: z.object({ language: z.string().optional() }).optional(),
  transcription: z.array(WhisperCppSegment),
});

/** Parses JSON text (either format). Throws TranscriptFormatError. */
export function parseTranscriptJson(jsonText: string): Transcript {
  let data: unknown;
  try {
    data = JSON.parse(jsonText);
  } catch (error) {
    throw new TranscriptFormatError(`Invalid JSON: ${(error as Error).message}`);
  }
  return transcriptFromJsonValue(data);
}

/** Accepts an already-parsed JSON value (either format). Throws TranscriptFormatError. */
function transcriptFromJsonValue(data: unknown): Transcript {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new TranscriptFormatError(
      'Transcript JSON must be an object with "segments" (app format) or "transcription" (whisper.cpp).',
    );
  }
  let transcript: Transcript;
  if ('transcription' in data) transcript = fromWhisperCpp(data);
  else if ('segments' in data) {
    const parsed = TranscriptSchema.safeParse(data);
    if (!parsed.success) throw new TranscriptFormatError(`Invalid transcript: ${describe(parsed.error)}`);
    transcript = parsed.data;
    checkTimes(transcript);
  } else {
    throw new TranscriptFormatError(
      'Unknown transcript format: expected "segments" (app format) or "transcription" (whisper.cpp JSON).',
    );
  }
  if (!transcript.segments.some((s) => s.text.trim() !== '' || (s.words ?? []).some((w) => w.text.trim() !== ''))) {
    throw new TranscriptFormatError('The transcript is empty: no spoken words in any segment.');
  }
  return transcript;
}

function fromWhisperCpp(data: object): Transcript {
  const parsed = WhisperCppSchema.safeParse(data);
  if (!parsed.success) throw new TranscriptFormatError(`Invalid whisper.cpp JSON: ${describe(parsed.error)}`);
  const segments: TranscriptSegment[] = parsed.data.transcription.map((seg) => {
    const start = seg.offsets.from / 1000;
    const end = seg.offsets.to / 1000;
    const words = seg.tokens ? wordsFromTokens(seg.tokens) : [];
    return words.length > 0 ? { start, end, text: seg.text.trim(), words } : { start, end, text: seg.text.trim() };
  });
  const language = parsed.data.result?.language;
  return language ? { segments, language } : { segments };
}

/**
 * whisper.cpp tokens are sub-word pieces: a piece starting with a space begins a new word, others
 * continue the previous one. Special tokens ([_BEG_], [_TT_123], <|endoftext|>) are dropped.
 */
function wordsFromTokens(tokens: z.infer<typeof WhisperCppToken>[]): TranscriptWord[] {
  const words: TranscriptWord[] = [];
  for (const token of tokens) {
    if (/^\s*(\[_[A-Z0-9_]+\]|<\|[^|]*\|>)\s*$/.test(token.text) || token.text === '') continue;
    const from = (token.offsets?.from ?? 0) / 1000;
    const to = (token.offsets?.to ?? token.offsets?.from ?? 0) / 1000;
    const prev = words[words.length - 1];
    const startsWord = /^\s/.test(token.text) || !prev;
    if (startsWord) {
      const word: TranscriptWord = { text: token.text.trim(), start: from, end: Math.max(from, to) };
      if (token.p !== undefined) word.probability = token.p;
      words.push(word);
    } else if (prev) {
      prev.text += token.text;
      prev.end = Math.max(prev.end, to);
      if (token.p !== undefined && prev.probability !== undefined)
        prev.probability = Math.min(prev.probability, token.p);
    }
  }
  return words.filter((w) => w.text !== '');
}

function checkTimes(transcript: Transcript): void {
  transcript.segments.forEach((seg, i) => {
    if (seg.end < seg.start) {
      throw new TranscriptFormatError(
        `Invalid transcript: segment ${i} ends (${seg.end}) before it starts (${seg.start}).`,
      );
    }
    seg.words?.forEach((w, j) => {
      if (w.end < w.start) {
        throw new TranscriptFormatError(`Invalid transcript: word ${j} of segment ${i} ends before it starts.`);
      }
    });
  });
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown error';
  const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
  return `${path}: ${issue.message}`;
}
