import { ExportButton } from '../export/ExportDialog';

/** Where the results header offers export (Markdown, HTML, PDF, JSON, WebVTT). */
export function ExportSlot({ sessionId }: { sessionId: string }) {
  return <ExportButton sessionId={sessionId} />;
}
