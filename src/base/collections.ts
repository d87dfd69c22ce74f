/**
 * Small collection helpers every stage uses: one way to build a key for an ordered or unordered
 * pair of ids, and one "get or create" for maps of lists, sets and maps.
 */

/** Separator of pair keys: NUL cannot occur in a module id, service id or symbol name. */
const SEPARATOR = '\u0000';

/** Key of the ordered pair (from, to): `pairKey(a, b) !== pairKey(b, a)`. */
export function pairKey(from: string | number, to: string | number): string {
  return `${from}${SEPARATOR}${to}`;
}

/** Key of the unordered pair {a, b}: the same whichever order the ends come in (code-unit order for strings, numeric for numbers). */
export function unorderedPairKey(a: string | number, b: string | number): string {
  return a < b ? pairKey(a, b) : pairKey(b, a);
}

/** The two ends of a pair key, in the order it was built with. */
export function splitPairKey(key: string): [string, string] {
  const at = key.indexOf(SEPARATOR);
  return [key.slice(0, at), key.slice(at + 1)];
}

/** The value stored under `key`, created with `create` and stored first when absent. */
export function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => NoInfer<V>): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
