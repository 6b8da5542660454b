import type { Queryable } from '../db/database.js';
import { HttpProblem } from './problem.js';

/** A response as stored for replay. */
export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What identifies one logical request under an Idempotency-Key. */
export interface IdempotencyScope {
  /** The caller (a user id, or the client address for anonymous calls). */
  readonly principal: string;
  readonly key: string;
  readonly operation: string;
  readonly requestHash: string;
}

/**
 * Claims (caller, key) inside the caller's transaction, or answers the stored response of the
 * request that claimed it first. The key row is inserted first: a concurrent request with the
 * same key blocks on the primary key until the first commits, then replays its response — so a
 * retried submit never creates two dossiers, whichever instance and connection it lands on.
 * When the work fails, the transaction and the key roll back together, so the retry runs again.
 *
 * The same key with a different request is refused (422), as with Stripe's API.
 */
export async function claimKey(
  tx: Queryable,
  scope: IdempotencyScope,
): Promise<StoredResponse | undefined> {
  const inserted = await tx.query(
    `insert into idempotency_keys (principal, key, operation, request_hash, created_at)
     values ($1, $2, $3, $4, now()) on conflict do nothing returning key`,
    [scope.principal, scope.key, scope.operation, scope.requestHash],
  );
  if (inserted.length > 0) return undefined;
  const [row] = await tx.query<{
    operation: string;
    request_hash: string;
    status: number | null;
    headers: Record<string, string> | null;
    body: string | null;
  }>(
    'select operation, request_hash, status, headers, body from idempotency_keys where principal = $1 and key = $2',
    [scope.principal, scope.key],
  );
  if (!row || row.operation !== scope.operation || row.request_hash !== scope.requestHash) {
    throw new HttpProblem('idempotency_key_reused', {
      vi: 'Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác. Hãy dùng khóa mới cho yêu cầu mới.',
      en: 'This Idempotency-Key was used for a different request. Use a new key for a new request.',
    });
  }
  if (row.status === null || row.body === null) {
    throw new HttpProblem('conflict', {
      vi: 'Yêu cầu cùng khóa đang được xử lý; thử lại sau giây lát.',
      en: 'A request with this key is still being processed; retry shortly.',
    });
  }
  return { status: row.status, headers: row.headers ?? {}, body: row.body };
}

/** Stores the answer of a claimed key, in the same transaction as the work. */
export async function recordResponse(
  tx: Queryable,
  scope: IdempotencyScope,
  response: StoredResponse,
): Promise<void> {
  await tx.query(
    'update idempotency_keys set status = $3, headers = $4, body = $5 where principal = $1 and key = $2',
    [scope.principal, scope.key, response.status, JSON.stringify(response.headers), response.body],
  );
}
