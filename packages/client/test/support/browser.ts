import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../../scripts/lib/chromium-options.mjs';

/** Debian's Chromium (TOOLCHAIN.md); CHROMIUM_PATH to use another. */
export const CHROMIUM = chromiumPath;
export const hasChromium = existsSync(CHROMIUM);

const here = dirname(fileURLToPath(import.meta.url));
const client = join(here, '../../dist');
const schema = join(here, '../../../schema/dist');
const packages = join(here, '../../node_modules');
/** The unbundled packages, as a page loads them with an import map: no bundler involved. */
const ROOTS: Record<string, string> = {
  '/pkg/client/': client,
  '/pkg/schema/': schema,
  '/pkg/ky/': join(packages, 'ky/distribution'),
  '/pkg/zod/': join(packages, 'zod'),
};

const page = (script: string) => `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<script type="importmap">${JSON.stringify({
  imports: {
    '@egov-kit/client': '/pkg/client/index.js',
    '@egov-kit/schema': '/pkg/schema/index.js',
    '@egov-kit/schema/files': '/pkg/schema/files/media-type.js',
    '@egov-kit/schema/operations': '/pkg/schema/api/operations.js',
    ky: '/pkg/ky/index.js',
    'zod/mini': '/pkg/zod/mini/index.js',
  },
})}</script></head><body><script type="module">${script}</script></body></html>`;

/**
 * Chromium with a page on the API's own origin (`origin`/__client.html), which loads the
 * built client from `/pkg/…` (served from disk) and calls the real API there.
 */
export async function openClientPage(
  origin: string,
  script: string,
): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...chromiumArgs, '--headless=new'],
  });
  const tab = await browser.newPage();
  // A citizen's connection, not loopback's: uploads take long enough (≈0.5 s for 4 MB) for
  // Chromium to report progress more than once (it reports at most every 50 ms).
  const cdp = await tab.context().newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 8 * 1024 * 1024,
  });
  await tab.route(`${origin}/__client.html`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: page(script) }),
  );
  await tab.route(`${origin}/pkg/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    const prefix = Object.keys(ROOTS).find((p) => path.startsWith(p)) ?? '';
    const root = ROOTS[prefix];
    if (!root) return route.abort();
    const file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(normalize(root + sep))) return route.abort();
    try {
      const body = await readFile(file);
      const type = extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream';
      return route.fulfill({ body, contentType: type });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
  await tab.goto(`${origin}/__client.html`);
  return { browser, page: tab };
}
