import type { Context } from 'hono';
import type { Database } from '../db/database.js';
import { NotificationRejectedError, type PaymentProviders } from '../payments/provider.js';
import { applyNotification, NOTIFICATION_WINDOW_MS } from '../services/payments.js';
import type { AppEnv } from './env.js';
import { HttpProblem } from './problem.js';

/** The largest notification read; a provider's is a few hundred bytes. */
const NOTIFICATION_LIMIT = 16 * 1024;

/**
 * `POST /api/v1/payment-notifications/{provider}`: a provider's callback. Outside the JSON
 * pipeline because the signature is over the raw bytes: read them (bounded), verify with the
 * provider's secret, check the time window, then apply once (see `applyNotification`).
 */
export function paymentNotificationHandler(
  db: Database,
  providers: PaymentProviders,
  clock: () => number,
) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const adapter = providers.get(c.req.param('provider') ?? '');
    if (!adapter) {
      throw new HttpProblem('not_found', {
        vi: 'Không có nhà cung cấp thanh toán này.',
        en: 'No such payment provider.',
      });
    }
    const raw = await readBounded(c.req.raw);
    let notification: Awaited<ReturnType<typeof adapter.verifyNotification>>;
    try {
      notification = await adapter.verifyNotification(raw, c.req.raw.headers);
    } catch (error) {
      if (error instanceof NotificationRejectedError) throw rejected(error.reason);
      throw error;
    }
    const now = clock();
    if (Math.abs(now - Date.parse(notification.occurredAt)) > NOTIFICATION_WINDOW_MS) {
      throw rejected('stale');
    }
    const outcome = await applyNotification(
      db,
      adapter.id,
      notification,
      new TextDecoder().decode(raw),
      new Date(now),
    );
    if (outcome.kind === 'rejected') {
      throw new HttpProblem(
        'unprocessable',
        {
          vi: 'Thông báo không khớp với khoản thanh toán nào (mã, số tiền hoặc loại tiền).',
          en: 'The notification does not match a payment (reference, amount or currency).',
        },
        { subcode: outcome.reason },
      );
    }
    return c.json(
      {
        outcome: outcome.kind,
        ...('paymentStatus' in outcome ? { paymentStatus: outcome.paymentStatus } : {}),
      },
      200,
      { 'cache-control': 'no-store' },
    );
  };
}

function rejected(reason: NotificationRejectedError['reason']): HttpProblem {
  if (reason === 'malformed') {
    return new HttpProblem(
      'validation',
      { vi: 'Thông báo không đọc được.', en: 'The notification cannot be read.' },
      { subcode: reason },
    );
  }
  return new HttpProblem(
    'unauthorized',
    {
      vi: 'Chữ ký hoặc thời điểm của thông báo không hợp lệ.',
      en: "The notification's signature or time is not valid.",
    },
    { subcode: reason },
  );
}

async function readBounded(request: Request): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > NOTIFICATION_LIMIT) throw tooLarge();
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > NOTIFICATION_LIMIT) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(): HttpProblem {
  return new HttpProblem('payload_too_large', {
    vi: 'Thông báo quá lớn.',
    en: 'The notification is too large.',
  });
}
