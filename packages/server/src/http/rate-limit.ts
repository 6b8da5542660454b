import type { Queryable } from '../db/database.js';
import { HttpProblem } from './problem.js';

/**
 * A fixed-window counter in the database (not in memory: several instances share it). Throws
 * 429 with Retry-After once `limit` requests fell in the current window.
 */
export async function rateLimit(
  db: Queryable,
  bucket: string,
  limit: number,
  windowSeconds: number,
): Promise<void> {
  const [row] = await db.query<{ count: number; window_start: string }>(
    `insert into rate_limits (bucket, window_start, count) values ($1, now(), 1)
     on conflict (bucket) do update set
       count = case when rate_limits.window_start <= now() - make_interval(secs => $2) then 1 else rate_limits.count + 1 end,
       window_start = case when rate_limits.window_start <= now() - make_interval(secs => $2) then now() else rate_limits.window_start end
     returning count, window_start`,
    [bucket, windowSeconds],
  );
  if (row && row.count > limit) {
    const elapsed = (Date.now() - Date.parse(row.window_start)) / 1000;
    const retryAfter = Math.max(1, Math.ceil(windowSeconds - elapsed));
    throw new HttpProblem(
      'rate_limited',
      {
        vi: `Bạn đã tra cứu quá nhiều lần. Hãy thử lại sau ${retryAfter} giây.`,
        en: `Too many lookups. Try again in ${retryAfter} seconds.`,
      },
      { headers: { 'retry-after': String(retryAfter) } },
    );
  }
}
