import { readFile } from 'node:fs/promises';
import { transcriptFromText } from '../../../src/core/transcript/from-text';
import type { Transcript } from '../../../src/core/transcript/types';
import type {
  TranscriptionJobOptions,
  TranscriptionStream,
  Transcriber,
} from '../../../src/backend/services/recording/transcriber-port';
import { parseWavHeader } from '../../../src/backend/services/recording/wav-format';

/**
 * Real Whisper weights can't be downloaded here, and a random-weights model makes meaningless
 * text. This test-only transcriber answers with the known story text, its word times stretched
 * over the audio actually received, so the analysis step is meaningful while recording, WAV and
 * sessions stay real. It also counts the samples streamed to it (they must equal the WAV's).
 */
export class ScriptedTranscriber implements Transcriber {
  streamedSamples = 0;
  streams = 0;

  constructor(private readonly text: string) {}

  private transcript(seconds: number): Transcript {
    const base = transcriptFromText(this.text);
    const spoken = base.durationSec ?? 1;
    const k = seconds > 0 ? seconds / spoken : 1;
    return {
      language: 'en',
      durationSec: seconds,
      segments: base.segments.map((s) => ({
        start: s.start * k,
        end: s.end * k,
        text: s.text,
        words: (s.words ?? []).map((w) => ({ ...w, start: w.start * k, end: w.end * k })),
      })),
    };
  }

  /** The words spoken by `seconds` at the text's natural pace (what streaming would have by then). */
  private partial(seconds: number): Transcript {
    const base = transcriptFromText(this.text);
    const segments = base.segments
      .map((s) => ({ ...s, words: (s.words ?? []).filter((w) => w.end <= seconds) }))
      .filter((s) => s.words.length > 0)
      .map((s) => ({
        ...s,
        text: s.words.map((w) => w.text).join(' '),
        end: s.words[s.words.length - 1]?.end ?? s.end,
      }));
    return { language: 'en', durationSec: seconds, segments };
  }

  openStream(options: { onPartial(transcript: Transcript): void }): TranscriptionStream {
    this.streams++;
    let samples = 0;
    let partialAt = 0;
    const job = async (options: TranscriptionJobOptions) => {
      for (let i = 1; i <= 5; i++) {
        await new Promise((r) => setTimeout(r, 60));
        if (options.signal.aborted) throw new Error('aborted');
        options.onProgress(i / 5);
      }
      return this.transcript(samples / 16000);
    };
    return {
      push: (pcm) => {
        samples += pcm.length;
        this.streamedSamples += pcm.length;
        // Like the real engine: a partial transcript each time another utterance is finished.
        if (samples - partialAt >= 16000) {
          partialAt = samples;
          options.onPartial(this.partial(samples / 16000));
        }
      },
      finish: job,
      cancel: () => {},
    };
  }

  async transcribeFile(wavFile: string, options: TranscriptionJobOptions): Promise<Transcript> {
    const header = parseWavHeader(await readFile(wavFile));
    for (let i = 1; i <= 5; i++) {
      await new Promise((r) => setTimeout(r, 60));
      if (options.signal.aborted) throw new Error('aborted');
      options.onProgress(i / 5);
    }
    return this.transcript(header.declaredDataBytes / 2 / header.sampleRate);
  }
}
