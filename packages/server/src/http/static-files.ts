import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const COMPRESSIBLE =
  /^(?:text\/|application\/(?:javascript|json|xml|manifest\+json)|image\/svg\+xml)/;
/** Compressed answers kept in memory, by path, validator and encoding (at most this many bytes). */
const CACHE_BYTES = 48 * 1024 * 1024;
const compressed = new Map<string, Uint8Array>();
let cachedBytes = 0;

/**
 * A folder of static files under `prefix`, through @hono/node-server's `serveStatic` (which
 * refuses `..`, encoded separators and paths outside the folder), plus what it lacks:
 *
 * - caching: a file whose name carries a content hash (`chunk-GCIZJCH4.js`) is `immutable` for
 *   a year; any other is revalidated every time (`no-cache`) against a weak ETag of its size
 *   and modification time, answered 304 when unchanged;
 * - compression: text files over 1 KB in Brotli or gzip, as the browser accepts, compressed
 *   once and kept in memory.
 */
export function staticFolder(prefix: string, root: string): MiddlewareHandler<AppEnv>[] {
  return [
    cacheAndCompress(),
    serveStatic<AppEnv>({
      root,
      rewriteRequestPath: (path) => path.slice(prefix.length - 1) || '/',
    }),
  ];
}

function cacheAndCompress(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const res = c.res;
    const modified = res.headers.get('last-modified');
    const length = res.headers.get('content-length');
    if (res.status !== 200 || !modified || length === null) return;
    const etag = `W/"${Number(length).toString(16)}-${Date.parse(modified).toString(16)}"`;
    const cacheControl = isHashed(c.req.path) ? 'public, max-age=31536000, immutable' : 'no-cache';
    const type = res.headers.get('content-type') ?? '';
    const headers = new Headers(res.headers);
    // Hono copies the previous answer's headers onto a new one: drop the one that changes.
    res.headers.delete('content-length');
    headers.set('etag', etag);
    headers.set('cache-control', cacheControl);
    const compressible = COMPRESSIBLE.test(type) && Number(length) > 1024;
    if (compressible) headers.append('vary', 'Accept-Encoding');
    const match = c.req.header('if-none-match');
    if (match?.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
      await res.body?.cancel();
      headers.delete('content-length');
      c.res = new Response(null, { status: 304, headers });
      return;
    }
    if (!compressible || c.req.method !== 'GET') {
      c.res = new Response(res.body, { status: 200, headers });
      return;
    }
    const accepted = (c.req.header('accept-encoding') ?? '').toLowerCase();
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
    if (!encoding) {
      c.res = new Response(res.body, { status: 200, headers });
      return;
    }
    const key = `${c.req.path}\n${etag}\n${encoding}`;
    let bytes = compressed.get(key);
    if (!bytes) {
      const plain = new Uint8Array(await res.arrayBuffer());
      bytes =
        encoding === 'br'
          ? new Uint8Array(await brotli(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }))
          : new Uint8Array(await gzipAsync(plain, { level: 6 }));
      remember(key, bytes);
    } else {
      await res.body?.cancel();
    }
    headers.set('content-encoding', encoding);
    headers.set('content-length', String(bytes.byteLength));
    c.res = new Response(bytes as Uint8Array<ArrayBuffer>, { status: 200, headers });
  };
}

function remember(key: string, bytes: Uint8Array): void {
  if (bytes.byteLength > CACHE_BYTES / 4) return;
  while (cachedBytes + bytes.byteLength > CACHE_BYTES) {
    const oldest = compressed.keys().next().value;
    if (oldest === undefined) break;
    cachedBytes -= compressed.get(oldest)?.byteLength ?? 0;
    compressed.delete(oldest);
  }
  compressed.set(key, bytes);
  cachedBytes += bytes.byteLength;
}

/** Whether a file name carries a bundler's content hash (esbuild `-GCIZJCH4`, Vite `-DvB3kR9x`). */
export function isHashed(path: string): boolean {
  const match = /[-.]([A-Za-z0-9_]{8,10})\.(?:m?js|css|woff2?)$/.exec(path);
  return match?.[1] !== undefined && /[A-Z0-9]/.test(match[1]);
}
