import type { Database } from '../db/database.js';
import { HttpProblem } from './problem.js';

/**
 * A limit with growing back-off: at most `limit` requests per `windowSeconds`; the request that
 * goes over blocks the bucket for `blockSeconds`, doubled at each new offence up to
 * `maxBlockSeconds`. Offences are remembered for `memorySeconds` after the last block ends.
 */
export interface RateRule {
  readonly limit: number;
  readonly windowSeconds: number;
  readonly blockSeconds: number;
  readonly maxBlockSeconds: number;
  readonly memorySeconds: number;
}

/** What a bucket answered: allowed, or refused until `retryAfter` seconds from now. */
export type RateDecision =
  | { readonly ok: true }
  | { readonly ok: false; readonly retryAfter: number };

interface Row {
  window_start: Date | string;
  count: number;
  strikes: number;
  blocked_until: Date | string | null;
  expires_at: Date | string;
}

const time = (value: Date | string) => new Date(value).getTime();

/**
 * Counts one request against `bucket`. The state lives in the database, not in memory, so
 * several instances share it; every row carries its expiry and `pruneRateLimits` deletes the
 * expired ones, so a stream of new addresses or codes leaves nothing behind for long. Runs in
 * its own transaction: the count stands whether the request it guards succeeds or not. `now`
 * is the caller's clock (tests move it; instances keep theirs in step with NTP).
 */
export async function hitRateLimit(
  db: Database,
  bucket: string,
  rule: RateRule,
  now: number = Date.now(),
): Promise<RateDecision> {
  const at = new Date(now).toISOString();
  const decision = await db.transaction(async (tx) => {
    await tx.query(
      `insert into rate_limits (bucket, window_start, count, strikes, expires_at)
       values ($1, $2, 0, 0, $2) on conflict (bucket) do nothing`,
      [bucket, at],
    );
    const [row] = await tx.query<Row>(
      'select window_start, count, strikes, blocked_until, expires_at from rate_limits where bucket = $1 for update',
      [bucket],
    );
    if (!row) return { ok: true } as const;
    let windowStart = time(row.window_start);
    let count = row.count;
    let strikes = row.strikes;
    const blockedUntil = row.blocked_until === null ? 0 : time(row.blocked_until);
    if (time(row.expires_at) <= now) {
      windowStart = now;
      count = 0;
      strikes = 0;
    } else if (blockedUntil > now) {
      return { ok: false, retryAfter: Math.ceil((blockedUntil - now) / 1000) } as const;
    }
    if (windowStart + rule.windowSeconds * 1000 <= now) {
      windowStart = now;
      count = 0;
    }
    count += 1;
    let blocked: number | null = null;
    if (count > rule.limit) {
      strikes += 1;
      const seconds = Math.min(rule.maxBlockSeconds, rule.blockSeconds * 2 ** (strikes - 1));
      blocked = now + seconds * 1000;
      windowStart = blocked;
      count = 0;
    }
    const expires =
      strikes > 0
        ? Math.max(blocked ?? blockedUntil, now) + rule.memorySeconds * 1000
        : windowStart + rule.windowSeconds * 1000;
    await tx.query(
      `update rate_limits set window_start = $2, count = $3, strikes = $4, blocked_until = $5, expires_at = $6
       where bucket = $1`,
      [
        bucket,
        new Date(windowStart).toISOString(),
        count,
        strikes,
        blocked === null ? (row.blocked_until ?? null) : new Date(blocked).toISOString(),
        new Date(expires).toISOString(),
      ],
    );
    return blocked === null
      ? ({ ok: true } as const)
      : ({ ok: false, retryAfter: Math.ceil((blocked - now) / 1000) } as const);
  });
  if (++hits % PRUNE_EVERY === 0) void pruneRateLimits(db, now).catch(() => undefined);
  return decision;
}

/**
 * Gives back one request counted against `bucket`: for limits that count failures only, the
 * request is counted first (so that simultaneous requests cannot all slip under the limit) and
 * refunded once it succeeded.
 */
export async function refundRateLimit(
  db: Database,
  bucket: string,
  now: number = Date.now(),
): Promise<void> {
  // Not while blocked: a refused request was never counted into the window it refunds.
  await db.query(
    `update rate_limits set count = count - 1
     where bucket = $1 and count > 0 and (blocked_until is null or blocked_until <= $2)`,
    [bucket, new Date(now).toISOString()],
  );
}

const PRUNE_EVERY = 200;
let hits = 0;

/** Deletes expired rate-limit state; answers how many rows went. Safe on several instances. */
export async function pruneRateLimits(db: Database, now: number = Date.now()): Promise<number> {
  const rows = await db.query('delete from rate_limits where expires_at <= $1 returning bucket', [
    new Date(now).toISOString(),
  ]);
  return rows.length;
}

/** The 429 for a refused decision, with Retry-After. */
export function tooManyRequests(retryAfter: number): HttpProblem {
  const minutes = Math.ceil(retryAfter / 60);
  const wait =
    retryAfter < 120
      ? { vi: `${retryAfter} giây`, en: `${retryAfter} seconds` }
      : { vi: `${minutes} phút`, en: `${minutes} minutes` };
  return new HttpProblem(
    'rate_limited',
    {
      vi: `Bạn đã thử quá nhiều lần. Hãy thử lại sau ${wait.vi}.`,
      en: `Too many attempts. Try again in ${wait.en}.`,
    },
    { headers: { 'retry-after': String(retryAfter) } },
  );
}
