import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { type Locale, ROUTES, type RouteDefinition } from '@egov-kit/schema';
import { buildOpenApiDocument } from '@egov-kit/schema/openapi';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { Database } from './db/database.js';
import { type DemoOptions, demoRoutes } from './demo/demo-routes.js';
import type { TokenVerifier } from './http/auth.js';
import { requireRole } from './http/auth.js';
import { HANDLERS, type HandlerContext, type Reply } from './http/handlers.js';
import { once } from './http/idempotency.js';
import { localeFrom } from './http/locale.js';
import { HttpProblem, isHttpProblem, problemBody } from './http/problem.js';
import { requestHash } from './http/request-hash.js';
import { parseOr400, refuseNul } from './http/validate.js';
import type { FileStore } from './services/file-store.js';

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
  /** Logs unexpected errors; `console.error` by default. */
  readonly log?: ((message: string, error: unknown) => void) | undefined;
}

const BASE = '/api/v1';
const JSON_LIMIT = 1024 * 1024;
const UPLOAD_LIMIT = 30 * 1024 * 1024;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.pem': 'application/x-pem-file',
  '.pdf': 'application/pdf',
};

/**
 * The reference server's HTTP application, built from the route table of `@egov-kit/schema`:
 * every route validates what the table declares — token and role, path, query and body,
 * If-Match, Idempotency-Key — before its handler runs, and every error is problem+json in the
 * caller's language. Web-standard Request/Response (Hono): tests call `app.request()`.
 */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  const log = options.log ?? ((message, error) => console.error(message, error));
  const openapi = JSON.stringify(buildOpenApiDocument({ serverUrl: BASE }));

  app.onError((error, c) => {
    const locale = localeFrom(c.req.header('accept-language'));
    if (isHttpProblem(error)) return problem(c, error, locale);
    log(`${c.req.method} ${c.req.path} failed`, error);
    return problem(
      c,
      new HttpProblem('internal', {
        vi: 'Đã có lỗi ở máy chủ; hãy thử lại sau.',
        en: 'Something went wrong on the server; try again later.',
      }),
      locale,
    );
  });

  if (options.corsOrigins?.length) {
    const origins = [...options.corsOrigins];
    app.use(
      `${BASE}/*`,
      cors({
        origin: origins.includes('*') ? '*' : origins,
        allowMethods: ['GET', 'POST', 'PATCH', 'OPTIONS'],
        allowHeaders: [
          'Authorization',
          'Content-Type',
          'Idempotency-Key',
          'If-Match',
          'Accept-Language',
        ],
        // Without these a cross-origin client cannot track ETags or honour Retry-After.
        exposeHeaders: [
          'ETag',
          'Retry-After',
          'Idempotent-Replayed',
          'Content-Language',
          'Content-Disposition',
        ],
        maxAge: 600,
      }),
    );
  }

  app.get(`${BASE}/openapi.json`, (c) =>
    c.body(openapi, 200, { 'content-type': 'application/json; charset=utf-8' }),
  );
  app.get(`${BASE}/docs`, (c) => c.html(apiReferencePage()));

  for (const route of ROUTES as readonly RouteDefinition[]) {
    const path = BASE + route.path.replace(/\{(\w+)\}/g, ':$1');
    const limit = route.body?.contentType === 'multipart/form-data' ? UPLOAD_LIMIT : JSON_LIMIT;
    app.on(
      route.method.toUpperCase(),
      path,
      bodyLimit({
        maxSize: limit,
        onError: () => {
          throw new HttpProblem('payload_too_large', {
            vi: `Yêu cầu vượt quá ${Math.round(limit / 1024 / 1024)} MB.`,
            en: `The request is larger than ${Math.round(limit / 1024 / 1024)} MB.`,
          });
        },
      }),
      (c) => handle(c, route, options),
    );
  }

  // A known path with another method: 405 with Allow, not 404.
  const methodsByPath = new Map<string, string[]>();
  for (const route of ROUTES as readonly RouteDefinition[]) {
    const path = BASE + route.path.replace(/\{(\w+)\}/g, ':$1');
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

  if (options.demo) app.route('/demo', demoRoutes(options.demo));
  else app.all('/demo/*', (c) => c.notFound());

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
    if (!dir) {
      // Not installed or not built: a plain 404, never the portal's page of the same name.
      app.get(`${prefix}*`, (c) => c.notFound());
      continue;
    }
    app.get(`${prefix}*`, async (c) => {
      const path = c.req.path.endsWith('/') ? `${c.req.path}index.html` : c.req.path;
      return (await serveFile(dir, path.slice(prefix.length))) ?? c.notFound();
    });
  }
  if (options.portalDir) {
    const dir = options.portalDir;
    app.get('/*', async (c) => {
      const path = c.req.path.endsWith('/') ? `${c.req.path}index.html` : c.req.path;
      return (await serveFile(dir, path.slice(1))) ?? c.notFound();
    });
  }
  app.notFound((c) => c.text('Not found', 404));
  return app;
}

async function handle(c: Context, route: RouteDefinition, options: AppOptions): Promise<Response> {
  const locale = localeFrom(c.req.header('accept-language'));
  const principal = await options.tokens.principal(c.req.header('authorization'));
  if (route.auth !== 'public') {
    requireRole(
      principal,
      route.auth === 'any_user' ? ['citizen', 'officer', 'admin'] : [route.auth, 'admin'],
    );
  }
  const rawParams = c.req.param();
  const rawQuery = singleValues(c.req.queries());
  refuseNul(rawParams, 'path');
  refuseNul(rawQuery, 'query');
  const params = route.params ? parseOr400(route.params, rawParams, 'path') : {};
  const query = route.query ? parseOr400(route.query, rawQuery, 'query') : {};
  let body: unknown;
  let file: HandlerContext['file'];
  if (route.body?.contentType === 'multipart/form-data') {
    ({ body, file } = await multipart(c));
  } else if (route.body) {
    const raw = await jsonBody(c);
    refuseNul(raw, 'body');
    body = parseOr400(route.body.schema, raw, 'body');
  }
  const ifMatch = c.req.header('if-match');
  if (route.ifMatch && !ifMatch) {
    throw new HttpProblem('precondition_required', {
      vi: 'Gửi kèm If-Match với ETag của phiên bản đang sửa.',
      en: 'Send If-Match with the ETag of the version you are changing.',
    });
  }
  const clientAddress = c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || remoteAddress(c);

  const handler = HANDLERS[route.operationId as keyof typeof HANDLERS];
  const run = (db: HandlerContext['db']) =>
    handler({
      db,
      database: options.db,
      files: options.files,
      principal,
      locale,
      params,
      query,
      body,
      ifMatch,
      clientAddress,
      file,
    } as HandlerContext);

  if (route.method === 'get') return reply(c, await run(options.db));

  const key = c.req.header('idempotency-key');
  if (key !== undefined && route.idempotent) {
    if (key.length < 8 || key.length > 255) {
      throw new HttpProblem(
        'validation',
        {
          vi: 'Idempotency-Key phải dài từ 8 đến 255 ký tự.',
          en: 'Idempotency-Key must be 8 to 255 characters.',
        },
        {
          errors: [
            {
              path: 'Idempotency-Key',
              code: 'length',
              message: { vi: '8–255 ký tự.', en: '8–255 characters.' },
            },
          ],
        },
      );
    }
    const stored = await options.db.transaction((tx) =>
      once(
        tx,
        {
          principal: principal?.id ?? `anonymous:${clientAddress}`,
          key,
          operation: `${route.operationId}:${JSON.stringify(params)}`,
          requestHash: requestHash(
            route.operationId,
            params,
            file ? { body, file: file.name, size: file.bytes.byteLength } : body,
          ),
        },
        async () => {
          const result = await run(tx);
          // Keyed operations create things and answer JSON; only a download answers a Response.
          if (result instanceof Response)
            throw new Error(`${route.operationId} must answer JSON to be replayable`);
          return {
            status: result.status,
            headers: result.etag ? { etag: result.etag } : ({} as Record<string, string>),
            body: JSON.stringify(result.body),
          };
        },
      ),
    );
    return c.body(stored.body, stored.status as 200, {
      ...stored.headers,
      'content-type': 'application/json; charset=utf-8',
      ...(stored.replayed ? { 'idempotent-replayed': 'true' } : {}),
    });
  }
  return reply(c, await options.db.transaction((tx) => run(tx)));
}

function reply(c: Context, result: Reply | Response): Response {
  if (result instanceof Response) return result;
  return c.body(JSON.stringify(result.body), result.status as 200, {
    'content-type': 'application/json; charset=utf-8',
    ...(result.etag ? { etag: result.etag } : {}),
  });
}

function problem(c: Context, error: HttpProblem, locale: Locale): Response {
  return c.body(JSON.stringify(problemBody(error, locale, c.req.path)), error.status as 400, {
    'content-type': 'application/problem+json; charset=utf-8',
    'content-language': locale,
    ...error.headers,
  });
}

async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new HttpProblem('unsupported_media_type', {
      vi: 'Gửi dữ liệu dạng application/json.',
      en: 'Send the body as application/json.',
    });
  }
  const text = await c.req.text();
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new HttpProblem('validation', {
      vi: 'Dữ liệu JSON không đọc được.',
      en: 'The JSON body cannot be parsed.',
    });
  }
}

async function multipart(c: Context): Promise<{ body: unknown; file: HandlerContext['file'] }> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    throw new HttpProblem('unsupported_media_type', {
      vi: 'Tải tệp lên dạng multipart/form-data.',
      en: 'Upload files as multipart/form-data.',
    });
  }
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch {
    throw new HttpProblem('validation', {
      vi: 'Không đọc được dữ liệu tải lên.',
      en: 'The upload cannot be read.',
    });
  }
  const value = form.get('file');
  const requirementCode = form.get('requirementCode');
  const errors = [];
  if (typeof requirementCode !== 'string' || requirementCode === '') {
    errors.push({
      path: 'requirementCode',
      code: 'required',
      message: { vi: 'Thiếu mã giấy tờ.', en: 'requirementCode is required.' },
    });
  }
  if (!(value instanceof Blob)) {
    errors.push({
      path: 'file',
      code: 'required',
      message: { vi: 'Chọn một tệp.', en: 'Choose a file.' },
    });
  }
  if (errors.length)
    throw new HttpProblem(
      'validation',
      { vi: 'Thiếu dữ liệu tải lên.', en: 'The upload is incomplete.' },
      { errors },
    );
  const blob = value as Blob & { name?: string };
  return {
    body: { requirementCode },
    file: { name: blob.name || 'file', bytes: new Uint8Array(await blob.arrayBuffer()) },
  };
}

function singleValues(queries: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(queries).map(([key, values]) => [key, values[0] ?? '']));
}

function remoteAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}

/** A file under `root`, or `undefined` when there is none or the path tries to leave `root`. */
async function serveFile(root: string, relativePath: string): Promise<Response | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    return undefined;
  }
  const base = normalize(root + sep);
  const file = normalize(join(base, decoded));
  if (!file.startsWith(base) || decoded.includes('\0')) return undefined;
  try {
    if (!(await stat(file)).isFile()) return undefined;
    return new Response(await readFile(file), {
      headers: {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return undefined;
  }
}

/** A readable API reference of the OpenAPI document, with no asset from outside this server. */
function apiReferencePage(): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>egov-kit API</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/api-docs.css"></head>
<body><main id="docs"><h1>egov-kit API</h1><p>Đang tải tài liệu… / Loading the reference…</p></main>
<script type="module" src="/api-docs.js"></script></body></html>`;
}
