import type { MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { type Logger, maskAddress } from '../../observability/log.js';
import type { Metrics } from '../../observability/metrics.js';
import type { AppEnv } from '../env.js';
import { localeFrom } from '../locale.js';
import { HttpProblem } from '../problem.js';

/** The largest header value and all headers together that a request may carry (431 beyond). */
export const HEADER_LIMITS = { value: 8 * 1024, total: 16 * 1024, count: 100 } as const;

/**
 * The first middleware of every request: a request id (the caller's `X-Request-Id` when it is
 * short and plain, else a new UUID; echoed in the answer and every log line), the answer's
 * language, the client's address as the trusted-proxy setting allows, header limits (431), and,
 * once answered, one structured access-log line and the latency metric.
 */
export function requestContext(options: {
  readonly clientAddress: (socket: string | undefined, forwardedFor: string | undefined) => string;
  readonly log: Logger;
  readonly metrics: Metrics;
}): MiddlewareHandler<AppEnv>[] {
  const context: MiddlewareHandler<AppEnv> = async (c, next) => {
    const started = performance.now();
    c.set('locale', localeFrom(c.req.header('accept-language')?.slice(0, 256)));
    const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
      ?.incoming?.socket?.remoteAddress;
    c.set('clientAddress', options.clientAddress(socket, c.req.header('x-forwarded-for')));
    c.set('principal', undefined);
    try {
      checkHeaderLimits(c.req.raw.headers);
      await next();
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const route = c.req.routePath || 'unmatched';
      const status = c.res?.status ?? 500;
      options.metrics.observe(c.req.method, route, status, seconds);
      options.log.info({
        msg: 'request',
        requestId: c.get('requestId'),
        method: c.req.method,
        route,
        status,
        ms: Math.round(seconds * 1000),
        client: maskAddress(c.get('clientAddress')),
        ...(c.get('principal') ? { role: c.get('principal')?.role } : {}),
      });
    }
  };
  return [
    requestId({
      limitLength: 128,
      headerName: 'X-Request-Id',
      generator: () => crypto.randomUUID(),
    }) as unknown as MiddlewareHandler<AppEnv>,
    context,
  ];
}

function checkHeaderLimits(headers: Headers): void {
  let total = 0;
  let count = 0;
  for (const [name, value] of headers) {
    count += 1;
    total += name.length + value.length;
    if (
      value.length > HEADER_LIMITS.value ||
      total > HEADER_LIMITS.total ||
      count > HEADER_LIMITS.count
    ) {
      throw new HttpProblem('header_too_large', {
        vi: 'Tiêu đề (header) của yêu cầu quá lớn.',
        en: 'The request headers are too large.',
      });
    }
  }
}
