/**
 * EXPORT SLOT (issue 7): the export dialog mounts here. Until the export feature provides its
 * dialog component, the button explains that export is not available yet instead of failing.
 * To wire it: render the dialog with `sessionId` when `open` is true.
 */
export function ExportSlot({ sessionId }: { sessionId: string }) {
  return (
    <button
      type="button"
      data-testid="export-button"
      data-session={sessionId}
      disabled
      title="Export (Markdown, HTML, PDF, JSON, WebVTT) arrives with the export feature."
    >
      Export…
    </button>
  );
}
