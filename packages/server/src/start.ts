import { randomBytes } from 'node:crypto';
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
import { type AuthConfig, TokenVerifier } from './http/auth.js';
import { PORTAL_DIR } from './paths.js';
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

/** Opens the database (migrating and seeding it), and serves the API and the demo portal. */
export async function startServer(
  config: ServerConfig,
  options: { demoDossiers?: boolean } = {},
): Promise<RunningServer> {
  await mkdir(config.filesDir, { recursive: true });
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
  });
  const seeded = await seed(db, options);
  const auth = await authConfig(config);
  const app = createApp({
    db,
    files: new DiskFileStore(config.filesDir),
    tokens: new TokenVerifier(auth),
    portalDir: fileURLToPath(PORTAL_DIR),
    elementsDir: findElementsDir(),
    corsOrigins: config.corsOrigins,
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
 * The built elements, from `ELEMENTS_DIR` or the installed `@egov-kit/elements` (an optional
 * peer dependency: the API runs without it, only the demo portal needs it).
 */
function findElementsDir(): string | undefined {
  if (process.env.ELEMENTS_DIR) return process.env.ELEMENTS_DIR;
  try {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve('@egov-kit/elements/package.json')), 'dist');
  } catch {
    return undefined;
  }
}
