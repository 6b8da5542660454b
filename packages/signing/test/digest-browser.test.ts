import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../scripts/lib/chromium-options.mjs';
import type { DigestAlgorithm } from '../src/index.js';

// digest() of large Blobs in Chromium, on the built package (run `pnpm build` first): the worker
// that hashes while the page reads, its fallbacks in the page's thread (no Worker; a script
// policy that forbids blob: workers, or WebAssembly), abort, and the bytes in flight. Two
// layouts: the single-file bundle a page without a build step imports (dist/browser/index.js),
// and the modules one by one as a CDN serves them (dist/digest/*.js, bare imports through an
// import map). Every digest is checked against one-shot crypto.subtle.digest in the same page.

const CHROMIUM = chromiumPath;
const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '../dist');
const modules = join(here, '../node_modules');
const MiB = 1024 * 1024;

const ROOTS: Record<string, string> = {
  '/dist/': dist,
  '/hash-wasm/': join(modules, 'hash-wasm/dist'),
  '/noble/': join(modules, '@noble/hashes'),
};
const IMPORT_MAP = JSON.stringify({
  imports: { 'hash-wasm': '/hash-wasm/index.esm.js', '@noble/hashes/': '/noble/' },
});
const LAYOUTS = {
  bundle: '/dist/browser/index.js',
  modules: '/dist/digest/digest.js',
} as const;
// Script policies of the page; a blob: worker inherits its page's.
const POLICIES = {
  none: undefined,
  // No blob: worker, WebAssembly allowed: hash-wasm in the page's thread.
  'no blob: worker': "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
  // The worker starts but cannot compile hash-wasm: @noble/hashes in the page's thread.
  'no WebAssembly': "script-src 'self' 'unsafe-inline' blob:",
} as const;

interface Stats {
  started: number;
  terminated: number;
  inFlight: number;
  maxInFlight: number;
  chunks: number;
}

/**
 * Runs in the page before the package loads: counts the workers started and ended, and the bytes
 * sent to a worker and not yet acknowledged as hashed (the most at any time).
 */
function instrument() {
  const stats: Stats = { started: 0, terminated: 0, inFlight: 0, maxInFlight: 0, chunks: 0 };
  (globalThis as unknown as { digestStats: Stats }).digestStats = stats;
  const Native = globalThis.Worker;
  if (!Native) return;
  globalThis.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      stats.started += 1;
      this.addEventListener('message', ({ data }) => {
        if (typeof data?.hashed === 'number') stats.inFlight -= data.hashed;
      });
    }
    override postMessage(message: unknown, transfer?: unknown): void {
      if (message instanceof ArrayBuffer) {
        stats.chunks += 1;
        stats.inFlight += message.byteLength;
        stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      }
      super.postMessage(message, transfer as Transferable[]);
    }
    override terminate(): void {
      stats.terminated += 1;
      super.terminate();
    }
  };
}

async function open(browser: Browser, origin: string, policy: keyof typeof POLICIES) {
  const page = await browser.newPage();
  await page.route(`${origin}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    const prefix = Object.keys(ROOTS).find((p) => path.startsWith(p));
    if (!prefix) {
      const csp = POLICIES[policy];
      return route.fulfill({
        contentType: 'text/html; charset=utf-8',
        headers: csp ? { 'content-security-policy': csp } : {},
        body: `<!doctype html><title>digest</title><script type="importmap">${IMPORT_MAP}</script>
<script type="module">globalThis.load = (url) => import(url);</script>`,
      });
    }
    const root = ROOTS[prefix] as string;
    const file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(normalize(root + sep))) return route.abort();
    try {
      return route.fulfill({ body: await readFile(file), contentType: 'text/javascript' });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
  await page.addInitScript(instrument);
  await page.goto(`${origin}/`);
  return page;
}

interface Case {
  readonly size: number;
  readonly algorithm?: DigestAlgorithm;
  readonly maxInMemoryBytes?: number;
}

// The page's own import(), set by the page: vitest would rewrite one written in the functions
// evaluated there.
type Loader = { load(url: string): Promise<typeof import('../src/index.js')> };

/** In the page: digest() of a Blob of `size` pseudo-random bytes, and WebCrypto's digest of it. */
async function digestInPage(page: Page, layout: string, cases: readonly Case[]) {
  return page.evaluate(
    async ({ layout, cases }) => {
      const { digest } = await (globalThis as unknown as Loader).load(layout);
      const stats = (globalThis as unknown as { digestStats: Stats }).digestStats;
      const hex = (bytes: ArrayBuffer | Uint8Array) =>
        Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
      const results = [];
      for (const { size, algorithm = 'SHA-256', maxInMemoryBytes } of cases) {
        const bytes = new Uint8Array(size);
        let x = size;
        for (let i = 0; i < size; i += 4096) {
          x = (x * 1103515245 + 12345) >>> 0;
          bytes.fill(x >>> 24, i, i + 4096);
          bytes[i] = i & 0xff;
        }
        const blob = new Blob([bytes]);
        const started = stats.started;
        stats.maxInFlight = 0;
        stats.inFlight = 0;
        const ours = await digest(blob, algorithm, { maxInMemoryBytes });
        results.push({
          size,
          algorithm,
          ours: hex(ours),
          webCrypto: hex(await crypto.subtle.digest(algorithm, bytes)),
          workers: stats.started - started,
          maxInFlight: stats.maxInFlight,
        });
      }
      return { results, stats: { ...stats } };
    },
    { layout, cases },
  );
}

const canRun = existsSync(CHROMIUM) && existsSync(join(dist, 'browser/index.js'));

describe.skipIf(!canRun)('digest() of large Blobs in Chromium', () => {
  let browser: Browser;
  // localhost: a secure context (crypto.subtle), served by page.route alone.
  const origin = 'http://localhost:4173';

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...chromiumArgs, '--headless=new'],
    });
  });
  afterAll(() => browser?.close());

  for (const [layout, entry] of Object.entries(LAYOUTS)) {
    it(`${layout}: hashes in a worker, equal to WebCrypto at the chunk and limit edges`, async () => {
      const page = await open(browser, origin, 'none');
      const { results, stats } = await digestInPage(page, entry, [
        // The default 32 MiB limit: up to it WebCrypto, above it the worker.
        { size: 32 * MiB },
        { size: 32 * MiB + 1 },
        // An empty Blob is within any limit.
        { size: 0, maxInMemoryBytes: 0 },
        // Blob.stream()'s 2 MiB chunks and the 8 MiB in flight, streamed from the first byte.
        ...[1, 2 * MiB - 1, 2 * MiB, 2 * MiB + 1, 8 * MiB + 1, 17 * MiB + 3].map((size) => ({
          size,
          maxInMemoryBytes: 0,
        })),
        { size: 5 * MiB + 7, algorithm: 'SHA-384', maxInMemoryBytes: 0 },
        { size: 5 * MiB + 7, algorithm: 'SHA-512', maxInMemoryBytes: 0 },
      ]);
      for (const r of results) expect(r.ours, `${r.algorithm}, ${r.size} bytes`).toBe(r.webCrypto);
      expect(results.map((r) => r.workers)).toEqual([0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
      // Every worker ended; no more than 8 MiB (plus the chunk that crossed it) ever waited to
      // be hashed, however large the file.
      expect(stats.terminated).toBe(stats.started);
      const [large] = results.filter((r) => r.size === 32 * MiB + 1);
      expect(large?.maxInFlight).toBeGreaterThan(8 * MiB);
      for (const r of results)
        expect(r.maxInFlight, `${r.size} bytes`).toBeLessThanOrEqual(10 * MiB);
      await page.close();
    });
  }

  for (const policy of ['no blob: worker', 'no WebAssembly'] as const) {
    it(`falls back to the page's thread under a script policy with ${policy}`, async () => {
      const page = await open(browser, origin, policy);
      const { results } = await digestInPage(page, LAYOUTS.bundle, [
        { size: 6 * MiB + 5, maxInMemoryBytes: 0 },
        { size: 1000, algorithm: 'SHA-512', maxInMemoryBytes: 0 },
      ]);
      for (const r of results) expect(r.ours, `${r.algorithm}, ${r.size} bytes`).toBe(r.webCrypto);
      await page.close();
    });
  }

  it('falls back to the page’s thread where there is no Worker', async () => {
    const page = await open(browser, origin, 'none');
    await page.evaluate(() => {
      Reflect.deleteProperty(globalThis, 'Worker');
    });
    const { results, stats } = await digestInPage(page, LAYOUTS.modules, [
      { size: 3 * MiB + 1, maxInMemoryBytes: 0 },
    ]);
    expect(results[0]?.ours).toBe(results[0]?.webCrypto);
    expect(stats.started).toBe(0);
    await page.close();
  });

  it('stops reading and ends the worker when aborted mid-file', async () => {
    const page = await open(browser, origin, 'none');
    const outcome = await page.evaluate(async (layout) => {
      const { digest } = await (globalThis as unknown as Loader).load(layout);
      const stats = (globalThis as unknown as { digestStats: Stats }).digestStats;
      const blob = new Blob([new Uint8Array(64 * 1024 * 1024)]);
      const controller = new AbortController();
      // Abort once the worker has the first chunk, that is, in the middle of the file.
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, transfer: never) {
        if (message instanceof ArrayBuffer) controller.abort(new Error('cancelled'));
        post.call(this, message, transfer);
      };
      const error = await digest(blob, 'SHA-256', {
        signal: controller.signal,
        maxInMemoryBytes: 0,
      }).then(
        () => 'resolved',
        (e: Error) => e.message,
      );
      Worker.prototype.postMessage = post;
      const chunks = stats.chunks;
      const again = await digest(blob, 'SHA-256', { maxInMemoryBytes: 0 });
      const want = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
      return {
        error,
        chunks,
        started: stats.started,
        terminated: stats.terminated,
        again: new Uint8Array(again).join() === new Uint8Array(want).join(),
      };
    }, LAYOUTS.bundle);
    expect(outcome.error).toBe('cancelled');
    // 64 MiB is 32 chunks or more; the abort stopped the reading after the first.
    expect(outcome.chunks).toBeGreaterThan(0);
    expect(outcome.chunks).toBeLessThan(4);
    expect(outcome.started).toBe(2);
    expect(outcome.terminated).toBe(2);
    expect(outcome.again).toBe(true);
    await page.close();
  });

  it('gives two digests at once each their own worker', async () => {
    const page = await open(browser, origin, 'none');
    const same = await page.evaluate(async (layout) => {
      const { digest } = await (globalThis as unknown as Loader).load(layout);
      const a = new Uint8Array(5 * 1024 * 1024).fill(1);
      const b = new Uint8Array(7 * 1024 * 1024).fill(2);
      const options = { maxInMemoryBytes: 0 };
      const [x, y] = await Promise.all([
        digest(new Blob([a]), 'SHA-256', options),
        digest(new Blob([b]), 'SHA-256', options),
      ]);
      const hex = (v: ArrayBuffer | Uint8Array) => new Uint8Array(v).join();
      return (
        hex(x) === hex(await crypto.subtle.digest('SHA-256', a)) &&
        hex(y) === hex(await crypto.subtle.digest('SHA-256', b))
      );
    }, LAYOUTS.bundle);
    expect(same).toBe(true);
    await page.close();
  });
});
