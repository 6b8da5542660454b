import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  type AppOptions,
  createApp,
  type Database,
  DEMO_USERS,
  MemoryFileStore,
  type Principal,
  seed,
  signDevToken,
  silentLogger,
  TokenVerifier,
} from '../../src/index.js';
import { checkAgainstDocument } from './contract.js';
import { freshDatabase } from './database.js';

/** A response as tests read it. */
export interface TestResponse<Body = any> {
  status: number;
  headers: Headers;
  body: Body;
}

/** How a test sends a request. */
export interface RequestOptions {
  token?: string | undefined;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
}

/** The reference app on a fresh seeded database, with tokens for the demo users. */
export interface Harness {
  readonly db: Database;
  readonly tokens: Record<keyof typeof DEMO_USERS, string> & { otherOfficer: string };
  request(method: string, path: string, options?: RequestOptions): Promise<TestResponse>;
  /** A raw request to the app (a streamed body, headers as sent), unchecked. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  token(principal: Principal): Promise<string>;
  close(): Promise<void>;
}

export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
]);

/** Starts the app. Every response is checked against the OpenAPI document. */
export async function startHarness(
  options: { demoDossiers?: boolean; app?: Partial<AppOptions> } = {},
): Promise<Harness> {
  const { db, drop } = await freshDatabase();
  await seed(db, { demoDossiers: options.demoDossiers ?? false });
  const secret = randomBytes(32);
  const app = createApp({
    db,
    files: new MemoryFileStore(),
    tokens: new TokenVerifier({ kind: 'secret', secret }),
    portalDir: fileURLToPath(new URL('../../portal/', import.meta.url)),
    logger: silentLogger,
    // As behind one proxy: tests name the client in X-Forwarded-For.
    trustProxy: { kind: 'hops', hops: 1 },
    ...options.app,
  });
  const token = (principal: Principal) => signDevToken(secret, principal);
  const tokens = {
    citizen: await token(DEMO_USERS.citizen),
    citizen2: await token(DEMO_USERS.citizen2),
    officer: await token(DEMO_USERS.officer),
    admin: await token(DEMO_USERS.admin),
    otherOfficer: await token({ id: 'officer-hn', role: 'officer', agencyCode: 'UBND-00070' }),
  };
  return {
    db,
    tokens,
    token,
    fetch: async (path, init) => app.request(path, init),
    async request(method, path, options = {}) {
      const headers = new Headers(options.headers);
      if (options.token) headers.set('authorization', `Bearer ${options.token}`);
      let body: BodyInit | undefined;
      if (options.json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(options.json);
      } else if (options.form) {
        body = options.form;
      }
      const response = await app.request(path, { method, headers, body });
      const contentType = response.headers.get('content-type') ?? '';
      const text = contentType.includes('json') ? await response.text() : undefined;
      const parsed = text ? JSON.parse(text) : undefined;
      checkAgainstDocument(method, path, response.status, contentType, parsed);
      if (response.status >= 500)
        throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
      return { status: response.status, headers: response.headers, body: parsed };
    },
    close: drop,
  };
}

/** A file field for an upload. */
export function upload(
  requirementCode: string,
  bytes: Uint8Array = PDF,
  name = 'giay-to.pdf',
): FormData {
  const form = new FormData();
  form.set('requirementCode', requirementCode);
  form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  return form;
}

/** Answers that pass a form's validation: the schema package's own generator. */
export { exampleAnswers as validAnswers } from '@egov-kit/schema/forms';
