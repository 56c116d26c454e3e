import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, storyText } from '../../../../bench/corpus';
import { analyzeTranscript } from '../../../../src/core/analysis/analyze';
import type { Analysis } from '../../../../src/core/analysis/types';
import { mitigationVersusFix } from '../../../../src/core/results/mitigation-ratio';
import { transcriptFromText } from '../../../../src/core/transcript/from-text';

/**
 * Advice must agree with the checks and figures printed beside it, and no user-facing text may
 * show engine internals. Checked over every labelled story we can read (written and real) plus
 * answers built to hit the cases that once disagreed.
 */
const SHARED = path.resolve(process.cwd(), '..', 'shared', 'corpus');
const stories = ['dev', 'real-postmortems', 'real-answers'].flatMap((set) =>
  loadCorpus(path.join(SHARED, set)).map((s) => ({ name: `${set}/${s.id}`, text: storyText(s) })),
);
const CRAFTED = {
  // No mitigation at all, a short fix: the balance is weak, but not because of recovery.
  noMitigation:
    'Our alert fired at 3 a.m. when checkout errors rose. The cause was a config push that removed the pool limit. ' +
    'We added a check.',
  // Two long mitigation sentences: the two-sentence check passes, the time does not.
  longTwoSentences:
    'Customers told support that checkout was failing. The cause was a pool limit removed by a config push. ' +
    'We rolled the config back across all twelve regions one at a time, watching error rates, connection counts and latency dashboards in each region before moving to the next one, which took most of the night. ' +
    'Then we drained and restarted every application server in every region so that the stale connection pools were rebuilt with the restored limit, and we kept the incident channel open until morning traffic looked normal. ' +
    'We added a check.',
  // One detection sentence that both admits the gap and names the outsider who noticed, and one
  // fix sentence that names its artifact and says it is still in place.
  oneSentenceTwoReadings:
    'I owned the invoice service, and it paid some carriers twice. ' +
    "We didn't catch it ourselves; a carrier's accountant rang our finance team three days later. " +
    'The cause was a retry in the payment client. We reversed the payments that afternoon. ' +
    'Every payment call now carries an idempotency key that the ledger checks, and that check still runs today.',
};
const analyses: { name: string; a: Analysis }[] = [
  ...stories.map(({ name, text }) => ({ name, a: analyzeTranscript(transcriptFromText(text)) })),
  ...Object.entries(CRAFTED).map(([name, text]) => ({ name, a: analyzeTranscript(transcriptFromText(text)) })),
];

/** Every sentence of advice the results page and the exports show. */
function userTexts(a: Analysis): string[] {
  const f = a.feedback;
  return [
    f.summary,
    ...f.topFixes.flatMap((x) => [x.title, x.detail]),
    f.followUp.question,
    f.followUp.why,
    ...(a.rubric ? Object.values(a.rubric).flatMap((r) => [r.title, r.reason, r.advice]) : []),
    ...Object.values(a.constraints).flatMap((c) => [c.title, c.detail]),
    ...Object.values(a.commonFailures).flatMap((c) => [c.title, c.detail]),
    ...(a.tierDetail?.reasons ?? []),
    ...(a.tierDetail?.toReachNext ? [a.tierDetail.toReachNext] : []),
    ...a.timeline.outOfOrder.map((o) => o.message),
    mitigationVersusFix(a),
    ...(a.reason ? [a.reason.message, a.reason.next] : []),
  ];
}

describe('coaching that never contradicts itself', () => {
  it("quotes each sentence once as a check's evidence", () => {
    for (const { name, a } of analyses)
      for (const c of Object.values(a.constraints)) {
        const quoted = c.evidence.map((q) => q.sentenceIndex);
        expect(new Set(quoted).size, `${name}: ${c.key}`).toBe(quoted.length);
      }
  });

  it(`reads ${stories.length} labelled stories and ${Object.keys(CRAFTED).length} crafted answers`, () => {
    expect(stories.length).toBeGreaterThan(20);
  });

  it('"Cut mitigation to two sentences" appears only when the two-sentence check fails', () => {
    for (const { name, a } of analyses) {
      const cut = a.feedback.topFixes.some((x) => x.title === 'Cut mitigation to two sentences');
      if (cut) expect(a.constraints.mitigation_at_most_two_sentences.met, name).toBe(false);
    }
  });

  it('no take without mitigation is told to shorten it or that it is mostly recovery', () => {
    const without = analyses.filter(({ a }) => a.layers.mitigation.seconds === 0);
    expect(without.map((x) => x.name)).toContain('noMitigation');
    for (const { name, a } of without) {
      expect(
        a.feedback.topFixes.map((x) => x.id),
        name,
      ).not.toContain('shrink_mitigation');
      expect(a.feedback.followUp.why, name).not.toMatch(/recovery/i);
      expect(mitigationVersusFix(a)).toMatch(/^no mitigation/);
    }
  });

  it('mitigation that outlasts the fix in two sentences gets advice about time, not sentence count', () => {
    const a = analyses.find((x) => x.name === 'longTwoSentences')?.a as Analysis;
    expect(a.constraints.mitigation_at_most_two_sentences.met).toBe(true);
    const titles = a.feedback.topFixes.map((x) => x.title);
    expect(titles).not.toContain('Cut mitigation to two sentences');
  });

  it('the tier says the fix gets its share only where it outlasts the recovery', () => {
    const staff = analyses.filter(({ a }) => a.tier === 'staff' || a.tier === 'l7');
    expect(staff.length).toBeGreaterThan(10);
    for (const { name, a } of staff) {
      const claims = (a.tierDetail?.reasons ?? []).some((r) => /gets its share/.test(r));
      if (claims) expect(a.layers.structural_fix.seconds, name).toBeGreaterThanOrEqual(a.layers.mitigation.seconds);
    }
    // A real answer whose one-sentence fix is shorter than its recovery still reaches Staff, and is told why.
    const shorter = staff.filter(({ a }) => a.layers.structural_fix.seconds < a.layers.mitigation.seconds);
    expect(shorter.length).toBeGreaterThan(0);
    for (const { name, a } of shorter)
      expect(a.tierDetail?.reasons.join(' '), name).toMatch(/recovery still takes longer/);
  });

  it('the step to the next tier starts from the lesson as the rubric rates it', () => {
    const staff = analyses.filter(({ a }) => a.tier === 'staff');
    const levels = new Set(staff.map(({ a }) => a.rubric?.system_learning.level));
    expect([...levels]).toEqual(expect.arrayContaining(['weak', 'strong']));
    for (const { name, a } of staff) {
      const step = a.tierDetail?.toReachNext ?? '';
      const level = a.rubric?.system_learning.level;
      // A lesson rated specific is not told to become specific, and one rated weak is told to add one.
      if (level === 'strong') {
        expect(step, name).not.toMatch(/specific lesson|lesson specific/);
        expect(step, name).toBe(a.rubric?.system_learning.advice);
      }
      if (level === 'passing') expect(step, name).toMatch(/Make the lesson specific/);
      if (level === 'weak') expect(step, name).toMatch(/Add a specific lesson/);
      expect(a.feedback.summary, name).toContain(step);
    }
  });

  it("the outline's words about a part's length agree with the sentences it budgets, at every length", () => {
    const text = stories[0]?.text ?? '';
    for (const lengthSeconds of [60, 120, 180, 300, 600]) {
      const a = analyzeTranscript(transcriptFromText(text), { lengthSeconds });
      for (const step of a.feedback.outline.steps) {
        const said = `${lengthSeconds} s, ${step.layer}: ${step.guidance} (${step.targetSentences} sentences)`;
        if (/\bone sentence\b/i.test(step.guidance)) expect(step.targetSentences, said).toBe(1);
        if (/at most two sentences/i.test(step.guidance)) expect(step.targetSentences, said).toBeLessThanOrEqual(2);
      }
    }
  });

  it('the follow-up asks how "the alert" is wired only when the fix is tied to the detection gap', () => {
    const probed = analyses.filter(({ a }) => /that would catch this today/.test(a.feedback.followUp.question));
    expect(probed.length).toBeGreaterThan(0);
    for (const { name, a } of probed) expect(a.rubric?.honesty_about_detection.level, name).not.toBe('passing');
    const neutral = analyses.filter(({ a }) => /what would notice it first/.test(a.feedback.followUp.question));
    for (const { name, a } of neutral) expect(a.rubric?.honesty_about_detection.level, name).not.toBe('weak');
  });

  it('the follow-up asks about an alert only in a story that tells how it was found', () => {
    const untold = analyses.filter(({ a }) => a.gradable && a.layers.detection.sentences === 0);
    expect(untold.length).toBeGreaterThan(0);
    for (const { name, a } of untold) expect(a.feedback.followUp.question, name).not.toMatch(/that alert/);
  });

  it('no engine internals in any user-facing text', () => {
    const internals = [
      /Infinity|NaN|undefined|\bnull\b/,
      /\b[a-z]+_[a-z_]+\b/, // identifiers such as mitigation_at_most_two_sentences
      /\b0\.00×/,
      /confidence|probabilit|\bcue\b|threshold of \d|score of \d/i,
      /\b(?:weak|strong|passing|dominates|short) from \d/, // a grade's cut-off
      /\d\.\d\d× the time of the longest/,
    ];
    for (const { name, a } of analyses) {
      for (const text of userTexts(a)) {
        for (const pattern of internals) expect(text, `${name}: ${text}`).not.toMatch(pattern);
      }
    }
  });
});

describe('mitigationVersusFix', () => {
  const of = (mitigation: number, fix: number) =>
    mitigationVersusFix({
      layers: { mitigation: { seconds: mitigation }, structural_fix: { seconds: fix } } as Analysis['layers'],
      timeline: { mitigationToStructuralFixRatio: fix > 0 ? mitigation / fix : null } as Analysis['timeline'],
    });
  it('names a zero side instead of printing a ratio', () => {
    expect(of(0, 0)).toBe('no mitigation and no structural fix');
    expect(of(10, 0)).toBe('no structural fix');
    expect(of(0, 10)).toBe('no mitigation');
    expect(of(15, 10)).toBe('mitigation took 1.50× the time of the structural fix');
  });
});
