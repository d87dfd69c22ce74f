import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { fixture } from '../helpers.js';
// @ts-expect-error plain ESM helper shared with scripts/compare-depcruise.mjs, no typings
import { depcruiseGraph } from '../../scripts/depcruise-graph.mjs';

/**
 * Cross-check against dependency-cruiser: every internal edge it finds between modules seams
 * analyses must be among seams's edges (self-imports aside: seams drops them by design).
 * Where dependency-cruiser cannot see a case at all, it is named here with the reason, and only
 * the subset rule is checked; elsewhere it must find edges, so the check is not vacuous.
 */
const DEPCRUISE_BLIND: Record<string, string> = {
  'resolution/configdir':
    'dependency-cruiser does not expand ${configDir} in paths, so it resolves none of the aliased imports',
  'resolution/extends-package':
    'dependency-cruiser does not follow a package-style extends ("@acme/tsconfig/base.json"), so the paths it carries are unknown to it',
};

const cases = [
  'basic',
  'monolith',
  ...readdirSync(fixture('resolution'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `resolution/${entry.name}`),
].sort();

describe('dependency-cruiser finds no internal edge that seams misses', () => {
  for (const name of cases) {
    it(name, async () => {
      const root = fixture(...name.split('/'));
      const [analysis, cruise] = await Promise.all([
        analyze({ path: root }),
        depcruiseGraph(root) as Promise<{ edges: Set<string> }>,
      ]);
      const analysed = new Set(analysis.graph.modules.map((module) => module.id));
      const ours = new Set(analysis.graph.edges.map((edge) => `${edge.from} -> ${edge.to}`));
      const missing = [...cruise.edges].filter((edge) => {
        const [from, to] = edge.split(' -> ') as [string, string];
        return from !== to && analysed.has(from) && analysed.has(to) && !ours.has(edge);
      });
      expect(missing).toEqual([]);
      if (DEPCRUISE_BLIND[name] === undefined) expect(cruise.edges.size).toBeGreaterThan(0);
      else expect(cruise.edges.size).toBe(0);
    });
  }
});
