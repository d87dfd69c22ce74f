import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAll } from '../../src/base/atomic-write.js';
import { tempProject } from '../helpers.js';

describe('writeAll', () => {
  it('writes the UTF-8 of the joined pieces, across its buffer, with pieces larger than it', () => {
    const pieces: string[] = [];
    // Small pieces of one-, two-, three- and four-byte characters fill the 1 MB buffer many times over.
    for (let index = 0; index < 60_000; index++) pieces.push(`{"n":${index},"s":"é€😀 ${'x'.repeat(index % 40)}"},`);
    // A piece too large for the buffer, between small ones, and one that ends exactly at a boundary's worth.
    pieces.splice(30_000, 0, `"${'ü'.repeat(400_000)}"`);
    pieces.push('z'.repeat(349_525));
    pieces.push('');
    const file = path.join(tempProject({}), 'out.json');
    const descriptor = openSync(file, 'w');
    try {
      writeAll(descriptor, pieces);
    } finally {
      closeSync(descriptor);
    }
    const written = readFileSync(file);
    expect(written.length).toBe(Buffer.byteLength(pieces.join(''), 'utf8'));
    expect(written.equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
  });
});
