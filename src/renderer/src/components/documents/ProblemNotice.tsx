import type { DocumentProblem } from '../../stores/document-problem';

/** A refused or failed document, where it was given, with what to do next. */
export function ProblemNotice({ problem }: { problem: DocumentProblem }) {
  return (
    <div className="doc-problem" role="alert" data-testid="document-problem">
      <strong>{problem.message}</strong>
      <span> {problem.next}</span>
    </div>
  );
}
