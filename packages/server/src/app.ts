import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Hono } from 'hono';

/** What the HTTP application needs to know about its surroundings. */
export interface AppOptions {
  /** The demo portal's static files (HTML, CSS). */
  readonly portalDir: string;
  /**
   * The built `@egov-kit/elements` files, served under `/elements/`; when absent the portal
   * still loads but its components stay undefined, and `/elements/` answers 404.
   */
  readonly elementsDir?: string | undefined;
}

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
};

/**
 * The reference server's HTTP application. Web-standard Request/Response (Hono), so tests call
 * `app.request()` without opening a socket.
 */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();

  app.get('/api/v1/health', (c) => c.json({ status: 'ok' }));

  app.get('/elements/*', async (c) => {
    if (!options.elementsDir) return c.notFound();
    return (
      (await serveFile(options.elementsDir, c.req.path.slice('/elements/'.length))) ?? c.notFound()
    );
  });

  app.get('/*', async (c) => {
    const path = c.req.path.endsWith('/') ? `${c.req.path}index.html` : c.req.path;
    return (await serveFile(options.portalDir, path.slice(1))) ?? c.notFound();
  });

  return app;
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
    const body = await readFile(file);
    return new Response(body, {
      headers: {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return undefined;
  }
}
