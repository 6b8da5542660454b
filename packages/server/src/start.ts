import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import type { ServerConfig } from './config.js';
import type { Database } from './db/database.js';
import { openDatabase } from './db/open.js';
import type { DemoOptions } from './demo/demo-routes.js';
import { loadDemoSigningIdentities } from './demo/signing-identities.js';
import { type AuthConfig, signDevToken, TokenVerifier } from './http/auth.js';
import { PACKAGE_ROOT, PORTAL_DIR } from './paths.js';
import { type SeedReport, seed } from './seed/seed.js';
import { DiskFileStore } from './services/file-store.js';

/** A listening server: its address, its parts, and how to stop it. */
export interface RunningServer {
  readonly url: string;
  readonly db: Database;
  /** The HS256 secret tokens are signed with, when not verifying against a JWKS. */
  readonly secret: Uint8Array | undefined;
  /** What the first start seeded; undefined when the database had data already. */
  readonly seeded: SeedReport | undefined;
  close(): Promise<void>;
}

/**
 * Opens the database (migrating and seeding it), and serves the API and the demo portal; with
 * `config.demo`, also the demo endpoints, the demo signing identities (made in `dataDir` on the
 * first start) and the demo procedure record.
 */
export async function startServer(
  config: ServerConfig,
  options: { demoDossiers?: boolean } = {},
): Promise<RunningServer> {
  await mkdir(config.filesDir, { recursive: true });
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
  });
  const seeded = await seed(db, { ...options, demoProcedure: config.demo === true });
  const auth = await authConfig(config);
  let demo: DemoOptions | undefined;
  if (config.demo) {
    await mkdir(config.dataDir, { recursive: true });
    const identities = await loadDemoSigningIdentities(config.dataDir);
    demo = {
      signToken:
        auth.kind === 'secret'
          ? (principal) =>
              signDevToken(auth.secret, principal, { issuer: auth.issuer, expiresIn: '12h' })
          : undefined,
      signingIdentities: async () => identities,
    };
  }
  const app = createApp({
    db,
    files: new DiskFileStore(config.filesDir),
    tokens: new TokenVerifier(auth),
    portalDir: fileURLToPath(PORTAL_DIR),
    elementsDir: findBuild('@egov-kit/elements', 'ELEMENTS_DIR', 'dist'),
    clientDir: findBuild('@egov-kit/client', 'CLIENT_DIR', 'dist/browser'),
    signingDir: findBuild('@egov-kit/signing', 'SIGNING_DIR', 'dist/browser'),
    schemaDir: findBuild('@egov-kit/schema', 'SCHEMA_DIR', 'dist'),
    storybookDir: findStorybookDir(),
    corsOrigins: config.corsOrigins,
    demo,
  });
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, hostname: config.host, port: config.port },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          db,
          secret: auth.kind === 'secret' ? auth.secret : undefined,
          seeded,
          close: () =>
            new Promise<void>((done, fail) =>
              server.close((error) => (error ? fail(error) : done())),
            ).then(() => db.close()),
        });
      },
    );
    server.once('error', (error) => {
      void db.close();
      reject(error);
    });
  });
}

/**
 * A JWKS when configured; else JWT_SECRET; else a random development secret kept in the data
 * folder, so that printed demo tokens survive a restart and no secret is ever in the repository.
 */
export async function authConfig(config: ServerConfig): Promise<AuthConfig> {
  if (config.jwksUrl && config.jwtIssuer) {
    return {
      kind: 'jwks',
      jwksUrl: config.jwksUrl,
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
    };
  }
  if (config.jwtSecret)
    return {
      kind: 'secret',
      secret: new TextEncoder().encode(config.jwtSecret),
      issuer: config.jwtIssuer,
    };
  const file = join(config.dataDir, 'dev-jwt-secret');
  let secret: string;
  try {
    secret = (await readFile(file, 'utf8')).trim();
  } catch {
    secret = randomBytes(32).toString('base64url');
    await mkdir(config.dataDir, { recursive: true });
    await writeFile(file, `${secret}\n`, { mode: 0o600 });
  }
  return { kind: 'secret', secret: new TextEncoder().encode(secret), issuer: config.jwtIssuer };
}

/**
 * A folder of an installed package (`dir` inside it), or the folder the environment variable
 * names. The elements, `@egov-kit/client` and `@egov-kit/signing` are optional: the API runs
 * without them, only the demo portal's pages load their browser bundles.
 */
function findBuild(name: string, variable: string, dir: string): string | undefined {
  const configured = process.env[variable];
  if (configured) return configured;
  try {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve(`${name}/package.json`)), dir);
  } catch {
    return undefined;
  }
}

/**
 * A static Storybook build, from `STORYBOOK_DIR` or, running from the monorepo, its root's
 * `storybook-static/` (`pnpm build-storybook`); none otherwise, and `/storybook/` answers 404.
 */
function findStorybookDir(): string | undefined {
  if (process.env.STORYBOOK_DIR) return process.env.STORYBOOK_DIR;
  const dir = fileURLToPath(new URL('../../storybook-static/', PACKAGE_ROOT));
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}
