import { defineConfig } from 'vitest/config';

// Two projects: unit tests beside pure modules run in parallel; integration tests drive the real
// Go toolchain and sandbox, share one warm build cache, and run one file at a time so the
// 2-core machine measures limits rather than contention.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'playground/**/*.test.ts',
            'contract/**/*.test.ts',
            'components/**/*.test.ts',
            'integrations/**/*.test.ts',
            'scripts/**/*.test.ts',
            'tests/unit/**/*.test.ts',
          ],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
