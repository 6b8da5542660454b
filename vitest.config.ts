import { defineConfig } from 'vitest/config';

/** The Node-side packages' tests; the elements run in Chromium under web-test-runner. */
export default defineConfig({
  test: {
    include: [
      'packages/{schema,client,signing,server}/test/**/*.test.ts',
      'docs/examples/**/*.test.ts',
    ],
    pool: 'forks',
    maxWorkers: 2,
  },
});
