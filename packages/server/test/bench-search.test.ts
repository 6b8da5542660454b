import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The search benchmark (bench/search.mjs) in a small size, so that it keeps working: the full
// run (6,000 procedures) is `pnpm --filter @egov-kit/server bench:search`.
describe('the search benchmark, small', () => {
  it('indexes, answers every query with something, and prints its figures', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [fileURLToPath(new URL('../bench/search.mjs', import.meta.url))],
      {
        env: {
          ...process.env,
          BENCH_PROCEDURES: '400',
          BENCH_ROUNDS: '2',
          BENCH_DATABASE_URL: process.env.TEST_DATABASE_URL
            ? process.env.TEST_DATABASE_URL.replace(/\/[^/]+$/, '/egov_bench_search')
            : 'postgres://unreachable.invalid:1/none',
        },
        timeout: 120_000,
      },
    );
    expect(stdout).toMatch(/PGlite: indexed in [\d.]+ s; all queries p50 +[\d.]+ +p95 +[\d.]+/);
    expect(stdout).toMatch(/empty answers 0/);
  }, 150_000);
});
