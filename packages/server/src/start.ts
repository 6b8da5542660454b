import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
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
import { type SmsProvider, SmtpEmailSender } from './notifications/channels.js';
import { type DispatchSchedule, scheduleDispatch } from './notifications/dispatcher.js';
import { PACKAGE_ROOT, PORTAL_DIR } from './paths.js';
import { configurePayments } from './payments/configure.js';
import { loadReceiptFont } from './payments/receipt-font.js';
import { type SeedReport, seed } from './seed/seed.js';
import { DEFAULT_HOUSEKEEPING, scheduleHousekeeping } from './services/housekeeping.js';
import { DEFAULT_UPLOAD_LIMITS } from './services/quotas.js';
import { DEFAULT_SURVEY_OPTIONS } from './services/surveys.js';
import { gracefulShutdown, type Shutdown } from './shutdown.js';
import { DiskFileStore, type FileStore, S3FileStore } from './storage/index.js';

/** A listening server: its address, its parts, and how to stop it. */
export interface RunningServer {
  readonly url: string;
  readonly db: Database;
  /** The HS256 secret tokens are signed with, when not verifying against a JWKS. */
  readonly secret: Uint8Array | undefined;
  /** What the first start seeded; undefined when the database had data already. */
  readonly seeded: SeedReport | undefined;
  /** Where attachments are stored. */
  readonly files: FileStore;
  /** The notification dispatcher of this instance; undefined with `NOTIFICATIONS=off`. */
  readonly notifications: DispatchSchedule | undefined;
  /**
   * Stops gracefully: `/ready` turns 503, the server keeps serving for `drainSeconds` (0 by
   * default), stops accepting connections, lets requests in progress finish (up to
   * `timeoutSeconds`, else `SHUTDOWN_TIMEOUT` or 30 s), then stops housekeeping and closes the
   * database.
   */
  close(options?: { drainSeconds?: number; timeoutSeconds?: number }): Promise<void>;
}

/**
 * Opens the database (migrating and seeding it), and serves the API and the demo portal; with
 * `config.demo`, also the demo endpoints, the demo signing identities (made in `dataDir` on the
 * first start) and the demo procedure record.
 */
export async function startServer(
  config: ServerConfig,
  options: {
    demoDossiers?: boolean;
    /** The SMS gateway notifications go through; none ships with the server. */
    smsProvider?: SmsProvider;
  } = {},
): Promise<RunningServer> {
  // First: a configuration that must not start leaves no database, folder or secret behind.
  const auth = await authConfig(config);
  await mkdir(config.filesDir, { recursive: true });
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
  });
  // Demo off: no demo dossiers (their verifiers are known) unless a caller asks in code.
  const seeded = await seed(db, {
    demoDossiers: options.demoDossiers ?? config.demo === true,
    demoProcedure: config.demo === true,
  });
  const payments = configurePayments(config.payments ?? {}, config.demo === true);
  // Vietnamese on PDF receipts: RECEIPT_FONT, else a system font that covers it.
  const receiptFont = (await loadReceiptFont(config.payments?.receiptFontFile))?.bytes;
  let demo: DemoOptions | undefined;
  if (config.demo) {
    await mkdir(config.dataDir, { recursive: true });
    const identities = await loadDemoSigningIdentities(config.dataDir);
    demo = {
      signToken:
        auth.kind === 'secret'
          ? (principal) =>
              signDevToken(auth.secret, principal, {
                issuer: auth.issuer,
                audience: auth.audience,
                expiresIn: '12h',
              })
          : undefined,
      signingIdentities: async () => identities,
      payments: { demoBank: payments.demoBank, demoGateway: payments.demoGateway },
    };
  }
  const files: FileStore = config.s3
    ? new S3FileStore(config.s3)
    : new DiskFileStore(config.filesDir);
  // Every instance runs it; advisory locks let one do each task at a time.
  const housekeeping =
    config.housekeepingMinutes === 0
      ? undefined
      : scheduleHousekeeping(db, files, {
          intervalMinutes: config.housekeepingMinutes,
          policy: {
            ...DEFAULT_HOUSEKEEPING,
            surveyWindowDays: config.survey?.windowDays ?? DEFAULT_SURVEY_OPTIONS.windowDays,
          },
          // Failures only: a run that did its work says nothing.
          log: (message, detail) => {
            if (detail instanceof Error) console.error(message, detail);
          },
        });
  let shutdown: Shutdown | undefined;
  let notifications: DispatchSchedule | undefined;
  const webhookPolicy = {
    allowPrivateNetworks: config.notifications?.allowPrivateWebhookTargets ?? false,
  };
  const app = createApp({
    db,
    files,
    limits: { ...DEFAULT_UPLOAD_LIMITS, ...config.limits },
    survey: { ...DEFAULT_SURVEY_OPTIONS, ...config.survey },
    draining: () => shutdown?.draining ?? false,
    tokens: new TokenVerifier(auth),
    trustProxy: config.trustProxy,
    portalDir: fileURLToPath(PORTAL_DIR),
    elementsDir: findBuild('@egov-kit/elements', 'ELEMENTS_DIR', 'dist'),
    clientDir: findBuild('@egov-kit/client', 'CLIENT_DIR', 'dist/browser'),
    signingDir: findBuild('@egov-kit/signing', 'SIGNING_DIR', 'dist/browser'),
    schemaDir: findBuild('@egov-kit/schema', 'SCHEMA_DIR', 'dist'),
    storybookDir: findStorybookDir(),
    corsOrigins: config.corsOrigins,
    payments: payments.providers,
    receiptFont,
    webhookPolicy,
    demo,
  });
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, hostname: config.host, port: config.port },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        const url = `http://${host}:${info.port}`;
        const notify = config.notifications;
        // Every instance may run one: SKIP LOCKED claims keep them from sending twice.
        notifications =
          notify && !notify.dispatch
            ? undefined
            : scheduleDispatch(db, {
                publicUrl: notify?.publicUrl ?? url,
                email: notify?.smtp ? new SmtpEmailSender(notify.smtp) : undefined,
                sms: options.smsProvider,
                webhookPolicy,
                pollMs: notify?.pollMs,
                sweepMinutes: notify?.sweepMinutes,
                policy: definedOnly({
                  leaseSeconds: notify?.leaseSeconds,
                  maxAttempts: notify?.maxAttempts,
                  retryBaseSeconds: notify?.retryBaseSeconds,
                  retryMaxSeconds: notify?.retryMaxSeconds,
                  dueSoonWorkingDays: notify?.dueSoonWorkingDays,
                }),
                log: (message, detail) => {
                  if (detail instanceof Error) console.error(message, detail);
                },
              });
        resolve({
          url,
          notifications,
          db,
          secret: auth.kind === 'secret' ? auth.secret : undefined,
          seeded,
          files,
          close: async (options = {}) => {
            await (shutdown as Shutdown).shutdown({
              drainSeconds: options.drainSeconds ?? 0,
              timeoutSeconds: options.timeoutSeconds ?? config.shutdownTimeoutSeconds,
            });
            await housekeeping?.stop();
            await notifications?.stop();
            await db.close();
            if (files instanceof S3FileStore) files.destroy();
          },
        });
      },
    );
    shutdown = gracefulShutdown(server as Server);
    server.once('error', (error) => {
      void housekeeping?.stop();
      void notifications?.stop();
      void db.close();
      reject(error);
    });
  });
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A configuration the server refuses to start with; the message says what to set. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * A JWKS when configured; else JWT_SECRET; else, in demo mode only, a random development
 * secret kept in the data folder, so that printed demo tokens survive a restart and no secret
 * is ever in the repository. With the demo off there is no development secret: the server
 * refuses to start without JWT_SECRET (at least 32 characters) or JWKS_URL with JWT_ISSUER and
 * JWT_AUDIENCE.
 */
export async function authConfig(config: ServerConfig): Promise<AuthConfig> {
  const policy = {
    algorithms: config.jwtAlgorithms,
    maxLifetimeSeconds: config.jwtMaxLifetimeSeconds,
    clockSkewSeconds: config.jwtClockSkewSeconds,
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
  };
  if (config.jwksUrl) {
    if (!config.jwtIssuer || !config.jwtAudience) {
      throw new ConfigError(
        'JWKS_URL cần JWT_ISSUER và JWT_AUDIENCE. / JWKS_URL needs JWT_ISSUER and JWT_AUDIENCE: without them tokens from any issuer, or for any other application, would be accepted.',
      );
    }
    return {
      ...policy,
      kind: 'jwks',
      jwksUrl: config.jwksUrl,
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
    };
  }
  if (config.jwtSecret) {
    if (config.jwtSecret.length < 32) {
      throw new ConfigError(
        'JWT_SECRET phải dài ít nhất 32 ký tự ngẫu nhiên. / JWT_SECRET must be at least 32 random characters (e.g. `openssl rand -base64 48`).',
      );
    }
    return { ...policy, kind: 'secret', secret: new TextEncoder().encode(config.jwtSecret) };
  }
  if (!config.demo) {
    throw new ConfigError(
      [
        'Máy chủ không khởi động: chế độ demo đang tắt (EGOV_DEMO=off) nhưng chưa cấu hình xác thực.',
        'Refusing to start: the demo is off (EGOV_DEMO=off) and no token verification is configured.',
        'Set JWT_SECRET (at least 32 random characters, e.g. `openssl rand -base64 48`),',
        'or JWKS_URL with JWT_ISSUER and JWT_AUDIENCE for your identity provider.',
        'For a local demo, leave EGOV_DEMO unset (`pnpm start`).',
      ].join('\n'),
    );
  }
  const file = join(config.dataDir, 'dev-jwt-secret');
  let secret: string;
  try {
    secret = (await readFile(file, 'utf8')).trim();
  } catch {
    secret = randomBytes(32).toString('base64url');
    await mkdir(config.dataDir, { recursive: true });
    await writeFile(file, `${secret}\n`, { mode: 0o600 });
  }
  return { ...policy, kind: 'secret', secret: new TextEncoder().encode(secret) };
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
