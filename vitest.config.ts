import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Removes the folders tempProject() created once each test file is done.
    setupFiles: ['test/setup.ts'],
  },
});
