import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Docker e2e suites share one engine: run files one at a time so timings stay honest.
    fileParallelism: false,
    reporters: ['default'],
  },
});
