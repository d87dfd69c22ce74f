/**
 * Tests of the synthetic monolith generator (bench/generate-monolith.ts): determinism, size,
 * ground truth, and that seams analyses a generated project cleanly, with a realistic share of
 * cross-domain edges. No timing assertions: the benchmark measures speed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateMonolith, writeMonolith, type GeneratedMonolith } from '../../bench/generate-monolith.js';
import { analyze } from '../../src/analyze.js';

const folders: string[] = [];

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function sourceFiles(monolith: GeneratedMonolith): string[] {
  return Object.keys(monolith.files).filter((file) => file.endsWith('.ts'));
}

describe('generateMonolith', () => {
  it('gives identical output for the same seed and options, and different output for another seed', () => {
    const options = { seed: 11, files: 300, layout: 'domain-first' as const };
    const first = JSON.stringify(generateMonolith(options));
    expect(JSON.stringify(generateMonolith(options))).toBe(first);
    expect(JSON.stringify(generateMonolith({ ...options, seed: 12 }))).not.toBe(first);
  });

  it.each([200, 2000])(
    'honours files=%i within 5%%, with one expected entry per source file and domains + 1 labels',
    (files) => {
      const monolith = generateMonolith({ seed: 3, files });
      const sources = sourceFiles(monolith);
      expect(Math.abs(sources.length - files)).toBeLessThanOrEqual(files * 0.05);
      expect(Object.keys(monolith.expected).sort()).toEqual([...sources].sort());
      const domains = Math.min(120, Math.max(4, Math.round(files / 60)));
      expect(new Set(Object.values(monolith.expected)).size).toBe(domains + 1);
      expect(monolith.files['tsconfig.json']).toContain('"@shared/*"');
      expect(monolith.files['package.json']).toContain('"typeorm"');
    },
  );

  it('honours an explicit domain count in both layouts, never exceeding ~200 files per folder', () => {
    for (const layout of ['layer-first', 'domain-first'] as const) {
      const monolith = generateMonolith({ seed: 5, files: 3000, domains: 10, layout });
      const labels = new Set(Object.values(monolith.expected));
      expect(labels.size).toBe(11);
      expect(labels.has('shared')).toBe(true);
      const perFolder = new Map<string, number>();
      for (const file of sourceFiles(monolith))
        perFolder.set(path.posix.dirname(file), (perFolder.get(path.posix.dirname(file)) ?? 0) + 1);
      expect(Math.max(...perFolder.values())).toBeLessThanOrEqual(200);
      const folderNames = [...perFolder.keys()].join('\n');
      if (layout === 'layer-first')
        for (const label of labels) if (label !== 'shared') expect(folderNames).not.toContain(`/${label}/`);
    }
  });

  it('writes a project that seams analyses without unresolved imports, with 5–35% cross-domain edges', async () => {
    const monolith = generateMonolith({ seed: 42, files: 400 });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'seams-monolith-'));
    folders.push(dir);
    writeMonolith(dir, monolith);
    const analysis = await analyze({ path: dir });
    const bad = analysis.diagnostics.filter((item) =>
      ['UNRESOLVED_IMPORT', 'PARSE_ERROR', 'UNDECLARED_PACKAGE'].includes(item.code),
    );
    expect(bad).toEqual([]);
    expect(analysis.graph.modules.length).toBe(Object.keys(monolith.expected).length);
    let crossing = 0;
    let counted = 0;
    for (const edge of analysis.graph.edges) {
      const from = monolith.expected[edge.from];
      const to = monolith.expected[edge.to];
      expect(from).toBeDefined();
      expect(to).toBeDefined();
      if (from === 'shared' || to === 'shared') continue;
      counted += 1;
      if (from !== to) crossing += 1;
    }
    const share = crossing / counted;
    expect(share).toBeGreaterThanOrEqual(0.05);
    expect(share).toBeLessThanOrEqual(0.35);
  });
});
