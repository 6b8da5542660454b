import { join, resolve } from 'node:path';
import { parseTrustedProxy, type TrustedProxy } from './http/client-address.js';
import type { UploadLimits } from './services/quotas.js';
import type { S3FileStoreOptions } from './storage/s3-file-store.js';

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
  /** Accepted token algorithms (`JWT_ALGORITHMS`, comma-separated); HS256 or RS256/PS256/ES256/EdDSA. */
  readonly jwtAlgorithms?: readonly string[] | undefined;
  /** The longest token lifetime accepted, seconds (`JWT_MAX_LIFETIME`: `3600`, `60m`, `12h`, `1d`). */
  readonly jwtMaxLifetimeSeconds?: number | undefined;
  /** Clock skew tolerated on token times, seconds (`JWT_CLOCK_SKEW`; 60 by default). */
  readonly jwtClockSkewSeconds?: number | undefined;
  /** Which proxies may tell the client's address (`TRUST_PROXY`: a hop count or address ranges). */
  readonly trustProxy?: TrustedProxy | undefined;
  /** Other origins allowed to call the API from browsers (`CORS_ORIGINS`, comma-separated). */
  readonly corsOrigins?: readonly string[] | undefined;
  /**
   * The demo endpoints under `/demo/` — sign-in as a demo user, demo signing certificates — and
   * the demo procedure record (`EGOV_DEMO`; on unless `off`, `0`, `false` or `no`). Turn it off
   * on anything reachable by real users: demo sign-in needs no password. `readConfig` turns it on
   * by default, for `pnpm start`; a configuration built in code has it off unless it says so.
   */
  readonly demo?: boolean | undefined;
  /**
   * S3-compatible object storage for attachments instead of `filesDir` (`S3_BUCKET`, with
   * `S3_ENDPOINT`, `S3_REGION`, `S3_PREFIX`, `S3_FORCE_PATH_STYLE`; credentials from the AWS
   * SDK's usual sources, e.g. `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`): what several
   * instances on several machines share.
   */
  readonly s3?: S3FileStoreOptions | undefined;
  /** Limits per dossier and quotas per citizen (`LIMIT_*`); the defaults otherwise. */
  readonly limits?: Partial<UploadLimits> | undefined;
  /** Minutes between housekeeping runs (`HOUSEKEEPING_INTERVAL`, e.g. `15m`); 0 turns it off. */
  readonly housekeepingMinutes?: number | undefined;
  /**
   * On SIGTERM, how long to keep serving with `/ready` at 503 before closing the listener, so
   * that a load balancer stops sending first (`SHUTDOWN_DRAIN`, e.g. `10s`; 0 by default).
   */
  readonly shutdownDrainSeconds?: number | undefined;
  /** How long requests in progress may take to finish on shutdown (`SHUTDOWN_TIMEOUT`; 30 s). */
  readonly shutdownTimeoutSeconds?: number | undefined;
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
  if (env.JWKS_URL && !env.JWT_AUDIENCE) {
    throw new Error(
      'JWKS_URL needs JWT_AUDIENCE: tokens the identity provider issued for any other application would otherwise be accepted.',
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
    jwtAlgorithms: env.JWT_ALGORITHMS
      ? env.JWT_ALGORITHMS.split(',')
          .map((alg) => alg.trim())
          .filter(Boolean)
      : undefined,
    jwtMaxLifetimeSeconds: seconds(env.JWT_MAX_LIFETIME, 'JWT_MAX_LIFETIME'),
    jwtClockSkewSeconds: seconds(env.JWT_CLOCK_SKEW, 'JWT_CLOCK_SKEW'),
    trustProxy: parseTrustedProxy(env.TRUST_PROXY),
    demo: !['off', '0', 'false', 'no'].includes((env.EGOV_DEMO ?? '').trim().toLowerCase()),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    s3: env.S3_BUCKET
      ? {
          bucket: env.S3_BUCKET,
          endpoint: env.S3_ENDPOINT || undefined,
          region: env.S3_REGION || undefined,
          prefix: env.S3_PREFIX || undefined,
          forcePathStyle: env.S3_FORCE_PATH_STYLE
            ? ['1', 'true', 'yes', 'on'].includes(env.S3_FORCE_PATH_STYLE.trim().toLowerCase())
            : undefined,
        }
      : undefined,
    limits: definedOnly({
      filesPerDossier: count(env.LIMIT_FILES_PER_DOSSIER, 'LIMIT_FILES_PER_DOSSIER'),
      bytesPerDossier: megabytes(env.LIMIT_MB_PER_DOSSIER, 'LIMIT_MB_PER_DOSSIER'),
      draftsPerCitizen: count(env.LIMIT_DRAFTS_PER_CITIZEN, 'LIMIT_DRAFTS_PER_CITIZEN'),
      bytesPerCitizen: megabytes(env.LIMIT_MB_PER_CITIZEN, 'LIMIT_MB_PER_CITIZEN'),
    }),
    housekeepingMinutes: minutes(env.HOUSEKEEPING_INTERVAL),
    shutdownDrainSeconds: seconds(env.SHUTDOWN_DRAIN, 'SHUTDOWN_DRAIN'),
    shutdownTimeoutSeconds: seconds(env.SHUTDOWN_TIMEOUT, 'SHUTDOWN_TIMEOUT'),
  };
}

function minutes(value: string | undefined): number | undefined {
  const total = seconds(value, 'HOUSEKEEPING_INTERVAL');
  return total === undefined ? undefined : total / 60;
}

/** A positive whole number from the environment; undefined when unset. */
function count(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${name} must be a whole number ≥ 1, got "${value}".`);
  return n;
}

function megabytes(value: string | undefined, name: string): number | undefined {
  const n = count(value, name);
  return n === undefined ? undefined : n * 1024 * 1024;
}

function definedOnly<T extends object>(value: T): Partial<T> | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as Partial<T>) : undefined;
}

/** A duration in seconds from `90`, `90s`, `15m`, `12h` or `1d`; undefined when unset. */
function seconds(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const match = /^(\d+)\s*([smhd]?)$/i.exec(value.trim());
  if (!match)
    throw new Error(`${name} must be a duration like 3600, 60m, 12h or 1d, got "${value}".`);
  const unit = { '': 1, s: 1, m: 60, h: 3_600, d: 86_400 }[match[2]?.toLowerCase() ?? ''] ?? 1;
  return Number(match[1]) * unit;
}
