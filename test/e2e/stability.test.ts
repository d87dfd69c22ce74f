import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { mno } from '../../src/metrics/mojofm.js';
import { fixture } from '../helpers.js';

/**
 * Stability: adding one file to the fixture monolith moves at most 5% of the other files between
 * services. Moves are counted as the MoJo distance (fewest moves and joins) between the partition
 * of the original files before and after, so renamed services do not count as moves.
 */
describe('stability of the decomposition', () => {
  const targets = ['order-service', 'customer-service', 'shipping/shipment-service', 'notification-service'];

  it.each(targets)('adding a file that uses %s moves at most 5% of the other files', async (target) => {
    const before = (await analyze({ path: fixture('monolith') })).partition.assignment;
    const dir = mkdtempSync(path.join(tmpdir(), 'seams-stability-'));
    try {
      cpSync(fixture('monolith'), dir, { recursive: true });
      writeFileSync(
        path.join(dir, 'src/services/extra-feature.ts'),
        `import { createLogger } from '@shared/logger';\nimport * as target from './${target}';\n\nconst logger = createLogger('extra');\n\nexport function extra(): unknown {\n  logger.info('extra');\n  return target;\n}\n`,
      );
      const after = (await analyze({ path: dir })).partition.assignment;
      expect(after['src/services/extra-feature.ts']).toBeDefined();
      const restricted = Object.fromEntries(Object.keys(before).map((id) => [id, after[id] as string]));
      expect(mno(before, restricted) / Object.keys(before).length).toBeLessThanOrEqual(0.05);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
