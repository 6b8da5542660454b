import { randomUUID } from 'node:crypto';
import type { Fee, Payment, PaymentProvider } from '@egov-kit/schema';
import type { Queryable } from '../db/database.js';
import type { Principal } from '../http/auth.js';
import { loadDossier } from './access.js';
import { DomainError } from './domain-error.js';
import { ownerOnly } from './dossiers.js';

interface PaymentRow {
  id: string;
  dossier_id: string;
  items: Fee[];
  total: number;
  provider: PaymentProvider;
  status: Payment['status'];
  reference: string | null;
  receipt_number: string | null;
  created_at: string;
  paid_at: string | null;
}

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
  return rows.map(paymentFromRow);
}

/**
 * Starts paying the fees an officer asked for. The payment stays `pending` until the provider
 * (or an officer, for cash) confirms it, which moves the dossier on.
 */
export async function createPayment(
  tx: Queryable,
  principal: Principal,
  dossierId: string,
  provider: PaymentProvider,
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
  await tx.query(
    "update payments set status = 'cancelled' where dossier_id = $1 and status = 'pending'",
    [dossierId],
  );
  const total = fees.reduce((sum, fee) => sum + fee.amount, 0);
  const [row] = await tx.query<PaymentRow>(
    `insert into payments (id, dossier_id, items, total, provider, status, reference, created_at)
     values ($1, $2, $3, $4, $5, 'pending', $6, now()) returning *`,
    [
      randomUUID(),
      dossierId,
      JSON.stringify(fees),
      total,
      provider,
      `${dossier.code ?? dossierId}`.replaceAll('-', ''),
    ],
  );
  return paymentFromRow(row as PaymentRow);
}

function paymentFromRow(row: PaymentRow): Payment {
  return {
    id: row.id,
    dossierId: row.dossier_id,
    items: row.items,
    total: Number(row.total),
    provider: row.provider,
    status: row.status,
    ...(row.reference ? { reference: row.reference } : {}),
    ...(row.receipt_number ? { receiptNumber: row.receipt_number } : {}),
    createdAt: row.created_at,
    ...(row.paid_at ? { paidAt: row.paid_at } : {}),
  };
}
