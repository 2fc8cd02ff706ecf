import { defineConfig } from 'vitest/config';

// Unit tests sit beside pure modules (*.test.ts); cross-layer tests that need go, bwrap or a
// server live in tests/integration. Browser tests are Playwright's (tests/e2e), not Vitest's.
export default defineConfig({
  test: {
    include: [
      'playground/**/*.test.ts',
      'components/**/*.test.ts',
      'integrations/**/*.test.ts',
      'scripts/**/*.test.ts',
      'tests/unit/**/*.test.ts',
      'tests/integration/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
