import { createHmac, timingSafeEqual } from 'node:crypto';
import { PaymentNotification } from '@egov-kit/schema';
import * as z from 'zod/mini';
import { NotificationRejectedError } from './provider.js';

/** The header the reference server's notification format signs with. */
export const SIGNATURE_HEADER = 'x-egov-signature';

/** `sha256=<hex>`: HMAC-SHA256 of the exact bytes with the provider's secret. */
export function signBody(secret: Uint8Array | string, body: Uint8Array | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Checks `sha256=<hex>` over the raw body in constant time (a byte-by-byte compare would tell
 * an attacker how much of a forged signature is right), then reads the body as a
 * {@link PaymentNotification}.
 */
export function verifySignedNotification(
  secret: Uint8Array | string,
  rawBody: Uint8Array,
  headers: Headers,
): PaymentNotification {
  const given = headers.get(SIGNATURE_HEADER) ?? '';
  const match = /^sha256=([0-9a-f]{64})$/i.exec(given.trim());
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  if (!match || !timingSafeEqual(Buffer.from(match[1] as string, 'hex'), expected)) {
    throw new NotificationRejectedError('bad_signature', 'The signature does not match the body.');
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(rawBody));
  } catch {
    throw new NotificationRejectedError('malformed', 'The body is not JSON.');
  }
  const parsed = z.safeParse(PaymentNotification, json);
  if (!parsed.success) {
    throw new NotificationRejectedError('malformed', 'The body is not a payment notification.');
  }
  return parsed.data;
}
