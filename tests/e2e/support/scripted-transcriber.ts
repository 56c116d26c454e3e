import { readFile } from 'node:fs/promises';
import { transcriptFromText } from '../../../src/core/transcript/from-text';
import type { Transcript } from '../../../src/core/transcript/types';
import type {
  TranscriptionJobOptions,
  TranscriptionStream,
  Transcriber,
} from '../../../src/main/services/recording/transcriber-port';
import { parseWavHeader } from '../../../src/main/services/recording/wav-format';

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

  openStream(): TranscriptionStream {
    this.streams++;
    let samples = 0;
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
