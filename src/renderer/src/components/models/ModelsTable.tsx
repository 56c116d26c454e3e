import type { ModelsOverview } from '../../stores/models-state';
import { formatBytes } from './model-format';
import { ModelRow } from './ModelRow';

/** Every model with its row, and the disk space models take. */
export function ModelsTable({ overview, onImport }: { overview: ModelsOverview; onImport: () => void }) {
  return (
    <>
      <table className="models-table">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Language</th>
            <th scope="col">Size</th>
            <th scope="col">Memory</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {overview.models.map((m) => (
            <ModelRow key={m.id} model={m} onImport={onImport} />
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Models use {formatBytes(overview.diskUsage.totalBytes)} in <code>{overview.diskUsage.modelsDir}</code>
        {overview.diskUsage.partialBytes > 0
          ? ` (${formatBytes(overview.diskUsage.partialBytes)} in unfinished downloads)`
          : ''}
        .
      </p>
    </>
  );
}
