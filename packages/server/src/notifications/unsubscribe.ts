import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/database.js';

/**
 * The key that signs unsubscribe links, made once and kept in the database so that every
 * instance signs and checks with the same one, and a link stays valid across restarts.
 */
export async function unsubscribeKey(db: Queryable): Promise<Buffer> {
  await db.query(
    `insert into notification_keys (name, secret) values ('unsubscribe', $1) on conflict (name) do nothing`,
    [randomBytes(32).toString('base64url')],
  );
  const [row] = await db.query<{ secret: string }>(
    `select secret from notification_keys where name = 'unsubscribe'`,
  );
  return Buffer.from((row as { secret: string }).secret, 'base64url');
}

/** Who an unsubscribe link is for. */
export interface UnsubscribeSubject {
  readonly principalId: string;
  readonly role: 'citizen' | 'officer';
}

/**
 * A token for the link: the person and their role, and an HMAC-SHA256 over both. No expiry: an
 * old e-mail's link must still work (RFC 8058 asks that it keep working), and all it can do is
 * turn e-mails off for that one person.
 */
export function unsubscribeToken(key: Buffer, subject: UnsubscribeSubject): string {
  const payload = Buffer.from(JSON.stringify([subject.principalId, subject.role])).toString(
    'base64url',
  );
  return `${payload}.${mac(key, payload)}`;
}

/** The person of a valid token, or undefined for anything forged, changed or malformed. */
export function readUnsubscribeToken(
  key: Buffer,
  token: string | undefined | null,
): UnsubscribeSubject | undefined {
  if (!token || token.length > 1_000) return undefined;
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return undefined;
  const [, payload, signature] = match as unknown as [string, string, string];
  const expected = Buffer.from(mac(key, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const [principalId, role] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof principalId !== 'string' || (role !== 'citizen' && role !== 'officer'))
      return undefined;
    return { principalId, role };
  } catch {
    return undefined;
  }
}

/** Turns a person's e-mails off (their other preferences stay). */
export async function unsubscribe(db: Queryable, subject: UnsubscribeSubject): Promise<void> {
  await db.query(
    `insert into notification_preferences (principal_id, role, email_enabled, updated_at)
     values ($1, $2, false, now())
     on conflict (principal_id) do update set email_enabled = false, updated_at = now()`,
    [subject.principalId, subject.role],
  );
}

function mac(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(`unsubscribe.${payload}`).digest('base64url');
}
