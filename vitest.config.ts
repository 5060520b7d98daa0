import { defineConfig } from 'vitest/config';

// Unit and integration tests run in Node; browser tests drive Debian's chromium through
// playwright-core against a production build (see test/browser/).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'analysis/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
