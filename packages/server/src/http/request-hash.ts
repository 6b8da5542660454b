import { createHash } from 'node:crypto';

/** A stable hash of what a request asks, to tell a retry from a different request with the same key. */
export function requestHash(operation: string, params: unknown, body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([operation, params ?? null, canonical(body)]))
    .digest('hex');
}

/** JSON with object keys sorted, so that `{a,b}` and `{b,a}` hash alike. */
function canonical(value: unknown): unknown {
  // Bytes (an upload's content) by their digest: the fingerprint covers the content, not its name.
  if (value instanceof Uint8Array) return createHash('sha256').update(value).digest('hex');
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}
