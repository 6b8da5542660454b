import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import type { ServerConfig } from './config.js';

/** A listening server: its address and how to stop it. */
export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the reference server with the demo portal; resolves once it is listening. */
export function startServer(config: ServerConfig): Promise<RunningServer> {
  const app = createApp({
    portalDir: fileURLToPath(new URL('../portal/', import.meta.url)),
    elementsDir: findElementsDir(),
  });
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, hostname: config.host, port: config.port },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          close: () =>
            new Promise((done, fail) => server.close((error) => (error ? fail(error) : done()))),
        });
      },
    );
    server.once('error', reject);
  });
}

/**
 * The built elements, from `ELEMENTS_DIR` or the installed `@egov-kit/elements` (an optional
 * peer dependency: the API runs without it, only the demo portal needs it).
 */
function findElementsDir(): string | undefined {
  if (process.env.ELEMENTS_DIR) return process.env.ELEMENTS_DIR;
  try {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve('@egov-kit/elements/package.json')), 'dist');
  } catch {
    return undefined;
  }
}
