import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_UPLOAD_LIMITS, DEMO_USERS, signDevToken, startServer } from '@egov-kit/server';

/** Which database the reference server runs on, for test names. */
export const DATABASE_KIND = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/** The reference server, listening on loopback, with tokens as an agency's IdP would issue. */
export interface Reference {
  /** The API's base URL, with /api/v1. */
  readonly baseUrl: string;
  readonly tokens: {
    readonly citizen: string;
    readonly citizen2: string;
    readonly officer: string;
    readonly admin: string;
    readonly expired: string;
  };
  readonly filesPerDossier: number;
  close(): Promise<void>;
}

/**
 * A PostgreSQL client from the reference server's own dependencies: the kit does not depend on
 * `pg`, and its tests only need it to make and drop a database of their own.
 */
function pgClient(url: string): {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
} {
  const require = createRequire(import.meta.resolve('@egov-kit/server'));
  const pg = require('pg') as { Client: new (options: { connectionString: string }) => never };
  return new pg.Client({ connectionString: url });
}

/**
 * Starts the real reference server as a deployment would (`startServer`, demo off, a JWT
 * secret), on PGlite in a fresh folder, or — with TEST_DATABASE_URL — on a fresh database of
 * that PostgreSQL server, dropped afterwards.
 */
export async function startReference(): Promise<Reference> {
  const dataDir = await mkdtemp(join(tmpdir(), 'egov-conformance-'));
  const jwtSecret = randomBytes(48).toString('base64');
  const serverUrl = process.env.TEST_DATABASE_URL;
  let databaseUrl: string | undefined;
  let name: string | undefined;
  if (serverUrl) {
    name = `egov_conformance_${randomBytes(6).toString('hex')}`;
    const admin = pgClient(serverUrl);
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    filesDir: join(dataDir, 'files'),
    databaseUrl,
    jwtSecret,
    demo: false,
    housekeepingMinutes: 0,
    // As behind one proxy: the tests' faulty proxies name a client address of their own, so
    // that each run has its own lookup rate limit.
    trustProxy: { kind: 'hops', hops: 1 },
  });
  const secret = new TextEncoder().encode(jwtSecret);
  return {
    baseUrl: `${server.url}/api/v1`,
    tokens: {
      citizen: await signDevToken(secret, DEMO_USERS.citizen),
      citizen2: await signDevToken(secret, DEMO_USERS.citizen2),
      officer: await signDevToken(secret, DEMO_USERS.officer),
      admin: await signDevToken(secret, DEMO_USERS.admin),
      expired: await signDevToken(secret, DEMO_USERS.citizen, { expiresIn: '-2h' }),
    },
    filesPerDossier: DEFAULT_UPLOAD_LIMITS.filesPerDossier,
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
      if (serverUrl && name) {
        const admin = pgClient(serverUrl);
        await admin.connect();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
  };
}
