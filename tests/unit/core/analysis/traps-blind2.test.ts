/**
 * Traps found by the second blind measurement (tests/fixtures/blind2): each case is a small
 * invented story, not a corpus sentence, so these test the meaning and not the stories.
 */
import { describe, expect, it } from 'vitest';
import { matchCues, normalize } from '../../../../src/core/analysis/cues';
import { analyzeSentences, layerOf } from './helpers';

/** The layers whose cue phrases a sentence contains. */
function cueLayers(text: string): string[] {
  return matchCues(normalize(text)).map((h) => h.cue.layer);
}

const HEAD = 'At a ride-share company I owned the fare service, and one evening it charged about 2,000 riders twice.';
const DETECT = 'Riders told support first, about forty minutes in; none of our alerts fired.';
const CAUSE = 'The cause was a retry in the payment client that was not idempotent, which I had reviewed.';
const MITIGATE = 'I turned the retry off and we refunded every duplicate charge the same night.';
const FIX_A = 'Every charge now carries an idempotency key, and the ledger rejects a second charge with the same key.';
const FIX_B = 'A reconciliation alert pages the payments on-call if duplicates pass 0.1% of charges in ten minutes.';
const LESSON = 'The lesson is that any retry that crosses a money boundary has to be idempotent by design.';

describe('openers that only talk about the answer', () => {
  it('labels "I have got a good one" and "thanks, this is the one I learned from" as Other', () => {
    for (const opener of [
      "Oh, okay, yeah, I've got a good one for this.",
      "Thanks — this is the outage I think about most, so I'll take a few minutes on it.",
      "Yeah, so, the one I'd pick is from the payments team, which is kind of why I like it.",
    ]) {
      const a = analyzeSentences([opener, HEAD, DETECT, CAUSE, MITIGATE, FIX_A, LESSON]);
      expect(layerOf(a, opener.slice(0, 20))).toBe('other');
      expect(layerOf(a, 'I owned the fare service')).toBe('headline');
    }
  });

  it('keeps an opener that goes on to say what happened as the headline', () => {
    const opener = "So, yeah, the one I'd pick is when our fare service charged about 2,000 riders twice one evening.";
    const a = analyzeSentences([opener, DETECT, CAUSE, MITIGATE, FIX_A, LESSON]);
    expect(layerOf(a, "the one I'd pick")).toBe('headline');
  });
});

describe('story order and layer language', () => {
  it('reads an opening rollback with a 24-hour clock time as Mitigation', () => {
    const a = analyzeSentences([
      'I rolled the fare-quote service back to its previous release at 19:10 on a Sunday, and by 19:25 no new duplicate charges were being posted.',
      'The incident was that for about six hours our fare service had been charging some riders twice.',
      'We did not find it ourselves: the rider support team did, when refund requests piled up.',
      CAUSE,
      FIX_A,
      FIX_B,
      LESSON,
    ]);
    expect(layerOf(a, 'I rolled the fare-quote service back')).toBe('mitigation');
  });

  it('hears "we did have monitoring, but… inside the noise" as Detection language', () => {
    const gap =
      'We did have fleet metrics, but the alert was on the global charge rate, and two thousand riders is a dip inside normal evening noise.';
    expect(cueLayers(gap)).toContain('detection');
    const a = analyzeSentences([
      HEAD,
      'Riders told support first, about forty minutes in.',
      gap,
      CAUSE,
      MITIGATE,
      FIX_A,
      LESSON,
    ]);
    expect(layerOf(a, 'We did have fleet metrics')).toBe('detection');
  });

  it('hears "if I did it again, I would…" as System learning language', () => {
    const again = 'If I did it again, I would write the idempotency rule down before the first retry shipped.';
    expect(cueLayers(again)).toContain('system_learning');
    const a = analyzeSentences([LESSON, HEAD, DETECT, CAUSE, MITIGATE, FIX_A, FIX_B, again]);
    expect(layerOf(a, 'If I did it again')).toBe('system_learning');
  });

  it('labels the same safeguard put on other systems, counted through as a list, as System learning', () => {
    const a = analyzeSentences([
      HEAD,
      DETECT,
      CAUSE,
      MITIGATE,
      FIX_A,
      FIX_B,
      LESSON,
      'Since then we have applied that lesson to three other money paths.',
      'The first was driver payouts, where a retry had the same shape.',
      'The third was our gift-card service, where we added the same idempotency check to the redemption call, and it has already blocked a double redemption.',
    ]);
    expect(layerOf(a, 'The third was our gift-card service')).toBe('system_learning');
  });
});

describe('what makes a fix specific, and honest detection', () => {
  it('treats "we updated the runbook and talked about it in the retro" as a vague fix', () => {
    const a = analyzeSentences([
      HEAD,
      DETECT,
      CAUSE,
      MITIGATE,
      'And afterwards we updated the runbook and talked about retries in the retro.',
    ]);
    expect(a.rubric?.structural_fix_specificity.level).toBe('weak');
    expect(a.constraints.structural_fix_names_continuing_artifact.met).toBe(false);
    expect(a.tier).toBe('senior');
  });

  it('still counts a runbook whose new rule the sentence spells out', () => {
    const a = analyzeSentences([
      HEAD,
      DETECT,
      CAUSE,
      MITIGATE,
      'We updated the runbook so the on-call must disable client retries before any refund, and that rule is still in place.',
    ]);
    expect(a.rubric?.structural_fix_specificity.level).not.toBe('weak');
  });

  it('reads credit to "our billing anomaly monitoring" with customers first as a polished detection', () => {
    const a = analyzeSentences([
      HEAD,
      'Our billing anomaly monitoring flagged the issue, and the team responded quickly.',
      'Once several riders opened tickets disputing their charges, the dashboard clearly showed the spike.',
      CAUSE,
      MITIGATE,
      FIX_A,
      LESSON,
    ]);
    expect(a.rubric?.honesty_about_detection.level).toBe('weak');
    expect(a.constraints.detection_gap_or_prior_near_miss_owned.met).toBe(false);
  });
});

describe('judgements the fresh stories exposed', () => {
  it('hears a dashboard that was "all green" and a monitor that "only caught it after" as an admitted gap', () => {
    for (const line of [
      'Our queue dashboard only tracked failed jobs, and these were not failing, just waiting, so the board was all green.',
      'Our duplicate monitor only caught it after six hours, because it compared daily totals.',
    ]) {
      const a = analyzeSentences([HEAD, line, CAUSE, MITIGATE, FIX_A, FIX_B, LESSON]);
      expect(a.constraints.detection_gap_or_prior_near_miss_owned.met).toBe(true);
    }
  });

  it('counts someone who radioed or phoned the team as noticing first', () => {
    const a = analyzeSentences([
      HEAD,
      'A shift supervisor, not us, radioed the control room around midnight.',
      CAUSE,
      MITIGATE,
      FIX_A,
      LESSON,
    ]);
    expect(a.constraints.detection_gap_or_prior_near_miss_owned.met).toBe(true);
  });

  it('owns a near-miss told as "it was also not the first time"', () => {
    const a = analyzeSentences([
      HEAD,
      DETECT,
      'It was also not the first time: a month earlier a smaller double charge had been refunded and I agreed to call it a one-off.',
      CAUSE,
      MITIGATE,
      FIX_A,
      'A reconciliation alert now pages the payments on-call within minutes instead of waiting for riders to tell support.',
      'The key check has blocked two bad client releases since, and it still runs on every deploy.',
      LESSON,
    ]);
    expect(a.rubric?.honesty_about_detection.level).toBe('staff_bar');
  });

  it('counts a safeguard that "turned away" a bad change in the spring as a later catch', () => {
    const a = analyzeSentences([
      HEAD,
      DETECT,
      CAUSE,
      MITIGATE,
      FIX_A,
      'The key check turned away a client build with the retry back on in the spring, and my team still owns it.',
      LESSON,
    ]);
    expect(a.rubric?.structural_fix_specificity.level).toBe('strong');
  });

  it('reads "days of unwinding" as mitigation and "there was talk about more testing" as a vague fix', () => {
    const a = analyzeSentences([
      HEAD,
      DETECT,
      CAUSE,
      'We stopped the charges by hand over most of an hour.',
      'After that came days of unwinding the duplicate payments with the card networks.',
      'Afterwards there was talk about better release processes and more testing.',
    ]);
    expect(layerOf(a, 'days of unwinding')).toBe('mitigation');
    expect(a.rubric?.structural_fix_specificity.level).toBe('weak');
  });

  it('reads "I\'ve since moved…" into another system as the lesson applied elsewhere', () => {
    const a = analyzeSentences([
      LESSON,
      "I've since moved the payout limits in our driver app and the coupon caps in marketing tooling out of the services they guard.",
      HEAD,
      DETECT,
      CAUSE,
      MITIGATE,
      FIX_A,
      FIX_B,
    ]);
    expect(a.constraints.system_learning_applied_elsewhere.met).toBe(true);
  });
});
