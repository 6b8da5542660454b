import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the proxy received it. */
export interface ProxiedRequest {
  method: string;
  /** Path and query below the origin, e.g. `/api/v1/dossiers?limit=1`. */
  path: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** An answer as the proxy is about to send it. */
export interface ProxiedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** How a faulty back end breaks one rule: by changing what goes up, or what comes back. */
export interface Fault {
  request?(
    request: ProxiedRequest,
    upstream: (r: ProxiedRequest) => Promise<ProxiedAnswer>,
  ): Promise<ProxiedRequest | ProxiedAnswer> | ProxiedRequest | ProxiedAnswer;
  answer?(request: ProxiedRequest, answer: ProxiedAnswer): ProxiedAnswer | Promise<ProxiedAnswer>;
}

async function read(message: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A back end that is the reference server except for one broken rule: a proxy in front of it
 * that rewrites requests or answers. It names a client address of its own in X-Forwarded-For
 * (the reference trusts one proxy hop), so each faulty back end has its own rate limits.
 */
export async function startFaultyProxy(
  origin: string,
  fault: Fault,
  clientAddress: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = async (request: ProxiedRequest): Promise<ProxiedAnswer> => {
    const headers: Record<string, string> = {
      ...request.headers,
      'x-forwarded-for': clientAddress,
    };
    delete headers.host;
    delete headers['content-length'];
    delete headers.connection;
    const response = await fetch(origin + request.path, {
      method: request.method,
      headers,
      ...(request.body.length ? { body: request.body as Uint8Array<ArrayBuffer> } : {}),
    });
    const responseHeaders = Object.fromEntries(response.headers);
    delete responseHeaders['content-length'];
    delete responseHeaders['content-encoding'];
    delete responseHeaders['transfer-encoding'];
    return {
      status: response.status,
      headers: responseHeaders,
      body: new Uint8Array(await response.arrayBuffer()),
    };
  };
  const server: Server = createServer(async (incoming, outgoing) => {
    try {
      const request: ProxiedRequest = {
        method: incoming.method ?? 'GET',
        path: incoming.url ?? '/',
        headers: Object.fromEntries(
          Object.entries(incoming.headers).map(([k, v]) => [
            k,
            Array.isArray(v) ? v.join(', ') : (v ?? ''),
          ]),
        ),
        body: await read(incoming),
      };
      const changed = fault.request ? await fault.request(request, upstream) : request;
      let answer = 'status' in changed ? changed : await upstream(changed);
      if (fault.answer) answer = await fault.answer(request, answer);
      outgoing.writeHead(answer.status, {
        ...answer.headers,
        'content-length': String(answer.body.length),
      });
      outgoing.end(answer.body);
    } catch (error) {
      outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** JSON helpers for faults. */
export const json = {
  parse: (bytes: Uint8Array): any => JSON.parse(new TextDecoder().decode(bytes)),
  bytes: (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value)),
};
