import { join, resolve } from 'node:path';

/** Where and how the server runs, read once from the environment at start. */
export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /** PGlite's folder and the default home of files and the dev secret; `.data` by default. */
  readonly dataDir: string;
  /** Attachments, by SHA-256; `<dataDir>/files` by default. */
  readonly filesDir: string;
  /** A PostgreSQL server; PGlite in `dataDir` when unset. */
  readonly databaseUrl?: string | undefined;
  /** HS256 secret for tokens; a random one kept in `dataDir` when unset (development). */
  readonly jwtSecret?: string | undefined;
  /** An identity provider's JWKS; with it, tokens are verified against it instead of a secret. */
  readonly jwksUrl?: string | undefined;
  readonly jwtIssuer?: string | undefined;
  readonly jwtAudience?: string | undefined;
  /** Other origins allowed to call the API from browsers (`CORS_ORIGINS`, comma-separated). */
  readonly corsOrigins?: readonly string[] | undefined;
  /**
   * The demo endpoints under `/demo/` — sign-in as a demo user, demo signing certificates — and
   * the demo procedure record (`EGOV_DEMO`; on unless `off`, `0`, `false` or `no`). Turn it off
   * on anything reachable by real users: demo sign-in needs no password. `readConfig` turns it on
   * by default, for `pnpm start`; a configuration built in code has it off unless it says so.
   */
  readonly demo?: boolean | undefined;
}

/**
 * Reads the configuration. Defaults to loopback only and an embedded database: a reference
 * server should neither appear on a network nor need a database server by accident.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${env.PORT}".`);
  }
  if (env.JWKS_URL && !env.JWT_ISSUER) {
    throw new Error(
      'JWKS_URL needs JWT_ISSUER: tokens from any issuer of that key set would otherwise be accepted.',
    );
  }
  const dataDir = resolve(env.DATA_DIR || '.data');
  return {
    host: env.HOST || '127.0.0.1',
    port,
    dataDir,
    filesDir: resolve(env.FILES_DIR || join(dataDir, 'files')),
    databaseUrl: env.DATABASE_URL || undefined,
    jwtSecret: env.JWT_SECRET || undefined,
    jwksUrl: env.JWKS_URL || undefined,
    jwtIssuer: env.JWT_ISSUER || undefined,
    jwtAudience: env.JWT_AUDIENCE || undefined,
    demo: !['off', '0', 'false', 'no'].includes((env.EGOV_DEMO ?? '').trim().toLowerCase()),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  };
}
