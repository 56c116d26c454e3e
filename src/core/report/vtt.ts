/**
 * WebVTT captions for replaying the recording in any player: one cue per sentence, timed to the
 * sentence, carrying its layer three ways so every player shows something useful:
 *  - the visible text starts with the layer in brackets ("[L4 Structural fix] …"), which every
 *    player displays (most ignore voice names);
 *  - a voice span `<v L4 Structural fix>` names the layer as the cue's "speaker" for players and
 *    tools that read voices;
 *  - the cue identifier ("s12 structural_fix") keeps the machine-readable layer id.
 */
import type { Analysis } from '../analysis/types';
import { vttTimestamp } from './format';
import { layerTag } from './labels';
import { reportTitle, type ReportSource } from './model';

/** Cue text may not contain "-->", and &, < and > must be escaped. */
function vttEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*\n\s*/g, ' ');
}

/** NOTE blocks end at a blank line and may not contain "-->". */
function noteText(text: string): string {
  return text.replace(/-->/g, '→').replace(/\s*\n\s*/g, ' ');
}

/** Breaks a long sentence into caption lines of about `width` characters (one cue, several lines). */
function wrapCaption(text: string, width = 64): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Cue times: every cue lasts at least 10 ms so players never drop a zero-length sentence. */
function cueTimes(a: Analysis, i: number): [number, number] {
  const s = a.sentences[i];
  if (!s) return [0, 0];
  return [s.start, Math.max(s.end, s.start + 0.01)];
}

export function renderVtt(source: ReportSource): string {
  const a = source.analysis;
  const out: string[] = ['WEBVTT', ''];
  const meta = source.meta;
  out.push(`NOTE ${noteText(`Postmortem Coach — ${reportTitle(meta)}`)}`);
  if (meta.question) out.push(noteText(`Question: ${meta.question}`));
  if (a.timesEstimated) out.push('Times are estimated from a speaking rate (typed answer).');
  if (source.redacted)
    out.push(noteText(`Names replaced by placeholders: ${source.redacted.placeholders.join(', ') || 'none found'}.`));
  out.push('');
  a.sentences.forEach((s, i) => {
    const [start, end] = cueTimes(a, i);
    const tag = layerTag(s.layer);
    const lines = wrapCaption(`[${tag}] ${s.text}`);
    out.push(
      `s${s.index + 1} ${s.layer}`,
      `${vttTimestamp(start)} --> ${vttTimestamp(end)}`,
      `<v ${tag}>${lines.map(vttEscape).join('\n')}</v>`,
      '',
    );
  });
  return out.join('\n');
}
