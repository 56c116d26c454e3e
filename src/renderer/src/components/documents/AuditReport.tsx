import type { DocumentAudit } from '../../../../core/document/audit-schema';
import { AuditExport } from './AuditExport';
import { AuditSummary } from './AuditSummary';
import { CommonFailures } from './CommonFailures';
import { ConstraintsList } from './ConstraintsList';
import { DocumentChanges } from './DocumentChanges';
import { LayerShares } from './LayerShares';
import { OutlinePanel } from './OutlinePanel';
import { RubricDimensions } from './RubricDimensions';
import { SaveAndPractise } from './SaveAndPractise';
import { SentencesBySection } from './SentencesBySection';
import { defaultStoryName } from './story-name';

/**
 * The audit on the left, most useful first (verdict, shares, what to change, then the detail);
 * on the right, how to rehearse it (length, story, Practise) above the outline it produces.
 */
export function AuditReport({
  audit,
  fileName,
  documentNo,
}: {
  audit: DocumentAudit;
  fileName: string;
  documentNo: number;
}) {
  return (
    <div className="doc-report" data-testid="document-audit">
      <div className="doc-report-main">
        <AuditSummary audit={audit} fileName={fileName} />
        <LayerShares audit={audit} />
        <DocumentChanges audit={audit} />
        {/* An ungraded document has none of these: nothing is graded for it. */}
        {audit.rubric && <RubricDimensions rubric={audit.rubric} />}
        {audit.constraints && <ConstraintsList constraints={audit.constraints} />}
        {audit.commonFailures && <CommonFailures failures={audit.commonFailures} />}
        <SentencesBySection audit={audit} />
      </div>
      <aside className="doc-report-side" aria-label="Outline and practice">
        {/* The actions come first so they are in sight without scrolling; the outline follows. */}
        {audit.outline && <SaveAndPractise key={documentNo} defaultName={defaultStoryName(audit.title, fileName)} />}
        <OutlinePanel audit={audit} />
        <AuditExport audit={audit} />
      </aside>
    </div>
  );
}
