import type { MiddlewareHandler } from 'hono';

/**
 * The Content-Security-Policy of the portal's pages: scripts and styles from this origin only
 * (no inline script, no eval), nothing framing them. The elements style themselves through
 * constructable style sheets, which CSP does not block. `'wasm-unsafe-eval'` allows compiling
 * WebAssembly only (not JavaScript eval): the digest of a large file to sign runs in it, 4× faster
 * than the pure-JS fallback.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Answers that are data, never a document: nothing may load or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/**
 * A file someone uploaded, served as a download: even opened in a tab it runs nothing, loads
 * nothing and is in a unique origin (`sandbox`).
 */
export const DOWNLOAD_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/**
 * The Storybook build (demo catalogue only) runs inline bootstrap scripts and frames its own
 * preview: it gets its own, looser policy, still framed by nobody else.
 */
const STORYBOOK_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

/**
 * Headers every answer carries: `nosniff`, `Referrer-Policy: no-referrer` (a lookup link with
 * the receipt's verifier must not travel to another site), framing refused, and a CSP by kind —
 * the strict page policy for the portal, `default-src 'none'` for API data. A handler that set
 * its own CSP (a download) keeps it. API answers are never stored by a browser or a shared
 * cache unless their route says otherwise, and never when the caller is signed in.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    let headers = c.res.headers;
    try {
      headers.set('x-content-type-options', 'nosniff');
    } catch {
      // Some Responses (Response.redirect, fetched ones) have immutable headers: copy once.
      c.res = new Response(c.res.body, c.res);
      headers = c.res.headers;
      headers.set('x-content-type-options', 'nosniff');
    }
    headers.set('referrer-policy', 'no-referrer');
    headers.set('cross-origin-opener-policy', 'same-origin');
    const storybook = c.req.path.startsWith('/storybook/');
    headers.set('x-frame-options', storybook ? 'SAMEORIGIN' : 'DENY');
    if (!headers.has('content-security-policy')) {
      const type = headers.get('content-type') ?? '';
      const data = c.req.path.startsWith('/api/') && !type.startsWith('text/html');
      headers.set('content-security-policy', storybook ? STORYBOOK_CSP : data ? API_CSP : PAGE_CSP);
    }
    if (c.req.path.startsWith('/api/')) {
      if (c.req.header('authorization')) {
        headers.set('cache-control', 'no-store');
        headers.append('vary', 'Authorization');
      } else if (!headers.has('cache-control')) {
        // A public answer may still be a receipt holder's (a lookup, a result by receipt):
        // nothing is stored unless a route says it may be.
        headers.set('cache-control', 'no-store');
      }
    }
  };
}
