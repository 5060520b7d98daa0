import { defineConfig } from 'vitest/config';

// Unit and integration tests run in Node; browser tests (test/browser) drive Debian's chromium
// through playwright-core against the production build, made once by the global setup.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'analysis/**/*.test.ts'],
    globalSetup: ['test/browser/global_setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
