#!/usr/bin/env node
/**
 * What the client costs over a bare `fetch`, on this machine (build the schema, server and
 * client packages first):
 * - the median time of `client.procedures.get(code)` — validation on, and off — against
 *   `fetch(url).then((r) => r.json())` of the same URL, same server, same run, interleaved so
 *   that a busy neighbour and garbage collection weigh on all alike; the ratio's goal is ≤ 1.15
 *   with validation on. Bare ky is measured too, to tell ky's share from the client's, and
 *   openapi-fetch 0.17.0 (a typed fetch wrapper, no validation), the nearest peer;
 * - the CPU time this process spends per request (`process.cpuUsage`), median: what each
 *   contender itself costs, with the server's work (in the child) and the wait left out. On a
 *   machine shared with other work the wall-clock ratio swings from run to run; this one holds;
 * - the time to validate a page of 100 procedures (`ProcedurePage`), and one full procedure, with
 *   the schemas as built and compiled (`z.compile`, what the client validates with in Node once a
 *   schema is hot).
 * The reference server runs on PGlite, on a loopback port, in a child process: in this one, its
 * work and garbage would land between the client's and blur what the client costs.
 *
 *   node bench/client.mjs [--quick] [--json <file>]     (ROUNDS=400 by default)
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { Procedure, ProcedurePage } from '@egov-kit/schema';
import ky from 'ky';
import createOpenApiFetch from 'openapi-fetch';
import * as z from 'zod/mini';
import { benchQuick, row, writeBenchJson } from '../../../scripts/lib/bench-report.mjs';
import { createClient } from '../dist/node.js';

const ROUNDS = Number(process.env.ROUNDS ?? (benchQuick() ? 60 : 400));
const WARMUP = 50;
const CODE = '1.013133';

// The server's access log (one line per request) is dropped; its errors still show.
const server = fork(new URL('./server.mjs', import.meta.url), {
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
});
const [{ url: origin }] = await once(server, 'message');
const api = `${origin}/api/v1`;
const url = `${api}/procedures/${CODE}`;

const openapiFetch = createOpenApiFetch({ baseUrl: api });
const validated = createClient({ baseUrl: api });
const unvalidated = createClient({ baseUrl: api, validate: false });
const contenders = {
  fetch: () => fetch(url, { headers: { accept: 'application/json' } }).then((r) => r.json()),
  // ky alone, as the client calls it (a timeout, retries allowed): ky's own share.
  ky: () => ky(url, { timeout: 10_000, retry: 2 }).json(),
  'openapi-fetch': async () => {
    const { data, error } = await openapiFetch.GET('/procedures/{code}', {
      params: { path: { code: CODE } },
    });
    if (error) throw new Error('openapi-fetch: an error answer');
    return data;
  },
  'client (validate: true)': () => validated.procedures.get(CODE),
  'client (validate: false)': () => unvalidated.procedures.get(CODE),
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const ms = (value) => `${value.toFixed(3)} ms`;

try {
  for (const run of Object.values(contenders)) for (let i = 0; i < WARMUP; i++) await run();

  const times = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  const cpu = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  const names = Object.keys(contenders);
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order each round, so that no contender always goes first.
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      await contenders[name]();
      times[name].push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu[name].push((used.user + used.system) / 1000);
    }
  }
  const base = median(times.fetch);
  const cpuBase = median(cpu.fetch);
  console.log(
    `GET /procedures/${CODE}, ${ROUNDS} interleaved rounds, median per request (wall; this process's CPU):`,
  );
  for (const name of names) {
    const value = median(times[name]);
    const ratio = value / base;
    const cpuValue = median(cpu[name]);
    const note =
      name === 'client (validate: true)'
        ? ratio <= 1.15
          ? '  (goal ≤ 1.15: met)'
          : '  (goal ≤ 1.15: MISSED)'
        : '';
    console.log(
      `  ${name.padEnd(26)} ${ms(value)}  ×${ratio.toFixed(3)}${note}; CPU ${ms(cpuValue)} ×${(cpuValue / cpuBase).toFixed(2)}`,
    );
  }

  await writeBenchJson({
    name: 'Client vs fetch',
    subject: '@egov-kit/client',
    peer: 'fetch (bare), in the same run',
    unit: 'ms per request',
    better: 'lower',
    rows: [
      ...names
        .filter((name) => name !== 'fetch')
        .map((name) =>
          row(name, times[name], times.fetch, {
            ...(name === 'client (validate: true)' ? { goal: { ratio: 1.15, atMost: true } } : {}),
            note: `CPU ×${(median(cpu[name]) / cpuBase).toFixed(2)} of fetch's`,
          }),
        ),
      row(
        'client (validate: true) vs openapi-fetch',
        times['client (validate: true)'],
        times['openapi-fetch'],
        {
          note: 'peer: openapi-fetch 0.17.0',
        },
      ),
    ],
  });

  // Validation alone, on answers already in memory.
  const page = await fetch(`${api}/procedures?limit=100`).then((r) => r.json());
  const full = await fetch(url).then((r) => r.json());
  const cost = (schema, data, runs = 300) => {
    for (let i = 0; i < 30; i++) schema.safeParse(data);
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const result = schema.safeParse(data);
      samples.push(performance.now() - start);
      if (!result.success) throw new Error('the answer does not validate');
    }
    return median(samples);
  };
  // In Node the client validates with a schema compiled once it is hot (internal/hot-validators).
  const compiledPage = z.compile(ProcedurePage);
  const compiledProcedure = z.compile(Procedure);
  console.log(
    'Validation (zod/mini safeParse), median: as built; compiled (z.compile, as the client in Node once hot)',
  );
  console.log(
    `  ProcedurePage of ${page.items.length} items: ${ms(cost(ProcedurePage, page))}; ${ms(cost(compiledPage, page))}`,
  );
  console.log(
    `  one full Procedure (${CODE}):       ${ms(cost(Procedure, full))}; ${ms(cost(compiledProcedure, full))}`,
  );
} finally {
  server.send('stop');
  await once(server, 'exit');
}
