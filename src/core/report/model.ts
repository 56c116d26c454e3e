/**
 * What every renderer receives: the session's metadata and its analysis. The back end builds it
 * from a stored session document (or from a bare analysis file); redaction has already been applied
 * when the user asked for it, so renderers never see the original names.
 */
import type { Analysis } from '../analysis/types';
import { spokenLength } from '../results/spoken-length';
import { dateTime, duration } from './format';

export interface ReportMeta {
  /** Session id, or null for a bare analysis file. */
  id: string | null;
  question: string | null;
  story: string | null;
  title: string | null;
  /** ISO date-time the answer was given, or null when unknown. */
  createdAt: string | null;
  kind: 'recorded' | 'typed' | 'imported' | 'analysis';
  /** Whisper model that produced the transcript, or null (typed answers, unknown). */
  model: string | null;
  /** Length of the recording when there is audio. */
  audioSeconds: number | null;
}

export interface ReportSource {
  meta: ReportMeta;
  analysis: Analysis;
  /** Set when the names in this report were replaced by placeholders (shown in the footer). */
  redacted: { placeholders: string[] } | null;
}

export interface RenderOptions {
  /** Program name and version printed in the footer / generator tag. */
  generator: string;
}

export const DEFAULT_RENDER_OPTIONS: RenderOptions = { generator: 'Postmortem Coach' };

/** The heading a report uses for the session: its title, its story, or a neutral fallback. */
export function reportTitle(meta: ReportMeta): string {
  return meta.title ?? meta.story ?? 'Incident story';
}

/** Spoken length of the answer: the audio when there is one, else the analysis timeline. */
function answerSeconds(source: ReportSource): number {
  return source.meta.audioSeconds ?? source.analysis.timeline.totalSeconds;
}

function modelLabel(source: ReportSource): string {
  if (source.meta.model) return source.meta.model;
  if (source.analysis.timesEstimated) return 'none (typed answer, times estimated)';
  return 'unknown';
}

/** Quotes without repeats (the engine may cite one sentence for two reasons), in time order. */
export function uniqueQuotes<Q extends { sentenceIndex: number; start: number }>(quotes: readonly Q[]): Q[] {
  const seen = new Set<number>();
  const out: Q[] = [];
  for (const q of quotes) {
    if (seen.has(q.sentenceIndex)) continue;
    seen.add(q.sentenceIndex);
    out.push(q);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The facts at the top of every export (question, story, date, length, model), as plain text;
 * each format escapes them its own way.
 */
export function headerRows(source: ReportSource): Array<[string, string]> {
  const { meta, analysis } = source;
  const length = spokenLength(duration(answerSeconds(source)), analysis.timesEstimated);
  const rows: Array<[string, string]> = [
    ['Question', meta.question ?? '—'],
    ['Story', meta.story ?? '—'],
    ['Date', meta.createdAt === null ? '—' : dateTime(meta.createdAt)],
    ['Length', `${length} · target ${duration(analysis.budget.lengthSeconds)}`],
    ['Model', modelLabel(source)],
  ];
  if (analysis.timesEstimated) rows.push(['Times', 'estimated from a speaking rate (typed answer)']);
  return rows;
}
