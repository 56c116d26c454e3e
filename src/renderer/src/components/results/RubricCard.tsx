import { memo } from 'react';
import { RUBRIC_DIMENSIONS, type Analysis, type Feedback, type TierResult } from '../../../../core/analysis/types';
import { TIER_NAMES } from '../../../../core/results/panels';
import { QuoteButton } from './QuoteButton';
import { RubricDimensionCard } from './RubricDimensionCard';
import { ConstraintsFoldout, FailuresFoldout } from './RubricFoldouts';

/**
 * The rubric as the lesson defines it, summary first: the tier and its reasons, the three fixes
 * that matter most and the interviewer's follow-up; then the four dimensions with level, evidence
 * and the step to the next level; the practice constraints and common failures fold away behind
 * a line that gives their count.
 */
export const RubricCard = memo(function RubricCard({ analysis }: { analysis: Analysis }) {
  const { rubric, tierDetail } = analysis;
  // An ungraded answer has no rubric: NotGradedPanel above the transcript says why. The tab still
  // says so, not an empty panel that reads as a rubric failing to load.
  if (!rubric || !tierDetail)
    return (
      <p className="muted" data-testid="rubric-not-graded">
        No tier and no rubric: this answer was not graded. Why, and what to do, is above the transcript.
      </p>
    );
  return (
    <section className="panel rubric" aria-labelledby="rubric-title" data-testid="rubric-card">
      <TierSummary tierDetail={tierDetail} />
      <TopFixes feedback={analysis.feedback} />
      <h3>Rubric dimensions</h3>
      <div className="dimensions">
        {RUBRIC_DIMENSIONS.map((d) => (
          <RubricDimensionCard key={d} dimension={d} score={rubric[d]} />
        ))}
      </div>

      <ConstraintsFoldout constraints={analysis.constraints} />

      <FailuresFoldout commonFailures={analysis.commonFailures} />
    </section>
  );
});

/** The tier, the reasons for it and what the next tier needs. */
function TierSummary({ tierDetail }: { tierDetail: TierResult }) {
  return (
    <>
      <header className="rubric-head">
        <h2 id="rubric-title">Rubric</h2>
        <p className={`tier tier-${tierDetail.tier}`} data-testid="tier">
          Tier: <strong>{TIER_NAMES[tierDetail.tier]}</strong>
        </p>
      </header>
      <ul className="tier-reasons">
        {tierDetail.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {tierDetail.toReachNext && <p className="next-step">Next tier: {tierDetail.toReachNext}</p>}
    </>
  );
}

/** The fixes that matter most, then the question an interviewer would ask next. */
function TopFixes({ feedback }: { feedback: Feedback }) {
  return (
    <>
      <h3>Top fixes</h3>
      {feedback.topFixes.length === 0 && <p className="muted">No fix stands out: keep this shape and rehearse it.</p>}
      <ol className="fixes" data-testid="top-fixes">
        {feedback.topFixes.map((fix) => (
          <li key={fix.id}>
            <strong>{fix.title}</strong>
            <p>{fix.detail}</p>
            {fix.evidence[0] && <QuoteButton quote={fix.evidence[0]} />}
          </li>
        ))}
      </ol>

      <h3>The interviewer’s follow-up</h3>
      <blockquote className="follow-up" data-testid="follow-up">
        <p>“{feedback.followUp.question}”</p>
        <footer className="muted">{feedback.followUp.why}</footer>
      </blockquote>
    </>
  );
}

/**
 * For an answer that is not a gradable incident story, in place of the time budget and the
 * rubric: what is missing and what to do, and a way straight back to answering the same question
 * for the same story. No tier, no levels, no advice on proportions.
 */
export function NotGradedPanel({
  analysis,
  onAnswerAgain,
  onGradeAnyway,
}: {
  analysis: Analysis;
  onAnswerAgain: () => void;
  /** Grades it at the speaker's word; absent where the take cannot be changed. */
  onGradeAnyway?: () => void;
}) {
  // The check can misread a real incident told in few incident words; one too short to judge stays ungraded.
  const disputable = analysis.reason?.disputable === true && onGradeAnyway !== undefined;
  return (
    <section className="panel rubric" aria-labelledby="not-graded-title" data-testid="not-graded">
      <header className="rubric-head">
        <h2 id="not-graded-title">Not graded</h2>
        <p className="tier" data-testid="tier">
          No tier
        </p>
      </header>
      <p data-testid="not-graded-reason">{analysis.reason?.message ?? analysis.feedback.summary}</p>
      {analysis.reason && (
        <p className="next-step" data-testid="not-graded-next">
          <strong>What to do: </strong>
          {analysis.reason.next}
        </p>
      )}
      {disputable && (
        <p className="muted small" data-testid="grade-anyway-hint">
          If this is an incident you owned and it was misread, have it graded anyway: the page will say it was graded at
          your word.
        </p>
      )}
      <p className="row">
        <button type="button" className="primary" onClick={onAnswerAgain} data-testid="answer-again">
          Answer the question again
        </button>
        {disputable && (
          <button type="button" onClick={onGradeAnyway} data-testid="grade-anyway">
            It is an incident story: grade it
          </button>
        )}
      </p>
    </section>
  );
}
