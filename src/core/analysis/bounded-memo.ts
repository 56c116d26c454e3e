/**
 * Stores `value` under `key`, first dropping the entry stored longest ago once `max` are kept: a
 * memo of what was computed lately that cannot grow without bound over a long session.
 */
export function keepBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  if (!map.has(key) && map.size >= max) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}
