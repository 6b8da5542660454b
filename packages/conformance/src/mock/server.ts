import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MockBackEnd } from './mock-back-end.js';

/** How to start the mock. */
export interface MockOptions {
  /** 4010 by default; 0 for any free port. */
  readonly port?: number | undefined;
  /** 127.0.0.1 by default: the mock secures nothing, keep it on loopback. */
  readonly host?: string | undefined;
  /** Answer browsers from any origin (CORS): a page on another port may call it. On by default. */
  readonly cors?: boolean | undefined;
  /** Seed sample dossiers of the mock citizen (one in progress, one returned). On by default. */
  readonly sampleDossiers?: boolean | undefined;
}

/** A listening mock back end. */
export interface RunningMock {
  /** Its origin, e.g. `http://127.0.0.1:4010`; the API is at `${url}/api/v1`. */
  readonly url: string;
  readonly tokens: MockBackEnd['tokens'];
  readonly backEnd: MockBackEnd;
  close(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PATCH, OPTIONS',
  'access-control-allow-headers':
    'authorization, content-type, idempotency-key, if-match, accept-language',
  'access-control-expose-headers': 'etag, retry-after, idempotent-replayed, www-authenticate',
  'access-control-max-age': '600',
};

async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = incoming.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks);
  return new Request(new URL(incoming.url ?? '/', origin), {
    method,
    headers,
    ...(body ? { body } : {}),
  });
}

async function send(response: Response, outgoing: ServerResponse, cors: boolean) {
  const headers: Record<string, string> = cors ? { ...CORS } : {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  outgoing.writeHead(response.status, headers);
  outgoing.end(new Uint8Array(await response.arrayBuffer()));
}

/**
 * Starts the mock back end over HTTP (`egov-kit-conformance mock`). Its state lives in memory
 * and is gone when it stops.
 */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const backEnd = new MockBackEnd({ sampleDossiers: options.sampleDossiers ?? true });
  const cors = options.cors ?? true;
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  const server = createServer((incoming, outgoing) => {
    if (cors && incoming.method === 'OPTIONS') {
      outgoing.writeHead(204, CORS);
      outgoing.end();
      return;
    }
    toRequest(incoming, origin)
      .then((request) => backEnd.handle(request))
      .then((response) => send(response, outgoing, cors))
      .catch((error: unknown) => {
        outgoing.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        outgoing.end(String(error));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, resolve);
  });
  const address = server.address() as AddressInfo;
  origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url: origin,
    tokens: backEnd.tokens,
    backEnd,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
