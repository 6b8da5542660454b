import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseTrustedProxy, type TrustedProxy } from './http/client-address.js';
import type { SmtpOptions } from './notifications/channels.js';
import { type PaymentConfig, readPaymentConfig } from './payments/configure.js';
import type { UploadLimits } from './services/quotas.js';
import type { SurveyOptions } from './services/surveys.js';
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
  /** The VietQR account and the receipt font (`VIETQR_*`, `RECEIPT_FONT`). */
  readonly payments?: PaymentConfig | undefined;
  /**
   * The satisfaction survey: days after return to answer or change the answers
   * (`SURVEY_WINDOW_DAYS`, 30 by default) and the fewest responses a group needs before officers
   * see its scores (`SURVEY_MIN_GROUP`, 5 by default).
   */
  readonly survey?: Partial<SurveyOptions> | undefined;
  /** Minutes between housekeeping runs (`HOUSEKEEPING_INTERVAL`, e.g. `15m`); 0 turns it off. */
  readonly housekeepingMinutes?: number | undefined;
  /**
   * On SIGTERM, how long to keep serving with `/ready` at 503 before closing the listener, so
   * that a load balancer stops sending first (`SHUTDOWN_DRAIN`, e.g. `10s`; 0 by default).
   */
  readonly shutdownDrainSeconds?: number | undefined;
  /** How long requests in progress may take to finish on shutdown (`SHUTDOWN_TIMEOUT`; 30 s). */
  readonly shutdownTimeoutSeconds?: number | undefined;
  /** E-mail, SMS and webhook notifications (`NOTIFICATIONS`, `PUBLIC_URL`, `SMTP_*`, `NOTIFY_*`). */
  readonly notifications?: NotificationConfig | undefined;
}

/** How this instance delivers notifications; see docs/server/notifications.md. */
export interface NotificationConfig {
  /**
   * Whether this instance runs a dispatcher (`NOTIFICATIONS`; on unless `off`). Events write the
   * outbox either way, so an instance without one leaves the sending to the others.
   */
  readonly dispatch: boolean;
  /** The portal's public address, for links in messages (`PUBLIC_URL`); the server's own otherwise. */
  readonly publicUrl?: string | undefined;
  /** SMTP (`SMTP_HOST`, `SMTP_PORT`, `SMTP_SECURE`, `SMTP_REQUIRE_TLS`, `SMTP_USER`, `SMTP_PASSWORD`, `SMTP_FROM`, `SMTP_CA_FILE`). */
  readonly smtp?: SmtpOptions | undefined;
  /** Milliseconds between polls of the outbox (`NOTIFY_POLL`, e.g. `250ms` or `2s`; 1 s). */
  readonly pollMs?: number | undefined;
  /** A claim's lease (`NOTIFY_LEASE`; 60 s). */
  readonly leaseSeconds?: number | undefined;
  /** Attempts before the dead letters (`NOTIFY_MAX_ATTEMPTS`; 10). */
  readonly maxAttempts?: number | undefined;
  /** First retry delay and its cap (`NOTIFY_RETRY_BASE`, 30 s; `NOTIFY_RETRY_MAX`, 1 h). */
  readonly retryBaseSeconds?: number | undefined;
  readonly retryMaxSeconds?: number | undefined;
  /** Officers' "due soon" horizon in working days (`NOTIFY_DUE_SOON_DAYS`; 2). */
  readonly dueSoonWorkingDays?: number | undefined;
  /** Minutes between sweeps for due and overdue dossiers (`NOTIFY_SWEEP_INTERVAL`; 15m). */
  readonly sweepMinutes?: number | undefined;
  /**
   * Whether webhooks may go to private, loopback and link-local addresses and over plain http
   * (`WEBHOOK_ALLOW_PRIVATE_NETWORKS`; off: public HTTPS addresses only, against SSRF).
   */
  readonly allowPrivateWebhookTargets?: boolean | undefined;
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
    payments: readPaymentConfig(env),
    survey: definedOnly({
      windowDays: count(env.SURVEY_WINDOW_DAYS, 'SURVEY_WINDOW_DAYS'),
      minGroupSize: count(env.SURVEY_MIN_GROUP, 'SURVEY_MIN_GROUP'),
    }),
    housekeepingMinutes: minutes(env.HOUSEKEEPING_INTERVAL),
    shutdownDrainSeconds: seconds(env.SHUTDOWN_DRAIN, 'SHUTDOWN_DRAIN'),
    shutdownTimeoutSeconds: seconds(env.SHUTDOWN_TIMEOUT, 'SHUTDOWN_TIMEOUT'),
    notifications: notificationConfig(env),
  };
}

function notificationConfig(env: NodeJS.ProcessEnv): NotificationConfig {
  const flag = (value: string | undefined) =>
    value === undefined || value.trim() === ''
      ? undefined
      : ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
  const publicUrl = env.PUBLIC_URL?.trim() || undefined;
  if (publicUrl && !/^https?:\/\/[^/\s]+/i.test(publicUrl)) {
    throw new Error(`PUBLIC_URL must be an http(s) URL, got "${publicUrl}".`);
  }
  let smtp: SmtpOptions | undefined;
  if (env.SMTP_HOST?.trim()) {
    if (!env.SMTP_FROM?.trim()) {
      throw new Error('SMTP_HOST needs SMTP_FROM, the From address of notifications.');
    }
    const port = env.SMTP_PORT ? count(env.SMTP_PORT, 'SMTP_PORT') : undefined;
    smtp = {
      host: env.SMTP_HOST.trim(),
      port,
      secure: flag(env.SMTP_SECURE),
      requireTls: flag(env.SMTP_REQUIRE_TLS),
      user: env.SMTP_USER || undefined,
      password: env.SMTP_PASSWORD || undefined,
      from: env.SMTP_FROM.trim(),
      ca: env.SMTP_CA_FILE ? readFileSync(env.SMTP_CA_FILE, 'utf8') : undefined,
    };
  }
  const sweep = seconds(env.NOTIFY_SWEEP_INTERVAL, 'NOTIFY_SWEEP_INTERVAL');
  return {
    dispatch: !['off', '0', 'false', 'no'].includes((env.NOTIFICATIONS ?? '').trim().toLowerCase()),
    publicUrl,
    smtp,
    pollMs: /^\s*\d+\s*ms\s*$/i.test(env.NOTIFY_POLL ?? '')
      ? Number.parseInt(env.NOTIFY_POLL as string, 10)
      : (seconds(env.NOTIFY_POLL, 'NOTIFY_POLL') ?? 1) * 1000,
    leaseSeconds: seconds(env.NOTIFY_LEASE, 'NOTIFY_LEASE'),
    maxAttempts: count(env.NOTIFY_MAX_ATTEMPTS, 'NOTIFY_MAX_ATTEMPTS'),
    retryBaseSeconds: seconds(env.NOTIFY_RETRY_BASE, 'NOTIFY_RETRY_BASE'),
    retryMaxSeconds: seconds(env.NOTIFY_RETRY_MAX, 'NOTIFY_RETRY_MAX'),
    dueSoonWorkingDays: count(env.NOTIFY_DUE_SOON_DAYS, 'NOTIFY_DUE_SOON_DAYS'),
    sweepMinutes: sweep === undefined ? undefined : sweep / 60,
    allowPrivateWebhookTargets: flag(env.WEBHOOK_ALLOW_PRIVATE_NETWORKS) ?? false,
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
