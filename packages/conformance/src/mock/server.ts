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
  'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers':
    'authorization, content-type, idempotency-key, if-match, accept-language',
  'access-control-expose-headers': 'etag, retry-after, idempotent-replayed, www-authenticate',
  'access-control-max-age': '600',
};

/** The largest request body the mock reads: a document's largest file, with room to spare. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** A request body over {@link MAX_BODY_BYTES}. */
class BodyTooLarge extends Error {
  override name = 'BodyTooLarge';
}

async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  if (Number(incoming.headers['content-length'] ?? 0) > MAX_BODY_BYTES) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
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
        const tooLarge = error instanceof BodyTooLarge;
        outgoing.writeHead(tooLarge ? 413 : 500, {
          ...(cors ? CORS : {}),
          'content-type': 'application/problem+json; charset=utf-8',
          connection: 'close',
        });
        outgoing.end(
          JSON.stringify({
            type: `urn:egov-kit:problem:${tooLarge ? 'payload_too_large' : 'internal'}`,
            title: tooLarge ? 'Tệp quá lớn' : 'Lỗi máy chủ',
            status: tooLarge ? 413 : 500,
            code: tooLarge ? 'payload_too_large' : 'internal',
          }),
        );
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
