import type { RouteDefinition } from '@egov-kit/schema';
import type { MiddlewareHandler } from 'hono';
import type { Database } from '../../db/database.js';
import { rateLimitKey } from '../client-address.js';
import type { AppEnv } from '../env.js';
import { hitRateLimit, type RateRule, refundRateLimit, tooManyRequests } from '../rate-limit.js';

/** The limits on guessing a receipt's verifier: per client address and per dossier code. */
export interface ReceiptLimits {
  readonly perAddress: RateRule;
  readonly perCode: RateRule;
}

/**
 * Per address: 10 a minute, then blocked 1 minute, doubling per offence up to 1 hour, offences
 * remembered a day. Per dossier code, from every address together: 20 failed guesses an hour,
 * then blocked 1 hour, doubling up to 1 day, remembered a week. The arithmetic is in
 * docs/server/deployment.md.
 */
export const RECEIPT_LIMITS: ReceiptLimits = {
  perAddress: {
    limit: 10,
    windowSeconds: 60,
    blockSeconds: 60,
    maxBlockSeconds: 3_600,
    memorySeconds: 86_400,
  },
  perCode: {
    limit: 20,
    windowSeconds: 3_600,
    blockSeconds: 3_600,
    maxBlockSeconds: 86_400,
    memorySeconds: 7 * 86_400,
  },
};

/**
 * Limits every request that presents a receipt's code and verifier — the public lookup, and a
 * result download by receipt — per client address (IPv6 by /64, every request counts) and per
 * dossier code (failed guesses count), before the verifier is compared. The per-code limit
 * holds however many addresses an attacker has; its price is that a flood of wrong guesses on
 * one code also makes its holder wait, who can still sign in to see the dossier.
 */
export function receiptRateLimit(
  route: RouteDefinition,
  db: Database,
  limits: ReceiptLimits,
  clock: () => number,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const query = c.get('input').query as { code?: unknown; verifier?: unknown };
    if (!route.rateLimited && query.verifier === undefined) return next();
    const now = clock();
    const address = await hitRateLimit(
      db,
      `receipt:address:${rateLimitKey(c.get('clientAddress'))}`,
      limits.perAddress,
      now,
    );
    if (!address.ok) throw tooManyRequests(address.retryAfter);
    if (typeof query.code !== 'string') return next();
    const bucket = `receipt:code:${query.code.trim().toUpperCase().slice(0, 64)}`;
    // Counted before the verifier is compared, under the row's lock, so that a thousand
    // simultaneous guesses cannot all pass a check made before any of them is counted.
    const perCode = await hitRateLimit(db, bucket, limits.perCode, now);
    if (!perCode.ok) throw tooManyRequests(perCode.retryAfter);
    await next();
    // Only failed guesses count against a code: its holder may look it up as often as the
    // address limit allows, and never blocks it by doing so.
    if (c.res.status < 400) await refundRateLimit(db, bucket, now);
  };
}
