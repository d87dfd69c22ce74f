/**
 * A map keyed by a pair of ids, kept as a map of maps: a lookup hashes the two ids themselves
 * (whose hashes the engine keeps once computed) instead of building and hashing a new key string
 * per lookup, which on the clustering graph's hundreds of thousands of pairs was most of the cost.
 */
export class PairMap<V> {
  private readonly rows = new Map<string, Map<string, V>>();

  /** The value of the ordered pair (a, b), if any. */
  get(a: string, b: string): V | undefined {
    return this.rows.get(a)?.get(b);
  }

  /** Sets the value of the ordered pair (a, b). */
  set(a: string, b: string, value: V): void {
    let row = this.rows.get(a);
    if (row === undefined) {
      row = new Map();
      this.rows.set(a, row);
    }
    row.set(b, value);
  }
}
