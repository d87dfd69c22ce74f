/**
 * Members of the innermost split level written by one JSON.stringify: few enough that a piece
 * stays under V8's large-object size (about 128 KB) and dies young; pieces of 256 members (modules
 * with their terms run to megabytes) piled up in the large-object space until a full collection,
 * and the peak RSS of a 20,000-file analysis varied from 0.78 to 1.08 GB between runs.
 */
const RUN = 32;

/**
 * `JSON.stringify(value)` in pieces: objects and arrays down to `depth` levels are split, the
 * innermost split level in runs of RUN members, each run one JSON.stringify. Joined, the pieces
 * are JSON.stringify's text exactly (members that are undefined, functions or symbols left out of
 * objects and written as null in arrays; values with toJSON, such as dates, written by
 * JSON.stringify itself). Used to write the caches (the stored analysis of 20,000 files is over
 * 100 MB) without building one string of the whole.
 */
export function* jsonChunks(value: unknown, depth = 3): Generator<string> {
  if (depth > 0 && Array.isArray(value)) {
    yield '[';
    for (let start = 0; start < value.length; start += depth === 1 ? RUN : 1) {
      if (start > 0) yield ',';
      if (depth === 1) yield JSON.stringify(value.slice(start, start + RUN)).slice(1, -1);
      else if (isOmitted(value[start])) yield 'null';
      else yield* jsonChunks(value[start], depth - 1);
    }
    yield ']';
    return;
  }
  if (depth > 0 && isPlainObject(value)) {
    yield '{';
    const keys = Object.keys(value).filter((key) => !isOmitted(value[key]));
    for (let start = 0; start < keys.length; start += depth === 1 ? RUN : 1) {
      if (start > 0) yield ',';
      if (depth === 1) {
        // No prototype: a member named __proto__ stays a member.
        const run: Record<string, unknown> = Object.create(null);
        for (const key of keys.slice(start, start + RUN)) run[key] = value[key];
        yield JSON.stringify(run).slice(1, -1);
      } else {
        yield `${JSON.stringify(keys[start])}:`;
        yield* jsonChunks(value[keys[start] as string], depth - 1);
      }
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
