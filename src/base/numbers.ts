/** Rounds to `digits` decimals: printed numbers are claims, not float noise. */
export function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Rounds to 4 decimals (metrics, the resolution sweep). */
export function round4(value: number): number {
  return roundTo(value, 4);
}

/** Appends `value` to the list kept under `key`, creating the list on first use. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
