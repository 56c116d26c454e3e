import { describe, expect, it } from 'vitest';
import { processingLine } from '../../../src/renderer/src/views/practice/processing-line';

describe('the processing line', () => {
  it('names the stage once: the detail when there is one, else the stage', () => {
    for (const detail of ['Transcribing the recording…', 'Transcribing the last words…']) {
      const line = processingLine({ stage: 'transcribing', fraction: 0.2, detail });
      expect(line).toBe(detail);
      expect(line.match(/transcribing/gi)).toHaveLength(1);
    }
    expect(processingLine({ stage: 'analyzing', fraction: 0.8, detail: '  ' })).toBe('Analysing');
    expect(processingLine(null)).toBe('Starting…');
  });
});
