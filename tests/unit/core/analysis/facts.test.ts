/**
 * Story-level judgements by meaning (facts.ts): detection gap, near-miss, later catches,
 * specific artifact and gap closing. Small invented stories; none comes from a corpus.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../../src/core/analysis/analyze';
import { readFacts, type StoryFacts } from '../../../../src/core/analysis/facts';
import { LAYERS, type Layer } from '../../../../src/core/analysis/layers';
import { normalize } from '../../../../src/core/analysis/normalize';
import type { AnalyzedSentence } from '../../../../src/core/analysis/types';
import type { Transcript, TranscriptWord } from '../../../../src/core/transcript/types';
import { analyzeSentences, worksheetFound } from './helpers';

const HEAD =
  'I owned the invoice matching service at a logistics company, and for a while it paid some carriers twice.';
const CAUSE = 'The cause was a retry in the payment client that was not idempotent.';
const FIX = 'We reversed the duplicate payments the same afternoon.';
const ARTIFACT =
  'Every payment call now carries an idempotency key, and the ledger rejects any second payment with the same key.';

function story(detection: string, extra: string[] = []) {
  return analyzeSentences([HEAD, detection, CAUSE, FIX, ARTIFACT, ...extra]);
}

/** The same story with `fix` as its only structural-fix sentence. */
function withFix(fix: string, detection = 'Our payment alert fired within two minutes.') {
  return analyzeSentences([HEAD, detection, CAUSE, FIX, fix]);
}

describe('detection gap, by meaning', () => {
  it('counts anyone outside the team noticing first, whatever their role', () => {
    const a = story('A dispatcher at one of the carriers rang our finance team to ask about a double payment.');
    expect(a.constraints.detection_gap_or_prior_near_miss_owned.met).toBe(true);
  });

  it('counts the ways documents say monitoring missed it: reports coming in, alerts under threshold, learned from customers', () => {
    for (const detection of [
      'Customers started reporting double payments to support, and that is how we found out.',
      'Our monitoring stayed under every alert threshold while the double payments went out.',
      'We learned about the outage from customers, not from monitoring.',
    ]) {
      expect(story(detection).constraints.detection_gap_or_prior_near_miss_owned.met, detection).toBe(true);
    }
  });

  it('counts a latency of a day or more before anyone saw it', () => {
    const a = story('Our reconciliation report only showed it on the third day, nine days into the month.');
    expect(a.constraints.detection_gap_or_prior_near_miss_owned.met).toBe(true);
  });

  it('does not count a long latency the speaker says was the designed earliest check', () => {
    const a = story('Our monthly audit showed it after three weeks, which was the earliest point anyone reconciled.');
    expect(a.constraints.detection_gap_or_prior_near_miss_owned.met).toBe(false);
  });

  it('does not read a relative clause about people as someone reporting it', () => {
    const a = story(
      'Our payment alert fired within two minutes; the analysts who noticed the spike were already on call.',
    );
    expect(a.constraints.detection_gap_or_prior_near_miss_owned.met).toBe(false);
  });
});

describe('prior near-miss, by meaning', () => {
  it('needs an earlier event together with its dismissal', () => {
    const owned = story('Our payment alert fired within two minutes.', [
      'A year earlier a carrier had reported one double payment, and I filed it as a bank glitch.',
    ]);
    expect(worksheetFound(owned, 'detection.prior_near_miss')).toBe(true);
    expect(owned.constraints.detection_gap_or_prior_near_miss_owned.met).toBe(true);
  });

  it('does not take an earlier change without any dismissal as a near-miss', () => {
    const a = story('Our payment alert fired within two minutes.', [
      'We had added that alert the year before, after an unrelated outage.',
    ]);
    expect(worksheetFound(a, 'detection.prior_near_miss')).toBe(false);
    expect(a.constraints.detection_gap_or_prior_near_miss_owned.met).toBe(false);
  });
});

describe('structural fix: later catches, specificity, gap closing', () => {
  it('reads "has + participle + count or since" as later catches', () => {
    for (const since of [
      'The key check has held back four duplicate batches since.',
      'Since then the ledger has rejected two retried payments from a new client.',
    ]) {
      const a = story('Our payment alert fired within two minutes.', [since]);
      expect(worksheetFound(a, 'structural_fix.caught_since')).toBe(true);
    }
  });

  it('reads a catch told with a pronoun and a season, not a pronoun that caught something else', () => {
    const caught = (line: string) =>
      worksheetFound(story('Our payment alert fired within two minutes.', [line]), 'structural_fix.caught_since');
    expect(caught('We also added a duplicate-batch alert, and it caught a retried batch last spring.')).toBe(true);
    expect(caught('We also added a duplicate-batch alert that caught our eye in the design review.')).toBe(false);
    // The time told first, as a second-language speaker often does.
    expect(caught('This limit is still active and last year it stopped one wrong batch from the billing team.')).toBe(
      true,
    );
  });

  it('reads a lesson found again elsewhere when the article is dropped', () => {
    const a = story('Our payment alert fired within two minutes.', [
      'What I learned is that any job that reads its target from the environment will one day point at production, and we found same problem in two other scripts.',
    ]);
    expect(a.sentences.at(-1)?.layer).toBe('system_learning');
    expect(a.constraints.system_learning_applied_elsewhere.met).toBe(true);
  });

  it('reads "that is still how it works" as an artifact still in place', () => {
    const a = withFix(
      'After that a second approver had to sign off on ledger changes, and that is still how it works.',
    );
    expect(a.constraints.structural_fix_names_continuing_artifact.detail).toMatch(/still in place/);
    // A fix told in the present after a leading "Now" is in place today.
    const now = withFix(
      'Now every payout run goes through a duplicate check that blocks any second payment with the same key.',
    );
    expect(now.constraints.structural_fix_names_continuing_artifact.detail).toMatch(/says it is still in place/);
    const since = withFix(
      'We added a duplicate check before every payout run, and that has been in place for about a year.',
    );
    expect(since.constraints.structural_fix_names_continuing_artifact.detail).toMatch(/says it is still in place/);
  });

  it('takes a lesson about what a signal cannot tell you as specific to the class of failure', () => {
    const a = story('Our payment alert fired within two minutes.', [
      'The lesson I took from it is that green dashboards tell you nothing about whether the money we send out is actually right.',
    ]);
    expect(a.sentences.at(-1)?.layer).toBe('system_learning');
    expect(a.rubric?.system_learning.level).toBe('strong');
  });

  it('reads how long it was live told in the past perfect, not the setting told that way', () => {
    const latency = (line: string) =>
      worksheetFound(
        analyzeSentences([line, 'A carrier rang our finance team to ask about it.', CAUSE, FIX, ARTIFACT]),
        'detection.latency',
      );
    expect(latency('Our invoice client had been silently paying some carriers twice for nine days.')).toBe(true);
    expect(latency('We had been doing shadow writes to the new ledger for two weeks.')).toBe(false);
  });

  it('reads an owner, a check still running and a lesson applied again in second-language and plain phrasings', () => {
    const a = analyzeSentences([
      HEAD,
      'A carrier rang our finance team to ask about it.',
      CAUSE,
      FIX,
      'After that we add a duplicate check before every payout run, and the payments team own it now.',
      'That check is in use to this day.',
      'What I took from it is that when a client retries without a key, every timeout becomes a second payment for someone, and we did the same check for the refunds batch a month later.',
    ]);
    expect(worksheetFound(a, 'structural_fix.owner')).toBe(true);
    expect(a.constraints.structural_fix_names_continuing_artifact.detail).toMatch(/says it is still in place/);
    expect(a.rubric?.system_learning.level).toBe('staff_bar');
  });

  it('takes a general statement of what a kind of thing makes happen as a specific lesson, not a what-if about this one', () => {
    const level = (lesson: string) =>
      story('A carrier rang our finance team to ask about it.', [lesson]).rubric?.system_learning.level;
    expect(
      level(
        'Lessons: a shared config file makes every reviewer an expert in every service at once, and nobody is that, not even on a good day.',
      ),
    ).toBe('strong');
    expect(level('Lessons: a slower confession would have let the archive rotate out, which was our luck.')).not.toBe(
      'strong',
    );
  });

  it('does not take an intention to do the same elsewhere, or a dated anecdote, as a lesson applied or specific', () => {
    const a = story('A carrier rang our finance team to ask about it.', [
      'The lesson is about timing: when the report came in, we fixed the symptom and moved on, and I would like to do the same check for the refunds batch next quarter.',
    ]);
    expect(a.constraints.system_learning_applied_elsewhere.met).toBe(false);
    expect(a.rubric?.system_learning.level).not.toBe('staff_bar');
  });

  it('does not take a fix only hoped for as an artifact, but keeps a committed action item', () => {
    const met = (fix: string) =>
      withFix(fix, 'A carrier rang our finance team to ask about it.').constraints
        .structural_fix_names_continuing_artifact.met;
    expect(met('We want to add an idempotency key check on every payment call next quarter.')).toBe(false);
    expect(met('We will add an idempotency key check that rejects any second payment with the same key.')).toBe(true);
  });

  it('takes an artifact with its trigger or scope as specific, a hedge as vague', () => {
    const specific = withFix('After that we added a spending budget per carrier in front of the payment client.');
    expect(specific.constraints.structural_fix_names_continuing_artifact.met).toBe(true);
    const vague = withFix('Afterwards we talked about adding more checks.');
    expect(vague.constraints.structural_fix_names_continuing_artifact.met).toBe(false);
  });

  it('ties an admitted gap to a fix that now detects the failure fast, not to any alert', () => {
    const gap = 'A carrier’s accountant emailed us about a double payment eleven days later.';
    const closed = story(gap, ['A per-carrier duplicate alert now pages the payments on-call within minutes.']);
    expect(closed.rubric?.honesty_about_detection.level).toBe('strong');
    const notTied = story(gap, ['A weekly report of duplicates now goes to the finance lead.']);
    expect(notTied.rubric?.honesty_about_detection.level).toBe('passing');
    const loud = story(gap, ['A second payment now fails the run loudly and pages the payments on-call.']);
    expect(loud.rubric?.honesty_about_detection.level).toBe('strong');
  });
});

describe('story facts on unpunctuated transcripts', () => {
  /** Words at 0.3 s; a 1.2 s pause after each sentence of `parts`, lower case, no punctuation. */
  function rawTranscript(parts: string[]): Transcript {
    const words: TranscriptWord[] = [];
    let t = 0;
    for (const part of parts) {
      for (const w of part
        .toLowerCase()
        .replace(/[.,;:]/g, '')
        .split(' ')) {
        words.push({ text: w, start: t, end: t + 0.28 });
        t += 0.3;
      }
      t += 1.2;
    }
    return { segments: [{ start: 0, end: t, text: words.map((w) => w.text).join(' '), words }] };
  }

  it('reads a phrase split across two pieces of one thought', () => {
    const a = analyzeTranscript(
      rawTranscript([
        'Our billing job double charged about two thousand customers for a day.',
        'Customers told support before any of our alerts fired.',
        'A retry in the payment client was not idempotent.',
        'We refunded everyone the same afternoon.',
        'Every payment call now carries an idempotency key and the ledger rejects any repeat.',
        'The general pattern is that any retry that crosses a service boundary will eventually duplicate work.',
        'After this I went through our other',
        'payment services.',
      ]),
    );
    expect(a.constraints.system_learning_applied_elsewhere.met).toBe(true);
  });
});

describe('mitigation sentences on unpunctuated transcripts', () => {
  it('counts a long spoken sentence cut in pieces as one mitigation sentence', () => {
    const words: TranscriptWord[] = [];
    let t = 0;
    const say = (text: string, pauseAfter: number) => {
      for (const w of text.split(' ')) {
        words.push({ text: w, start: t, end: t + 0.28 });
        t += 0.3;
      }
      t += pauseAfter;
    };
    say('our checkout service rejected valid cards for an hour', 1.2);
    say('support noticed it before any alert fired', 1.2);
    say('the cause was an expired certificate on the payment gateway', 1.2);
    // One run of 36 words with no pause long enough to end it: segmentation cuts it in two.
    say(
      'we rolled the gateway back to the previous certificate bundle and restarted every payment worker and then we replayed the failed payments from the queue so that no customer had to retry by hand',
      1.2,
    );
    say('every certificate now has an expiry alert that pages the payments on call thirty days ahead', 0);
    const a = analyzeTranscript({
      segments: [{ start: 0, end: t, text: words.map((w) => w.text).join(' '), words }],
    });
    const pieces = a.sentences.filter((s) => s.layer === 'mitigation');
    expect(pieces.length).toBeGreaterThan(1);
    expect(a.constraints.mitigation_at_most_two_sentences.evidence).toHaveLength(1);
    expect(a.constraints.mitigation_at_most_two_sentences.met).toBe(true);
  });
});

describe('story facts: negation, frameworks, dismissals, named blind spots', () => {
  const head = 'I ran the ledger service at a payroll company, and for a day some salaries were paid twice.';
  const cause = 'The cause was a retry in the bank connector that was not idempotent.';
  const mitigation = 'We reversed the duplicate transfers that evening.';

  it('does not read "nothing in our monitoring flagged it" as crediting monitoring', () => {
    const a = analyzeSentences([
      head,
      'The first signal was an email from a customer; nothing in our own monitoring flagged the duplicates.',
      cause,
      mitigation,
      'Every transfer now carries an idempotency key, and the ledger rejects a repeated key.',
    ]);
    expect(a.commonFailures.polished_detection.detected).toBe(false);
    expect(a.constraints.detection_gap_or_prior_near_miss_owned.met).toBe(true);
  });

  it('reads a named tier scheme as a framework and "wrote off as" with an earlier event as a near-miss', () => {
    const a = analyzeSentences([
      head,
      'Payroll clerks told us before any alert fired.',
      'There had been a smaller version of this two months before, and I wrote off as a bank glitch.',
      cause,
      mitigation,
      'Every transfer now carries an idempotency key, and the ledger rejects a repeated key; it has caught three retries since.',
      'We tied that to what we call detection tiers: every tier-one service must detect a duplicate within an hour.',
    ]);
    expect(a.rubric?.structural_fix_specificity.level).toBe('staff_bar');
    expect(worksheetFound(a, 'detection.prior_near_miss')).toBe(true);
  });

  it('takes a configuration that now prevents something as a specific artifact', () => {
    const a = analyzeSentences([
      head,
      'Our duplicate alert fired within minutes.',
      cause,
      mitigation,
      'The first structural change was to the connector configuration, which now prevents a transfer from being retried without its key.',
    ]);
    expect(a.constraints.structural_fix_names_continuing_artifact.met).toBe(true);
  });

  it('ties the fix to the gap when it reworks the mechanism that missed the failure, not a generic check', () => {
    const named = analyzeSentences([
      head,
      'No alert fired, because the reconciliation report only compared monthly totals; a clerk noticed first.',
      cause,
      mitigation,
      'The reconciliation report now compares every transfer against the bank file each hour.',
    ]);
    expect(named.rubric?.honesty_about_detection.level).toBe('strong');
    const generic = analyzeSentences([
      head,
      'A clerk noticed first, not any check of ours.',
      cause,
      mitigation,
      'A CI check now rejects any connector change without idempotency tests.',
    ]);
    expect(generic.rubric?.honesty_about_detection.level).toBe('passing');
  });
});

/** Facts read from sentences given their label and the layer model's probabilities directly. */
function factsOf(lines: ReadonlyArray<readonly [string, Layer, Partial<Record<Layer, number>>?]>): StoryFacts {
  return readFacts(
    lines.map(([text, layer, also = {}], index) => {
      const probabilities = { ...Object.fromEntries(LAYERS.map((l) => [l, 0])), [layer]: 0.6, ...also };
      const sentence: AnalyzedSentence = {
        ...{ index, text, start: index, end: index + 1, wordCount: text.split(' ').length, wordStart: 0, wordEnd: 0 },
        ...{ layer, confidence: 0.6, explicitMarker: null, evidence: [] },
        probabilities: probabilities as Record<Layer, number>,
      };
      return { sentence, text: normalize(text) };
    }),
  );
}

/** Facts of a story whose first sentence is the fix `fix` and whose second is `line`, labelled `layer`. */
function afterFixOf(fix: string) {
  return (line: string, layer: Layer = 'structural_fix') =>
    factsOf([
      [fix, 'structural_fix'],
      [line, layer],
    ]);
}

/** Each line told alone as a detection sentence: the first list admits a gap, the second does not. */
function expectGaps(admitted: readonly string[], notAdmitted: readonly string[]): void {
  for (const line of admitted) expect(factsOf([[line, 'detection']]).gapAdmitted, line).toBe(true);
  for (const line of notAdmitted) expect(factsOf([[line, 'detection']]).gapAdmitted, line).toBe(false);
}

describe('facts told in a sentence the engine labels with a neighbouring layer', () => {
  const fix = 'Every payment call now carries an idempotency key, and the ledger rejects a repeated key.';
  const catchLine = 'It has rejected a duplicate batch twice since, once during the holiday peak.';
  const elsewhere = 'We have since applied that lesson to the refunds service.';

  it.each([
    ['a later catch', catchLine, 'system_learning', 'structural_fix', 'laterCatches'],
    ['an application elsewhere', elsewhere, 'structural_fix', 'system_learning', 'appliedElsewhere'],
  ] as const)(
    'reads %s after the fix from a sentence the model thinks could be the right layer',
    (_, line, label, near, fact) => {
      const read = (p: number) =>
        factsOf([
          [fix, 'structural_fix'],
          [line, label, { [near]: p }],
        ])[fact].length;
      expect(read(0.3)).toBe(1);
      expect(read(0.05)).toBe(0);
    },
  );

  it('reads neither before the story has told a fix, nor a counterfactual "would have done the same"', () => {
    expect(
      factsOf([
        ['Our duplicate-batch alert fired twice since midnight and paged me.', 'detection', { structural_fix: 0.3 }],
        [fix, 'structural_fix'],
      ]).laterCatches,
    ).toEqual([]);
    expect(
      factsOf([
        [fix, 'structural_fix'],
        ['Without it the next release would have done basically the same thing to refunds.', 'system_learning'],
      ]).appliedElsewhere,
    ).toEqual([]);
  });
});

describe('later catches, applications elsewhere and lessons told in more of the ways people tell them', () => {
  const fix = 'Every payment call now carries an idempotency key, and the ledger rejects a repeated key.';
  const after = (line: string, layer: Layer) =>
    factsOf([
      [fix, 'structural_fix'],
      [line, layer],
    ]);

  it('reads a catch dated by a month, a season, a span later or a named season, and one that paged', () => {
    for (const line of [
      'Last March it caught a batch with a reused key from the new payroll export.',
      'This summer it stopped a holiday bonus run that would have paid twice.',
      'Three months later it flagged a partner file sent twice over a flaky link.',
      'In the last tax season, it block a retry storm from the filing gateway.',
      'In September the ledger guard stopped a replayed settlement file.',
      'It paged in August when a vendor resent a whole day of payments.',
      'It earned its keep at New Year, when it rejected a replayed batch.',
    ])
      expect(after(line, 'structural_fix').laterCatches.length, line).toBe(1);
    expect(after('Last March we added it to the payroll export as well.', 'structural_fix').laterCatches).toEqual([]);
  });

  it('reads another team or system taking up the same thing, told as done, and not a plan', () => {
    for (const line of [
      'The payroll team adopted the same idea for their deduction files.',
      'The billing desk now uses the same diff on its own feed handler.',
      'The same reconciliation check got added to the refunds system too.',
      'We also ran the same synthetic orders through the warehouse interface.',
    ]) {
      expect(after(line, 'system_learning').appliedElsewhere.length, line).toBe(1);
      expect(after(line, 'structural_fix').appliedElsewhere.length, line).toBe(1);
    }
    expect(
      after('We want to adopt the same idea for billing next quarter.', 'system_learning').appliedElsewhere,
    ).toEqual([]);
    expect(
      after('The support team wants to copy the throttle for their chat widget next year.', 'system_learning')
        .appliedElsewhere,
    ).toEqual([]);
    expect(
      after(
        'We added a rule that a second batch with the same total for the same client needs approval.',
        'structural_fix',
      ).appliedElsewhere,
    ).toEqual([]);
  });

  it('reads another team taking the thing for its own system, in any tense a speaker uses, and a table or job carried over', () => {
    for (const line of [
      'The search squad copied the nightly replay job for their ranking service two months later.',
      'The mobile team also take the linter for their release branch last spring.',
      'The payments service did the same with their webhook secrets the following quarter.',
      'The logistics team used the same freshness approach when they moved the route planner.',
      'The invoicing team adopted the same rounding table last month.',
      'The same canary stage was turned on in the booking service later that year.',
      'We have since set up the same golden comparison for claims payouts.',
      'Our video licensing product take the same check after.',
      'The gas metering programme has since adopted the same completeness reconciliation for its meters.',
      'Our search ranking team now runs the same calibration monitor on their click model.',
      'We have since rolled the same check out to three other queues.',
    ])
      expect(after(line, 'system_learning').appliedElsewhere.length, line).toBe(1);
    for (const [line, layer] of [
      ['The export now runs the same bot filter as analytics, from a shared library.', 'structural_fix'],
      ['What went wrong: the upgrade was rolled out to two of three nodes in one evening.', 'system_learning'],
      ['The platform team took the pager for the first week while we rebuilt it.', 'system_learning'],
    ] as const)
      expect(after(line, layer).appliedElsewhere, line).toEqual([]);
  });

  it('reads a lesson that says a thing can pass and still be wrong, must … otherwise, or silently carries its defaults', () => {
    for (const line of [
      'The lesson is that a reading can be valid in format and range but wrong in what it means.',
      'What I learned is that a health check must run from outside the network, otherwise it shares the blind spot.',
      'The mechanism is that copying a pipeline silently imports its retry settings.',
      'Turning off a flag is a release like any other.',
      'Storing prices as whole cents assumes every currency has two decimals.',
      'The review has to be about the lock the migration takes and not about the diff.',
      'What I took away is that a stale feed never looks like an error, the job succeeds with nothing.',
      'Maths libraries can change results without changing their signatures.',
      'Reading a balance and then writing it is not atomic under concurrency.',
      'A payment step that maps a timeout to approval is failing open.',
      'Fair share with weights needs a starvation bound, otherwise low priority means never.',
      'Lesson: the upload and the index are two separate writes, so one can fail alone.',
      'An idle worker and a stuck worker look identical from the scheduler.',
      "What I took from it is that school-term traffic isn't random, the calendar sets it.",
      'What I learned is anything that renews only when someone remembers is gonna lapse.',
    ])
      expect(after(line, 'system_learning').learningMechanism.length, line).toBe(1);
    const maxim = 'The big lesson is you can never assume any change is small, you have to test everything.';
    expect(after(maxim, 'system_learning').learningMechanism).toEqual([]);
  });

  it('reads a lesson that contrasts, gives a reason or names a signal as a mechanism, and a maxim as none', () => {
    for (const line of [
      'The lesson is that a retry has to be made safe where the state lives, not in the client that retries.',
      'What I took away is that a manual override has no end date unless a job outside the person ends it.',
      'For a fleet of sensors, silence is the failure signal.',
      'Rounding should happen once, on the final amount, because rounding every line adds up to a bias.',
      'A limit that fails closed turns a price change into an outage.',
    ])
      expect(after(line, 'system_learning').learningMechanism.length, line).toBe(1);
    for (const maxim of ['The lesson: be humble, not proud.', 'Communication is key.', 'Always test your changes.'])
      expect(after(maxim, 'system_learning').learningMechanism, maxim).toEqual([]);
  });
});

describe('a detection gap told as who was first', () => {
  it('reads "it was not us who caught it", "the first we knew was" and an outsider who mentioned it', () => {
    for (const line of [
      "It wasn't us who caught it, a carrier's accountant rang about the double payment.",
      'The first we knew was a carrier ringing our finance desk on Monday.',
      'We found out when a driver mentioned it to a dispatcher at the depot.',
    ])
      expect(factsOf([[line, 'detection']]).gapAdmitted, line).toBe(true);
    expect(factsOf([['Our payment alert fired within two minutes and paged me.', 'detection']]).gapAdmitted).toBe(
      false,
    );
  });

  it('reads an outsider told in the present, or named in a cleft ("it was a nurse who called"), and not our own alert', () => {
    for (const line of [
      'A customer dispatcher calls his account manager and says the vans jump around the map.',
      'The people who notice are the fraud team, they call us.',
      'It was actually a nurse on the ward who called the help desk.',
      'It was the support team who flagged it after two hundred tickets.',
    ])
      expect(factsOf([[line, 'detection']]).gapAdmitted, line).toBe(true);
    expect(factsOf([['It was our latency alert that caught it within a minute.', 'detection']]).gapAdmitted).toBe(
      false,
    );
  });
});

describe('how long it was live, and a fix still in place, told plainly', () => {
  it('reads a time live before someone noticed, and not a time something ran before a planned step', () => {
    // Told in the opening or the cause, where only a failure that was live counts.
    const latency = (line: string) => factsOf([[line, 'attribution']]).latencyStated.length;
    for (const line of [
      'The bad rates were live for two full pay cycles, about four weeks, before a clerk spotted a mismatch.',
      'So the bug was live five days before anybody tell us.',
      'It ran like that for about a day and a half before a courier firm opened a ticket.',
    ])
      expect(latency(line), line).toBe(1);
    expect(latency('We ran both systems for two weeks before we switched the traffic over.')).toBe(0);
  });

  it('reads "still … today" in a fix sentence as still in place', () => {
    const still = (line: string) =>
      factsOf([
        ['We added a gate that replays five hundred known routes before a graph build is promoted.', 'structural_fix'],
        [line, 'structural_fix'],
      ]).stillRunning.length;
    expect(still("It's still in the promotion path today.")).toBe(1);
    expect(still('It is still a required step for every schema migration today.')).toBe(1);
    expect(still('It was a required step for a while.')).toBe(0);
  });
});

describe('how long it was live told in seconds, as a span of silent failure or of a state, and not as a retention rule', () => {
  const latency = (line: string, layer: Layer = 'detection') => factsOf([[line, layer]]).latencyStated.length;

  it('reads the ways a time before anyone noticed is told', () => {
    for (const line of [
      'Our error alert fired about ninety seconds after the deploy.',
      'The carrier desk called us after around four hours.',
      'So ~3 days of broken builds before anyone caught it.',
      'The crash alert fired 3 h after the rollout began.',
      'We had no idea for almost two full days.',
      'For nearly four weeks nobody on the team notice.',
      'Honestly we missed it for about a month.',
    ])
      expect(latency(line), line).toBe(1);
    for (const line of [
      'Two weeks of silently dropped invoices.',
      'It turned out the disk had been full for about a week.',
      'The export had been stuck 14 hours by then.',
      'It was about five hours after my push.',
      'The first page went out 55 minutes after the change.',
      'Finance found it like a day and a half later.',
      'The page sat there for 42 min until someone at the agency messaged our editor.',
      'It was about twenty minutes from the kick-off before a fan pinged us.',
      'By then the bad tariff had been live for nine days and 300 bills were wrong.',
      'It go on for a month, around 31 days, before one landlord do the yearly check and send us a complaint.',
    ])
      expect(latency(line, 'mitigation'), line).toBe(1);
    for (const line of [
      'The deletion began only some hours after the deployment.',
      'The first call with that key came nineteen minutes after the push.',
      'Publish a full advisory seven days after the release.',
      'Several doses were given an hour early before nurses caught the discrepancy.',
      'It was five hours of broken screen sharing for a hundred thousand people.',
      'The table had been generated by a script which skipped leap days.',
    ])
      expect(latency(line, 'mitigation'), line).toBe(0);
    for (const line of [
      'The report runs at 1h in the night.',
      // A period named by its article is no time before anyone noticed.
      'Finance was the one who caught it, when the deposits for the month did not match.',
      'The on-call for that week was travelling.',
      'The cost alarm at $2,000 for the month fires in the ops channel.',
    ])
      expect(latency(line), line).toBe(0);
  });
});

describe('a later catch, a fix still in place and its owner, told in more ways', () => {
  const fix = 'We added a check that holds any result stamped before its collection time.';
  const read = (line: string) => afterFixOf(fix)(line);

  it('reads a catch dated "in the spring" or "in March when …", and one that failed over twice', () => {
    for (const line of [
      'In the spring it held back a re-run that would have asked for three thousand nodes.',
      'In summer it stop a retry storm when the vendor had a partial outage.',
      'In March when the clocks went forward it held forty results from another feed.',
      'It auto-failed over twice in March during provider blips.',
      'In August it page us when the provider have outage, so we switch source.',
      'In the elections last May it actually flipped to the static copy.',
      'It paid off in January when the alert fired on the first filing weekend.',
      'In January it detected a shortfall on a pilot firmware and halted that rollout.',
      'Last spring it failed a build after an intermediate certificate was reissued.',
    ])
      expect(read(line).laterCatches.length, line).toBe(1);
    for (const line of [
      "The robotics team owns that alert, it hasn't fired since, which is good I guess.",
      'If any platform drops against the same hour last week, it pages whoever owns the SDK.',
    ])
      expect(read(line).laterCatches, line).toEqual([]);
  });

  it('reads "still in", "running today", "still what every … goes through", and not a speaker who does not know', () => {
    for (const line of [
      "That's still in, and the integration rotation owns it.",
      "It's running today, hasn't fired yet.",
      'That limiter is still what every sync job goes through.',
    ])
      expect(read(line).stillRunning.length, line).toBe(1);
    expect(read("I moved teams, so I don't know if the gate's still there.").stillRunning).toEqual([]);
    for (const line of [
      'It is still part of every build.',
      "It's still there, it flips on its own.",
      'It remains in production.',
    ])
      expect(read(line).stillRunning.length, line).toBe(1);
  });

  it('reads an owner told as "the … team, who own it"', () => {
    expect(read('It pages the billing team, who own it.').owner.length).toBe(1);
    expect(read('It pages the custody ops rotation, they own it.').owner.length).toBe(1);
    expect(read('It pages ML platform on-call, and they own it.').owner.length).toBe(1);
  });
});

describe('a fix only planned or told vaguely is no specific artifact', () => {
  const artifact = (line: string) => factsOf([[line, 'structural_fix']]).specificArtifact.length;

  it('refuses a plan put on the roadmap or dated to a later quarter, and keeps a check that was added', () => {
    expect(
      artifact(
        "Next quarter we plan to add contract tests against the carrier's feed and an alert on dropped rows; I've put both on the roadmap.",
      ),
    ).toBe(0);
    expect(
      artifact('Plan is to add a property test over every time zone and a contract on date formats, sometime in Q3.'),
    ).toBe(0);
    expect(
      artifact("We added contract tests against the carrier's feed and an alert on the share of dropped rows."),
    ).toBe(1);
  });

  it('refuses "a much better process now", even beside a word that names an artifact', () => {
    expect(
      artifact('And we have a much better process now and I learned a lot about how the partner contracts work.'),
    ).toBe(0);
  });
});

describe("a day-long time beside the team's own alert", () => {
  it("is a fix's time when the alert found it, and still a gap when the alert was late", () => {
    const gap = (line: string) => factsOf([[line, 'detection']]).gapAdmitted;
    expect(
      gap(
        'How we found out: our crash alert fired at the 2% stage and paged me, and the hotfix went out the next morning.',
      ),
    ).toBe(false);
    expect(gap('Our disk alert only fired two days later, when the volume was already full.')).toBe(true);
    expect(gap('The export had been wrong for three days when the reconciliation check finally fired.')).toBe(true);
  });
});

describe('facts told in still more of the ways people tell them', () => {
  const afterFix = afterFixOf('We added a check that holds any result stamped before its collection time.');

  it('reads an outsider told as "the one who figured it out", heard from, or named in a cleft with commas', () => {
    for (const line of [
      "The billing team's on-call was the one who figured out the extra calls came from us.",
      'First we hear about it from a partner, the grid operator who runs the tariffs.',
      'We learned about it from the payroll team, two days in.',
      'It is a customer, a big bakery chain, who call the account manager.',
    ])
      expect(factsOf([[line, 'detection']]).gapAdmitted, line).toBe(true);
    for (const line of [
      'Our queue alert was the one that caught it within a minute.',
      'We heard about it from our latency alert within two minutes.',
    ])
      expect(factsOf([[line, 'detection']]).gapAdmitted, line).toBe(false);
  });

  it('reads a fix still wired in or still in the templates, and not one still in the backlog', () => {
    for (const line of ["It's still wired into every release.", 'Both limits are still in the cluster templates.'])
      expect(afterFix(line).stillRunning.length, line).toBe(1);
    expect(afterFix('The second check is still in the backlog.').stillRunning).toEqual([]);
  });

  it('reads a later catch told with "and it rejected", "blocked the March run" or "failed a PR", not a failing check', () => {
    for (const line of [
      'That constraint is still live and it rejected a duplicate claim during the autumn migration.',
      'The reconciliation gate blocked the March run from a partner that sent half a file.',
      'And it failed a PR from the pricing team in June that had the same early-ack pattern.',
    ])
      expect(afterFix(line).laterCatches.length, line).toBe(1);
    expect(afterFix('And it failed a health check twice while we were deploying it.').laterCatches).toEqual([]);
  });

  it('reads an owner "given … to own"', () => {
    expect(
      afterFix('Grid Reliability, under Ana Ruiz, was given that alert and its thresholds to own.').owner,
    ).toHaveLength(1);
  });

  it('reads a lesson told as "was that", a silent break, "for any … must", "so … must", what hides outages, "is just a promise"', () => {
    for (const line of [
      'The lesson was that aggregate volume hides partial outages keyed on one attribute, so we watch coverage per site.',
      'What I took away is that rules keyed on display names break silently whenever a vendor renames a product.',
      'The broader lesson is that for any asynchronous partner, the success signal must come from their final answer.',
      'The thing I keep saying is that files get resent and corrected all the time, so identity must come from the content.',
      'What I learned is that at-least-once delivery is just a promise about when you acknowledge relative to your writes.',
    ])
      expect(factsOf([[line, 'system_learning']]).learningMechanism.length, line).toBe(1);
  });

  it('reads the same thing pushed, ported or rolled elsewhere, and another team rebuilding its own around it', () => {
    for (const line of [
      'We pushed the same detector into the sewage pump monitoring too.',
      'The same readback thing got added to the kiosk product too.',
      'The refunds adjustments were moved onto the same ledger in the autumn.',
      'The mobile team has since rebuilt their retry logic around a retry budget based on that write-up.',
    ])
      expect(afterFix(line, 'system_learning').appliedElsewhere.length, line).toBe(1);
    for (const line of [
      'We rolled the same template onto the billing and identity clusters the following quarter.',
      'The glossary team also take this test set idea for their term extraction.',
    ])
      expect(afterFix(line).appliedElsewhere.length, line).toBe(1);
    expect(
      afterFix('We rebuilt its retry logic around a retry budget and a jittered backoff.').appliedElsewhere,
    ).toEqual([]);
  });

  it('reads a nightly reconciliation job that compares two counts as a specific artifact', () => {
    expect(
      factsOf([
        [
          'We build nightly reconciliation job that compare our loan count per title with the publisher ledger and open ticket if different.',
          'structural_fix',
        ],
      ]).specificArtifact,
    ).toHaveLength(1);
  });
});

describe('who noticed, how long, and what stayed, told the way second-language and terse speakers tell them', () => {
  const afterFix = afterFixOf('We added a check that holds any batch whose totals differ from the bank file.');
  const detection = (line: string) => factsOf([[line, 'detection']]);

  it('reads "nobody on our side saw it", "who noticed: not us", "we had no alert on", "we see nothing", "looked normal"', () => {
    expectGaps(
      [
        'Nobody from our team saw it, the warehouse thought it was a slow week.',
        'Who spotted it: not us, a courier forwarded a screenshot.',
        'We had no alert on parcel weights at all.',
        'There was no monitoring on the export folder.',
        'The only checks we have are for file size, and these are fine, so we see nothing.',
        'Every graph we had looked normal the whole time.',
        'We learn about problem from the accounting department.',
      ],
      [
        'Our queue alert fired and the support desk called us a minute later too.',
        'Our latency dashboard lit up and then the store managers phoned.',
        'Traffic looked normal again after the rollback.',
      ],
    );
  });

  it('keeps an outsider who told the team first, even when its alert followed in the same sentence', () => {
    const line = 'Store managers phoned the hotline first, and our own alert fired about five minutes after.';
    expect(detection(line).gapAdmitted).toBe(true);
  });

  it('does not take the alert itself, told as "it caught it", for someone who noticed, nor "the week before" for a time live', () => {
    const f = detection('Our new stock alert had gone live the week before and it caught it right away.');
    expect(f.gapAdmitted).toBe(false);
    expect(f.latencyStated).toEqual([]);
    expect(detection('A pharmacist at one of the stores noticed it and rang us.').gapAdmitted).toBe(true);
  });

  it('does not take an alert that did not fire for one that did', () => {
    const line = 'The lag alert did not fire, and the packing team asked why volumes had dropped.';
    expect(detection(line).gapAdmitted).toBe(true);
  });

  it('reads a time live told as "for the twelve days between", "since eleven days", "continued for … until", or "for six days nobody noticed"', () => {
    for (const [line, layer] of [
      ['For the twelve days between the upgrade and the first complaint, half the labels printed blank.', 'detection'],
      ['It is going like this since eleven days, until a courier calls.', 'detection'],
      ['It continued for two shifts, about one and half days, until a customer complained.', 'detection'],
      ['So for about six days the scales reported zero and nobody on our side noticed.', 'attribution'],
      ['Our drift monitor fired within about three minutes of the first bad frame.', 'attribution'],
    ] as const)
      expect(factsOf([[line, layer]]).latencyStated.length, line).toBe(1);
    expect(factsOf([['For the whole week we ran on the old config.', 'attribution']]).latencyStated).toEqual([]);
  });

  it('reads a fix enforced "on every load since", "currently enforced", owners told as "the ones who own it", "belongs to", "Owner:"', () => {
    for (const line of ["It's been enforced on every import since June.", 'The check is currently enforced.'])
      expect(afterFix(line).stillRunning.length, line).toBe(1);
    for (const line of [
      "The data platform team, they're the ones who own it now.",
      'The alert belongs to the Billing Operations team.',
      'Owner: Settlement Systems.',
    ])
      expect(afterFix(line).owner.length, line).toBe(1);
  });

  it('reads a catch "half a year later it fires", one it "picked up … last spring", and the exact same gate or report taken elsewhere', () => {
    for (const line of [
      'Half a year later it fires when a supplier changes its date format.',
      'It picked up a broken feed from the Lisbon depot last spring.',
    ])
      expect(afterFix(line).laterCatches.length, line).toBe(1);
    for (const line of [
      'The returns team added the exact same gate a few weeks later.',
      'The same mismatch report was added to the refunds import in May.',
    ])
      expect(afterFix(line, 'system_learning').appliedElsewhere.length, line).toBe(1);
  });

  it('reads a lesson told as "only as … as" or "only proves"', () => {
    for (const line of [
      'What I learned is that a dedupe key is only as reliable as the field it is built from.',
      'A queue reporting itself healthy only proves it accepted the message.',
    ])
      expect(factsOf([[line, 'system_learning']]).learningMechanism.length, line).toBe(1);
  });
});

describe('a fix that never landed, and more ways a fix, its owner, its catches and a time live are told', () => {
  const fix = 'We added a gate that blocks any tariff file whose rows do not sum to the header total.';
  const afterFix = afterFixOf(fix);

  it('refuses a specific check that was never merged, never built, left in the backlog or only talked about', () => {
    for (const line of [
      'I wrote a check that fails the build when a certificate expires within 30 days, but it never got merged.',
      'I specced a completeness check that pages when a batch is missing, and I do not know that anyone ever built it.',
      'The plan was to add a synthetic scan at every gate, and honestly that is still on the roadmap.',
      'TODO: add an alert on request age (in backlog).',
      'What we talked about adding was a check that the file total matches the lines, it is on a list somewhere.',
      'I wrote a rule that flags any zero allocation, but it never made it through review.',
    ])
      expect(factsOf([[line, 'structural_fix']]).specificArtifact, line).toEqual([]);
    expect(
      factsOf([['We put a maximum runtime in the pump firmware: any pump stops after 90 minutes.', 'structural_fix']])
        .specificArtifact,
    ).toHaveLength(1);
  });

  it('reads still in place told as "runs still", "as of this writing", "still renews every", "active today", "till today"', () => {
    for (const line of [
      'It runs still in every pipeline.',
      'The gate is enforced by the deploy tool for all services as of this writing.',
      'The job still renews every token every ten minutes.',
      'Both alerts are active today.',
      'This job is running daily till today.',
    ])
      expect(afterFix(line).stillRunning.length, line).toBe(1);
  });

  it('reads an owner told on a line the engine gives to another layer after the fix, and as "took it over", "will own", "agreed to own"', () => {
    expect(afterFix('Owner: Field Systems team.', 'mitigation').owner).toEqual([]);
    expect(
      factsOf([
        [fix, 'structural_fix'],
        ['Owner: Field Systems team.', 'mitigation', { structural_fix: 0.3 }],
      ]).owner,
    ).toHaveLength(1);
    for (const line of [
      'The routing team took it over as theirs.',
      "Omar's billing team will own that validation.",
      'The client platform team has agreed to own the canary stage.',
    ])
      expect(afterFix(line).owner.length, line).toBe(1);
  });

  it('reads a catch dated "on 14 March", "in June itself", or told as "proved itself"', () => {
    for (const line of [
      'The queue alert fired on 14 March when the vendor rotated its keys.',
      'In June itself it caught a meter sending watts instead of kilowatts.',
      'The guard proved itself in February, blocking a bad schedule.',
    ])
      expect(afterFix(line).laterCatches.length, line).toBe(1);
  });

  it('reads a time live told as "they\'d been piling up for", "it had been … by then", "for nine days after the change went live", "7 minutes into"', () => {
    for (const [line, layer] of [
      ["Turns out they'd been piling up for 6 days.", 'mitigation'],
      ['It had been about four days by then.', 'detection'],
      ['The map was stale for like forty minutes by then.', 'detection'],
      ['For nine days after the change went live, every refund was rounded down.', 'attribution'],
      ['Our alert fired 7 minutes into the evening show.', 'detection'],
    ] as const)
      expect(factsOf([[line, layer]]).latencyStated.length, line).toBe(1);
  });

  it('reads lessons told as "looks healthy if", "tells you nothing", "anything that … should", "need a … because"', () => {
    for (const line of [
      'Sensors that go quiet look healthy if you only alert on errors.',
      'When billing and shipping are two services, a success on one side tells you nothing.',
      'Anything that pays money out should compute its total twice and refuse to pay when they differ.',
      'Devices that send deltas need a plausibility check on the rate, because valid but wrong data never trips an error.',
    ])
      expect(factsOf([[line, 'system_learning']]).learningMechanism.length, line).toBe(1);
  });

  it('reads the same thing taken elsewhere told by a second-language speaker, "used exactly that rule", "did exactly that for", "ended up copying"', () => {
    for (const line of [
      'Same gate we have put also in the school transport scheduling.',
      'When the parking group rebuilt their permits, they used exactly that rule.',
      'We did exactly that for the fleet maintenance scheduler the next quarter.',
      'We ended up copying the same orphan check onto the clinic booking database.',
      'When we built the station counters later, we took this thinking: every timestamp comes from the server.',
    ])
      expect(afterFix(line, 'system_learning').appliedElsewhere.length, line).toBe(1);
  });
});

describe('facts told by speakers who found out late, in their own order and words', () => {
  const afterFix = afterFixOf('We added a check that refuses any roster with an unassigned shift.');
  const detection = (line: string) => factsOf([[line, 'detection']]);

  it('reads "how we found out: we didn\'t", "we learned it only when a …", "until a … found", "nobody see it", "not have alarm for"', () => {
    expectGaps(
      [
        'How we found out: we did not.',
        'We learned it only when a hotel chain received the wrong rugs.',
        'It sat there until a janitor opened the storeroom and found the crates.',
        'Tiny amounts, nobody see it.',
        'Our system not have alarm for this.',
        'It had been wrong for about thirty hours before a driver mentioned it to a dispatcher.',
        'The internal tools team reported that their pages would not load.',
        'Our mail filter had flagged the sign-in, but the alert was marked as low severity and was not reviewed.',
      ],
      [
        'We found out when an alert on the queue fired.',
        'We saw it ourselves before the public complained.',
        'Our synthetic run caught it before any customer called.',
      ],
    );
  });

  it('reads a time live told as "live from … until", "after ninety seconds", "nobody noticed during seven weeks"', () => {
    for (const line of [
      'The bad table was live from Monday morning until Thursday, call it three days.',
      'The lag monitor rang after ninety seconds.',
      'Nobody did not notice during seven weeks.',
    ])
      expect(detection(line).latencyStated.length, line).toBe(1);
    expect(detection('Traffic peaks at night, which is why nobody saw it during the day.').latencyStated).toEqual([]);
  });

  it('reads a fix that blocks publishing, one that diffs, still in place as "Status: running", "runs on every deploy still", "live and enforced since"', () => {
    expect(
      factsOf([['The check blocks plan publishing if any shift is unassigned.', 'structural_fix']]).specificArtifact,
    ).toHaveLength(1);
    for (const line of [
      'Status: running.',
      'It runs on every deploy still.',
      'Live and enforced for every rotation since.',
    ])
      expect(afterFix(line).stillRunning.length, line).toBe(1);
    expect(afterFix('The payroll team became owner of this validation.').owner).toHaveLength(1);
    expect(afterFix('In April it found a sensor the cleaners had soaked.').laterCatches).toHaveLength(1);
  });

  it('reads lessons told as "is not evidence of", "survives review because", "never looks strange"', () => {
    for (const line of [
      'For one-way paging, the carrier saying accepted is not evidence of arrival.',
      'Unit mismatches survive code review because the wrong number looks plausible either way.',
      'Rounding errors are tiny per person but always one direction, so they never look strange alone.',
    ])
      expect(factsOf([[line, 'system_learning']]).learningMechanism.length, line).toBe(1);
  });

  it('reads the same constraint copied, that same rule reused, a team that built its own on the same pattern or adopted it for its own', () => {
    for (const line of [
      'The loans product copied the same constraint a couple of months later.',
      'The greenhouse alerting has reused that same rule since last month.',
      'The buoy ingestion group built their own replay library on the same pattern afterwards.',
      "The neighbouring region's report adopted the gate for its own two languages.",
      'The allotment registry copied the scan step for plot handovers too.',
      'The dairy product also started the same reconciliation last year.',
    ])
      expect(afterFix(line, 'system_learning').appliedElsewhere.length, line).toBe(1);
  });
});

describe('who found it, how long, what caught it since, told in the ways blind10 showed missing', () => {
  const afterFix = afterFixOf('We added a gate that refuses any timetable with a platform clash.');
  const detection = (line: string) => factsOf([[line, 'detection']]);

  it("takes the team's own report, job, controller or comparison that flagged it for no outsider, and a present-tense green board or nobody having any idea as a gap", () => {
    expectGaps(
      [
        'Our status board is all green, no alarm at all.',
        'Nobody on our side had any idea.',
        'It was wrong for four days before a farmer phoned the office.',
        'The first report came from a school secretary who rang the help desk.',
        'The late exports were noticed by two teams, who assumed the jobs were slow.',
        'The job mailed a summary every night, to an inbox nobody had read in months.',
        'We discovered it only because a clerk needed a restore; no alert, report or check had flagged it.',
      ],
      [
        'Our nightly sanity report flagged it straight away, so we held the export.',
        'Our own pre-release validation job flagged the first bad batch, and we re-ran it the next morning.',
        'Our own door controller flagged it and it locked the gate, nobody hurt.',
        'Our drift alert (a comparison between the meter readings and the billing totals) fired on the first run.',
        'Nobody had any idea why the queue grew, until the on-call alert fired.',
      ],
    );
  });

  it('reads a time live told with a filler, in nights, since the update, or from the first bad reading; not a time to restore', () => {
    for (const [line, layer] of [
      ["It'd been under-reading for, uh, six days.", 'detection'],
      ['The beacon had been dark for, um, three nights.', 'detection'],
      ['It already run like this around two week since the update.', 'mitigation'],
      ['Our pace alert fired, it took about six minutes from the first bad reads.', 'detection'],
    ] as const)
      expect(factsOf([[line, layer]]).latencyStated.length, line).toBe(1);
    expect(
      detection('Our own seat dashboard showed zero sales; I spotted it and we restored the old map within the hour.')
        .latencyStated,
    ).toEqual([]);
  });

  it('reads a catch that closed or rolled something back, dated "this February", and not "I can\'t claim it has caught anything"', () => {
    for (const line of [
      'Last spring it closed one lane when a sensor battery died.',
      'This February it caught a kiosk with a full disk.',
      'In July the test rolled back a resize change that cut the image edges.',
    ])
      expect(afterFix(line).laterCatches.length, line).toBe(1);
    expect(afterFix("It hasn't fired for real since, so I can't claim it has caught anything.").laterCatches).toEqual(
      [],
    );
  });

  it('takes a list of short maxims, or a feeling with a contrast told in the past, for no specific lesson', () => {
    const maxims = factsOf([
      ['Lessons:', 'system_learning'],
      ['Check your edge cases.', 'system_learning'],
      ['Never release on a Friday.', 'system_learning'],
    ]);
    expect(maxims.learningSpecific).toBe(false);
    expect(
      factsOf([['For me it was tense, but I was glad our own check found it and not the buyers.', 'system_learning']])
        .learningMechanism,
    ).toEqual([]);
    expect(
      factsOf([['The lesson is that a sensor must report its age, not only its value.', 'system_learning']])
        .learningMechanism,
    ).toHaveLength(1);
  });

  it('reads the same thing now used elsewhere, applied "exactly this" in another place, or "added it there"', () => {
    for (const line of [
      'Parcel lockers on the harbour route now use the same reconciliation, live since March.',
      'The same per site known positive test was adopted by the river gauge team in May.',
      'The print shop, which is a different plant, has the same check, we added it there last year.',
    ])
      expect(afterFix(line, 'system_learning').appliedElsewhere.length, line).toBe(1);
    expect(
      afterFix('We applied exactly this afterwards in the cold store planning, they compare against a second feed.')
        .appliedElsewhere,
    ).toHaveLength(1);
  });
});

describe('what blind11 showed: fixes taken out again, status lines, second-language wordings', () => {
  const afterFix = afterFixOf('We added a gate that refuses any shipment without two matching probes.');
  const fix = (...lines: string[]) => factsOf(lines.map((l) => [l, 'structural_fix'] as [string, Layer]));

  it('names no artifact for a fix only talked about, turned off, pulled, not started or still in review', () => {
    for (const line of [
      'We talked about adding a hard rule that the gate shuts whenever the feed is missing, but it is still on the wish list.',
      'Then we put in a check that alerted if a tram skipped a stop, but the depot asked us to turn it off after two weeks, so it is gone.',
      'We added a preflight validation step for every page, but the night editor had it pulled after a week.',
      'Action item: a synthetic booking test against each till every 15 min, @ken to own it, not started yet.',
    ])
      expect(fix(line).specificArtifact, line).toEqual([]);
    expect(
      fix(
        'After this I write a check that blocks every plan breaking the weight rule.',
        'But until now it still in code review, not merged.',
      ).specificArtifact,
    ).toEqual([]);
    expect(
      fix(
        'The first version fired constantly, so we turned it off after a week and replaced it with a check that pages on a drop of 5%.',
      ).specificArtifact,
    ).toHaveLength(1);
    expect(
      fix(
        'The tracking system now scans every label back at receipt and compares the decoded ID with the full ID in the database.',
      ).specificArtifact,
    ).toHaveLength(1);
  });

  it('reads still in place told as a status line, "actually" for currently, "still working", "always active", "still a hard stop"', () => {
    for (const line of [
      'Actually this rule is used in all our shipments.',
      'This check is still working in all machines now.',
      'Current status: in production and enforced on every publish.',
      'Status: the gate is active on all outbound feeds.',
      'Actually this validation is always active.',
      "It's still a hard stop at receipt.",
    ])
      expect(afterFix(line).stillRunning.length, line).toBe(1);
    expect(afterFix('The dome rule is still on the wish list.').stillRunning).toEqual([]);
  });

  it('reads a catch dated "on 11 September", one that refused or picked up, and not one that never fired or fired in a drill', () => {
    for (const line of [
      'On 11 September it halted lateral 3 after a reboot loaded a stale table.',
      'In September it refused an update from the supplier.',
      'Last winter in the snow it picked up two calls that had dropped out of the queue.',
    ])
      expect(afterFix(line).laterCatches.length, line).toBe(1);
    for (const line of [
      'Since then it has not fired, which is good.',
      'It has fired twice since, both times during our disaster drills, not on real data.',
    ])
      expect(afterFix(line).laterCatches, line).toEqual([]);
  });

  it('reads an owner "responsible for it" or on an "Owner of … is" line', () => {
    for (const line of [
      'The team for farm connectivity is responsible for it, not me.',
      'Owner of check is group of yard systems.',
    ])
      expect(afterFix(line).owner.length, line).toBe(1);
  });

  it('reads a time live from a status line, from the first bad item, in seconds, or failing since a release', () => {
    for (const [line, layer] of [
      ['Time undetected: 47 days.', 'headline'],
      ['It was caught by our SPC alarm after 35 minutes from first wrong wafer.', 'attribution'],
      ['From first wrong batch until lab alarm was 40 minutes.', 'detection'],
      ['Our silence detector paged me 90s after the audio dropped.', 'detection'],
      ['Bookings had been failing quietly since the Tuesday release, so ~2 days.', 'mitigation'],
      ['The level reading had been frozen at that value for 31 hours.', 'detection'],
    ] as const)
      expect(factsOf([[line, layer]]).latencyStated.length, line).toBe(1);
  });

  it('reads lessons told as "the smaller …, the more", "are exactly the ones", "was, when …", "…, not what"', () => {
    for (const line of [
      'Money calculations compound, so the smaller a change looks, the more you want a replay of real cases.',
      'Changes that only touch rounding are exactly the ones people skip full regression on.',
      "The lesson was, um, when a system's normal path is automatic the exceptions end up in a queue nobody watches, so you need a watchdog on nothing happening.",
      'Lesson: timestamps say when a file was written, not what it contains.',
    ])
      expect(factsOf([[line, 'system_learning']]).learningMechanism.length, line).toBe(1);
  });

  it('reads the same thinking, control or principle taken elsewhere, installed also, or an idea used also', () => {
    for (const line of [
      'I did already apply the same thinking at the Riverside water plant.',
      'The packing house of our group also adopted the two-probe rule in May.',
      'We built the closure alerts app later that year around exactly that idea.',
      'Corporate Actions ops have switched on the same ageing control for their own accounts.',
      'When we integrated the clinic analysers, we applied exactly that principle.',
      'The same validation was installed also in our stores at Lyon.',
      'This idea I used also when we connected the new dosing line.',
    ])
      expect(afterFix(line, 'system_learning').appliedElsewhere.length, line).toBe(1);
    expect(
      afterFix(
        'Where we got lucky: the engineer on call had done the same upgrade at a previous job.',
        'system_learning',
      ).appliedElsewhere,
    ).toEqual([]);
  });

  it('takes outsiders the team was already on, or an alarm that texted, for no gap, and a warning thought unimportant for one', () => {
    expectGaps(
      ['Was warning in log about the clock, but we considered it is not important.'],
      [
        'Listeners also rang the studio line, but we were already on it.',
        'Our temperature alarm sent me a text 20 minutes after the first container warmed.',
        'The importer also complained one week later, but we know it already.',
      ],
    );
  });
});

describe("what blind12 showed: the team's own check first, outsiders on top of it, and more second-language wordings", () => {
  const afterFix = afterFixOf('We added a gate that refuses any plan with a swapped column.');
  const fix = (line: string) => factsOf([[line, 'structural_fix']]);

  it("reads no gap when the team's own alarm, report, monitor or simulator flagged it first, and outsiders came on top", () => {
    expectGaps(
      [
        'The growers were the ones who discover it.',
        'So warning was there, but nobody act.',
        'The highway police called the control room about the queue, not our monitoring, no.',
      ],
      [
        'Our own plant alarm for low flow temperature has fired very fast and the shift engineer has called me.',
        'Our own split-variance report flagged that employer in the same run, so we caught it internally.',
        'Our sync monitor spotted it about 12 minutes in; the operator flagged it in the booth channel.',
        'Our own smoke test on the reference ear simulator flagged the mismatch, and we pulled the release.',
        'Our own daily report compares the counter to the logbook hours and it flagged the mismatch on its first run.',
      ],
    );
    const later = factsOf([
      ['Our own clash report, which runs after every publish, flagged the double booking.', 'detection'],
      ['A few students posted on the forum, so we also had to send a correction.', 'detection'],
    ]);
    expect(later.gapAdmitted).toBe(false);
    const unwinding = factsOf([
      ['Our own variance report flagged it before any statement went out.', 'detection'],
      ["The employer's HR team did ring a day later, but we were already unwinding.", 'detection'],
    ]);
    expect(unwinding.gapAdmitted).toBe(false);
    // "had also noticed" is her own earlier finding, not a report on top of the alert.
    const unread = factsOf([
      ['The fork monitor flagged a head mismatch four minutes after the split.', 'detection'],
      [
        'The alert goes to a channel, and the first person to read it was an operator who had also noticed her node disagreeing.',
        'detection',
      ],
    ]);
    expect(unread.gapAdmitted).toBe(true);
  });

  it('reads a time live told as "Undetected for:", "from … until he noticed, it was", "since nineteen days", "N before that call", "worked it out … after"', () => {
    for (const [line, layer] of [
      ['Undetected for: 4 days (deployed Monday, reported Friday).', 'headline'],
      ['From valve stuck until he noticed, it was about eleven hours.', 'detection'],
      ['The wrong coefficient was live already since nineteen days.', 'attribution'],
      ['The first bad instruction arrived about two hours before that call.', 'detection'],
      ['I worked it out later, eleven days after the migration.', 'detection'],
      ['By then it had been paying out wrong for two meetings, so like a day and a half.', 'mitigation'],
    ] as const)
      expect(factsOf([[line, layer]]).latencyStated.length, line).toBe(1);
    expect(factsOf([['I am junior QA since 8 months at a shop in Curitiba.', 'headline']]).latencyStated).toEqual([]);
  });

  it('reads still in place, catches, owners and applications told in more ways', () => {
    for (const line of ['It runs on every inbound file today.', 'In place and running nightly.'])
      expect(afterFix(line).stillRunning.length, line).toBe(1);
    for (const line of [
      'In the last harvest it blocked again a sequence with the wrong sample.',
      "It's caught, um, I think three real ones now.",
    ])
      expect(afterFix(line).laterCatches.length, line).toBe(1);
    expect(afterFix('Owner of the reconciliation: Donor Digital on-call rota.').owner).toHaveLength(1);
    for (const line of [
      'The same validator now checks the podcast schedule for two more shows.',
      'I actually used that at my next job, at a drone operator.',
    ])
      expect(afterFix(line, 'system_learning').appliedElsewhere.length, line).toBe(1);
  });

  it('names no artifact for a check taken out again, not installed, hoped for, or talked about a lot', () => {
    for (const line of [
      'We put in a check that flagged any stop more than 200 metres off the path, but the product team took it out again in the spring.',
      'We prepared a check that compares each weight with the tractor type, but the provider has not installed it.',
      "We wrote up a proposal for a preflight against each cinema's feed, which I'm still hoping they build.",
      'Afterwards we talked a lot about adding a timezone test to the release.',
    ])
      expect(fix(line).specificArtifact, line).toEqual([]);
  });
});

describe('what blind13 showed: alerts described between commas, spans told to the call, fixes told as the recovery', () => {
  const afterFix = afterFixOf('We added a gate that refuses any timetable with a duplicated platform.');
  const fix = (line: string) => factsOf([[line, 'structural_fix']]);

  it("reads no gap when the team's own check is described between commas before it flagged, or outsiders also rang later", () => {
    expectGaps(
      ['Nobody of the IT department saw it; a ranger found the gate open.'],
      [
        'Our own ledger verification, which reads every posting back and compares it with the bank file, flagged the gap and paged me.',
        "Our meter-reading job, which checks every reading against the customer's last twelve months, flagged it at 08:10.",
        'Our own count audit, we compare the turnstiles against the tills every hour, it flagged it on the first run.',
      ],
    );
    const laterCall = factsOf([
      ['Our remote freezer alarm paged the night porter within ten minutes.', 'detection'],
      ['Two families also rang the next morning to ask whether the samples were safe.', 'detection'],
    ]);
    expect(laterCall.gapAdmitted).toBe(false);
    expect(laterCall.ownGapAdmission).toEqual([]);
    expect(
      factsOf([
        ["The port operator's night desk called to our control room because the lights stayed off.", 'detection'],
      ]).gapAdmitted,
    ).toBe(true);
  });

  it('reads a time live told as "had been … for … when", "from … until the call", "after the first … went up", "N minutes later"', () => {
    for (const [line, layer] of [
      ['The valve had been half open for about 50 minutes when our flow probe paged the operator.', 'detection'],
      ['From the firmware push until the call, about five hours passed.', 'mitigation'],
      ['From the cutover to that complaint was a bit under three days.', 'detection'],
      ['It threw a mismatch, um, like eight minutes after the first heat results went up.', 'attribution'],
      ['The overflow sensor tripped at 14:20, about 35 minutes later.', 'mitigation'],
    ] as const)
      expect(factsOf([[line, layer]]).latencyStated.length, line).toBe(1);
    expect(factsOf([['We restored the feed about 35 minutes later.', 'mitigation']]).latencyStated).toEqual([]);
  });

  it('reads the lesson taken elsewhere from an "Also applied:" lead, "used this also in", a next employer, or the same staging now used', () => {
    for (const line of [
      'Also applied: the parcel locker export got the same ordering assertion in June.',
      'We used this also in the tide tables of the harbour service in Gdynia.',
      'When I joined my current employer I applied that at once: we moved our checks to the receiving end.',
      'The same two-step staging was adopted by the ticket machine team.',
      'The same blocking comparison is now used by the relay timing crew too.',
    ])
      expect(afterFix(line, 'system_learning').appliedElsewhere.length, line).toBe(1);
    expect(
      afterFix("We've talked about doing the same for the booking app.", 'system_learning').appliedElsewhere,
    ).toEqual([]);
  });

  it('reads still in place told as "actually active" or "runs on every release", and owners told as "the responsible of" or "… managers own that check"', () => {
    for (const line of ['This rule is actually active in all the kilns.', 'It runs on every release of the app.'])
      expect(afterFix(line).stillRunning.length, line).toBe(1);
    for (const line of [
      'Until the soak test runs on every merge, the pool stays at ten workers.',
      'Changes now need a check that the price is actually live on the site.',
    ])
      expect(afterFix(line).stillRunning, line).toEqual([]);
    for (const line of [
      'The responsible of the rule is Ana, our technician.',
      'The site duty managers own that check.',
    ])
      expect(afterFix(line).owner.length, line).toBe(1);
  });

  it('names no artifact for a ticket opened for a check or a one-off simulation', () => {
    for (const line of [
      'Afterwards I opened a ticket for a check that compares the feed against the published one, still sitting in the queue.',
      "I created a ticket for a regression test around renamed rooms, it's still open.",
      'After that we made a simulation with the wardens to practise what to do if the list fails.',
    ])
      expect(fix(line).specificArtifact, line).toEqual([]);
  });

  it('reads a fix the layer model gave to the recovery when the next line says it is still in place, quoting it as shown', () => {
    const facts = factsOf([
      [
        'What I did: added a cross-check in the controller that compares pump speed with flow; if they disagree for ten minutes it alarms.',
        'mitigation',
      ],
      ["It's still in the program today.", 'mitigation'],
    ]);
    expect(facts.specificArtifact).toHaveLength(1);
    expect(facts.specificArtifact[0]?.layer).toBe('mitigation');
    expect(facts.stillRunning).toHaveLength(1);
    // Without a line that says it stays, a recovery stays a recovery.
    const recovery = factsOf([
      ['We added a temporary filter that drops any reading above 90 until the vendor ships a fix.', 'mitigation'],
      ['Then we replayed the missing hours.', 'mitigation'],
    ]);
    expect(recovery.specificArtifact).toEqual([]);
  });
});

describe('what blind14 showed: times told as two points, fixes the layer model gave to the cause, outsiders after the alert', () => {
  const afterFix = afterFixOf('We added a gate that refuses any manifest with a duplicated seat.');
  const fix = (line: string) => factsOf([[line, 'structural_fix']]);

  it("reads no gap when outsiders complained after the team's own alert, or the team had already acted by then", () => {
    for (const later of [
      'Some riders complained on the forum after, saying the fares looked odd.',
      'Two clients did phone on Monday, but dispatch had already been calling them by then.',
      'then there was a lot of noise on social media the next day from people whose tickets vanished.',
    ]) {
      const facts = factsOf([
        ['Our duplicate ticket alert picked it up during the release and paged me.', 'detection'],
        [later, 'detection'],
      ]);
      expect(facts.gapAdmitted, later).toBe(false);
    }
    expectGaps(
      [],
      [
        "The lab's batch QC flagged the run because the standards came out wrong.",
        'Our own quality report picked it up the next morning, before anything was published.',
      ],
    );
    const ahead = factsOf([
      [
        'The first page came from our upload probe eleven minutes in, and customers had already opened tickets by then.',
        'detection',
      ],
    ]);
    expect(ahead.gapAdmitted).toBe(true);
    // A notice read only with the spoken piece after it is placed by that piece.
    const run = factsOf([
      ['and that matters because one of them drops off the list.', 'detection'],
      ['our own nightly report picked it up and the clerk on our side flagged it.', 'detection'],
    ]);
    expect(run.gapAdmitted).toBe(false);
  });

  it('reads a time live worked out from two points, or told as the two points, and not a time to restore', () => {
    for (const [line, layer] of [
      ['That was the 9th, so roughly four days of broken labels.', 'detection'],
      ['The import ran 14 days undetected.', 'detection'],
      ['It rang at 09h40 and the first wrong label was printed at 09h25, so fifteen minutes.', 'detection'],
      [
        'Problem started on Tuesday evening and her email came Friday morning, so about two and half days nobody notice.',
        'detection',
      ],
      ['The bad table went live on a Monday and the complaint reached us the following Thursday.', 'mitigation'],
      ['It was going on from 3rd May to 12th May.', 'detection'],
    ] as const)
      expect(factsOf([[line, layer]]).latencyStated.length, line).toBe(1);
    expect(factsOf([['We rolled back at 14:00, so about an hour.', 'mitigation']]).latencyStated).toEqual([]);
    // Two times of people reporting tell when the reports came, not how long it went unseen.
    expect(
      factsOf([['Parents began emailing at 09:36, and the office took the first call at 09:38.', 'detection']])
        .latencyStated,
    ).toEqual([]);
  });

  it('reads a fix the layer model gave to the cause when it follows the sentence that made it and the next says it is still working', () => {
    const facts = factsOf([
      ['After incident, I made new check in upload step.', 'mitigation'],
      [
        'Before file is sent, check compares size of sent file with size of original, and if mismatch it stop upload.',
        'attribution',
      ],
      ['This check is still working now.', 'attribution'],
    ]);
    expect(facts.specificArtifact.map((q) => q.sentenceIndex)).toContain(1);
    expect(facts.specificArtifact.find((q) => q.sentenceIndex === 1)?.layer).toBe('attribution');
    expect(facts.stillRunning).toHaveLength(1);
  });

  it('reads a required-field rule as specific, and no artifact for one switched off within a month or never prioritised', () => {
    expect(
      fix('Added a required-field rule in the intake form so the type is chosen from a fixed list.').specificArtifact,
    ).toHaveLength(1);
    expect(
      fix('We added an alert on failed logins, but ops switched it off within a month and nobody turned it back on.')
        .specificArtifact,
    ).toEqual([]);
    const never = factsOf([
      ['I proposed a golden-set gate that every upgrade must pass before it ships.', 'structural_fix'],
      [
        'It was agreed in the review, but the ticket was never prioritised and I left before it was built.',
        'structural_fix',
      ],
    ]);
    expect(never.specificArtifact).toEqual([]);
  });

  it('reads "on every scanner still", a catch that raised tickets, an owner "is owning it", and the lesson taken to another team', () => {
    expect(afterFix("That's on every scanner still.").stillRunning).toHaveLength(1);
    expect(afterFix('On 3 May it raised tickets for 12 orders the carrier dropped.').laterCatches).toHaveLength(1);
    expect(afterFix('Platform QA team is owning it now.').owner).toHaveLength(1);
    for (const line of [
      'When I moved to the billing team a year later, I used exactly that argument to get their import tested.',
      'We went through the payroll export with that in mind and it had the same flaw.',
    ])
      expect(afterFix(line, 'system_learning').appliedElsewhere.length, line).toBe(1);
  });

  it('reads a lesson about any thing built some way as a mechanism, and not another system that "had the same pattern"', () => {
    const lesson = (line: string) => factsOf([[line, 'system_learning']]).learningMechanism;
    expect(
      lesson(
        'Any cache keyed on something coarser than what decides correctness will eventually serve a wrong answer.',
      ),
    ).toHaveLength(1);
    expect(
      lesson(
        'Lesson: in chained systems every unit can pass and the whole still fail, so test the links, not each unit.',
      ),
    ).toHaveLength(1);
    expect(lesson('We put the same test on the returns service right after because it had the same pattern.')).toEqual(
      [],
    );
  });
});

describe('what blind15 showed: alerts after which outsiders called, spans counted in runs, owners and catches in more words', () => {
  const afterFix = afterFixOf('We added a gate that refuses any roster with a doubled shift.');

  it("reads no gap when the outsider came after the team's own alert, said so or told after it, and a gap for zero visibility", () => {
    for (const [alert, later] of [
      [
        'Our own reconciliation between the route list and the depot table flagged it.',
        'A few riders did call the depot too.',
      ],
      [
        'Our conflict monitor, which checks each calendar every 10 minutes, alerted at 09:20.',
        'Two builders rang the counter later that morning.',
      ],
      [
        'Our checksum job, which runs after every batch, raised an alert at 02:10.',
        'A lab group also emailed in the morning.',
      ],
      ['The alarm came at 08:47.', 'One driver called the depot also, but this call was after the alarm.'],
      ['Our export check flagged it.', 'A reporter called the press office, but we already were correcting.'],
    ] as const)
      expect(
        factsOf([
          [alert, 'detection'],
          [later, 'detection'],
        ]).gapAdmitted,
        later,
      ).toBe(false);
    expectGaps(['We had zero visibility.'], []);
  });

  it('reads a time live counted in runs or worked out from two points told in more ways, and not a time to pause', () => {
    for (const line of [
      'First wrong charge happened 08:40 and the alarm came 08:47, so it was seven minutes only.',
      'upload ~00:40, her message 05:50, so ~5h live before anyone on our side knew',
      'The wrong profile was active since the Monday morning and the call was the Wednesday at noon.',
      'The change was installed on a Tuesday, he measured on Friday, so it was three days unseen.',
      'The run happened on 28th March and their mail came on 4th April.',
      'The first wrong invoice was from the third of the month and the query was the seventeenth.',
      'It had been doing that for four loads.',
      'It ran two Sundays in a row.',
      'By then it had been three pay cycles, so six weeks.',
    ])
      expect(factsOf([[line, 'detection']]).latencyStated.length, line).toBe(1);
    expect(factsOf([['Our alarm fired, and entries paused within the hour.', 'detection']]).latencyStated).toEqual([]);
  });

  it('reads fixes, still in place, owners and catches told in more ways, and not a fix the speaker cannot vouch for', () => {
    const fix = (line: string) => factsOf([[line, 'structural_fix']]);
    for (const line of [
      'After this we introduced a rule in the controller itself: the gate asks the training list first, and it is still like this in the current version.',
      'Transfer service now verifies size and checksum at the destination before marking a file complete.',
    ])
      expect(fix(line).specificArtifact.length, line).toBe(1);
    for (const line of [
      'This control runs actually every night.',
      'This validation is actually working in all the depots.',
    ])
      expect(afterFix(line).stillRunning.length, line).toBe(1);
    for (const line of [
      "Honestly I couldn't tell you if that check is still there.",
      'I cannot say it is still there or not.',
    ])
      expect(afterFix(line).stillRunning, line).toEqual([]);
    for (const line of [
      'We handed that alert over to the integrations squad to own going forward.',
      'Dave looks after that rule now.',
      'The schools data team is responsible of it.',
    ])
      expect(afterFix(line).owner.length, line).toBe(1);
    expect(afterFix('Our operations team is owner of it.', 'other').owner).toHaveLength(1);
    for (const line of [
      'The following harvest it tripped once when a schedule file got corrupted.',
      'In September this alarm became active when a pump was blocking.',
      'In the June run itself it stopped because one rate was missing.',
    ])
      expect(afterFix(line).laterCatches.length, line).toBe(1);
    expect(afterFix('Since then it did not repeat.').laterCatches).toEqual([]);
  });

  it('reads a recovery line as the fix when the line that says it stays comes one line later', () => {
    const facts = factsOf([
      [
        'What I put in afterwards: the PLC now refuses to run the burner above 40 degrees once the probe reads under 10%.',
        'mitigation',
      ],
      ['The farm manager signed it off.', 'mitigation'],
      ["It's still in the PLC today.", 'structural_fix'],
    ]);
    expect(facts.specificArtifact.map((q) => q.sentenceIndex)).toEqual([0]);
  });

  it('reads the same thing added, installed or gone in elsewhere, and not places still to look at or a move to another project', () => {
    for (const line of [
      'The same parse-failure counter was added to the cargo ingest.',
      'We installed the same validation in the other centre, in Burgos.',
      'When we built the puzzles feed the next year, the same hash rule went in on day one.',
      "same check now on the judges' scoring app",
      'When the team next door built the remittance parser they took that on.',
      'I sat down with the exam people and they rebuilt their test set around exactly the boundary marks.',
    ])
      expect(afterFix(line, 'system_learning').appliedElsewhere.length, line).toBe(1);
    for (const line of [
      "We have at least two other places that do that, and I'd like to look at them next.",
      "The data team owns the constraint; I've since moved to another project.",
    ])
      expect(afterFix(line, 'system_learning').appliedElsewhere, line).toEqual([]);
  });
});

describe('what the written stories held these readings to', () => {
  const afterFix = afterFixOf('We added a gate that refuses any release with an unsigned file.');

  it('keeps a gap where the alert was missing or only would have caught it, and reads none in "no idea if this was us"', () => {
    expectGaps(
      [
        "It was on a dashboard, but there wasn't an alert, so it was a support lead who actually flagged it.",
        'Our overnight reconciliation would have caught it the next day, but a customer called first at 08:05.',
      ],
      ['Around four I paged my lead, because I had no idea if this was us or them.'],
    );
  });

  it('reads no catch in "frozen once", no time live in "failed three times in a row", no owner in "the owner\'s cat"', () => {
    expect(afterFix('Old partitions are frozen once and never touched again.').laterCatches).toEqual([]);
    expect(
      factsOf([['A contributor posted that his build failed three times in a row.', 'detection']]).latencyStated,
    ).toEqual([]);
    expect(afterFix("The clinics forgave me; the owner's cat did not.", 'other').owner).toEqual([]);
  });

  it('reads the lesson applied though the speaker wants to see it under load, and no fix in a recovery before another fix', () => {
    expect(
      afterFix(
        "I've applied that to every shared filesystem decision since; I want to see it under load first.",
        'system_learning',
      ).appliedElsewhere,
    ).toHaveLength(1);
    const recovery = factsOf([
      ['For people who lost notes, I wrote a recovery page that pulled from the sync backup.', 'mitigation'],
      ['That got back most of the notes.', 'mitigation'],
      ['Any release that adds a permission now goes out to 5% of users first.', 'structural_fix'],
    ]);
    expect(recovery.specificArtifact.map((q) => q.sentenceIndex)).not.toContain(0);
  });
});
