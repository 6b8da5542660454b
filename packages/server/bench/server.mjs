#!/usr/bin/env node
/**
 * Benchmark of the reference server on loopback (run after `pnpm build`):
 *   - dossier submissions per second, p50/p99 latency (each request submits a different complete draft);
 *   - procedure searches per second, p50/p99;
 * on PGlite and on PostgreSQL in the same run (PostgreSQL from BENCH_DATABASE_URL, or the local
 * server .ci/run starts, when reachable); and the cold and warm start time of the server.
 *
 *   pnpm --filter @egov-kit/server bench
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleAnswers } from '@egov-kit/schema/forms';
import autocannon from 'autocannon';
import pg from 'pg';
import { DEMO_USERS, signDevToken, startServer } from '../dist/index.js';

const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 300);
const SEARCH_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const APPLICANT = {
  kind: 'individual',
  fullName: 'Nguyễn Văn An',
  idType: 'citizen_id',
  idNumber: '048099012345',
  phone: '0905123456',
  address: { provinceCode: '48', communeCode: '20242', street: '12 Trần Phú' },
};

async function api(base, token, method, path, { json, form, headers = {} } = {}) {
  const response = await fetch(base + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(json ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: json ? JSON.stringify(json) : form,
  });
  const body = await response.json();
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(body)}`);
  return { body, etag: response.headers.get('etag') };
}

/** Complete drafts, ready to submit, made through the API as a citizen would. */
async function drafts(base, token, count) {
  const procedure = (await api(base, token, 'GET', '/api/v1/procedures/1.013133')).body;
  const form = (await api(base, token, 'GET', '/api/v1/procedures/1.013133/form')).body;
  const out = [];
  for (let i = 0; i < count; i++) {
    const created = await api(base, token, 'POST', '/api/v1/dossiers', {
      json: { procedureCode: '1.013133', applicant: APPLICANT },
    });
    const files = {};
    const documents = [];
    for (const doc of procedure.cases[0].documents) {
      const upload = new FormData();
      upload.set('requirementCode', doc.code);
      upload.set('file', new Blob([PDF]), 'giay-to.pdf');
      const file = (
        await api(base, token, 'POST', `/api/v1/dossiers/${created.body.id}/attachments`, {
          form: upload,
        })
      ).body;
      files[doc.code] = [file.id];
      documents.push({ requirementCode: doc.code, attachmentIds: [file.id] });
    }
    const updated = await api(base, token, 'PATCH', `/api/v1/dossiers/${created.body.id}`, {
      json: { formData: exampleAnswers(form, files), documents },
      headers: { 'if-match': created.etag },
    });
    out.push({ id: created.body.id, etag: updated.etag });
  }
  return out;
}

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function measure(label, config) {
  const server = await startServer(
    // The demo is off in a configuration built in code: the server needs a secret of its own.
    { host: '127.0.0.1', port: 0, jwtSecret: randomBytes(32).toString('base64url'), ...config },
    { demoDossiers: false },
  );
  try {
    const token = await signDevToken(server.secret, DEMO_USERS.citizen);
    const ready = await drafts(server.url, token, SUBMISSIONS);
    let failures = 0;
    const submit = await run({
      url: server.url,
      connections: CONNECTIONS,
      amount: ready.length,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const draft = ready.pop();
            return {
              ...request,
              path: `/api/v1/dossiers/${draft.id}/submit`,
              headers: {
                authorization: `Bearer ${token}`,
                'if-match': draft.etag,
                'idempotency-key': `bench-${draft.id}`,
              },
            };
          },
          onResponse: (status) => {
            if (status !== 200) failures++;
          },
        },
      ],
    });
    const words = ['nghia vu quan su', 'bien phong', 'dang ky', 'chinh sach', 'kham benh'];
    let w = 0;
    const search = await run({
      url: server.url,
      connections: CONNECTIONS,
      duration: SEARCH_SECONDS,
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => ({
            ...request,
            path: `/api/v1/procedures?q=${encodeURIComponent(words[w++ % words.length])}`,
          }),
        },
      ],
    });
    return { label, submit, search, failures };
  } finally {
    await server.close();
  }
}

async function postgresConfig() {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://egov:egov@127.0.0.1:5432/egov';
  const name = `egov_bench_${Date.now()}`;
  try {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
  } catch (error) {
    console.log(
      `PostgreSQL not reachable at ${url.replace(/\/\/[^@]+@/, '//…@')} (${error.message}): skipped`,
    );
    return undefined;
  }
  const db = new URL(url);
  db.pathname = `/${name}`;
  return {
    config: { databaseUrl: db.toString() },
    drop: async () => {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function startTime(dataDir) {
  const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
  const started = performance.now();
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('egov-kit reference server:')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const ms = performance.now() - started;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return ms;
}

const row = (r) =>
  [
    r.label.padEnd(11),
    `${(r.submit.requests.total / (r.submit.duration || 1)).toFixed(0).padStart(6)} submits/s`,
    `p50 ${String(r.submit.latency.p50).padStart(4)} ms`,
    `p99 ${String(r.submit.latency.p99).padStart(4)} ms`,
    `(${r.submit.requests.total} submits, ${r.failures} failed)`,
    `| ${r.search.requests.average.toFixed(0).padStart(6)} searches/s`,
    `p50 ${String(r.search.latency.p50).padStart(4)} ms`,
    `p99 ${String(r.search.latency.p99).padStart(4)} ms`,
  ].join('  ');

const dir = await mkdtemp(join(tmpdir(), 'egov-bench-'));
try {
  const results = [
    await measure('PGlite', { dataDir: join(dir, 'pglite'), filesDir: join(dir, 'files') }),
  ];
  const postgres = await postgresConfig();
  if (postgres) {
    try {
      results.push(
        await measure('PostgreSQL', {
          ...postgres.config,
          dataDir: join(dir, 'pg'),
          filesDir: join(dir, 'files-pg'),
        }),
      );
    } finally {
      await postgres.drop();
    }
  }
  const cold = await startTime(join(dir, 'start'));
  const warm = await startTime(join(dir, 'start'));
  console.log(
    `\nreference server on loopback, ${CONNECTIONS} connections, Node ${process.version}`,
  );
  for (const r of results) console.log(row(r));
  console.log(
    `start: cold ${cold.toFixed(0)} ms (new PGlite folder: migrate + seed 207 procedures), warm ${warm.toFixed(0)} ms`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
