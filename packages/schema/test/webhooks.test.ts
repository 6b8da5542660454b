import { describe, expect, it } from 'vitest';
import {
  isWebhookVerificationError,
  newWebhookSecret,
  signWebhook,
  verifyWebhook,
} from '../src/webhooks/index.js';

// The published test vector of the Standard Webhooks libraries (libraries/javascript,
// "sign function works"): a verifier that disagrees with it cannot talk to other senders.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const headersOf = (signature: string, timestamp = VECTOR.timestamp, id = VECTOR.id) => ({
  'webhook-id': id,
  'webhook-timestamp': String(timestamp),
  'webhook-signature': signature,
});
const at = VECTOR.timestamp * 1000;

async function reason(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return isWebhookVerificationError(error) ? error.reason : String(error);
  }
}

describe('Standard Webhooks signatures', () => {
  it('signs the published test vector', async () => {
    expect(await signWebhook(VECTOR.secret, VECTOR)).toBe(VECTOR.signature);
    // The bare key (without whsec_) is the same key.
    expect(await signWebhook(VECTOR.secret.slice(6), VECTOR)).toBe(VECTOR.signature);
  });

  it('verifies it, from a plain record or a Headers object, text or bytes', async () => {
    const verified = await verifyWebhook(
      VECTOR.secret,
      { headers: headersOf(VECTOR.signature), body: VECTOR.body },
      { now: at },
    );
    expect(verified).toEqual({ id: VECTOR.id, timestamp: VECTOR.timestamp, body: VECTOR.body });
    await verifyWebhook(
      VECTOR.secret,
      {
        headers: new Headers(headersOf(VECTOR.signature)),
        body: new TextEncoder().encode(VECTOR.body),
      },
      { now: at },
    );
  });

  it('accepts any v1 signature of several, and any secret of a rotation', async () => {
    const other = newWebhookSecret();
    const signatures = `v2,${VECTOR.signature.slice(3)} v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= ${VECTOR.signature}`;
    await verifyWebhook(
      [other, VECTOR.secret],
      { headers: headersOf(signatures), body: VECTOR.body },
      { now: at },
    );
  });

  it('refuses a changed body, id, timestamp, secret or a truncated signature', async () => {
    const check = (headers: Record<string, string>, body = VECTOR.body, secret = VECTOR.secret) =>
      reason(verifyWebhook(secret, { headers, body }, { now: at }));
    expect(await check(headersOf(VECTOR.signature), '{"test": 2432232315}')).toBe('bad_signature');
    expect(await check(headersOf(VECTOR.signature, VECTOR.timestamp, 'msg_other'))).toBe(
      'bad_signature',
    );
    expect(await check(headersOf(VECTOR.signature, VECTOR.timestamp + 1))).toBe('bad_signature');
    expect(await check(headersOf(VECTOR.signature), VECTOR.body, newWebhookSecret())).toBe(
      'bad_signature',
    );
    expect(await check(headersOf(VECTOR.signature.slice(0, 12)))).toBe('bad_signature');
    expect(await check(headersOf('v1,'))).toBe('bad_signature');
    expect(await check(headersOf(`v2,${VECTOR.signature.slice(3)}`))).toBe('bad_signature');
    expect(await check(headersOf('v1,not base64!!'))).toBe('bad_signature');
  });

  it('refuses missing headers, a timestamp that is not seconds, and one out of tolerance', async () => {
    const body = VECTOR.body;
    expect(await reason(verifyWebhook(VECTOR.secret, { headers: {}, body }, { now: at }))).toBe(
      'missing_headers',
    );
    const { 'webhook-id': _, ...noId } = headersOf(VECTOR.signature);
    expect(await reason(verifyWebhook(VECTOR.secret, { headers: noId, body }, { now: at }))).toBe(
      'missing_headers',
    );
    for (const stamp of ['hello', '1614265330.5', '-1', '1e9', '']) {
      const headers = { ...headersOf(VECTOR.signature), 'webhook-timestamp': stamp };
      expect(await reason(verifyWebhook(VECTOR.secret, { headers, body }, { now: at }))).toMatch(
        /bad_timestamp|missing_headers/,
      );
    }
    const headers = headersOf(VECTOR.signature);
    expect(
      await reason(verifyWebhook(VECTOR.secret, { headers, body }, { now: at + 301_000 })),
    ).toBe('stale_timestamp');
    expect(
      await reason(verifyWebhook(VECTOR.secret, { headers, body }, { now: at - 301_000 })),
    ).toBe('stale_timestamp');
    await verifyWebhook(VECTOR.secret, { headers, body }, { now: at + 299_000 });
    expect(
      await reason(
        verifyWebhook(VECTOR.secret, { headers, body }, { now: at + 60_000, toleranceSeconds: 30 }),
      ),
    ).toBe('stale_timestamp');
  });

  it('refuses a secret that is not base64', async () => {
    expect(await reason(signWebhook('whsec_%%%', VECTOR))).toBe('bad_secret');
  });

  it('makes secrets of 24 random bytes that round-trip', async () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(newWebhookSecret()).not.toBe(secret);
    const message = { id: 'msg_1', timestamp: 1_700_000_000, body: '{"a":"Hồ sơ"}' };
    const signature = await signWebhook(secret, message);
    await verifyWebhook(
      secret,
      { headers: headersOf(signature, message.timestamp, message.id), body: message.body },
      { now: 1_700_000_000_000 },
    );
  });
});
