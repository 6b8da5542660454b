import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Procedure } from '@egov-kit/schema';
import { signCades, verifyCades, WebCryptoSigner } from '@egov-kit/signing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  createApp,
  type Database,
  DEMO_PROCEDURE,
  DEMO_USERS,
  type DemoSigningIdentities,
  loadDemoSigningIdentities,
  MemoryFileStore,
  readConfig,
  seed,
  signDevToken,
  startServer,
  TokenVerifier,
} from '../src/index.js';
import { freshDatabase } from './support/database.js';

const secret = new Uint8Array(32).fill(7);
let db: Database;
let drop: () => Promise<void>;
let root: string;
let identities: DemoSigningIdentities;

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  await seed(db, { demoDossiers: false, demoProcedure: true });
  root = await mkdtemp(join(tmpdir(), 'egov-demo-test-'));
  identities = await loadDemoSigningIdentities(root);
}, 60_000);

afterAll(async () => {
  await drop();
  await rm(root, { recursive: true, force: true });
});

const app = (
  options: {
    demo?: boolean;
    signToken?: boolean;
    clientDir?: string;
    signingDir?: string;
    storybookDir?: string;
  } = {},
) =>
  createApp({
    db,
    files: new MemoryFileStore(),
    tokens: new TokenVerifier({ kind: 'secret', secret }),
    clientDir: options.clientDir,
    signingDir: options.signingDir,
    schemaDir: options.signingDir,
    storybookDir: options.storybookDir,
    portalDir: fileURLToPath(new URL('../portal/', import.meta.url)),
    log: () => undefined,
    demo:
      options.demo === false
        ? undefined
        : {
            signToken:
              options.signToken === false
                ? undefined
                : (principal) => signDevToken(secret, principal, { expiresIn: '12h' }),
            signingIdentities: async () => identities,
          },
  });

const signIn = (role: unknown, target = app()) =>
  target.request('/demo/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    body: JSON.stringify({ role }),
  });

describe('EGOV_DEMO', () => {
  it('is on by default and off with off, 0, false or no', () => {
    expect(readConfig({}).demo).toBe(true);
    expect(readConfig({ EGOV_DEMO: 'on' }).demo).toBe(true);
    for (const off of ['off', '0', 'false', 'no', ' OFF '])
      expect(readConfig({ EGOV_DEMO: off }).demo).toBe(false);
  });

  it('off: every demo path answers 404, the API still works', async () => {
    const off = app({ demo: false });
    expect((await signIn('citizen', off)).status).toBe(404);
    for (const path of [
      '/demo/signing-identity/citizen',
      '/demo/signing-identity/officer',
      '/demo/ca.pem',
    ])
      expect((await off.request(path)).status, path).toBe(404);
    expect((await off.request('/api/v1/health')).status).toBe(200);
  });
});

describe('POST /demo/sign-in', () => {
  it('gives the demo citizen a token the API accepts', async () => {
    const response = await signIn('citizen');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { token: string; user: Record<string, unknown> };
    expect(body.user).toEqual({
      id: DEMO_USERS.citizen.id,
      name: DEMO_USERS.citizen.name,
      role: 'citizen',
    });
    const list = await app().request('/api/v1/dossiers', {
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(list.status).toBe(200);
    const anonymous = await app().request('/api/v1/dossiers');
    expect(anonymous.status).toBe(401);
  });

  it('gives the demo officer of UBND-20242 a token for the officer inbox', async () => {
    const body = (await (await signIn('officer')).json()) as {
      token: string;
      user: Record<string, unknown>;
    };
    expect(body.user).toMatchObject({
      id: 'officer-demo',
      role: 'officer',
      agencyCode: 'UBND-20242',
    });
    const inbox = await app().request('/api/v1/officer/dossiers', {
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(inbox.status).toBe(200);
  });

  it('refuses other roles, admin included, with a problem in the caller’s language', async () => {
    for (const role of ['admin', 'root', undefined, 42]) {
      const response = await signIn(role);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(((await response.json()) as { detail: string }).detail).toMatch(/role/);
    }
    const vi = await app().request('/demo/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'vi' },
      body: '{not json',
    });
    expect(((await vi.json()) as { detail: string }).detail).toContain('Gửi JSON');
  });

  it('explains that there is no demo sign-in when tokens come from an identity provider', async () => {
    const response = await signIn('citizen', app({ signToken: false }));
    expect(response.status).toBe(404);
    expect(((await response.json()) as { detail: string }).detail).toContain('JWKS_URL');
  });
});

describe('demo signing identities', () => {
  const certificate = (pem: string) => new X509Certificate(pem);

  it('are a demo CA and one P-256 certificate per demo user, issued by it, marked DEMO', async () => {
    const ca = certificate(identities.caPem);
    expect(ca.ca).toBe(true);
    expect(ca.subject).toContain('CN=egov-kit Demo CA (DEMO)');
    expect(ca.verify(ca.publicKey)).toBe(true);
    for (const who of ['citizen', 'officer'] as const) {
      const identity = identities[who];
      const holder = certificate(identity.certificatePem);
      expect(holder.subject).toContain(`CN=${DEMO_USERS[who].name.replace(' (demo)', '')} (DEMO)`);
      expect(holder.ca).toBe(false);
      expect(holder.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
      expect(holder.checkIssued(ca)).toBe(true);
      expect(holder.verify(ca.publicKey)).toBe(true);
      const days = (Date.parse(holder.validTo) - Date.parse(holder.validFrom)) / 86_400_000;
      expect(days).toBeGreaterThan(725);
      expect(days).toBeLessThan(735);
      expect(identity.chainPem).toEqual([identities.caPem]);
      expect(identity.caPem).toBe(identities.caPem);
    }
    expect(certificate(identities.citizen.certificatePem).serialNumber).not.toBe(
      certificate(identities.officer.certificatePem).serialNumber,
    );
  });

  it('are kept in the data folder, keys readable by the owner only, and read back on restart', async () => {
    for (const name of ['ca.key', 'citizen.key', 'officer.key'])
      expect((await stat(join(root, 'demo-signing', name))).mode & 0o777).toBe(0o600);
    const again = await loadDemoSigningIdentities(root);
    expect(again).toEqual(identities);
  });

  it('pass `openssl verify` against the demo CA, with digitalSignature and nonRepudiation', async () => {
    const dir = join(root, 'openssl');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'ca.pem'), identities.caPem);
    for (const who of ['citizen', 'officer'] as const) {
      await writeFile(join(dir, `${who}.pem`), identities[who].certificatePem);
      const out = execFileSync(
        'openssl',
        ['verify', '-CAfile', 'ca.pem', '-purpose', 'smimesign', `${who}.pem`],
        { cwd: dir, encoding: 'utf8' },
      );
      expect(out).toContain(`${who}.pem: OK`);
      const text = execFileSync('openssl', ['x509', '-in', `${who}.pem`, '-noout', '-text'], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
    }
    // A certificate the demo CA did not issue fails the same check: the check can fail.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        join(dir, 'other.key'),
        '-out',
        join(dir, 'other.pem'),
        '-subj',
        '/CN=Other',
        '-days',
        '1',
      ],
      { stdio: 'ignore' },
    );
    expect(() =>
      execFileSync('openssl', ['verify', '-CAfile', 'ca.pem', 'other.pem'], {
        cwd: dir,
        stdio: 'pipe',
      }),
    ).toThrow();
  });

  it('sign a document with @egov-kit/signing that verifies against the demo CA only', async () => {
    const document = new TextEncoder().encode('Tờ khai đăng ký khai sinh — demo');
    const identity = identities.citizen;
    const signer = await WebCryptoSigner.fromPkcs8({
      privateKey: identity.privateKeyPkcs8Pem,
      certificate: identity.certificatePem,
      chain: identity.chainPem,
    });
    const p7s = await signCades(document, signer);
    const result = await verifyCades(p7s, document, { trustedRoots: [identities.caPem] });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.signers[0]?.trusted).toBe(true);
      expect(result.signers[0]?.certificate.subject).toContain('(DEMO)');
    }
    const other = await mkdtemp(join(tmpdir(), 'egov-demo-other-'));
    try {
      const stranger = await loadDemoSigningIdentities(other);
      const refused = await verifyCades(p7s, document, { trustedRoots: [stranger.caPem] });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.code).toBe('untrusted');
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('are served at /demo/signing-identity/{who} and /demo/ca.pem', async () => {
    for (const who of ['citizen', 'officer'] as const) {
      const response = await app().request(`/demo/signing-identity/${who}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(identities[who]);
    }
    const ca = await app().request('/demo/ca.pem');
    expect(ca.status).toBe(200);
    expect(ca.headers.get('content-type')).toBe('application/x-pem-file');
    expect(await ca.text()).toBe(identities.caPem);
    expect((await app().request('/demo/signing-identity/admin')).status).toBe(404);
  });
});

describe('the demo procedure "Đăng ký khai sinh"', () => {
  it('is a valid Procedure at the commune level, online in full, free, bound to the birth form', () => {
    expect(z.safeParse(Procedure, DEMO_PROCEDURE).success).toBe(true);
    expect(DEMO_PROCEDURE).toMatchObject({
      code: '1.001193',
      levels: ['commune'],
      onlineLevel: 'full',
    });
    for (const channel of DEMO_PROCEDURE.cases[0]?.channels ?? []) expect(channel.fees).toEqual([]);
  });

  it('is found first by "dang ky khai sinh", typed without diacritics', async () => {
    const response = await app().request('/api/v1/procedures?q=dang%20ky%20khai%20sinh');
    const page = (await response.json()) as { items: { code: string; name: string }[] };
    expect(page.items[0]).toMatchObject({ code: '1.001193', name: 'Đăng ký khai sinh' });
    const byAgency =
      (await // By the agency's name, as the search's agency filter sends it (the desk's internal code
      // UBND-20242 is not shown to citizens, issue #18).
      (
        await app().request(
          `/api/v1/procedures?agency=${encodeURIComponent('Ủy ban nhân dân Phường Hải Châu')}`,
        )
      ).json()) as { items: { code: string }[] };
    expect(byAgency.items.map((p) => p.code)).toContain('1.001193');
  });

  it('opens the birth-registration form', async () => {
    const response = await app().request('/api/v1/procedures/1.001193/form');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: string }).id).toBe('birth-registration');
  });

  it('is added to a database seeded before it existed, once', async () => {
    const { db: older, drop: dropOlder } = await freshDatabase();
    try {
      await seed(older, { demoDossiers: false });
      const count = async () =>
        (
          await older.query<{ n: number }>(
            "select count(*)::int as n from procedures where code = '1.001193'",
          )
        )[0]?.n;
      expect(await count()).toBe(0);
      expect(await seed(older, { demoProcedure: true })).toBeUndefined();
      expect(await count()).toBe(1);
      await seed(older, { demoProcedure: true });
      expect(await count()).toBe(1);
    } finally {
      await dropOlder();
    }
  }, 60_000);
});

describe('static folders', () => {
  let clientDir: string;
  let storybookDir: string;

  beforeAll(async () => {
    clientDir = join(root, 'client');
    storybookDir = join(root, 'storybook');
    await mkdir(clientDir, { recursive: true });
    await mkdir(storybookDir, { recursive: true });
    await writeFile(join(clientDir, 'index.js'), 'export const createClient = () => {};\n');
    await writeFile(join(storybookDir, 'index.html'), '<!doctype html><title>Storybook</title>');
    await writeFile(join(root, 'secret.txt'), 'outside');
  });

  it('serves the client and signing bundles, the schema modules and Storybook', async () => {
    const served = app({ clientDir, signingDir: clientDir, storybookDir });
    for (const path of ['/signing/index.js', '/schema/index.js'])
      expect((await served.request(path)).status, path).toBe(200);
    const client = await served.request('/client/index.js');
    expect(client.status).toBe(200);
    expect(client.headers.get('content-type')).toContain('text/javascript');
    expect(await client.text()).toContain('createClient');
    const storybook = await served.request('/storybook/');
    expect(storybook.status).toBe(200);
    expect(await storybook.text()).toContain('<title>Storybook</title>');
    const bare = await served.request('/storybook');
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toBe('/storybook/');
    for (const path of ['/client/../secret.txt', '/storybook/%2e%2e/secret.txt', '/client/nope.js'])
      expect((await served.request(path)).status, path).toBe(404);
  });

  it('answers 404, not an error, when they are not built', async () => {
    const bare = app();
    for (const path of [
      '/client/index.js',
      '/signing/index.js',
      '/schema/index.js',
      '/storybook/',
      '/storybook',
      '/storybook/index.html',
    ])
      expect((await bare.request(path)).status, path).toBe(404);
  });
});

describe('startServer with the demo on', () => {
  it('makes the signing identities in DATA_DIR, seeds the demo procedure and serves the built client', async () => {
    const dataDir = join(root, 'server');
    const server = await startServer(
      { ...readConfig({ DATA_DIR: dataDir, PORT: '0' }), demo: true },
      { demoDossiers: false },
    );
    try {
      const ca = await readFile(join(dataDir, 'demo-signing', 'ca.pem'), 'utf8');
      expect(await (await fetch(`${server.url}/demo/ca.pem`)).text()).toBe(ca);
      const signedIn = (await (
        await fetch(`${server.url}/demo/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"role":"citizen"}',
        })
      ).json()) as { token: string };
      const mine = await fetch(`${server.url}/api/v1/dossiers`, {
        headers: { authorization: `Bearer ${signedIn.token}` },
      });
      expect(mine.status).toBe(200);
      const found = (await (
        await fetch(`${server.url}/api/v1/procedures?q=dang ky khai sinh`)
      ).json()) as { items: { code: string }[] };
      expect(found.items[0]?.code).toBe('1.001193');
      // The client package's build makes its browser bundle; the monorepo resolves it.
      const client = await fetch(`${server.url}/client/index.js`);
      expect(client.status).toBe(200);
      expect(await client.text()).toMatch(/createClient|export\{/);
      // So do the signing package's and the schema's, for the pages that sign and the officer desk.
      expect((await fetch(`${server.url}/signing/index.js`)).status).toBe(200);
      const transition = await fetch(`${server.url}/schema/status/transition.js`);
      expect(transition.status).toBe(200);
      expect(await transition.text()).toContain('availableActions');
    } finally {
      await server.close();
    }
    const off = await startServer(
      {
        ...readConfig({
          DATA_DIR: dataDir,
          PORT: '0',
          EGOV_DEMO: 'off',
          JWT_SECRET: 'a-test-secret-of-at-least-32-characters',
        }),
      },
      { demoDossiers: false },
    );
    try {
      expect((await fetch(`${off.url}/demo/ca.pem`)).status).toBe(404);
    } finally {
      await off.close();
    }
  }, 60_000);
});
