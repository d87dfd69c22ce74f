/**
 * `JSON.stringify(value)` in pieces: objects and arrays down to `depth` levels are written member
 * by member, deeper values by one JSON.stringify each. Joined, the pieces are JSON.stringify's
 * text exactly (members that are undefined, functions or symbols left out of objects and written
 * as null in arrays; values with toJSON, such as dates, written by JSON.stringify itself). Used to
 * write the caches (the stored analysis of 20,000 files is over 100 MB) without building one
 * string of the whole.
 */
export function* jsonChunks(value: unknown, depth = 3): Generator<string> {
  if (depth > 0 && Array.isArray(value)) {
    yield '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) yield ',';
      const item: unknown = value[index];
      if (isOmitted(item)) yield 'null';
      else yield* jsonChunks(item, depth - 1);
    }
    yield ']';
    return;
  }
  if (depth > 0 && isPlainObject(value)) {
    yield '{';
    let first = true;
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (isOmitted(item)) continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* jsonChunks(item, depth - 1);
    }
    yield '}';
    return;
  }
  yield JSON.stringify(value) ?? 'null';
}

function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || 'toJSON' in value) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
