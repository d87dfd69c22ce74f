import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateMonolith, writeMonolith } from '../../bench/generate-monolith.js';
import { analyze } from '../../src/analyze.js';

describe('clustering quality on a generated 2,000-file monolith', () => {
  it('agrees with the generator ground truth at MoJoFM >= 90 (layers first, shared kernel, barrels, aliases, 10% noise)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seams-generated-'));
    try {
      const monolith = generateMonolith({ seed: 1, files: 2000 });
      writeMonolith(dir, monolith);
      const analysis = await analyze({ path: dir, expected: monolith.expected, cache: false });
      expect(analysis.graph.modules).toHaveLength(Object.keys(monolith.expected).length);
      expect(analysis.metrics.partition.expected?.mojoFm).toBeGreaterThanOrEqual(90);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
