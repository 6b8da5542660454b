/**
 * The webhook receiver of docs/server/notifications.md (docs/examples/webhook-receiver.mjs),
 * run against requests signed as the server signs them (`pnpm build` first).
 */
import { newWebhookSecret, signWebhook } from '@egov-kit/schema/webhooks';
import { describe, expect, it } from 'vitest';
import { handle } from './webhook-receiver.mjs';

async function signed(
  secret: string,
  id: string,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
) {
  return new Request('http://localhost/hooks', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': await signWebhook(secret, { id, timestamp, body }),
    },
    body,
  });
}

describe('docs/server/notifications.md: the webhook receiver', () => {
  const body = JSON.stringify({
    type: 'dossier.received',
    timestamp: '2026-12-06T03:00:00.000Z',
    data: {
      dossierId: '7d3c0f4e-4a56-4e0b-9a53-2f0f4a0c1b11',
      code: 'HS-261206-000042',
      status: 'received',
    },
  });

  it('stores a signed event once, even when the server retries it', async () => {
    const secret = newWebhookSecret();
    const events: string[] = [];
    const onEvent = (event: { type: string }, id: string) => events.push(`${id} ${event.type}`);
    const id = crypto.randomUUID();
    expect((await handle(await signed(secret, id, body), [secret], onEvent)).status).toBe(204);
    expect((await handle(await signed(secret, id, body), [secret], onEvent)).status).toBe(204);
    expect(events).toEqual([`${id} dossier.received`]);
  });

  it('refuses a forged, altered or replayed request', async () => {
    const secret = newWebhookSecret();
    const onEvent = () => {
      throw new Error('must not be called');
    };
    const forged = await signed(newWebhookSecret(), crypto.randomUUID(), body);
    expect((await handle(forged, [secret], onEvent)).status).toBe(400);
    const altered = await signed(secret, crypto.randomUUID(), body);
    const tampered = new Request(altered, { body: body.replace('received', 'returned') });
    expect((await handle(tampered, [secret], onEvent)).status).toBe(400);
    const old = await signed(
      secret,
      crypto.randomUUID(),
      body,
      Math.floor(Date.now() / 1000) - 3600,
    );
    expect(await (await handle(old, [secret], onEvent)).text()).toBe('stale_timestamp');
  });

  it('accepts the old and the new secret during a rotation', async () => {
    const [oldSecret, newSecret] = [newWebhookSecret(), newWebhookSecret()];
    const request = await signed(oldSecret, crypto.randomUUID(), body);
    expect((await handle(request, [newSecret, oldSecret], () => undefined)).status).toBe(204);
  });
});
