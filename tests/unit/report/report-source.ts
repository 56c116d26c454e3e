/** ReportSource for a corpus session, as the exporter builds it (no redaction). */
import type { Analysis } from '../../../src/core/analysis/types';
import type { ReportSource } from '../../../src/core/report/model';
import { corpusSession } from './corpus-fixture';

export const TAGS: Record<string, string> = {
  headline: 'Headline',
  detection: 'L1 Detection',
  attribution: 'L2 Attribution',
  mitigation: 'L3 Mitigation',
  structural_fix: 'L4 Structural fix',
  system_learning: 'L5 System learning',
  other: 'Other',
};

export function reportSource(id: string, analysis?: Analysis): ReportSource {
  const s = corpusSession(id);
  return {
    meta: {
      id: s.document.id,
      question: s.document.question,
      story: s.document.story,
      title: null,
      createdAt: s.document.createdAt,
      kind: 'recorded',
      model: 'base.en',
      audioSeconds: s.document.audio?.durationSec ?? null,
    },
    analysis: analysis ?? s.analysis,
    redacted: null,
  };
}

export function mmss(seconds: number): string {
  const t = Math.floor(seconds);
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}
