import { byteSize } from '../../../../core/report/format';

/** A size in the models panel; '—' when unknown. */
export function formatBytes(bytes: number | null): string {
  return bytes === null ? '—' : byteSize(bytes);
}
