/**
 * An answer the "not an incident story" check refuses can be graded at the speaker's word, where
 * the check can misread a real story; never an answer too short to judge, a hypothetical, a
 * pitch, instructions or filler text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSentenceEncoder } from '../../../../src/backend/services/analysis/sentence-encoder';
import { analyzeTranscript, sentenceTexts } from '../../../../src/core/analysis/analyze';
import type { AnalysisOptions } from '../../../../src/core/analysis/types';
import {
  analyzeWithCorrections,
  confirmIncident,
  CorrectionsSchema,
  revertTranscriptCorrections,
  transcriptBasis,
} from '../../../../src/core/corrections';
import { digestAnalysis } from '../../../../src/core/history/digest';
import { renderHtml } from '../../../../src/core/report/html';
import { renderMarkdown } from '../../../../src/core/report/markdown';
import { transcriptFromText } from '../../../../src/core/transcript/from-text';
import { flattenWords } from '../../../../src/core/transcript/words';
import { STORY_IDS } from '../../report/corpus-fixture';
import { reportSource } from '../../report/report-source';

const fixture = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../../../fixtures/${path}`, import.meta.url)), 'utf8');
/** A plain incident story told in few incident words, which the check reads as not one. */
const MISREAD = transcriptFromText(fixture('graded-at-your-word/ferry-cabins.txt'));

describe('graded at your word', () => {
  // The check reads the whole answer over sentence vectors, as the back end does for every take.
  let encoded: AnalysisOptions = {};
  beforeAll(async () => {
    encoded = { sentenceVectors: await createSentenceEncoder().encode(sentenceTexts(MISREAD)) };
  });

  it('grades a misread incident story when the speaker says it is one, and says what the check had read', () => {
    const refused = analyzeTranscript(MISREAD, encoded);
    expect(refused.gradable).toBe(false);
    expect(refused.reason).toMatchObject({ code: 'not_incident', disputable: true });
    expect(refused.overruled).toBeNull();

    const confirmed = analyzeTranscript(MISREAD, { ...encoded, incidentConfirmed: true });
    expect(confirmed.gradable).toBe(true);
    expect(confirmed.tier).not.toBeNull();
    expect(confirmed.rubric).not.toBeNull();
    expect(confirmed.reason).toBeNull();
    expect(confirmed.overruled?.message).toBe(refused.reason?.message);
    // The sessions list marks the tier as given at the speaker's word.
    expect(digestAnalysis(confirmed).atYourWord).toBe(true);
    expect(digestAnalysis(refused).atYourWord).toBe(false);
  });

  it('never grades at the speaker’s word what is too short, hypothetical, a pitch, instructions or filler text', () => {
    for (const name of ['too-short', 'hypothetical', 'pitch', 'recipe', 'lorem']) {
      const a = analyzeTranscript(transcriptFromText(fixture(`not-gradable/${name}.txt`)), { incidentConfirmed: true });
      expect(a.gradable, name).toBe(false);
      expect(a.tier, name).toBeNull();
      expect(a.reason?.disputable, name).toBe(false);
      expect(a.overruled, name).toBeNull();
    }
  });

  it('leaves an answer the check grades as it was', () => {
    const story = transcriptFromText(
      'Last spring I shipped a config change that took checkout down for forty minutes. Our error-rate alert paged the on-call engineer three minutes after the deploy. We rolled the change back and checkout recovered. Config changes now go through the same canary as code.',
    );
    expect(analyzeTranscript(story, { incidentConfirmed: true })).toEqual(analyzeTranscript(story));
  });

  it('is kept with the corrections: applied without transcript corrections, kept by "revert", taken back', () => {
    const basis = transcriptBasis(flattenWords(MISREAD));
    const corrections = confirmIncident(null, basis, true);
    expect(CorrectionsSchema.parse(corrections).incident).toBe(true);
    const result = analyzeWithCorrections(analyzeTranscript, MISREAD, corrections, encoded);
    expect(result.applied).toBe(false);
    expect(result.original.gradable).toBe(false);
    expect(result.corrected.gradable).toBe(true);

    const words = flattenWords(MISREAD);
    expect(revertTranscriptCorrections({ words, base: result.original.sentences, corrections }).incident).toBe(true);
    const takenBack = confirmIncident(corrections, basis, false);
    expect(takenBack).not.toHaveProperty('incident');
    expect(analyzeWithCorrections(analyzeTranscript, MISREAD, takenBack, encoded).corrected.gradable).toBe(false);
    // Only "true" is stored: there is no third state to misread.
    expect(CorrectionsSchema.safeParse({ ...corrections, incident: false }).success).toBe(false);
  });

  it('says so in the coached transcript, beside the tier', () => {
    const analysis = analyzeTranscript(MISREAD, { ...encoded, incidentConfirmed: true });
    const source = { ...reportSource(STORY_IDS[0] ?? '', analysis), redacted: null };
    const said = 'Graded at your word: you said this is an incident story; the check had read it otherwise';
    expect(renderMarkdown(source)).toContain(said);
    expect(renderHtml(source)).toContain(said);
    expect(renderMarkdown({ ...source, analysis: analyzeTranscript(MISREAD, encoded) })).not.toContain(said);
  });
});
