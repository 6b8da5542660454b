#!/usr/bin/env node
/**
 * Delivery delay of notifications under load: from the commit of an outbox row (as an event
 * writes it) to its arrival at the receiver — a signed webhook at an HTTP receiver that
 * verifies it, or an e-mail at an SMTP server in this process — through the server's own
 * dispatcher(s), started with `startServer` like `pnpm start` does.
 *
 *   pnpm --filter @egov-kit/server build
 *   node packages/server/bench/notifications.mjs [--rate 100] [--seconds 10] [--poll 250ms]
 *     [--instances 2]   (several instances need DATABASE_URL: PGlite is one process's database)
 *
 * Prints p50/p95/p99/max of the delay and the throughput. `DATABASE_URL` runs it on PostgreSQL
 * (a new database is created in that server and dropped after); PGlite in a temporary folder
 * otherwise.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { newWebhookSecret, verifyWebhook } from '@egov-kit/schema/webhooks';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { readConfig, startServer } from '../dist/index.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    poll: { type: 'string', default: '250ms' },
    instances: { type: 'string', default: '1' },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const instances = Number(values.instances);
const serverUrl = process.env.DATABASE_URL;
if (instances > 1 && !serverUrl) {
  console.error('--instances > 1 needs DATABASE_URL (PostgreSQL).');
  process.exit(2);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const committed = new Map();
const arrived = new Map();
const arrive = (id) => {
  if (!arrived.has(id)) arrived.set(id, performance.now());
};

// The agency system: verifies each webhook, then answers 204.
const secret = newWebhookSecret();
const receiver = createServer(async (request, response) => {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  try {
    const { id } = await verifyWebhook(secret, {
      headers: request.headers,
      body: Buffer.concat(chunks),
    });
    arrive(id);
    response.writeHead(204).end();
  } catch {
    response.writeHead(400).end();
  }
});
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));

// The mail server: plain SMTP on loopback (SMTP_REQUIRE_TLS=false), no auth.
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (chunk) => {
      if (head.length < 4000) head += chunk;
    });
    stream.on('end', () => {
      const id = /X-Egov-Notification-ID: ([\w-]+)/i.exec(head)?.[1];
      if (id) arrive(id);
      callback();
    });
  },
});
await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));

let dataDir = await mkdtemp(join(tmpdir(), 'egov-notify-bench-'));
let databaseUrl;
let dropDatabase = async () => undefined;
if (serverUrl) {
  const name = `egov_notify_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dropDatabase = async () => {
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  };
}

const env = {
  HOST: '127.0.0.1',
  PORT: '0',
  DATA_DIR: dataDir,
  EGOV_DEMO: 'off',
  JWT_SECRET: randomBytes(32).toString('base64url'),
  HOUSEKEEPING_INTERVAL: '0',
  NOTIFY_POLL: values.poll,
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(smtp.server.address().port),
  SMTP_REQUIRE_TLS: 'false',
  SMTP_FROM: '"Cổng dịch vụ công" <no-reply@dichvucong.example.gov.vn>',
  PUBLIC_URL: 'https://dichvucong.example.gov.vn',
  // The receiver listens on 127.0.0.1.
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
};
const servers = [];
for (let i = 0; i < instances; i++) servers.push(await startServer(readConfig(env)));
const db = servers[0].db;
const endpoint = randomUUID();
await db.query(
  'insert into webhook_endpoints (id, url, secret, enabled, created_at) values ($1, $2, $3, true, now())',
  [endpoint, `http://127.0.0.1:${receiver.address().port}/hooks`, secret],
);

// The load: `rate` events a second, each its own transaction writing one notification,
// alternately a webhook and an e-mail (rendered from the Vietnamese template at dispatch).
const total = Math.round(rate * seconds);
const started = performance.now();
const writes = [];
for (let i = 0; i < total; i++) {
  const due = started + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await sleep(wait);
  const id = randomUUID();
  const email = i % 2 === 1;
  const data = {
    dossierId: randomUUID(),
    code: `HS-261206-${String(i).padStart(6, '0')}`,
    procedureCode: '1.013133',
    procedureName: 'Thủ tục đăng ký nghĩa vụ quân sự lần đầu',
    status: 'received',
    action: 'receive',
    agencyName: 'Ủy ban nhân dân phường Hải Châu',
    applicantName: 'Nguyễn Văn An',
    dueAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
    at: new Date().toISOString(),
  };
  writes.push(
    db
      .query(
        `insert into notifications (id, kind, channel, recipient, locale, dossier_id, data, status, attempts, next_attempt_at, created_at)
         values ($1, 'received', $2, $3, 'vi', $4, $5, 'pending', 0, now(), now())`,
        [
          id,
          email ? 'email' : 'webhook',
          email ? `citizen${i}@example.vn` : endpoint,
          data.dossierId,
          JSON.stringify(data),
        ],
      )
      .then(() => committed.set(id, performance.now())),
  );
}
await Promise.all(writes);
const deadline = performance.now() + 120_000;
while (arrived.size < total && performance.now() < deadline) await sleep(50);
const elapsed = (performance.now() - started) / 1000;

const delays = [...committed]
  .filter(([id]) => arrived.has(id))
  .map(([id, at]) => arrived.get(id) - at)
  .sort((a, b) => a - b);
const pct = (p) =>
  delays[Math.min(delays.length - 1, Math.floor((p / 100) * delays.length))] ?? NaN;
const [{ dead }] = await db.query(
  "select count(*)::int as dead from notifications where status = 'dead'",
);
console.log(
  JSON.stringify(
    {
      database: databaseUrl ? 'postgres' : 'pglite',
      instances,
      poll: values.poll,
      rate,
      notifications: total,
      delivered: arrived.size,
      dead,
      elapsedSeconds: Number(elapsed.toFixed(1)),
      delayMs: {
        p50: Math.round(pct(50)),
        p95: Math.round(pct(95)),
        p99: Math.round(pct(99)),
        max: Math.round(delays[delays.length - 1] ?? NaN),
      },
    },
    null,
    2,
  ),
);

for (const server of servers) await server.close();
await dropDatabase();
await new Promise((resolve) => receiver.close(resolve));
await new Promise((resolve) => smtp.close(resolve));
await rm(dataDir, { recursive: true, force: true });
dataDir = undefined;
process.exit(arrived.size === total ? 0 : 1);
