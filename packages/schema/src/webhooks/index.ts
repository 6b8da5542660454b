/**
 * Signing and verifying webhooks the Standard Webhooks way (https://www.standardwebhooks.com):
 * headers `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`, a
 * space-separated list of `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`, the secret
 * `whsec_<base64 key>`.
 *
 * No dependency and no Node API: WebCrypto only, so that the same module runs in Node 20, Deno,
 * Cloudflare Workers and browsers. The reference server signs with this very code, so that the
 * signer and the receivers' verifier cannot drift apart.
 *
 * @packageDocumentation
 */

/** Signatures older or newer than this many seconds are refused: a replayed request is stale. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

const PREFIX = 'whsec_';
const encoder = new TextEncoder();

/** Why a webhook was refused. */
export type WebhookVerificationReason =
  | 'missing_headers'
  | 'bad_timestamp'
  | 'stale_timestamp'
  | 'bad_signature'
  | 'bad_secret';

/** A webhook that must not be trusted: answer it 400 (or 401) and do nothing else. */
export class WebhookVerificationError extends Error {
  override name = 'WebhookVerificationError';
  /** Machine-readable cause, for logs. */
  readonly reason: WebhookVerificationReason;
  constructor(reason: WebhookVerificationReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** True for a `WebhookVerificationError`, also one from another copy of this module. */
export function isWebhookVerificationError(error: unknown): error is WebhookVerificationError {
  return (
    error instanceof WebhookVerificationError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { name?: unknown }).name === 'WebhookVerificationError')
  );
}

/** Headers as a `Headers` object (fetch, Hono, Workers) or a plain record (Node's `req.headers`). */
export type WebhookHeaders =
  | Headers
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** A verified webhook. */
export interface VerifiedWebhook {
  /** The message id: the same on every retry of one message; deduplicate on it. */
  readonly id: string;
  /** When it was signed, in Unix seconds. */
  readonly timestamp: number;
  /** The raw body, as text. */
  readonly body: string;
}

/** A new random secret (24 bytes), in the `whsec_` form both sides configure. */
export function newWebhookSecret(): string {
  return PREFIX + toBase64(globalThis.crypto.getRandomValues(new Uint8Array(24)));
}

/**
 * The `webhook-signature` value for a message: `v1,<base64>`. `secret` is `whsec_…` (or the
 * bare base64 key); `body` the exact bytes sent.
 */
export async function signWebhook(
  secret: string,
  message: { id: string; timestamp: number; body: string | Uint8Array },
): Promise<string> {
  const key = await hmacKey(secret, 'sign');
  const mac = await globalThis.crypto.subtle.sign(
    'HMAC',
    key,
    signedContent(message.id, message.timestamp, message.body),
  );
  return `v1,${toBase64(new Uint8Array(mac))}`;
}

/**
 * Verifies a webhook's signature and age, from the raw body as received (not re-serialised JSON:
 * one changed space breaks the signature). `secrets` may hold several during a rotation; any
 * `v1` signature made with any of them is accepted, other versions are ignored. The comparison
 * is WebCrypto's HMAC verify, which takes the same time whatever the bytes. Throws
 * `WebhookVerificationError` when the webhook must not be trusted.
 */
export async function verifyWebhook(
  secrets: string | readonly string[],
  request: { headers: WebhookHeaders; body: string | Uint8Array },
  options: { toleranceSeconds?: number; now?: number } = {},
): Promise<VerifiedWebhook> {
  const id = header(request.headers, 'webhook-id');
  const stamp = header(request.headers, 'webhook-timestamp');
  const signatures = header(request.headers, 'webhook-signature');
  if (!id || !stamp || !signatures) {
    throw new WebhookVerificationError(
      'missing_headers',
      'webhook-id, webhook-timestamp and webhook-signature are required.',
    );
  }
  if (!/^\d{1,12}$/.test(stamp)) {
    throw new WebhookVerificationError('bad_timestamp', 'webhook-timestamp is not Unix seconds.');
  }
  const timestamp = Number(stamp);
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  if (Math.abs(now - timestamp) > tolerance) {
    throw new WebhookVerificationError(
      'stale_timestamp',
      `webhook-timestamp is more than ${tolerance} s away from now.`,
    );
  }
  const content = signedContent(id, timestamp, request.body);
  const candidates = signatures
    .split(' ')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1,'))
    .map((part) => fromBase64(part.slice(3)))
    .filter((bytes): bytes is Uint8Array<ArrayBuffer> => bytes !== undefined && bytes.length === 32)
    // A header of thousands of signatures would make us compute thousands of MACs.
    .slice(0, 8);
  for (const secret of typeof secrets === 'string' ? [secrets] : secrets) {
    const key = await hmacKey(secret, 'verify');
    for (const candidate of candidates) {
      if (await globalThis.crypto.subtle.verify('HMAC', key, candidate, content)) {
        return {
          id,
          timestamp,
          body: typeof request.body === 'string' ? request.body : decode(request.body),
        };
      }
    }
  }
  throw new WebhookVerificationError('bad_signature', 'No webhook-signature matches.');
}

function signedContent(
  id: string,
  timestamp: number,
  body: string | Uint8Array,
): Uint8Array<ArrayBuffer> {
  const head = encoder.encode(`${id}.${timestamp}.`);
  const tail = typeof body === 'string' ? encoder.encode(body) : body;
  const all = new Uint8Array(head.length + tail.length);
  all.set(head);
  all.set(tail, head.length);
  return all;
}

async function hmacKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  const raw = fromBase64(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret);
  if (!raw || raw.length === 0) {
    throw new WebhookVerificationError('bad_secret', 'The webhook secret is not base64.');
  }
  return globalThis.crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, [
    usage,
  ]);
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function')
    return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | readonly string[] | undefined>;
  const value =
    record[name] ??
    Object.entries(record).find(([key]) => key.toLowerCase() === name)?.[1] ??
    undefined;
  return Array.isArray(value) ? value.join(' ') : (value as string | undefined);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) return undefined;
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
