import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'electron/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'central/**/*.test.ts',
      'scripts/**/*.test.ts',
      'test/unit/**/*.test.ts',
    ],
    // Native SQLite and PGlite work in worker threads, but forks isolate native state best.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
