#!/usr/bin/env node
/**
 * Load with a crash: LOAD_CLIENTS (50) citizens × LOAD_SECONDS (60) s of whole journeys (create a draft,
 * upload, fill in, submit; an officer receives) through a round-robin proxy, with one SIGKILL
 * at half time, on PGlite, on PostgreSQL, and on two instances sharing PostgreSQL. Prints
 * throughput, p50/p99 latency, retries, failed requests, and what acknowledged was lost or
 * duplicated (the goal: 0 and 0). Not part of CI, which runs a small version
 * (test/instances.test.ts).
 *
 *   pnpm --filter @egov-kit/server build
 *   pnpm --filter @egov-kit/server bench:load            # PostgreSQL from LOAD_DATABASE_URL,
 *   LOAD_CLIENTS=10 LOAD_SECONDS=15 pnpm --filter @egov-kit/server bench:load   # or the local server
 */
import { exampleAnswers } from '@egov-kit/schema/forms';
import pg from 'pg';
import { runScenario } from './cluster.mjs';

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const KINDS = (process.env.LOAD_KINDS ?? 'pglite,postgres,two').split(',');

async function postgresUrl() {
  const url = process.env.LOAD_DATABASE_URL ?? 'postgres://egov:egov@127.0.0.1:5432/egov';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch {
    return undefined;
  }
}

const databaseUrl = await postgresUrl();
const rows = [];
for (const kind of KINDS) {
  if (kind !== 'pglite' && !databaseUrl) {
    console.log(`${kind}: skipped (no PostgreSQL at LOAD_DATABASE_URL)`);
    continue;
  }
  console.log(`${kind}: ${CLIENTS} clients × ${SECONDS} s …`);
  const row = await runScenario({
    kind,
    clients: CLIENTS,
    seconds: SECONDS,
    databaseUrl,
    answers: exampleAnswers,
    log: (message) => console.log(`  ${message}`),
  });
  rows.push(row);
  if (row.problems.length || row.failures.length) console.log(row.problems, row.failures);
}
console.log(
  `\n${CLIENTS} clients × ${SECONDS} s, one SIGKILL at half time, Node ${process.version}`,
);
for (const r of rows) {
  console.log(
    [
      r.kind.padEnd(9),
      `${r.throughput.toFixed(0).padStart(5)} req/s`,
      `p50 ${r.p50.toFixed(0).padStart(4)} ms`,
      `p99 ${r.p99.toFixed(0).padStart(5)} ms`,
      `${String(r.journeys).padStart(5)} journeys`,
      `${String(r.retries).padStart(4)} retries`,
      `${r.failed} failed`,
      `lost ${r.lost}`,
      `duplicated ${r.duplicated}`,
    ].join('  '),
  );
}
if (rows.some((r) => r.lost || r.duplicated || r.failed)) process.exitCode = 1;
