/** Deepest nesting a request may carry; real inputs stay under ten levels. */
export const MAX_JSON_DEPTH = 64;

function isContainer(value: unknown): value is object {
  // Byte arrays are leaves: walking an audio chunk element by element would cost a megabyte of work.
  return value !== null && typeof value === 'object' && !ArrayBuffer.isView(value);
}

/**
 * How deeply `value` nests: 0 for a scalar, 1 for `{}` or `[]`, 2 for `[[]]`… Counting stops at
 * `limit + 1`, so a hostile document costs at most `limit + 1` passes over its containers.
 *
 * Level by level rather than recursive, so no document can overflow the stack; a level's
 * containers are deduplicated, so shared or cyclic references (possible in structured-cloned
 * input) can neither loop nor multiply the work.
 */
export function jsonDepth(value: unknown, limit: number): number {
  let level = new Set<object>(isContainer(value) ? [value] : []);
  let depth = 0;
  while (level.size > 0) {
    depth += 1;
    if (depth > limit) return limit + 1;
    const next = new Set<object>();
    for (const node of level) {
      for (const child of Object.values(node)) if (isContainer(child)) next.add(child);
    }
    level = next;
  }
  return depth;
}
