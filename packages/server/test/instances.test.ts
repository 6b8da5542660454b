import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { exampleAnswers } from '@egov-kit/schema/forms';
import { SignJWT } from 'jose';
import pg from 'pg';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Instance,
  type RoundRobinProxy,
  runLoad,
  runScenario,
  startInstance,
  startProxy,
  verifyLoad,
} from '../bench/cluster.mjs';

/**
 * Two server processes (the built `dist/main.js`) on one PostgreSQL database, storing files in
 * one S3-compatible bucket (s3rver), behind a round-robin proxy — as behind a load balancer,
 * all on 127.0.0.1. Needs TEST_DATABASE_URL (PGlite is one process's database) and a build.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const built = existsSync(new URL('../dist/main.js', import.meta.url));
const SECRET = randomBytes(32).toString('base64url');

const sign = (claims: Record<string, unknown>, sub: string) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuer('egov-instances-test')
    .setAudience('egov-instances-test')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(SECRET));
const citizens = new Map<number, Promise<string>>();
const tokens = (i: number) => {
  if (!citizens.has(i))
    citizens.set(i, sign({ role: 'citizen' }, `citizen-${i}-${SECRET.slice(0, 6)}`));
  return citizens.get(i) as Promise<string>;
};

describe.runIf(serverUrl && built)('two instances on one PostgreSQL behind a proxy', () => {
  let dir: string;
  let name: string;
  let env: Record<string, string>;
  let officerToken: string;
  let s3rver: S3rver;
  const running: Instance[] = [];
  const proxies: RoundRobinProxy[] = [];

  beforeAll(async () => {
    name = `egov_instances_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl as string);
    url.pathname = `/${name}`;
    dir = mkdtempSync(join(tmpdir(), 'egov-instances-'));
    s3rver = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: join(dir, 's3'),
    });
    const { port } = await s3rver.run();
    const endpoint = `http://127.0.0.1:${port}`;
    const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
    const s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
    await s3.send(new CreateBucketCommand({ Bucket: 'egov-instances' }));
    s3.destroy();
    env = {
      DATABASE_URL: url.toString(),
      DATA_DIR: dir,
      S3_BUCKET: 'egov-instances',
      S3_ENDPOINT: endpoint,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // The proxy polls /ready every 100 ms: 3 s at 503 leave it ample time, even on a busy
      // machine, to stop sending before the listener closes.
      SHUTDOWN_DRAIN: '3',
      EGOV_DEMO: 'off',
      JWT_SECRET: SECRET,
      JWT_ISSUER: 'egov-instances-test',
      JWT_AUDIENCE: 'egov-instances-test',
    };
    officerToken = await sign({ role: 'officer', agency: 'UBND-20242' }, 'officer-instances');
  }, 400_000);

  afterAll(async () => {
    await Promise.all(proxies.map((proxy) => proxy.close()));
    await Promise.all(running.map((instance) => instance.stop('SIGKILL')));
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    await s3rver?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (label: string) => {
    const instance = await startInstance({ env, label });
    running.push(instance);
    return instance;
  };

  it('starts two instances at once on an empty database (one migrates and seeds)', async () => {
    const [a, b] = await Promise.all([start('a'), start('b')]);
    for (const instance of [a, b]) {
      const ready = await fetch(`${instance.url}/ready`);
      expect(ready.status, instance.output()).toBe(200);
    }
  }, 400_000);

  it('loses and duplicates nothing acknowledged when one instance is killed mid-load', async () => {
    const [a, b] = running as [Instance, Instance];
    const proxy = await startProxy([a.url, b.url]);
    proxies.push(proxy);
    const load = runLoad({
      url: proxy.url,
      clients: 10,
      seconds: 8,
      tokens,
      officerToken,
      answers: exampleAnswers as never,
    });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const servedBeforeKill = [...proxy.stats.perBackend];
    await b.stop('SIGKILL');
    const result = await load;
    expect(servedBeforeKill.every((n) => n > 0)).toBe(true);
    expect(result.failures).toEqual([]);
    expect(result.acknowledged.submitted.size).toBeGreaterThan(10);
    const check = await verifyLoad({
      url: a.url,
      clients: 10,
      tokens,
      officerToken,
      acknowledged: result.acknowledged,
      failures: result.failures,
    });
    expect(check.problems).toEqual([]);
    expect(check.lost).toBe(0);
    expect(check.duplicated).toBe(0);
  }, 400_000);

  it('drains on SIGTERM: the stopped instance exits 0 and no request fails', async () => {
    const [a] = running as [Instance];
    const c = await start('c');
    const proxy = await startProxy([a.url, c.url]);
    proxies.push(proxy);
    const load = runLoad({
      url: proxy.url,
      clients: 10,
      seconds: 8,
      tokens: (i) => tokens(100 + i),
      officerToken,
      answers: exampleAnswers as never,
      retry: false,
    });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const exit = await c.stop('SIGTERM');
    const result = await load;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(proxy.stats.perBackend[1]).toBeGreaterThan(0);
    expect(result.failures).toEqual([]);
    expect(proxy.stats.badGateway).toBe(0);
  }, 400_000);
});

// The small version of `bench/load.mjs` that CI runs: a few clients for a few seconds, with a
// SIGKILL and a restart at half time, on the database of this run.
describe.runIf(built)(`load with a SIGKILL, small (${serverUrl ? 'postgres' : 'pglite'})`, () => {
  it('answers every request in the end and loses or duplicates nothing acknowledged', async () => {
    const result = await runScenario({
      kind: serverUrl ? 'postgres' : 'pglite',
      clients: 5,
      seconds: 6,
      databaseUrl: serverUrl,
      answers: exampleAnswers as never,
    });
    expect(result.failures).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.journeys).toBeGreaterThan(5);
    expect(result.lost).toBe(0);
    expect(result.duplicated).toBe(0);
  }, 400_000);
});
