#!/usr/bin/env node
/**
 * The server against its limit (run after `pnpm build`): each operation run two ways, interleaved
 * in one run, on PGlite and on PostgreSQL —
 *
 *   - bare database: the service function the request's handler calls (the same SQL, through the
 *     same driver and the same `Database`, in a transaction for a change), called directly, no HTTP;
 *   - server: the request through HTTP (keep-alive connections on loopback), token, validation
 *     and all.
 *
 * Operations: create + submit (a complete draft created, then submitted with its ETag), search
 * (`GET /procedures?q=…`, typed as people type) and reading one procedure
 * (`GET /procedures/{code}`); at 10 and 50 connections (concurrent callers). Before measuring,
 * one warm operation each way has its statements counted, and the run stops if the request ran
 * other statements than the bare call (the comparison would say nothing). Prints throughput and
 * p50/p99 latency of both, and the ratio server ÷ bare database (goal: ≥ 0.85 for create + submit
 * and search, ≥ 0.7 for single reads). The server and the bare calls share one child process
 * (PGlite lives in one process); the HTTP load comes from this process.
 *
 * A third side, the HTTP floor, says how much of the gap any Node server would leave: the same
 * requests, from the same load generator, answered by a bare `node:http` server with the bytes the
 * real server answered (recorded once). Its throughput composed with the bare database's gives the
 * ceiling — one thread doing the database work and the least HTTP work there is — and the server's
 * share of that ceiling is printed beside the ratio.
 *
 *   pnpm --filter @egov-kit/server bench:vs-database
 *   BENCH_QUICK=1 node bench/vs-database.mjs --json out.json     # the small run CI does
 *
 * Environment: BENCH_SECONDS (per measurement, 3), BENCH_ROUNDS (2), BENCH_CONNECTIONS ("10,50"),
 * BENCH_DATABASES ("pglite,postgres"), BENCH_OPERATIONS ("create-submit,search,read"), BENCH_DATABASE_URL (PostgreSQL server; a database is
 * created on it and dropped after), BENCH_JSON (or `--json <file>`: the figures in the common
 * shape of `pnpm bench`), BENCH_PROFILE (a folder: the server process's CPU profile of each
 * operation's HTTP runs, `<database>-<operation>-<connections>.cpuprofile`, to see where a
 * request's time goes; profiling slows the server, so figures of such a run are not to be quoted).
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { benchQuick, writeBenchJson } from '../../../scripts/lib/bench-report.mjs';

const QUICK = benchQuick();
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 0.6 : 3));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 1 : 2));
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? (QUICK ? '10' : '10,50'))
  .split(',')
  .map(Number);
const DATABASES = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',');
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://egov:egov@127.0.0.1:5432/egov';
const PROFILE = process.env.BENCH_PROFILE;

const PROCEDURE = '1.013133';
const BENCH_PROCEDURE = 'BENCH.1.013133';
const QUERIES = [
  'dang ki nghia vu quan su',
  'giay phep',
  'cap lai giay chung nhan',
  'ho tro',
  'tau thuyen nuoc ngaoi',
  'khieu nai',
];
const OPERATIONS = [
  { id: 'create-submit', label: 'create + submit', goal: 0.85 },
  { id: 'search', label: 'search', goal: 0.85 },
  { id: 'read', label: 'read one procedure', goal: 0.7 },
].filter(
  (o) => !process.env.BENCH_OPERATIONS || process.env.BENCH_OPERATIONS.split(',').includes(o.id),
);
const APPLICANT = {
  kind: 'individual',
  fullName: 'Nguyễn Văn An',
  idType: 'citizen_id',
  idNumber: '048099012345',
  phone: '0905123456',
  address: { provinceCode: '48', communeCode: '20242', street: '12 Trần Phú' },
};

function percentile(sorted, p) {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** `workers` callers, each running `once(worker, i)` in a loop for `seconds`. */
async function drive(workers, seconds, once) {
  const latencies = [];
  let failures = 0;
  let firstError;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let i = 0; performance.now() < end; i++) {
        const t0 = performance.now();
        try {
          await once(worker, i);
          latencies.push(performance.now() - t0);
        } catch (error) {
          failures++;
          firstError ??= error;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    ops: latencies.length,
    throughput: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures,
    error: firstError ? String(firstError.message ?? firstError) : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// The child: the server and the bare calls, on one Database.

async function child() {
  const server = await import('../dist/index.js');
  const { exampleAnswers } = await import('@egov-kit/schema/forms');
  const dir = await mkdtemp(join(tmpdir(), 'egov-vs-db-'));
  const running = await server.startServer(
    {
      host: '127.0.0.1',
      port: 0,
      jwtSecret: randomBytes(32).toString('base64url'),
      dataDir: join(dir, 'pglite'),
      filesDir: join(dir, 'files'),
      housekeepingMinutes: 0,
      notifications: { dispatch: false },
      ...(process.env.CHILD_DATABASE_URL ? { databaseUrl: process.env.CHILD_DATABASE_URL } : {}),
    },
    { demoDossiers: false },
  );
  const db = running.db;
  // The national record of military-service registration and its 15 kB form, under a code of
  // its own whose documents are not required: a submit without uploads, the rest as it is.
  const [{ body }] = await db.query('select body from procedures where code = $1', [PROCEDURE]);
  const procedure = {
    ...body,
    code: BENCH_PROCEDURE,
    cases: body.cases.map((c) => ({
      ...c,
      documents: c.documents.map((d) => ({ ...d, required: false })),
    })),
  };
  await server.saveProcedure(db, procedure);
  // Its form likewise, with its file answers optional (uploads are not what is measured here).
  const original = await server.getProcedureForm(db, PROCEDURE);
  const optionalFiles = (value) =>
    Array.isArray(value)
      ? value.map(optionalFiles)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value).map(([k, v]) => [
              k,
              k === 'required' && value.type === 'file' ? false : optionalFiles(v),
            ]),
          )
        : value;
  const benchForm = { ...optionalFiles(original), id: `bench-${original.id}` };
  await db.query(
    'insert into forms (id, version, body) values ($1, $2, $3) on conflict (id) do nothing',
    [benchForm.id, benchForm.version, JSON.stringify(benchForm)],
  );
  await db.query(
    `insert into procedure_forms (procedure_code, case_code, form_id)
     select $2, case_code, $3 from procedure_forms where procedure_code = $1
     on conflict do nothing`,
    [PROCEDURE, BENCH_PROCEDURE, benchForm.id],
  );
  const form = await server.getProcedureForm(db, BENCH_PROCEDURE);
  const formData = exampleAnswers(form);
  // One citizen per caller: a citizen's drafts are serialised by design (their quota).
  const citizens = Array.from({ length: 64 }, (_, i) => ({
    id: `bench-citizen-${i}`,
    role: 'citizen',
    name: `Công dân ${i}`,
  }));
  const tokens = await Promise.all(citizens.map((c) => server.signDevToken(running.secret, c)));
  const create = { procedureCode: BENCH_PROCEDURE, applicant: APPLICANT, formData };

  // Statements per operation, counted on a wrapper of the same database.
  const counted = (target) => {
    let n = 0;
    const wrap = (q) => ({
      scope: q.scope,
      query: (sql, params) => {
        n++;
        return q.query(sql, params);
      },
      exec: (sql) => q.exec(sql),
    });
    return {
      db: {
        ...wrap(target),
        kind: target.kind,
        transaction: (work) => target.transaction((tx) => work(wrap(tx))),
        close: () => target.close(),
      },
      count: () => n,
    };
  };
  const bare = {
    'create-submit': async (d, worker) => {
      const principal = citizens[worker];
      const { dossier, etag } = await d.transaction((tx) =>
        server.createDraft(tx, principal, create),
      );
      await d.transaction((tx) => server.submitDossier(tx, principal, dossier.id, etag, 'vi'));
    },
    search: (d, _worker, i) =>
      server.listProcedures(d, { q: QUERIES[i % QUERIES.length], limit: 20 }, db),
    read: (d) => server.getProcedure(d, PROCEDURE),
  };
  // The statements of one request, counted on the server's own Database — the app holds this
  // object, so its methods are wrapped in place (for the bare calls too, which pass through) —
  // to compare with the bare call's: when they differ, the two sides do not run the same SQL.
  let tally;
  const serverQuery = db.query;
  const serverTransaction = db.transaction;
  db.query = (sql, params) => {
    if (tally) tally.n++;
    return serverQuery(sql, params);
  };
  db.transaction = (work) =>
    serverTransaction((tx) =>
      work(
        tally
          ? {
              ...tx,
              query: (sql, params) => {
                tally.n++;
                return tx.query(sql, params);
              },
            }
          : tx,
      ),
    );
  const floor = await floorServer(running.url, tokens[63], create);
  process.send({ ready: true, url: running.url, floorUrl: floor.url, tokens, create });
  let profiler;
  process.on('message', async (message) => {
    if (message.countBare) {
      const c = counted(db);
      await bare[message.countBare](c.db, 63, 0);
      process.send({ statements: c.count() });
      return;
    }
    if (message.count === 'start') {
      tally = { n: 0 };
      process.send({ counting: true });
      return;
    }
    if (message.count === 'stop') {
      process.send({ statements: tally.n });
      tally = undefined;
      return;
    }
    if (message.profile === 'start') {
      const { Session } = await import('node:inspector/promises');
      profiler = new Session();
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
      process.send({ profiling: true });
      return;
    }
    if (message.profile) {
      const { profile } = await profiler.post('Profiler.stop');
      profiler.disconnect();
      await mkdir(PROFILE, { recursive: true });
      await writeFile(join(PROFILE, `${message.profile}.cpuprofile`), JSON.stringify(profile));
      process.send({ profiled: true });
      return;
    }
    if (message.stop) {
      floor.close();
      await running.close();
      await rm(dir, { recursive: true, force: true });
      process.exit(0);
    }
    const run = bare[message.op];
    const result = await drive(message.workers, message.seconds, (worker, i) => run(db, worker, i));
    process.send({ result });
  });
}

/**
 * The HTTP floor: a bare `node:http` server that answers each request of the benchmark with the
 * bytes — status, headers and body — the real server answered to the same request once, from
 * memory, after reading the request whole. No routing, no token, no validation, no database: what
 * any Node server pays to receive a request and send an answer of that size on this machine. The
 * ceiling of the server is then one thread doing both the bare database work and the floor's
 * (throughputs composed serially: 1 / (1/bare + 1/floor)).
 */
async function floorServer(url, token, create) {
  const recorded = async (path, init = {}) => {
    const response = await fetch(url + path, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...init.headers },
    });
    const body = Buffer.from(await response.arrayBuffer());
    if (!response.ok) throw new Error(`floor: ${path} answered ${response.status}`);
    const headers = {};
    for (const [name, value] of response.headers) {
      if (name !== 'date' && name !== 'connection' && name !== 'keep-alive') headers[name] = value;
    }
    headers['content-length'] = String(body.length);
    return { status: response.status, headers, body };
  };
  const created = await recorded('/api/v1/dossiers', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(create),
  });
  const { id } = JSON.parse(created.body.toString('utf8'));
  const submitted = await recorded(`/api/v1/dossiers/${id}/submit`, {
    method: 'POST',
    headers: { 'if-match': created.headers.etag },
  });
  const read = await recorded(`/api/v1/procedures/${PROCEDURE}`);
  const searches = new Map();
  for (const q of QUERIES) {
    const path = `/api/v1/procedures?q=${encodeURIComponent(q)}&limit=20`;
    searches.set(path, await recorded(path));
  }
  const answer = (request) => {
    if (request.method === 'POST') return request.url.endsWith('/submit') ? submitted : created;
    return searches.get(request.url) ?? read;
  };
  const floor = http.createServer((request, response) => {
    request.on('data', () => {});
    request.on('end', () => {
      const { status, headers, body } = answer(request);
      response.writeHead(status, headers);
      response.end(body);
    });
  });
  await new Promise((resolve) => floor.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${floor.address().port}`,
    close: () => floor.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// The parent: HTTP load, interleaved with the child's bare runs.

async function request(agent, url, method, path, token, options = {}) {
  try {
    return await requestOnce(agent, url, method, path, token, options);
  } catch (error) {
    // A kept-alive socket the server closed while idle: once more, on a new one (as Node's
    // documentation recommends).
    if (!error.reusedSocket) throw error;
    return requestOnce(agent, url, method, path, token, options);
  }
}

function requestOnce(agent, url, method, path, token, { body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      url + path,
      {
        method,
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          ...(data
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }
            : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode >= 400) {
            reject(new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 300)}`));
          } else resolve({ text, etag: res.headers.etag });
        });
        res.on('error', reject);
      },
    );
    req.on('error', (error) => {
      if (req.reusedSocket && (error.code === 'ECONNRESET' || error.message === 'socket hang up'))
        error.reusedSocket = true;
      reject(error);
    });
    req.end(data);
  });
}

function httpOperation(setup, agent) {
  const { url, tokens, create } = setup;
  return {
    'create-submit': async (worker) => {
      const token = tokens[worker];
      const created = await request(agent, url, 'POST', '/api/v1/dossiers', token, {
        body: create,
      });
      const { id } = JSON.parse(created.text);
      await request(agent, url, 'POST', `/api/v1/dossiers/${id}/submit`, token, {
        headers: { 'if-match': created.etag },
      });
    },
    search: (worker, i) =>
      request(
        agent,
        url,
        'GET',
        `/api/v1/procedures?q=${encodeURIComponent(QUERIES[i % QUERIES.length])}&limit=20`,
        tokens[worker],
      ),
    read: (worker) => request(agent, url, 'GET', `/api/v1/procedures/${PROCEDURE}`, tokens[worker]),
  };
}

async function postgresDatabase() {
  const name = `egov_bench_vs_${process.pid}`;
  try {
    const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const version = (await admin.query('show server_version')).rows[0].server_version;
    await admin.end();
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      version,
      drop: async () => {
        const again = new pg.Client({ connectionString: POSTGRES_URL });
        await again.connect();
        await again.query(`drop database if exists ${name} with (force)`);
        await again.end();
      },
    };
  } catch (error) {
    console.log(
      `PostgreSQL not reachable at ${POSTGRES_URL.replace(/\/\/[^@]+@/, '//…@')} (${error.message}): PGlite only`,
    );
    return undefined;
  }
}

async function measureDatabase(label, databaseUrl) {
  const worker = fork(fileURLToPath(import.meta.url), ['--child'], {
    env: { ...process.env, CHILD_DATABASE_URL: databaseUrl ?? '' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise((resolve, reject) => {
      const onExit = (code) => reject(new Error(`the benchmark's server exited with ${code}`));
      worker.once('exit', onExit);
      worker.once('message', (message) => {
        worker.off('exit', onExit);
        resolve(message);
      });
    });
  const setup = await next();
  const rows = [];
  try {
    for (const connections of CONNECTIONS) {
      const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
      const viaHttp = httpOperation(setup, agent);
      const floorAgent = new http.Agent({ keepAlive: true, maxSockets: connections });
      const viaFloor = httpOperation({ ...setup, url: setup.floorUrl }, floorAgent);
      for (const operation of OPERATIONS) {
        const bareRuns = [];
        const httpRuns = [];
        const floorRuns = [];
        // Warm-up of both paths, then rounds in alternating order.
        worker.send({ op: operation.id, workers: connections, seconds: Math.min(0.5, SECONDS) });
        await next();
        await drive(connections, Math.min(0.5, SECONDS), viaHttp[operation.id]);
        // One operation each way, warm, its statements counted: the same SQL or no comparison.
        worker.send({ countBare: operation.id });
        const statements = (await next()).statements;
        worker.send({ count: 'start' });
        await next();
        await viaHttp[operation.id](62, 0);
        worker.send({ count: 'stop' });
        const served = (await next()).statements;
        if (served !== statements) {
          throw new Error(
            `${label} ${operation.label}: the request ran ${served} statements, the bare call ${statements}: not the same SQL`,
          );
        }
        for (let round = 0; round < ROUNDS; round++) {
          const order = round % 2 === 0 ? ['bare', 'http', 'floor'] : ['floor', 'http', 'bare'];
          for (const side of order) {
            if (side === 'bare') {
              worker.send({ op: operation.id, workers: connections, seconds: SECONDS });
              bareRuns.push((await next()).result);
            } else if (side === 'http') {
              httpRuns.push(await drive(connections, SECONDS, viaHttp[operation.id]));
            } else floorRuns.push(await drive(connections, SECONDS, viaFloor[operation.id]));
          }
        }
        if (PROFILE) {
          worker.send({ profile: 'start' });
          await next();
          await drive(connections, SECONDS, viaHttp[operation.id]);
          worker.send({ profile: `${label}-${operation.id}-${connections}` });
          await next();
        }
        const failed = [...bareRuns, ...httpRuns, ...floorRuns].find((r) => r.failures);
        if (failed) throw new Error(`${label} ${operation.label}: ${failed.error}`);
        rows.push({
          database: label,
          operation: operation.id,
          label: operation.label,
          goal: operation.goal,
          connections,
          statements,
          bare: summary(bareRuns),
          server: summary(httpRuns),
          floor: summary(floorRuns),
        });
      }
      agent.destroy();
      floorAgent.destroy();
    }
  } finally {
    worker.send({ stop: true });
    await new Promise((resolve) => worker.once('exit', resolve));
  }
  return rows;
}

/** The most the server could do: bare database work and the HTTP floor's, one after the other. */
function ceilingOf(row) {
  return 1 / (1 / row.bare.throughput + 1 / row.floor.throughput);
}

/** Throughput and latency over rounds: median, and min–max of the rounds' throughput. */
function summary(runs) {
  const throughputs = runs.map((r) => r.throughput).sort((a, b) => a - b);
  const mid = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const half = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
  };
  return {
    throughput: mid(throughputs),
    min: throughputs[0],
    max: throughputs.at(-1),
    p50: mid(runs.map((r) => r.p50)),
    p99: mid(runs.map((r) => r.p99)),
    ops: runs.reduce((sum, r) => sum + r.ops, 0),
  };
}

async function parent() {
  const rows = [];
  let postgresVersion;
  if (DATABASES.includes('pglite')) rows.push(...(await measureDatabase('PGlite')));
  if (DATABASES.includes('postgres')) {
    const postgres = await postgresDatabase();
    if (postgres) {
      postgresVersion = postgres.version;
      try {
        rows.push(...(await measureDatabase('PostgreSQL', postgres.url)));
      } finally {
        await postgres.drop();
      }
    }
  }
  const f = (n, d = 0) => n.toFixed(d).padStart(7);
  console.log(
    `\nserver vs bare database: ${SECONDS} s × ${ROUNDS} rounds per side, interleaved, Node ${process.version}`,
  );
  console.log(
    `${'database'.padEnd(11)}${'operation'.padEnd(20)}conn  stmts |   bare/s  p50 ms  p99 ms |  server/s  p50 ms  p99 ms |  ratio  goal     | floor/s  ceiling  of ceiling`,
  );
  for (const r of rows) {
    const ratio = r.server.throughput / r.bare.throughput;
    const ceiling = ceilingOf(r);
    console.log(
      `${r.database.padEnd(11)}${r.label.padEnd(20)}${String(r.connections).padStart(4)}  ${String(r.statements).padStart(5)} | ${f(r.bare.throughput)}  ${f(r.bare.p50, 2)} ${f(r.bare.p99, 2)} |  ${f(r.server.throughput)}  ${f(r.server.p50, 2)} ${f(r.server.p99, 2)} |  ${ratio.toFixed(2)}  ${(ratio >= r.goal ? 'met' : `< ${r.goal}`).padEnd(7)} | ${f(r.floor.throughput)}  ${(ceiling / r.bare.throughput).toFixed(2).padStart(7)}  ${(r.server.throughput / ceiling).toFixed(2).padStart(10)}`,
    );
  }
  console.log(
    'floor: the same requests answered from memory by a bare node:http server (recorded bytes).\n' +
      "ceiling: one thread doing the bare database work and the floor's, as a ratio of bare; " +
      'of ceiling: server ÷ that.',
  );
  {
    const report = {
      name: 'Server vs bare database',
      subject: '@egov-kit/server over HTTP',
      peer: 'the same SQL on the database, no HTTP',
      unit: 'operations/s',
      better: 'higher',
      versions: { postgres: postgresVersion },
      rows: rows.map((r) => ({
        case: `${r.database} · ${r.label} · ${r.connections} conn`,
        subject: {
          median: r.server.throughput,
          spread: [r.server.min, r.server.max],
          p50: r.server.p50,
          p99: r.server.p99,
        },
        peer: {
          median: r.bare.throughput,
          spread: [r.bare.min, r.bare.max],
          p50: r.bare.p50,
          p99: r.bare.p99,
        },
        ratio: r.server.throughput / r.bare.throughput,
        goal: { ratio: r.goal, atLeast: true },
        note: `${r.statements} statements; HTTP floor ${Math.round(r.floor.throughput)}/s, ceiling ${(ceilingOf(r) / r.bare.throughput).toFixed(2)} of bare, server ${(r.server.throughput / ceilingOf(r)).toFixed(2)} of ceiling`,
      })),
    };
    await writeBenchJson(report);
  }
}

if (process.argv.includes('--child')) await child();
else await parent();
