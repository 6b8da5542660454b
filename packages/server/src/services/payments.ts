import { randomUUID } from 'node:crypto';
import {
  type CreatePaymentRequest,
  type Fee,
  type Payment,
  type PaymentNotification,
  type PaymentProvider,
  transition,
  type VietQrTransfer,
} from '@egov-kit/schema';
import type { Database, Queryable } from '../db/database.js';
import type { Principal } from '../http/auth.js';
import type { PaymentProviders } from '../payments/provider.js';
import { loadDossier } from './access.js';
import { movedDueAt, resumeClock } from './clock.js';
import { DomainError } from './domain-error.js';
import type { DossierRow } from './dossier-rows.js';
import { ownerOnly } from './dossiers.js';
import { recordEvent } from './events.js';

interface PaymentRow {
  id: string;
  dossier_id: string;
  request_id: string | null;
  items: Fee[];
  total: number | string;
  provider: PaymentProvider;
  status: Payment['status'];
  reference: string | null;
  receipt_number: string | null;
  created_at: string | Date;
  expires_at: string | Date | null;
  paid_at: string | Date | null;
  session: { vietqr?: VietQrTransfer; checkoutUrl?: string } | null;
  failure_reason: string | null;
}

/** How long a fee request stays payable when the officer gives no time (72 hours). */
export const DEFAULT_PAYMENT_WINDOW_MS = 72 * 60 * 60 * 1000;
/**
 * How far a notification's time may be from ours: a captured notification replayed later,
 * even with a fresh id, is refused (its signature covers the time).
 */
export const NOTIFICATION_WINDOW_MS = 10 * 60 * 1000;

/** A dossier's payments, newest first. */
export async function listPayments(
  db: Queryable,
  principal: Principal,
  dossierId: string,
): Promise<Payment[]> {
  await loadDossier(db, principal, dossierId);
  const rows = await db.query<PaymentRow>(
    'select * from payments where dossier_id = $1 order by created_at desc',
    [dossierId],
  );
  return rows.map((row) => paymentFromRow(row));
}

/** One payment of a dossier the caller may see, with its status as of now. */
export async function getPayment(
  db: Queryable,
  principal: Principal,
  dossierId: string,
  paymentId: string,
): Promise<Payment> {
  return paymentFromRow(await loadPayment(db, principal, dossierId, paymentId));
}

/** The payment row, or a 404 when the dossier is not the caller's or the payment not its. */
export async function loadPayment(
  db: Queryable,
  principal: Principal,
  dossierId: string,
  paymentId: string,
): Promise<PaymentRow & { dossier: DossierRow }> {
  const dossier = await loadDossier(db, principal, dossierId);
  const [row] = await db.query<PaymentRow>(
    'select * from payments where id = $1 and dossier_id = $2',
    [paymentId, dossierId],
  );
  if (!row) {
    throw new DomainError('not_found', {
      vi: 'Không tìm thấy khoản thanh toán.',
      en: 'Payment not found.',
    });
  }
  return { ...row, dossier };
}

/**
 * Starts paying the fees an officer asked for with one provider: a new attempt replaces any
 * pending one (cancelled: its late notification will not count), so a declined or expired
 * payment can be retried. The payment stays `pending` until the provider's signed
 * notification (or an officer, for cash) confirms it.
 */
export async function createPayment(
  tx: Queryable,
  principal: Principal,
  dossierId: string,
  request: CreatePaymentRequest,
  providers: PaymentProviders,
  origin?: string,
): Promise<Payment> {
  const dossier = await loadDossier(tx, principal, dossierId, { lock: true });
  ownerOnly(principal, dossier);
  const fees = (dossier.pending_fees as Fee[] | null) ?? [];
  if (dossier.status !== 'awaiting_payment' || !fees.length) {
    throw new DomainError(
      'conflict',
      { vi: 'Hồ sơ không có khoản phí nào đang chờ nộp.', en: 'No fees are due on this dossier.' },
      { subcode: 'nothing_due' },
    );
  }
  const adapter = providers.get(request.provider);
  if (!adapter) {
    throw new DomainError(
      'invalid',
      {
        vi: 'Cơ quan chưa nhận thanh toán theo cách này.',
        en: 'This way of paying is not offered here.',
      },
      { subcode: 'provider_unavailable' },
    );
  }
  const now = new Date();
  const dueAt = dossier.payment_due_at ? new Date(dossier.payment_due_at) : null;
  if (dueAt && dueAt <= now) {
    throw new DomainError(
      'conflict',
      {
        vi: 'Đã quá hạn nộp phí; hãy liên hệ cơ quan giải quyết.',
        en: 'The time to pay has passed; contact the agency.',
      },
      { subcode: 'payment_overdue' },
    );
  }
  await tx.query(
    "update payments set status = 'cancelled' where dossier_id = $1 and status = 'pending'",
    [dossierId],
  );
  const [{ count } = { count: 0 }] = await tx.query<{ count: number | string }>(
    'select count(*) as count from payments where dossier_id = $1',
    [dossierId],
  );
  const id = randomUUID();
  const code = dossier.code ?? dossierId;
  // Letters and digits only: banking apps drop or change anything else in a transfer's content.
  const reference = `${code.replace(/[^0-9A-Za-z]/g, '').slice(-18)}P${Number(count) + 1}`;
  const total = fees.reduce((sum, fee) => sum + fee.amount, 0);
  const requestExpiry = dueAt ?? new Date(now.getTime() + DEFAULT_PAYMENT_WINDOW_MS);
  const session = await adapter.createSession({
    paymentId: id,
    dossierId,
    dossierCode: code,
    reference,
    amount: total,
    items: fees,
    expiresAt: requestExpiry,
    returnUrl: request.returnPath && origin ? new URL(request.returnPath, origin).href : undefined,
  });
  const expiresAt = session.expiresAt ?? requestExpiry;
  const [row] = await tx.query<PaymentRow>(
    `insert into payments (id, dossier_id, request_id, items, total, provider, status, reference, created_at, expires_at, session)
     values ($1, $2, $3, $4, $5, $6, 'pending', $7, $8, $9, $10) returning *`,
    [
      id,
      dossierId,
      dossier.payment_request_id,
      JSON.stringify(fees),
      total,
      request.provider,
      reference,
      now.toISOString(),
      expiresAt.toISOString(),
      JSON.stringify({ vietqr: session.vietqr, checkoutUrl: session.checkoutUrl }),
    ],
  );
  return paymentFromRow(row as PaymentRow, now);
}

/** How long a payment waits for its provider's notification before the provider is asked. */
export const RECONCILE_AFTER_MS = 30_000;
const lastAsked = new Map<string, number>();

/**
 * For a pending payment whose notification is late (lost, or the provider's outage), asks the
 * provider what became of it — at most every {@link RECONCILE_AFTER_MS} per payment and
 * instance — and applies a settled answer as a notification would be (once, same checks;
 * its id `status-query:<reference>:<status>` makes a repeat a duplicate). True when it did.
 */
export async function reconcilePayment(
  database: Database,
  providers: PaymentProviders,
  payment: Payment,
  now: Date = new Date(),
): Promise<boolean> {
  const adapter = providers.get(payment.provider);
  if (payment.status !== 'pending' || !payment.reference || !adapter?.queryStatus) return false;
  if (now.getTime() - Date.parse(payment.createdAt) < RECONCILE_AFTER_MS) return false;
  if (now.getTime() - (lastAsked.get(payment.id) ?? 0) < RECONCILE_AFTER_MS) return false;
  lastAsked.set(payment.id, now.getTime());
  if (lastAsked.size > 10_000) lastAsked.clear();
  const status = await adapter.queryStatus(payment.reference).catch(() => 'unknown' as const);
  if (status !== 'paid' && status !== 'failed') return false;
  const outcome = await applyNotification(
    database,
    adapter.id,
    {
      notificationId: `status-query:${payment.reference}:${status}`,
      reference: payment.reference,
      // The provider answers for the session it opened, which carried this amount.
      amount: payment.total,
      currency: 'VND',
      status,
      occurredAt: now.toISOString(),
    },
    JSON.stringify({ source: 'queryStatus', reference: payment.reference, status }),
    now,
  );
  return outcome.kind === 'applied';
}

/** What a notification did, for the provider's answer and the log. */
export type NotificationOutcome =
  | { kind: 'applied'; paymentStatus: Payment['status'] }
  | { kind: 'duplicate' }
  | { kind: 'ignored'; reason: string; paymentStatus: Payment['status'] }
  | { kind: 'rejected'; reason: 'unknown_reference' | 'amount_mismatch' | 'currency_mismatch' };

/**
 * Applies a provider's verified notification, exactly once:
 *
 * - recorded once per (provider, notification id) — a repeat, however many at once, is a
 *   `duplicate` (primary key, taken under the dossier's row lock);
 * - checked against the payment it names: the reference, the amount to the đồng, VND;
 * - `paid` on a pending payment marks it paid with the next receipt number and moves the
 *   dossier back to `in_progress` with its clock running; one paid payment per fee request
 *   (unique index), so a dossier is marked paid once even if two attempts both succeed;
 * - a paid payment never changes back; a notification for a cancelled or expired payment is
 *   recorded (the agency sees the late money and refunds it) but moves nothing.
 */
export async function applyNotification(
  db: Database,
  provider: string,
  notification: PaymentNotification,
  rawBody: string,
  now: Date = new Date(),
): Promise<NotificationOutcome> {
  return db
    .transaction(async (tx) => {
      const [found] = await tx.query<{ id: string; dossier_id: string }>(
        'select id, dossier_id from payments where provider = $1 and reference = $2 and request_id is not null',
        [provider, notification.reference],
      );
      let dossier: DossierRow | undefined;
      let payment: PaymentRow | undefined;
      if (found) {
        // The dossier first, then the payment: the same order as createPayment, so no deadlock.
        [dossier] = await tx.query<DossierRow>('select * from dossiers where id = $1 for update', [
          found.dossier_id,
        ]);
        [payment] = await tx.query<PaymentRow>('select * from payments where id = $1 for update', [
          found.id,
        ]);
      }
      const outcome = await decide(tx, notification, dossier, payment, now);
      const recorded = await tx.query(
        `insert into payment_notifications (provider, notification_id, payment_id, reference, amount, currency, status, outcome, received_at, body)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       on conflict (provider, notification_id) do nothing returning notification_id`,
        [
          provider,
          notification.notificationId,
          payment?.id ?? null,
          notification.reference,
          notification.amount,
          notification.currency,
          notification.status,
          outcome.kind === 'applied'
            ? 'applied'
            : `${outcome.kind}:${'reason' in outcome ? outcome.reason : ''}`,
          now.toISOString(),
          rawBody,
        ],
      );
      if (!recorded.length) throw new DuplicateNotification();
      if (outcome.kind === 'applied' && dossier && payment) {
        await apply(tx, notification, dossier, payment, provider, now);
      }
      return outcome;
    })
    .catch((error: unknown) => {
      if (error instanceof DuplicateNotification) return { kind: 'duplicate' } as const;
      throw error;
    });
}

/** Rolls back a duplicate's transaction (nothing of it may stay), then answers `duplicate`. */
class DuplicateNotification extends Error {
  override name = 'DuplicateNotification';
}

async function decide(
  tx: Queryable,
  notification: PaymentNotification,
  dossier: DossierRow | undefined,
  payment: PaymentRow | undefined,
  now: Date,
): Promise<NotificationOutcome> {
  if (!dossier || !payment) return { kind: 'rejected', reason: 'unknown_reference' };
  if (notification.currency !== 'VND') return { kind: 'rejected', reason: 'currency_mismatch' };
  if (notification.amount !== Number(payment.total)) {
    return { kind: 'rejected', reason: 'amount_mismatch' };
  }
  const status = effectiveStatus(payment, now);
  if (status !== 'pending') {
    return { kind: 'ignored', reason: `payment_${status}`, paymentStatus: status };
  }
  if (notification.status === 'failed') return { kind: 'applied', paymentStatus: 'failed' };
  const [paid] = await tx.query(
    "select id from payments where request_id = $1 and status = 'paid'",
    [payment.request_id],
  );
  if (paid || dossier.payment_request_id !== payment.request_id) {
    return { kind: 'ignored', reason: 'already_paid', paymentStatus: status };
  }
  return { kind: 'applied', paymentStatus: 'paid' };
}

async function apply(
  tx: Queryable,
  notification: PaymentNotification,
  dossier: DossierRow,
  payment: PaymentRow,
  provider: string,
  now: Date,
): Promise<void> {
  if (notification.status === 'failed') {
    await tx.query(
      "update payments set status = 'failed', failure_reason = $2 where id = $1 and status = 'pending'",
      [payment.id, 'declined'],
    );
    return;
  }
  await markPaid(tx, payment.id, now);
  await confirmDossierPaid(tx, dossier, { id: `payment:${provider}`, role: 'system' }, now);
}

/** Marks a pending payment paid with the next receipt number. */
export async function markPaid(tx: Queryable, paymentId: string, now: Date): Promise<void> {
  const number = await nextReceiptNumber(tx, now);
  await tx.query(
    "update payments set status = 'paid', paid_at = $2, receipt_number = $3 where id = $1 and status = 'pending'",
    [paymentId, now.toISOString(), number],
  );
}

/**
 * The next receipt (biên lai) number of the year: `BL2026-000001`. Receipts of fees and charges
 * are numbered in one series without gaps (Decree 123/2020/NĐ-CP on invoices and receipts): a
 * counter row updated in the paying transaction, rolled back with it — a sequence would skip.
 */
export async function nextReceiptNumber(tx: Queryable, now: Date): Promise<string> {
  const year = Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(now),
  );
  const [row] = await tx.query<{ last: number }>(
    `insert into payment_receipt_counters (year, last) values ($1, 1)
     on conflict (year) do update set last = payment_receipt_counters.last + 1 returning last`,
    [year],
  );
  return `BL${year}-${String(row?.last ?? 1).padStart(6, '0')}`;
}

/**
 * Moves a dossier awaiting payment back to `in_progress`: the clock restarts, the due date
 * moves by the time waited, the fees are settled; the event records who confirmed.
 */
export async function confirmDossierPaid(
  tx: Queryable,
  dossier: DossierRow,
  actor: { id: string; role: 'system' },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const step = transition(
    { status: dossier.status, receivedAt: dossier.received_at },
    { action: 'confirm_payment', actor: 'system' },
  );
  if (!step.ok) return; // resolved meanwhile, or withdrawn: the payment stands, the dossier stays
  await resumeClock(tx, dossier, at);
  const dueAt = await movedDueAt(tx, dossier);
  const [updated] = await tx.query<DossierRow>(
    `update dossiers set status = $2, paused_since = null, pending_fees = null, payment_due_at = null,
       due_at = $3, updated_at = $4, version = version + 1 where id = $1 returning *`,
    [dossier.id, step.value.to, dueAt, at],
  );
  await recordEvent(
    tx,
    dossier.id,
    'confirm_payment',
    dossier.status,
    step.value.to,
    actor,
    at,
    {},
    { dossier: updated },
  );
}

function effectiveStatus(row: PaymentRow, now: Date): Payment['status'] {
  if (row.status === 'pending' && row.expires_at && new Date(row.expires_at) <= now) {
    return 'expired';
  }
  return row.status;
}

const iso = (value: string | Date) => new Date(value).toISOString();

/** The payment as the API shows it; a pending payment past its expiry shows as expired. */
export function paymentFromRow(row: PaymentRow, now: Date = new Date()): Payment {
  const status = effectiveStatus(row, now);
  const session = status === 'pending' ? row.session : null;
  return {
    id: row.id,
    dossierId: row.dossier_id,
    items: row.items,
    total: Number(row.total),
    currency: 'VND',
    provider: row.provider,
    status,
    ...(row.reference ? { reference: row.reference } : {}),
    ...(row.receipt_number ? { receiptNumber: row.receipt_number } : {}),
    createdAt: iso(row.created_at),
    ...(row.expires_at && !row.paid_at ? { expiresAt: iso(row.expires_at) } : {}),
    ...(row.paid_at ? { paidAt: iso(row.paid_at) } : {}),
    ...(session?.vietqr ? { vietqr: session.vietqr } : {}),
    ...(session?.checkoutUrl ? { checkoutUrl: session.checkoutUrl } : {}),
    ...(row.failure_reason ? { failureReason: row.failure_reason } : {}),
  };
}
