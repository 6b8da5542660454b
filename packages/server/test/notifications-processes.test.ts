import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newWebhookSecret, verifyWebhook } from '@egov-kit/schema/webhooks';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Instance, startInstance } from '../bench/cluster.mjs';
import { type Database, openDatabase } from '../src/index.js';
import { writeNotifications } from '../src/notifications/outbox.js';

/**
 * Server processes (the built `dist/main.js`) dispatching one outbox on one PostgreSQL
 * database: one killed with SIGKILL in the middle of dispatching, then two at once. Needs
 * TEST_DATABASE_URL (PGlite is one process's database) and a build.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const built = existsSync(new URL('../dist/main.js', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(serverUrl && built)('notification dispatchers in server processes', () => {
  let name: string;
  let dir: string;
  let db: Database;
  let env: Record<string, string>;
  let receiver: Server;
  let receiverUrl: string;
  const secret = newWebhookSecret();
  /** Every verified delivery, by webhook-id, in order of arrival. */
  const deliveries: string[] = [];
  const running: Instance[] = [];

  beforeAll(async () => {
    name = `egov_notify_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl as string);
    url.pathname = `/${name}`;
    dir = mkdtempSync(join(tmpdir(), 'egov-notify-proc-'));
    env = {
      DATABASE_URL: url.toString(),
      DATA_DIR: dir,
      EGOV_DEMO: 'off',
      JWT_SECRET: randomBytes(32).toString('base64url'),
      HOUSEKEEPING_INTERVAL: '0',
      NOTIFY_POLL: '50ms',
      NOTIFY_LEASE: '3s',
      PUBLIC_URL: 'https://dichvucong.example.gov.vn',
      // The receiver listens on 127.0.0.1.
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    };
    // A receiver as an agency system writes one: verify, then answer; a little slow, so that a
    // kill lands while deliveries are in flight.
    receiver = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      try {
        const verified = await verifyWebhook(secret, {
          headers: request.headers as Record<string, string>,
          body: Buffer.concat(chunks),
        });
        await sleep(15);
        deliveries.push(verified.id);
        response.writeHead(204).end();
      } catch {
        response.writeHead(400).end();
      }
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    // The first start migrates; the parent writes the outbox through its own pool.
    const first = await startInstance({ env: { ...env, NOTIFICATIONS: 'off' }, label: 'migrate' });
    await first.stop('SIGTERM');
    db = await openDatabase({ databaseUrl: env.DATABASE_URL });
    await db.query(
      `insert into webhook_endpoints (id, url, secret, enabled, created_at) values ($1, $2, $3, true, now())`,
      [randomUUID(), receiverUrl, secret],
    );
  }, 300_000);

  afterAll(async () => {
    await Promise.all(running.map((instance) => instance.stop('SIGKILL')));
    await db?.close();
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  /** Writes `count` webhook notifications as events would; answers their ids. */
  async function enqueue(count: number): Promise<string[]> {
    const [endpoint] = await db.query<{ id: string }>('select id from webhook_endpoints');
    return db.transaction(async (tx) => {
      await writeNotifications(
        tx,
        Array.from({ length: count }, (_, i) => ({
          kind: 'status_changed' as const,
          channel: 'webhook' as const,
          recipient: endpoint?.id as string,
          locale: 'vi' as const,
          data: {
            dossierId: randomUUID(),
            code: `HS-261206-${String(i).padStart(6, '0')}`,
            procedureCode: '1.013133',
            status: 'in_progress' as const,
            at: new Date().toISOString(),
          },
        })),
      );
      const rows = await tx.query<{ id: string }>(
        "select id from notifications where status = 'pending'",
      );
      return rows.map((row) => row.id);
    });
  }

  async function until(condition: () => Promise<boolean> | boolean, ms: number, what: string) {
    const deadline = Date.now() + ms;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(50);
    }
  }

  it('SIGKILL during dispatch: every notification is still delivered, duplicates share an id', async () => {
    deliveries.length = 0;
    const ids = await enqueue(300);
    const a = await startInstance({ env, label: 'a' });
    running.push(a);
    await until(() => deliveries.length >= 60, 60_000, 'the first deliveries');
    const { signal } = (await a.stop('SIGKILL')) as { signal: string };
    expect(signal).toBe('SIGKILL');
    const atKill = new Set(deliveries).size;
    expect(atKill).toBeLessThan(300);
    const [claimed] = await db.query<{ n: number }>(
      "select count(*)::int as n from notifications where status = 'sending'",
    );
    const b = await startInstance({ env, label: 'b' });
    running.push(b);
    await until(
      async () => {
        const [left] = await db.query<{ n: number }>(
          "select count(*)::int as n from notifications where status <> 'sent'",
        );
        return left?.n === 0;
      },
      90_000,
      'every notification sent',
    );
    await b.stop('SIGTERM');
    const unique = new Set(deliveries);
    for (const id of ids) expect(unique.has(id), id).toBe(true);
    expect(unique.size).toBe(300);
    // At least once: the ones in flight at the kill may come twice, with the same webhook-id.
    const duplicates = deliveries.length - unique.size;
    console.log(
      `SIGKILL after ${atKill} delivered: ${claimed?.n ?? 0} claims left behind, ${duplicates} delivered twice, 300/300 delivered`,
    );
    expect(duplicates).toBeLessThanOrEqual(50); // at most one claimed batch
  }, 240_000);

  it('two instances dispatch one outbox at once and none sends a notification twice', async () => {
    deliveries.length = 0;
    const [a, b] = await Promise.all([
      startInstance({ env: { ...env, NOTIFY_LEASE: '60s' }, label: 'a2' }),
      startInstance({ env: { ...env, NOTIFY_LEASE: '60s' }, label: 'b2' }),
    ]);
    running.push(a, b);
    const ids = await enqueue(400);
    await until(() => new Set(deliveries).size >= 400, 120_000, '400 deliveries');
    await sleep(500);
    await Promise.all([a.stop('SIGTERM'), b.stop('SIGTERM')]);
    expect(deliveries).toHaveLength(400);
    expect(new Set(deliveries).size).toBe(400);
    expect(new Set(ids)).toEqual(new Set(deliveries));
  }, 240_000);
});
