import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';

const portalDir = fileURLToPath(new URL('../portal/', import.meta.url));
let elementsDir: string;

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'egov-server-test-'));
  elementsDir = join(root, 'dist');
  await mkdir(elementsDir);
  await writeFile(join(elementsDir, 'egov-elements.js'), 'export {};\n');
  await writeFile(join(root, 'secret.txt'), 'outside');
});

afterAll(async () => {
  await rm(join(elementsDir, '..'), { recursive: true, force: true });
});

describe('reference server app', () => {
  it('answers the health check', async () => {
    const response = await createApp({ portalDir }).request('/api/v1/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('serves the demo portal in Vietnamese, loading the elements bundle with one module script', async () => {
    const response = await createApp({ portalDir, elementsDir }).request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await response.text();
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('<script type="module" src="/elements/egov-elements.js"></script>');
    expect(page).toContain('<egov-text-field');
  });

  it('serves the elements bundle as JavaScript', async () => {
    const response = await createApp({ portalDir, elementsDir }).request(
      '/elements/egov-elements.js',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 for elements when none are installed', async () => {
    const response = await createApp({ portalDir }).request('/elements/egov-elements.js');
    expect(response.status).toBe(404);
  });

  it.each([
    '/elements/../secret.txt',
    '/elements/%2e%2e/secret.txt',
    '/elements/..%2fsecret.txt',
    '/elements/%00',
  ])('never serves a file outside its folder: %s', async (path) => {
    const response = await createApp({ portalDir, elementsDir }).request(path);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside');
  });

  it('answers 404 for a missing page', async () => {
    const response = await createApp({ portalDir }).request('/no-such-page.html');
    expect(response.status).toBe(404);
  });
});
