import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Test files that are slow or need more than the sources: `npm run test:unit` leaves them out,
 * `npm test` runs them too. Measured with the JSON reporter, they take about four fifths of the
 * suite's test time.
 */
const SLOW = [
  // The built bin spawned on whole projects: the fixture monolith, a generated 2,000-file monolith.
  'test/e2e/**/*.test.ts',
  // The HTML report in Chromium (playwright-core).
  'test/browser/**/*.test.ts',
  // The bench generator writing and analysing a project.
  'test/bench/**/*.test.ts',
  // Import resolution cross-checked against dependency-cruiser.
  'test/resolution/depcruise-crosscheck.test.ts',
  // Real git with hooks and the built bin spawned.
  'test/hostile/git.test.ts',
  // 40 random hostile trees through the CLI (fast-check).
  'test/hostile/property.test.ts',
  // The GitHub Action's shell steps run with bash on whole projects.
  'test/ci/**/*.test.ts',
  // dependency-cruiser and ESLint run as their own tools on exported rules.
  'test/gate/export-peers.test.ts',
  // FIFOs and devices; spawns Node on dist/, so it needs the build.
  'test/hostile/files.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Removes the folders tempProject() created once each test file is done.
    setupFiles: ['test/setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...SLOW] },
      },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'lcov'],
      reportsDirectory: 'coverage',
    },
  },
});
