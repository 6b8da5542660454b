import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApp,
  type Database,
  MemoryFileStore,
  openDatabase,
  TokenVerifier,
} from '../src/index.js';

const portalDir = fileURLToPath(new URL('../portal/', import.meta.url));
let elementsDir: string;
let db: Database;

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'egov-server-test-'));
  elementsDir = join(root, 'dist');
  await mkdir(elementsDir);
  await writeFile(join(elementsDir, 'egov-elements.js'), 'export {};\n');
  await writeFile(join(root, 'secret.txt'), 'outside');
  db = await openDatabase({});
}, 30_000);

afterAll(async () => {
  await rm(join(elementsDir, '..'), { recursive: true, force: true });
  await db.close();
});

const app = (withElements = true) =>
  createApp({
    db,
    files: new MemoryFileStore(),
    tokens: new TokenVerifier({ kind: 'secret', secret: new Uint8Array(32) }),
    portalDir,
    elementsDir: withElements ? elementsDir : undefined,
  });

describe('CORS', () => {
  it('is off by default, and when configured answers preflights and exposes ETag and Retry-After', async () => {
    const closed = await app().request('/api/v1/health', {
      headers: { origin: 'https://dichvucong.example' },
    });
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();
    const open = createApp({
      db,
      files: new MemoryFileStore(),
      tokens: new TokenVerifier({ kind: 'secret', secret: new Uint8Array(32) }),
      corsOrigins: ['https://dichvucong.example'],
    });
    const preflight = await open.request('/api/v1/dossiers', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://dichvucong.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'idempotency-key, if-match',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://dichvucong.example');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'idempotency-key',
    );
    const get = await open.request('/api/v1/health', {
      headers: { origin: 'https://dichvucong.example' },
    });
    expect(get.headers.get('access-control-expose-headers')).toContain('ETag');
    const other = await open.request('/api/v1/health', {
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });
});

describe('static files', () => {
  it('serves the demo portal in Vietnamese, loading the elements bundle with one module script', async () => {
    const response = await app().request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await response.text();
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('<script type="module" src="/elements/egov-elements.js"></script>');
  });

  it('serves the elements bundle as JavaScript', async () => {
    const response = await app().request('/elements/egov-elements.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 for elements when none are installed', async () => {
    expect((await app(false).request('/elements/egov-elements.js')).status).toBe(404);
  });

  it.each([
    '/elements/../secret.txt',
    '/elements/%2e%2e/secret.txt',
    '/elements/..%2fsecret.txt',
    '/elements/%00',
  ])('never serves a file outside its folder: %s', async (path) => {
    const response = await app().request(path);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside');
  });

  it('answers 500 as a problem without a stack trace when something breaks', async () => {
    const broken = createApp({
      db: {
        ...db,
        query: async () => Promise.reject(new Error('disk on fire at /secret/path')),
      } as Database,
      files: new MemoryFileStore(),
      tokens: new TokenVerifier({ kind: 'secret', secret: new Uint8Array(32) }),
      log: () => undefined,
    });
    const response = await broken.request('/api/v1/procedures', {
      headers: { 'accept-language': 'en' },
    });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const text = await response.text();
    expect(text).not.toContain('disk on fire');
    expect(text).not.toContain('/secret/path');
    expect(JSON.parse(text)).toMatchObject({ status: 500, title: 'Server error' });
  });
});
