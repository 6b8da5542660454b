import { defineConfig } from 'vitest/config';

/** The Node-side packages' tests; the elements run in Chromium under web-test-runner. */
export default defineConfig({
  test: {
    include: [
      'packages/{schema,client,signing,server,conformance}/test/**/*.test.ts',
      'docs/examples/**/*.test.ts',
      // The elements in Node: importing them, and rendering each with Lit SSR.
      'packages/elements/test-node/**/*.test.ts',
    ],
    pool: 'forks',
    maxWorkers: 2,
    // Many tests drive real tools (openssl, pdfsig, PostgreSQL, servers on loopback); on a
    // busy 2-core machine 5 s is too tight for them, and a hung test still fails.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
