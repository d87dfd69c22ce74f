import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/config/resolve-settings.js';
import { loadProject } from '../../src/load/load-project.js';
import { toModuleId } from '../../src/load/project.js';
import { fixture, tempProject } from '../helpers.js';

function ids(options: Parameters<typeof resolveSettings>[0]): string[] {
  const project = loadProject(resolveSettings(options));
  return project.files.map((file) => toModuleId(project.root, file));
}

describe('loadProject', () => {
  it("takes the tsconfig's file set and leaves out tests and declarations", () => {
    expect(ids({ path: fixture('basic') })).toEqual([
      'src/app.ts',
      'src/index.ts',
      'src/lib/double.ts',
      'src/lib/index.ts',
      'src/lib/math.ts',
      'src/util.ts',
    ]);
  });

  it('keeps tests and declarations with includeTests', () => {
    expect(ids({ path: fixture('basic'), includeTests: true })).toContain('src/app.test.ts');
    expect(ids({ path: fixture('basic'), includeTests: true })).toContain('src/settings.d.ts');
  });

  it('restricts to --include globs and drops --exclude globs', () => {
    expect(ids({ path: fixture('basic'), include: ['src/lib/**'] })).toEqual([
      'src/lib/double.ts',
      'src/lib/index.ts',
      'src/lib/math.ts',
    ]);
    expect(ids({ path: fixture('basic'), exclude: ['src/lib/**', '**/util.ts'] })).toEqual([
      'src/app.ts',
      'src/index.ts',
    ]);
  });

  it('scans a folder without tsconfig, skipping node_modules, dist, build, coverage and hidden folders', () => {
    const root = tempProject({
      'a.ts': 'export const a = 1;',
      'sub/b.tsx': 'export const b = 1;',
      'sub/c.mts': 'export const c = 1;',
      'sub/d.cts': 'export const d = 1;',
      'sub/e.js': 'export const e = 1;',
      'sub/e.test.ts': 'export const t = 1;',
      'sub/__mocks__/m.ts': 'export const m = 1;',
      'node_modules/x/index.ts': 'export const x = 1;',
      'dist/y.ts': 'export const y = 1;',
      'build/z.ts': 'export const z = 1;',
      'coverage/w.ts': 'export const w = 1;',
      '.cache/v.ts': 'export const v = 1;',
      'types.d.ts': 'export type T = 1;',
    });
    expect(ids({ path: root })).toEqual(['a.ts', 'sub/b.tsx', 'sub/c.mts', 'sub/d.cts']);
  });

  it('leaves out test folders, end-to-end specs and tool configs at a package root, and keeps them with includeTests', () => {
    const root = tempProject({
      'package.json': '{}',
      'src/orders/order.service.ts': 'export const a = 1;',
      'src/config/app.config.ts': 'export const config = 1;',
      'src/test-data/seed.ts': 'export const seed = 1;',
      'test/app.e2e-spec.ts': 'export {};',
      'test/helpers/login.ts': 'export {};',
      'src/tests/fake.ts': 'export {};',
      'src/orders/order.e2e.ts': 'export {};',
      'e2e/flow.ts': 'export {};',
      'integration-tests/api/cart.ts': 'export {};',
      'src/__fixtures__/order.ts': 'export {};',
      'src/button.stories.tsx': 'export {};',
      'jest.config.ts': 'export default {};',
      'vitest.setup.ts': 'export {};',
      'prisma.config.ts': 'export default {};',
      'packages/api/package.json': '{}',
      'packages/api/vite.config.mts': 'export default {};',
      'packages/api/src/main.ts': 'export {};',
      'packages/api/src/db.config.ts': 'export default {};',
    });
    expect(ids({ path: root })).toEqual([
      'packages/api/src/db.config.ts',
      'packages/api/src/main.ts',
      'src/config/app.config.ts',
      'src/orders/order.service.ts',
      'src/test-data/seed.ts',
    ]);
    const everything = ids({ path: root, includeTests: true });
    for (const id of [
      'test/app.e2e-spec.ts',
      'e2e/flow.ts',
      'integration-tests/api/cart.ts',
      'jest.config.ts',
      'prisma.config.ts',
      'packages/api/vite.config.mts',
      'src/button.stories.tsx',
    ])
      expect(everything).toContain(id);
  });

  it('uses an explicit --tsconfig', () => {
    const root = tempProject({
      'tsconfig.json': '{ "include": ["app"] }',
      'tsconfig.lib.json': '{ "include": ["lib"] }',
      'app/a.ts': 'export const a = 1;',
      'lib/b.ts': 'export const b = 1;',
    });
    expect(ids({ path: root })).toEqual(['app/a.ts']);
    expect(ids({ path: root, tsconfig: `${root}/tsconfig.lib.json` })).toEqual(['lib/b.ts']);
  });

  it('fails with NO_SOURCE_FILES when nothing is left to analyse', () => {
    const root = tempProject({ 'README.md': '# nothing here', 'only.test.ts': 'export {};' });
    expect(() => ids({ path: root })).toThrowError(expect.objectContaining({ code: 'NO_SOURCE_FILES' }));
  });

  it('fails with TSCONFIG_INVALID on a tsconfig that is not JSON with comments', () => {
    const root = tempProject({ 'tsconfig.json': '{ "compilerOptions": { "strict": true ', 'a.ts': '' });
    expect(() => ids({ path: root })).toThrowError(
      expect.objectContaining({
        code: 'TSCONFIG_INVALID',
        message: expect.stringMatching(/^tsconfig\.json: .*expected/),
      }),
    );
  });

  it('reports a missing extends target as a diagnostic and goes on', () => {
    const root = tempProject({
      'tsconfig.json': '{ "extends": "./missing-base.json", "include": ["*.ts"] }',
      'a.ts': 'export const a = 1;',
    });
    const project = loadProject(resolveSettings({ path: root }));
    expect(project.files).toHaveLength(1);
    expect(project.diagnostics).toEqual([
      expect.objectContaining({
        code: 'TSCONFIG_WARNING',
        file: 'tsconfig.json',
        message: expect.stringContaining('missing-base.json'),
      }),
    ]);
  });
});
