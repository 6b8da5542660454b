import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_CSP,
  clientAddressResolver,
  createApp,
  type Database,
  DEMO_USERS,
  jsonLogger,
  MemoryFileStore,
  Metrics,
  maskPersonalData,
  PAGE_CSP,
  parseTrustedProxy,
  pruneRateLimits,
  RECEIPT_LIMITS,
  rateLimitKey,
  readConfig,
  seed,
  signDevToken,
  silentLogger,
  startServer,
  TokenVerifier,
} from '../src/index.js';
import { DATABASE_KIND, freshDatabase } from './support/database.js';
import { startHarness } from './support/harness.js';
import { submitted } from './support/journeys.js';

const secret = randomBytes(32);
let db: Database;
let drop: () => Promise<void>;
let staticDir: string;
let now = Date.parse('2026-03-02T08:00:00Z');
const logLines: string[] = [];

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  await seed(db, { demoDossiers: false });
  staticDir = await mkdtemp(join(tmpdir(), 'egov-hardening-'));
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(
    join(staticDir, 'app.js'),
    `export const big = ${JSON.stringify('x'.repeat(5000))};\n`,
  );
  await writeFile(join(staticDir, 'chunk-GCIZJCH4.js'), 'export {};\n');
  await utimes(join(staticDir, 'app.js'), new Date('2026-01-01'), new Date('2026-01-01'));
}, 60_000);

afterAll(async () => {
  await drop();
  await rm(staticDir, { recursive: true, force: true });
});

/** The app as on a socket at `socket`, with the given trusted proxies and a movable clock. */
function app(options: { trustProxy?: string; storageFails?: boolean; metrics?: Metrics } = {}) {
  const hono = createApp({
    db,
    files: new MemoryFileStore(),
    tokens: new TokenVerifier({ kind: 'secret', secret }),
    elementsDir: staticDir,
    portalDir: staticDir,
    trustProxy: parseTrustedProxy(options.trustProxy),
    clock: () => now,
    logger: jsonLogger((line) => logLines.push(line)),
    metrics: options.metrics,
    storageReady: options.storageFails
      ? () => Promise.reject(new Error('disk gone'))
      : () => Promise.resolve(),
  });
  return (path: string, init: RequestInit = {}, socket = '192.0.2.10') =>
    hono.request(path, init, { incoming: { socket: { remoteAddress: socket } } });
}

describe('the client address', () => {
  it('is the socket address unless a proxy is trusted; X-Forwarded-For alone changes nothing', () => {
    const none = clientAddressResolver(parseTrustedProxy(undefined));
    expect(none('192.0.2.1', '203.0.113.7')).toBe('192.0.2.1');
    const oneHop = clientAddressResolver(parseTrustedProxy('1'));
    // The client wrote "6.6.6.6"; the proxy appended the address it saw.
    expect(oneHop('10.0.0.2', '6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
    expect(oneHop('10.0.0.2', 'garbage')).toBe('10.0.0.2');
    const ranges = clientAddressResolver(parseTrustedProxy('10.0.0.0/8, fd00::/8'));
    expect(ranges('10.0.0.2', '6.6.6.6, 203.0.113.7, 10.1.1.1')).toBe('203.0.113.7');
    expect(ranges('198.51.100.1', '203.0.113.7')).toBe('198.51.100.1');
    expect(ranges('::ffff:10.0.0.2', '2001:db8::1')).toBe('2001:db8::1');
    expect(rateLimitKey('2001:db8:1:2:aaaa::1')).toBe(rateLimitKey('2001:db8:1:2:ffff::9'));
    expect(rateLimitKey('2001:db8:1:2::1')).not.toBe(rateLimitKey('2001:db8:1:3::1'));
  });

  it('refuses a TRUST_PROXY it cannot read instead of trusting everyone', () => {
    expect(() => parseTrustedProxy('10.0.0.0/33')).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustedProxy('everyone')).toThrow(/TRUST_PROXY/);
    expect(readConfig({ TRUST_PROXY: '2' }).trustProxy).toEqual({ kind: 'hops', hops: 2 });
  });
});

describe(`receipt lookups under attack (${DATABASE_KIND})`, () => {
  it('answers an unknown code and a wrong verifier identically', async () => {
    const h = await startHarness();
    try {
      const dossier = await submitted(h);
      const wrong = await h.request(
        'GET',
        `/api/v1/lookup?code=${dossier.code}&verifier=WRONG234`,
        {
          headers: { 'x-forwarded-for': '198.51.100.20' },
        },
      );
      const unknown = await h.request(
        'GET',
        '/api/v1/lookup?code=HS-000000-999999&verifier=WRONG234',
        {
          headers: { 'x-forwarded-for': '198.51.100.21' },
        },
      );
      expect(wrong.status).toBe(404);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body.code).toBe('no_match');
      // The holder's own lookups do not count against the code: never blocked by using it.
      const [row] = await h.db.query<{ verifier: string }>(
        'select verifier from dossiers where id = $1',
        [dossier.id],
      );
      for (let i = 0; i < RECEIPT_LIMITS.perCode.limit + 5; i++) {
        const found = await h.request(
          'GET',
          `/api/v1/lookup?code=${dossier.code}&verifier=${row?.verifier}`,
          { headers: { 'x-forwarded-for': `198.51.101.${i}` } },
        );
        expect(found.status).toBe(200);
      }
    } finally {
      await h.close();
    }
  }, 60_000);

  it('limits one code across any number of addresses, and backs off longer each time', async () => {
    const request = app();
    const code = `HS-CODE-${randomBytes(3).toString('hex')}`;
    const statuses: number[] = [];
    for (let i = 0; i < RECEIPT_LIMITS.perCode.limit + 1; i++) {
      const response = await request(
        `/api/v1/lookup?code=${code}&verifier=ABCD2345`,
        {},
        `198.18.${i}.1`,
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, -1).every((status) => status === 404)).toBe(true);
    const blocked = await request(
      `/api/v1/lookup?code=${code}&verifier=ABCD2345`,
      {},
      '198.18.200.1',
    );
    expect(blocked.status).toBe(429);
    const first = Number(blocked.headers.get('retry-after'));
    expect(first).toBeGreaterThan(3_000);
    now += first * 1000;
    for (let i = 0; i < RECEIPT_LIMITS.perCode.limit; i++) {
      await request(`/api/v1/lookup?code=${code}&verifier=ABCD2345`, {}, `198.19.${i}.1`);
    }
    const again = await request(
      `/api/v1/lookup?code=${code}&verifier=ABCD2345`,
      {},
      '198.19.200.1',
    );
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(first * 1.9);
  }, 60_000);

  it("refunds the holder's lookups, also after the code was once blocked", async () => {
    const h = await startHarness({ app: { clock: () => now } });
    try {
      const dossier = await submitted(h);
      const [row] = await h.db.query<{ verifier: string }>(
        'select verifier from dossiers where id = $1',
        [dossier.id],
      );
      const look = (verifier: string, i: number) =>
        h.request('GET', `/api/v1/lookup?code=${dossier.code}&verifier=${verifier}`, {
          headers: { 'x-forwarded-for': `198.21.${i % 250}.${Math.floor(i / 250)}` },
        });
      let i = 0;
      for (let n = 0; n <= RECEIPT_LIMITS.perCode.limit; n++) await look('WRONG234', i++);
      expect((await look(row?.verifier as string, i++)).status).toBe(429);
      now += RECEIPT_LIMITS.perCode.blockSeconds * 1000 + 1000;
      for (let n = 0; n < RECEIPT_LIMITS.perCode.limit + 5; n++) {
        expect((await look(row?.verifier as string, i++)).status).toBe(200);
      }
    } finally {
      await h.close();
    }
  }, 60_000);

  it('lets no more than the limit through when the guesses on one code arrive at once', async () => {
    const request = app();
    const code = `HS-BURST-${randomBytes(3).toString('hex')}`;
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        request(`/api/v1/lookup?code=${code}&verifier=ABCD2345`, {}, `198.20.${i}.1`),
      ),
    );
    const evaluated = answers.filter((response) => response.status === 404).length;
    expect(evaluated).toBe(RECEIPT_LIMITS.perCode.limit);
    expect(answers.filter((response) => response.status === 429)).toHaveLength(60 - evaluated);
  }, 60_000);

  it('forgets its state: expired rows are pruned', async () => {
    await app()('/api/v1/lookup?code=HS-PRUNE&verifier=ABCD2345', {}, '198.51.100.99');
    const before = await db.query('select 1 from rate_limits');
    expect(before.length).toBeGreaterThan(0);
    // Past every block and the week-long memory of offences.
    now += 30 * 86_400_000;
    expect(await pruneRateLimits(db, now)).toBe(before.length);
    expect(await db.query('select 1 from rate_limits')).toHaveLength(0);
  });

  it('accepts at most 60 guesses in the first hour and 10 an hour after from one client, however it spoofs X-Forwarded-For', async () => {
    const request = app();
    const perHour: number[] = [];
    for (let hour = 0; hour < 3; hour++) {
      const end = now + 3_600_000;
      let accepted = 0;
      let sent = 0;
      while (now < end) {
        const spoofed = `${sent % 250}.${(sent * 7) % 250}.1.${hour}`;
        const response = await request(
          // A different code every time: the per-code limit is not what stops this client.
          `/api/v1/lookup?code=HS-${hour}-${sent}&verifier=ABCD2345`,
          {
            headers: {
              'x-forwarded-for': spoofed,
              'x-real-ip': spoofed,
              forwarded: `for=${spoofed}`,
            },
          },
          '192.0.2.66',
        );
        sent++;
        if (response.status === 429) now += Number(response.headers.get('retry-after')) * 1000;
        else {
          expect(response.status).toBe(404);
          accepted++;
          now += 100;
        }
      }
      perHour.push(accepted);
    }
    console.log(`lookup guesses accepted per hour from one spoofing client: ${perHour.join(', ')}`);
    expect(perHour[0]).toBeLessThanOrEqual(60);
    expect(perHour[1]).toBeLessThanOrEqual(20);
    expect(perHour[2]).toBeLessThanOrEqual(20);
  }, 120_000);
});

describe('headers', () => {
  it('answer 431 to an oversized header, X-Forwarded-For included, and never 500', async () => {
    const request = app({ trustProxy: '1' });
    const long = await request('/api/v1/lookup?code=HS-1&verifier=ABCD2345', {
      headers: { 'x-forwarded-for': `${'1.2.3.4, '.repeat(2000)}5.6.7.8` },
    });
    expect(long.status).toBe(431);
    expect(long.headers.get('content-type')).toContain('application/problem+json');
    const many = await request('/api/v1/procedures', {
      headers: Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`x-h${i}`, 'v'])),
    });
    expect(many.status).toBe(431);
    // Just under the limit: the address is read from a bounded part of the header, no 500.
    const under = await request('/api/v1/lookup?code=HS-1&verifier=ABCD2345', {
      headers: { 'x-forwarded-for': `${'9'.repeat(8000)}` },
    });
    expect(under.status).toBeLessThan(500);
  });

  it('set CSP, nosniff, no-referrer and no framing everywhere; no-store for a signed-in caller', async () => {
    const request = app();
    const page = await request('/');
    expect(page.headers.get('content-security-policy')).toBe(PAGE_CSP);
    expect(PAGE_CSP).toContain("script-src 'self'");
    expect(PAGE_CSP).not.toContain('unsafe-inline');
    // WebAssembly may compile (the large-file digest), JavaScript may not be eval'd.
    expect(PAGE_CSP).toContain("'wasm-unsafe-eval'");
    expect(PAGE_CSP).not.toMatch(/'unsafe-eval'/);
    expect(PAGE_CSP).toContain("frame-ancestors 'none'");
    const token = await signDevToken(secret, DEMO_USERS.citizen);
    const api = await request('/api/v1/dossiers', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.status).toBe(200);
    for (const response of [page, api]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
    }
    expect(api.headers.get('content-security-policy')).toBe(API_CSP);
    expect(api.headers.get('cache-control')).toBe('no-store');
    const lookup = await request('/api/v1/lookup?code=HS-1&verifier=ABCD2345', {}, '198.51.100.77');
    expect(lookup.headers.get('cache-control')).toBe('no-store');
    const problem = await request('/api/v1/dossiers', {
      headers: { authorization: 'Bearer x.y.z' },
    });
    expect(problem.status).toBe(401);
    expect(problem.headers.get('cache-control')).toBe('no-store');
  });

  it('serve static files compressed and cached: immutable when hashed, ETag and 304 otherwise', async () => {
    const request = app();
    const plain = await request('/elements/app.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-encoding')).toBe('br');
    expect(plain.headers.get('cache-control')).toBe('no-cache');
    const bytes = new Uint8Array(await plain.arrayBuffer());
    expect(Number(plain.headers.get('content-length'))).toBe(bytes.byteLength);
    expect(brotliDecompressSync(bytes).toString()).toContain('export const big');
    const etag = plain.headers.get('etag') as string;
    expect(etag).toMatch(/^W\/"/);
    const again = await request('/elements/app.js', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const hashed = await request('/elements/chunk-GCIZJCH4.js');
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await request('/elements/../hardening.test.ts')).status).toBe(404);
  });
});

describe('input that used to reach a 500', () => {
  const token = () => signDevToken(secret, DEMO_USERS.citizen);
  const json = async (body: string) =>
    app()('/api/v1/dossiers', {
      method: 'POST',
      headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' },
      body,
    });

  it.each([
    ['a lone surrogate', '{"procedureCode":"\\ud800"}'],
    ['a lone low surrogate in a key', '{"\\udc00":"x"}'],
    ['NUL', '{"procedureCode":"\\u0000"}'],
    ['JSON nested 10,000 deep', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
    [
      'JSON nested 33 deep in an answer',
      `{"procedureCode":"1.013133","formData":{"a":${'['.repeat(33)}${']'.repeat(33)}}}`,
    ],
  ])('%s → 400', async (_, body) => {
    const response = await json(body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('invalid UTF-8 → 400', async () => {
    const response = await app()('/api/v1/dossiers', {
      method: 'POST',
      headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' },
      body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    });
    expect(response.status).toBe(400);
  });

  it.each([
    Buffer.from(JSON.stringify(['not a date', 'x'])).toString('base64url'),
    Buffer.from(
      JSON.stringify(['2026-13-45T00:00:00Z', '00000000-0000-0000-0000-000000000000']),
    ).toString('base64url'),
    Buffer.from(
      JSON.stringify(['0000-01-01T00:00:00Z', '00000000-0000-0000-0000-000000000000']),
    ).toString('base64url'),
    Buffer.from(JSON.stringify(['2026-01-01T00:00:00Z', 'not-a-uuid'])).toString('base64url'),
    Buffer.from('[1e999]').toString('base64url'),
    '%%%',
    'A'.repeat(5000),
  ])('a forged cursor → 400 (%s)', async (cursor) => {
    const request = app();
    const mine = await request(`/api/v1/dossiers?cursor=${encodeURIComponent(cursor)}`, {
      headers: { authorization: `Bearer ${await token()}` },
    });
    expect(mine.status).toBe(400);
    const officer = await signDevToken(secret, DEMO_USERS.officer);
    const inbox = await request(
      `/api/v1/officer/dossiers?cursor=${encodeURIComponent(Buffer.from('[-1]').toString('base64url'))}`,
      {
        headers: { authorization: `Bearer ${officer}` },
      },
    );
    expect(inbox.status).toBe(400);
    const procedures = await request(
      `/api/v1/procedures?cursor=${encodeURIComponent(Buffer.from('[1,"\\u0000"]').toString('base64url'))}`,
    );
    expect(procedures.status).toBe(400);
  });

  it.each([
    ['0000-01-01', '2026-01-31'],
    ['2025-02-31', '2025-03-01'],
    ['2026-02-01', '2026-01-01'],
    ['1000-01-01', '9999-12-31'],
  ])('statistics from %s to %s → 400', async (from, to) => {
    const response = await app()(`/api/v1/statistics/on-time?from=${from}&to=${to}`);
    expect(response.status).toBe(400);
  });
});

describe('tokens', () => {
  const verifier = new TokenVerifier({
    kind: 'secret',
    secret,
    issuer: 'egov',
    audience: 'portal',
  });
  const sign = (claims: Record<string, unknown>, build: (jwt: SignJWT) => SignJWT = (j) => j) =>
    build(
      new SignJWT({ role: 'citizen', ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('c1'),
    ).sign(secret);
  const good = (jwt: SignJWT) =>
    jwt.setIssuedAt().setExpirationTime('1h').setIssuer('egov').setAudience('portal');

  it('accepts a token with exp, iat, issuer and audience', async () => {
    expect(await verifier.principal(`Bearer ${await sign({}, good)}`)).toMatchObject({ id: 'c1' });
  });

  it.each([
    ['no exp', (j: SignJWT) => j.setIssuedAt().setIssuer('egov').setAudience('portal')],
    ['a ten-year exp', (j: SignJWT) => good(j).setExpirationTime('3650d')],
    ['no iat', (j: SignJWT) => j.setExpirationTime('1h').setIssuer('egov').setAudience('portal')],
    ['another audience', (j: SignJWT) => good(j).setAudience('other-app')],
    ['no audience', (j: SignJWT) => j.setIssuedAt().setExpirationTime('1h').setIssuer('egov')],
    ['another issuer', (j: SignJWT) => good(j).setIssuer('evil')],
    [
      'an iat in the future',
      (j: SignJWT) =>
        good(j)
          .setIssuedAt(Math.floor(Date.now() / 1000) + 3600)
          .setExpirationTime('2h'),
    ],
    [
      'expired beyond the skew',
      (j: SignJWT) =>
        good(j)
          .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
          .setExpirationTime(Math.floor(Date.now() / 1000) - 120),
    ],
  ])('refuses %s', async (_, build) => {
    await expect(verifier.principal(`Bearer ${await sign({}, build)}`)).rejects.toMatchObject({
      status: 401,
    });
  });

  it('refuses alg none and algorithms outside the allow-list', async () => {
    const header = (alg: string) =>
      Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({
        sub: 'c1',
        role: 'admin',
        iat: Math.floor(Date.now() / 1000),
        exp: Math.floor(Date.now() / 1000) + 60,
        iss: 'egov',
        aud: 'portal',
      }),
    ).toString('base64url');
    await expect(verifier.principal(`Bearer ${header('none')}.${payload}.`)).rejects.toMatchObject({
      status: 401,
    });
    const hs512 = await good(
      new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS512' }).setSubject('c1'),
    ).sign(secret);
    await expect(verifier.principal(`Bearer ${hs512}`)).rejects.toMatchObject({ status: 401 });
    expect(
      () =>
        new TokenVerifier({
          kind: 'jwks',
          jwksUrl: 'https://idp.example/jwks',
          issuer: 'i',
          audience: 'a',
          algorithms: ['HS256'],
        }),
    ).toThrow(/JWKS/);
    expect(() => new TokenVerifier({ kind: 'secret', secret, algorithms: ['none'] })).toThrow(
      /none/,
    );
  });

  it('takes a shorter maximum lifetime and clock skew from the configuration', async () => {
    const strict = new TokenVerifier({
      kind: 'secret',
      secret,
      maxLifetimeSeconds: 600,
      clockSkewSeconds: 0,
    });
    const hour = await sign({}, (j) => j.setIssuedAt().setExpirationTime('1h'));
    await expect(strict.principal(`Bearer ${hour}`)).rejects.toMatchObject({ status: 401 });
    const short = await sign({}, (j) => j.setIssuedAt().setExpirationTime('5m'));
    expect(await strict.principal(`Bearer ${short}`)).toMatchObject({ id: 'c1' });
    expect(readConfig({ JWT_MAX_LIFETIME: '15m', JWT_CLOCK_SKEW: '5' })).toMatchObject({
      jwtMaxLifetimeSeconds: 900,
      jwtClockSkewSeconds: 5,
    });
  });
});

describe('production mode (EGOV_DEMO=off)', () => {
  it('refuses to start without JWT_SECRET or a JWKS, saying what to set', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'egov-prod-'));
    try {
      const config = readConfig({ DATA_DIR: dir, PORT: '0', EGOV_DEMO: 'off' });
      await expect(startServer(config)).rejects.toThrow(/JWT_SECRET.*\n?.*JWKS_URL|JWKS_URL/s);
      await expect(startServer({ ...config, jwtSecret: 'short' })).rejects.toThrow(/32/);
      // Refused before anything was made: no database, no files folder, no secret.
      const { readdir } = await import('node:fs/promises');
      expect(await readdir(dir)).toEqual([]);
      expect(() =>
        readConfig({ JWKS_URL: 'https://idp.example/jwks', JWT_ISSUER: 'https://idp.example' }),
      ).toThrow(/JWT_AUDIENCE/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('seeds no demo dossiers, keeps no development secret and serves no demo sign-in', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'egov-prod-'));
    const server = await startServer({
      ...readConfig({ DATA_DIR: dir, PORT: '0', EGOV_DEMO: 'off' }),
      jwtSecret: randomBytes(32).toString('base64url'),
    });
    try {
      expect(server.seeded?.dossiers).toBe(0);
      const [count] = await server.db.query<{ n: number }>(
        'select count(*)::int as n from dossiers',
      );
      expect(count?.n).toBe(0);
      expect((await fetch(`${server.url}/demo/sign-in`, { method: 'POST' })).status).toBe(404);
      const { existsSync } = await import('node:fs');
      expect(existsSync(join(dir, 'dev-jwt-secret'))).toBe(false);
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('operations', () => {
  it('/health is alive; /ready checks the database and storage', async () => {
    expect((await app()('/health')).status).toBe(200);
    const ready = await app()('/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', storage: 'ok' },
    });
    const failing = await app({ storageFails: true })('/ready');
    expect(failing.status).toBe(503);
    expect(await failing.json()).toMatchObject({ checks: { storage: 'failing' } });
  });

  it('/metrics has latency histograms by route template and dossiers by status', async () => {
    const metrics = new Metrics();
    const request = app({ metrics });
    await request('/api/v1/procedures?limit=1');
    await request('/api/v1/procedures/1.013133');
    const text = await (await request('/metrics')).text();
    expect(text).toContain('# TYPE egov_http_request_duration_seconds histogram');
    expect(text).toMatch(
      /egov_http_request_duration_seconds_bucket\{method="GET",route="\/api\/v1\/procedures\/:code",status="200",le="\+Inf"\} 1/,
    );
    expect(text).not.toContain('1.013133');
    expect(text).toContain('# TYPE egov_dossiers gauge');
  });

  it('logs one JSON line per request with its id, and masks identity and phone numbers', async () => {
    logLines.length = 0;
    const response = await app()('/api/v1/procedures', { headers: { 'x-request-id': 'req-123' } });
    expect(response.headers.get('x-request-id')).toBe('req-123');
    const line = JSON.parse(logLines.at(-1) as string);
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      requestId: 'req-123',
      status: 200,
    });
    expect(line.client).toBe('192.0.2.0/24');
    const masked: string[] = [];
    jsonLogger((l) => masked.push(l)).error({
      msg: 'failed for 048099012345, phone 0905 123 456, +84905123456, a@b.vn',
    });
    expect(masked[0]).not.toMatch(/048099012345|0905 123 456|905123456|a@b/);
    expect(masked[0]).toContain('*********345');
    // Ids are not phone numbers: a request id of digit groups stays whole.
    const ids: string[] = [];
    jsonLogger((l) => ids.push(l)).info({
      msg: 'x',
      requestId: '12345678-1234-1234-1234-123456789012',
    });
    expect(JSON.parse(ids[0] as string).requestId).toBe('12345678-1234-1234-1234-123456789012');
    expect(maskPersonalData('order 7c9e6679-7425-40de-944b-e07fc1f90ae7')).toContain(
      '7c9e6679-7425',
    );
    silentLogger.info({ msg: 'nothing' });
  });
});
