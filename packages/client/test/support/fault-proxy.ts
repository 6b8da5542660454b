import {
  Agent,
  createServer,
  request as forward,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the proxy does to one request. */
export type Fault =
  /** Forwarded, answered. */
  | 'pass'
  /** The connection is reset before the request reaches the server. */
  | 'reset'
  /** Forwarded; the server does the work and answers; the answer is dropped (connection closed). */
  | 'drop-after-commit'
  /** Forwarded; the answer is held past the client's timeout. */
  | 'delay'
  /** Answered 503 with Retry-After by the proxy, as a load balancer does. */
  | 'unavailable';

export interface FaultRates {
  readonly reset: number;
  readonly dropAfterCommit: number;
  readonly delay: number;
  readonly unavailable: number;
}

export interface FaultProxy {
  /** The proxy's origin, `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** How many requests met each fault. */
  readonly counts: Record<Fault, number>;
  close(): Promise<void>;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence of decisions. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * An HTTP proxy on 127.0.0.1 in front of `target` that, at random from `seed`, resets
 * connections, drops answers after the server has committed the work, holds answers past the
 * client's timeout, and answers 503 with `Retry-After: 1` — the faults a citizen's flaky mobile
 * connection and an agency's load balancer produce. Decisions are drawn in the order requests
 * arrive, so a concurrent run draws the same sequence but may deal it out differently.
 */
export async function startFaultProxy(
  target: string,
  options: { seed: number; rates: FaultRates; delayMs: number },
): Promise<FaultProxy> {
  const random = seeded(options.seed);
  const counts: Record<Fault, number> = {
    pass: 0,
    reset: 0,
    'drop-after-commit': 0,
    delay: 0,
    unavailable: 0,
  };
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const choose = (): Fault => {
    const { reset, dropAfterCommit, delay, unavailable } = options.rates;
    let r = random();
    for (const [fault, rate] of [
      ['reset', reset],
      ['drop-after-commit', dropAfterCommit],
      ['delay', delay],
      ['unavailable', unavailable],
    ] as const) {
      if (r < rate) return fault;
      r -= rate;
    }
    return 'pass';
  };

  const send = (req: IncomingMessage, body: Buffer) =>
    new Promise<Upstream>((resolve, reject) => {
      const headers = { ...req.headers, host: upstream.host };
      const out = forward(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers,
          agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 502,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const reply = (res: ServerResponse, answer: Upstream) => {
    if (res.destroyed) return;
    const headers = { ...answer.headers };
    delete headers['transfer-encoding'];
    delete headers.connection;
    headers['content-length'] = String(answer.body.byteLength);
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  };

  const proxy = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const fault = choose();
    counts[fault] += 1;
    try {
      switch (fault) {
        case 'reset':
          req.socket.resetAndDestroy();
          return;
        case 'unavailable': {
          const problem = JSON.stringify({
            type: 'about:blank',
            title: 'Service Unavailable',
            status: 503,
          });
          res.writeHead(503, {
            'content-type': 'application/problem+json',
            'retry-after': '1',
            'content-length': String(Buffer.byteLength(problem)),
          });
          res.end(problem);
          return;
        }
        case 'drop-after-commit':
          await send(req, body);
          req.socket.destroy();
          return;
        case 'delay': {
          const answer = await send(req, body);
          await new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              timers.delete(timer);
              resolve();
            }, options.delayMs);
            timers.add(timer);
          });
          reply(res, answer);
          return;
        }
        case 'pass':
          reply(res, await send(req, body));
      }
    } catch {
      req.socket.destroy();
    }
  });
  proxy.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        agent.destroy();
        proxy.close(() => resolve());
      }),
  };
}
