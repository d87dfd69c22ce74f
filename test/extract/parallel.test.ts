import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers.js';

/**
 * Large batches are parsed on two threads (extract.ts parseAll). The worker is the compiled
 * dist/extract/parse-worker.js (npm test builds first), so this test drives the compiled extract.
 */
describe('parsing on a second thread', () => {
  it('gives the same extraction as one thread, file for file', async () => {
    const { extract } = (await import(
      '../../dist/extract/extract.js'
    )) as typeof import('../../src/extract/extract.js');
    const { loadProject } = (await import(
      '../../dist/load/load-project.js'
    )) as typeof import('../../src/load/load-project.js');
    const { resolveSettings } = (await import(
      '../../dist/config/resolve-settings.js'
    )) as typeof import('../../src/config/resolve-settings.js');
    const project = () => loadProject(resolveSettings({ path: fixture('monolith'), cache: false }));
    const progress: number[] = [];
    const two = await extract(project(), {
      cacheDir: null,
      parallelFromCharacters: 0,
      onParsed: (done) => progress.push(done),
    });
    const one = await extract(project(), { cacheDir: null, parallelFromCharacters: Number.POSITIVE_INFINITY });
    expect(two.modules.length).toBe(164);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    // Progress reached the end, counting both threads.
    expect(progress.at(-1)).toBe(164);
  });
});
