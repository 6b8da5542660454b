import { ROUTES, type RouteDefinition } from '@egov-kit/schema';
import { buildOpenApiDocument } from '@egov-kit/schema/openapi';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { Database } from './db/database.js';
import { type DemoOptions, demoRoutes } from './demo/demo-routes.js';
import type { TokenVerifier } from './http/auth.js';
import { clientAddressResolver, type TrustedProxy } from './http/client-address.js';
import type { AppEnv } from './http/env.js';
import { HANDLERS, type OperationContext, type OperationId, type Reply } from './http/handlers.js';
import { idempotency } from './http/middleware/idempotency.js';
import { authenticate, unitOfWork, validateInput } from './http/middleware/operation.js';
import {
  RECEIPT_LIMITS,
  type ReceiptLimits,
  receiptRateLimit,
} from './http/middleware/rate-limit.js';
import { requestContext } from './http/middleware/request-context.js';
import { securityHeaders } from './http/middleware/security-headers.js';
import { paymentNotificationHandler } from './http/payment-notifications.js';
import { HttpProblem, problemBody, problemFromError } from './http/problem.js';
import { staticFolder } from './http/static-files.js';
import { unsubscribeRoutes } from './notifications/unsubscribe-routes.js';
import {
  DEFAULT_WEBHOOK_POLICY,
  type WebhookTargetPolicy,
} from './notifications/webhook-target.js';
import { errorFields, jsonLogger, type Logger } from './observability/log.js';
import { Metrics } from './observability/metrics.js';
import { cashProvider } from './payments/cash-provider.js';
import { PaymentProviders } from './payments/provider.js';
import type { FileStore } from './services/file-store.js';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './services/quotas.js';
import { DEFAULT_SURVEY_OPTIONS, type SurveyOptions } from './services/surveys.js';

/** What the HTTP application needs. */
export interface AppOptions {
  readonly db: Database;
  readonly files: FileStore;
  readonly tokens: TokenVerifier;
  /** The demo portal's static files; none served when absent. */
  readonly portalDir?: string | undefined;
  /** The built `@egov-kit/elements`, served under `/elements/`. */
  readonly elementsDir?: string | undefined;
  /** The browser bundle of `@egov-kit/client` (`index.js` and its chunks), served under `/client/`. */
  readonly clientDir?: string | undefined;
  /** The browser bundle of `@egov-kit/signing`, served under `/signing/`, for pages that sign. */
  readonly signingDir?: string | undefined;
  /**
   * The built `@egov-kit/schema` (its `dist/`), served under `/schema/`: pages without a build
   * step import its dependency-free modules (the status machine, the working-day calendar).
   */
  readonly schemaDir?: string | undefined;
  /** A static Storybook build, served under `/storybook/`; none when absent. */
  readonly storybookDir?: string | undefined;
  /**
   * The demo endpoints under `/demo/` (sign-in as a demo user, demo signing certificates); off
   * when absent, and then every `/demo/` path answers 404. Never on a real deployment.
   */
  readonly demo?: DemoOptions | undefined;
  /**
   * Origins of other sites allowed to call the API from a browser (CORS), e.g. an agency portal
   * on its own domain; none by default (same origin only). `*` allows any origin.
   */
  readonly corsOrigins?: readonly string[] | undefined;
  /**
   * Which proxies may tell the client's address in `X-Forwarded-For`; none by default (the
   * socket's address counts, the header is ignored).
   */
  readonly trustProxy?: TrustedProxy | undefined;
  /** Limits on presenting a receipt's code and verifier; `RECEIPT_LIMITS` by default. */
  readonly receiptLimits?: ReceiptLimits | undefined;
  /** The clock rate limits count by; `Date.now` by default (tests move it). */
  readonly clock?: (() => number) | undefined;
  /** Structured logs (JSON lines on stdout by default). */
  readonly logger?: Logger | undefined;
  /** Logs unexpected errors; kept for callers of earlier versions, `logger` otherwise. */
  readonly log?: ((message: string, error: unknown) => void) | undefined;
  /** Request metrics, served at `/metrics`; a new set by default. */
  readonly metrics?: Metrics | undefined;
  /**
   * Whether the storage of attachments answers, for `/ready`; the database is checked by the
   * app itself. Resolves when ready, rejects otherwise. `files.check()` by default.
   */
  readonly storageReady?: (() => Promise<void>) | undefined;
  /** Files and bytes per dossier, drafts and bytes per citizen; `DEFAULT_UPLOAD_LIMITS`. */
  readonly limits?: UploadLimits | undefined;
  /** Days to answer the satisfaction survey, smallest group shown; `DEFAULT_SURVEY_OPTIONS`. */
  readonly survey?: SurveyOptions | undefined;
  /**
   * The payment providers on offer (VietQR, a gateway, cash at the desk); cash only by default
   * (`configurePayments` builds them from the configuration).
   */
  readonly payments?: PaymentProviders | undefined;
  /** A TrueType font covering Vietnamese for the PDF payment receipts (`RECEIPT_FONT`). */
  readonly receiptFont?: Uint8Array | undefined;
  /** Where webhook endpoints may point (`WEBHOOK_ALLOW_PRIVATE_NETWORKS`); public HTTPS only by default. */
  readonly webhookPolicy?: WebhookTargetPolicy | undefined;
  /** True while the server stops: `/ready` answers 503 so that load balancers look elsewhere. */
  readonly draining?: (() => boolean) | undefined;
}

/** The API's base path. */
export const BASE = '/api/v1';
const JSON_LIMIT = 1024 * 1024;
const UPLOAD_LIMIT = 30 * 1024 * 1024;

/**
 * The reference server's HTTP application, built from the route table of `@egov-kit/schema`
 * as a pipeline of Hono middleware:
 *
 * 1. every request: request id, language, client address, header limits, access log and
 *    metrics (`requestContext`); security headers (`securityHeaders`);
 * 2. every operation: body size limit → token and role (`authenticate`) → path, query, body and
 *    If-Match (`validateInput`, the one place bodies are parsed) → receipt rate limits →
 *    transaction (`unitOfWork`) → Idempotency-Key (`idempotency`) → the operation's typed
 *    handler;
 * 3. errors: whatever a step throws — an `HttpProblem` from a service or a middleware — becomes
 *    problem+json in the caller's language in `onError`, the one place; anything else is a 500
 *    that says nothing of its cause, logged with the request id.
 *
 * Web-standard Request/Response: tests call `app.request()`.
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const logger = options.logger ?? jsonLogger();
  const metrics = options.metrics ?? new Metrics();
  const clock = options.clock ?? Date.now;
  const limits = options.receiptLimits ?? RECEIPT_LIMITS;
  const openapi = JSON.stringify(buildOpenApiDocument({ serverUrl: BASE }));
  const logged = new WeakSet<Error>();

  app.onError((error, c) => {
    const known = problemFromError(error);
    if (known) return problem(c, known);
    if (!logged.has(error)) {
      logged.add(error);
      if (options.log) options.log(`${c.req.method} ${c.req.path} failed`, error);
      else {
        logger.error({
          msg: 'unexpected error',
          requestId: c.get('requestId'),
          method: c.req.method,
          route: c.req.routePath,
          ...errorFields(error),
        });
      }
    }
    return problem(
      c,
      new HttpProblem('internal', {
        vi: 'Đã có lỗi ở máy chủ; hãy thử lại sau.',
        en: 'Something went wrong on the server; try again later.',
      }),
    );
  });

  app.use(
    '*',
    ...requestContext({
      clientAddress: clientAddressResolver(options.trustProxy ?? { kind: 'none' }),
      log: logger,
      metrics,
    }),
    securityHeaders(),
  );

  if (options.corsOrigins?.length) {
    const origins = [...options.corsOrigins];
    app.use(
      `${BASE}/*`,
      cors({
        origin: origins.includes('*') ? '*' : origins,
        allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
        allowHeaders: [
          'Authorization',
          'Content-Type',
          'Idempotency-Key',
          'If-Match',
          'Accept-Language',
          'X-Request-Id',
        ],
        // Without these a cross-origin client cannot track ETags or honour Retry-After.
        exposeHeaders: [
          'ETag',
          'Retry-After',
          'Idempotent-Replayed',
          'Content-Language',
          'Content-Disposition',
          'X-Request-Id',
        ],
        maxAge: 600,
      }),
    );
  }

  // Operations: alive, ready (database and storage answer), metrics.
  app.get('/health', (c) => c.json({ status: 'ok' }, 200, { 'cache-control': 'no-store' }));
  app.get('/ready', async (c) => {
    if (options.draining?.()) {
      return c.json({ status: 'draining', checks: {} }, 503, { 'cache-control': 'no-store' });
    }
    const outcome = (check: Promise<unknown>) =>
      check.then(
        () => 'ok' as const,
        () => 'failing' as const,
      );
    const [database, storage] = await Promise.all([
      outcome(options.db.query('select 1')),
      outcome(options.storageReady?.() ?? options.files.check()),
    ]);
    const checks = { database, storage };
    const ready = Object.values(checks).every((value) => value === 'ok');
    return c.json({ status: ready ? 'ready' : 'not_ready', checks }, ready ? 200 : 503, {
      'cache-control': 'no-store',
    });
  });
  app.get('/metrics', async (c) =>
    c.body(await metrics.render(options.db), 200, {
      'content-type': 'text/plain; version=0.0.4; charset=utf-8',
      'cache-control': 'no-store',
    }),
  );

  app.get(`${BASE}/openapi.json`, (c) =>
    c.body(openapi, 200, { 'content-type': 'application/json; charset=utf-8' }),
  );
  app.get(`${BASE}/docs`, (c) => c.html(apiReferencePage()));

  const payments = options.payments ?? new PaymentProviders([cashProvider()]);
  for (const route of ROUTES as readonly RouteDefinition[]) {
    if (route.signedBody) {
      app.post(honoPath(route), paymentNotificationHandler(options.db, payments, clock));
      continue;
    }
    // An upload is not limited here: Hono's bodyLimit buffers a body sent without a length,
    // whole, to count it. Its file is limited while it streams to storage (validateInput). A
    // route without a body never reads one: nothing to limit, no step to run.
    if (route.body && route.body.contentType !== 'multipart/form-data') {
      app.on(
        route.method.toUpperCase(),
        honoPath(route),
        bodyLimit({
          maxSize: JSON_LIMIT,
          onError: () => {
            throw new HttpProblem('payload_too_large', {
              vi: `Yêu cầu vượt quá ${JSON_LIMIT / 1024 / 1024} MB.`,
              en: `The request is larger than ${JSON_LIMIT / 1024 / 1024} MB.`,
            });
          },
        }),
      );
    }
    app.on(
      route.method.toUpperCase(),
      honoPath(route),
      authenticate(route, options.tokens),
      validateInput(route, { files: options.files, db: options.db, maxBytes: UPLOAD_LIMIT }),
      receiptRateLimit(route, options.db, limits, clock),
      unitOfWork(route, options.db),
      idempotency(route),
      operation(route, { ...options, payments }),
    );
  }

  // A known path with another method: 405 with Allow, not 404.
  const methodsByPath = new Map<string, string[]>();
  for (const route of ROUTES as readonly RouteDefinition[]) {
    const path = honoPath(route);
    methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), route.method.toUpperCase()]);
  }
  for (const [path, methods] of methodsByPath) {
    app.all(path, () => {
      throw new HttpProblem(
        'method_not_allowed',
        {
          vi: `Đường dẫn này chỉ nhận ${methods.join(', ')}.`,
          en: `This path accepts ${methods.join(', ')} only.`,
        },
        { headers: { allow: methods.join(', ') } },
      );
    });
  }

  app.all(`${BASE}/*`, () => {
    throw new HttpProblem('not_found', {
      vi: 'Không có đường dẫn API này.',
      en: 'There is no such API path.',
    });
  });

  app.route('/notifications', unsubscribeRoutes(options.db));

  if (options.demo) {
    const demo = options.demo;
    const deliver = async (request: Request) => app.fetch(request);
    app.route('/demo', demoRoutes({ ...demo, payments: { ...demo.payments, deliver } }));
  } else app.all('/demo/*', (c) => c.notFound());

  // `/storybook` without its slash: the build's relative URLs need the folder form.
  app.get('/storybook', (c) => (options.storybookDir ? c.redirect('/storybook/') : c.notFound()));
  const folders = [
    ['/elements/', options.elementsDir],
    ['/client/', options.clientDir],
    ['/signing/', options.signingDir],
    ['/schema/', options.schemaDir],
    ['/storybook/', options.storybookDir],
  ] as const;
  for (const [prefix, dir] of folders) {
    // Not installed or not built: a plain 404, never the portal's page of the same name.
    if (dir) for (const step of staticFolder(prefix, dir)) app.get(`${prefix}*`, step);
    app.get(`${prefix}*`, (c) => c.notFound());
  }
  if (options.portalDir)
    for (const step of staticFolder('/', options.portalDir)) app.get('/*', step);
  app.notFound((c) => c.text('Not found', 404));
  return app;
}

/** The route's path in Hono's syntax: `/dossiers/{id}` → `/api/v1/dossiers/:id`. */
function honoPath(route: RouteDefinition): string {
  return BASE + route.path.replace(/\{(\w+)\}/g, ':$1');
}

/** The last step of an operation: its handler, with what the pipeline read, answered as JSON. */
function operation(route: RouteDefinition, options: AppOptions) {
  const handler = HANDLERS[route.operationId as OperationId] as (
    context: OperationContext<OperationId>,
  ) => Promise<Reply | Response>;
  return async (c: Context<AppEnv>): Promise<Response> => {
    const { params, query, body, file } = c.get('input');
    const result = await handler({
      db: c.get('db'),
      database: options.db,
      files: options.files,
      limits: options.limits ?? DEFAULT_UPLOAD_LIMITS,
      payments: options.payments,
      receiptFont: options.receiptFont,
      webhookPolicy: options.webhookPolicy ?? DEFAULT_WEBHOOK_POLICY,
      origin: new URL(c.req.url).origin,
      survey: options.survey ?? DEFAULT_SURVEY_OPTIONS,
      principal: c.get('principal'),
      locale: c.get('locale'),
      params,
      query,
      body,
      ifMatch: c.req.header('if-match'),
      clientAddress: c.get('clientAddress'),
      file,
    } as OperationContext<OperationId>);
    if (result instanceof Response) return result;
    return c.body(JSON.stringify(result.body), result.status as 200, {
      'content-type': 'application/json; charset=utf-8',
      ...(result.etag ? { etag: result.etag } : {}),
    });
  };
}

function problem(c: Context<AppEnv>, error: HttpProblem): Response {
  const locale = c.get('locale') ?? 'vi';
  return c.body(JSON.stringify(problemBody(error, locale, c.req.path)), error.status as 400, {
    'content-type': 'application/problem+json; charset=utf-8',
    'content-language': locale,
    ...error.headers,
  });
}

/** A readable API reference of the OpenAPI document, with no asset from outside this server. */
function apiReferencePage(): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>egov-kit API</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/api-docs.css"></head>
<body><main id="docs"><h1>egov-kit API</h1><p>Đang tải tài liệu… / Loading the reference…</p></main>
<script type="module" src="/api-docs.js"></script></body></html>`;
}
