import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The server-vs-database benchmark (bench/vs-database.mjs) in a small size, so that it keeps
// working: the full run is `pnpm --filter @egov-kit/server bench:vs-database`.
describe('the server-vs-database benchmark, small', () => {
  it('runs every operation both ways without a failure and writes its figures', async () => {
    const json = join(tmpdir(), `egov-vs-database-${process.pid}.json`);
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [fileURLToPath(new URL('../bench/vs-database.mjs', import.meta.url)), '--json', json],
        {
          env: {
            ...process.env,
            BENCH_QUICK: '1',
            BENCH_SECONDS: '0.3',
            BENCH_CONNECTIONS: '4',
            BENCH_DATABASES: process.env.TEST_DATABASE_URL ? 'pglite,postgres' : 'pglite',
            ...(process.env.TEST_DATABASE_URL
              ? { BENCH_DATABASE_URL: process.env.TEST_DATABASE_URL }
              : {}),
          },
          timeout: 150_000,
        },
      );
      expect(stdout).toMatch(/PGlite +create \+ submit +4 +\d+ \|/);
      const report = JSON.parse(await readFile(json, 'utf8'));
      expect(report.rows.length).toBe(process.env.TEST_DATABASE_URL ? 6 : 3);
      // Round trips of a create + submit (issue #19: 15 before the outbox and create were folded).
      const createSubmit = report.rows.find((row: { case: string }) =>
        row.case.includes('create + submit'),
      );
      expect(Number.parseInt(createSubmit.note, 10)).toBeLessThanOrEqual(7);
      for (const row of report.rows) {
        expect(row.subject.median).toBeGreaterThan(0);
        expect(row.peer.median).toBeGreaterThan(0);
        expect(row.ratio).toBeCloseTo(row.subject.median / row.peer.median, 6);
      }
    } finally {
      await rm(json, { force: true });
    }
  }, 180_000);
});
