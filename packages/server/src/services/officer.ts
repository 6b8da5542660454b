import { randomUUID } from 'node:crypto';
import {
  type Dossier,
  type DossierEvent,
  type OfficerActionRequest,
  type Page,
  transition,
} from '@egov-kit/schema';
import type { Queryable } from '../db/database.js';
import type { Principal } from '../http/auth.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { loadDossier } from './access.js';
import { foreignAttachments } from './attachment-refs.js';
import { RESULT_REQUIREMENT } from './attachments.js';
import { computeDueAt, movedDueAt, pauseClock, processingTimeOf, resumeClock } from './clock.js';
import { DomainError } from './domain-error.js';
import { type DossierRow, dossierFromRow, etagOf, stateOf } from './dossier-rows.js';
import type { DossierResult } from './dossiers.js';
import { recordEvent } from './events.js';
import { DEFAULT_PAYMENT_WINDOW_MS, markPaid, nextReceiptNumber } from './payments.js';
import { getProcedure } from './procedures.js';
import { refuseTransition } from './transition-problem.js';

/** Columns an action may change, with their new values. */
type Changes = Partial<Record<keyof DossierRow, unknown>>;

/**
 * An officer's action on a dossier of their agency. The status machine of the schema package
 * decides whether it is allowed (409 when not); this applies its effects: the receipt and its
 * due date, the clock paused while the citizen is asked for something, the fees due, the
 * transfer, the outcome, the apology's new date — and records the event with its notice.
 */
export async function takeOfficerAction(
  tx: Queryable,
  principal: Principal,
  id: string,
  request: OfficerActionRequest,
): Promise<DossierResult> {
  const row = await loadDossier(tx, principal, id, { lock: true });
  const step = transition(stateOf(row), {
    action: request.action,
    actor: principal.role === 'admin' ? 'officer' : principal.role,
    note: request.note,
  });
  if (!step.ok) throw refuseTransition(step.error);
  const now = new Date().toISOString();
  const { rule } = step.value;
  const changes: Changes = { status: step.value.to };
  let eventDueAt: string | undefined;
  let notice: DossierEvent['notice'] | undefined = rule.notice ? { kind: rule.notice } : undefined;

  if (rule.stamps === 'receivedAt') changes.received_at = now;
  if (rule.stamps === 'completedAt') changes.completed_at = now;
  if (rule.stamps === 'returnedAt') changes.returned_at = now;

  switch (request.action) {
    case 'receive': {
      const procedure = await getProcedure(tx, row.procedure_code);
      const dueAt = await computeDueAt(
        tx,
        { id: row.id, received_at: now },
        processingTimeOf(procedure, row),
      );
      changes.due_at = dueAt;
      eventDueAt = dueAt ?? undefined;
      break;
    }
    case 'transfer': {
      if (!request.agencyCode && !request.step) {
        throw missing('agencyCode', {
          vi: 'Chọn cơ quan hoặc bước xử lý để chuyển.',
          en: 'Choose the agency or step to transfer to.',
        });
      }
      if (request.agencyCode) {
        const [agency] = await tx.query('select code from agencies where code = $1', [
          request.agencyCode,
        ]);
        if (!agency)
          throw missing('agencyCode', { vi: 'Không có cơ quan này.', en: 'No such agency.' });
        changes.agency_code = request.agencyCode;
      }
      if (request.step) changes.step = request.step;
      break;
    }
    case 'request_supplement': {
      if (!request.requestedDocuments?.length) {
        throw missing('requestedDocuments', {
          vi: 'Ghi rõ giấy tờ cần bổ sung.',
          en: 'List the documents the applicant must supply.',
        });
      }
      notice = { kind: 'supplement_request', requestedDocuments: request.requestedDocuments };
      changes.paused_since = await pauseClock(tx, row, now);
      break;
    }
    case 'request_payment': {
      if (!request.fees?.length) {
        throw missing('fees', {
          vi: 'Ghi rõ các khoản phí, lệ phí cần nộp.',
          en: 'List the fees to pay.',
        });
      }
      const dueAt = request.paymentDueAt
        ? new Date(request.paymentDueAt)
        : new Date(Date.parse(now) + DEFAULT_PAYMENT_WINDOW_MS);
      if (dueAt.getTime() <= Date.parse(now)) {
        throw missing('paymentDueAt', {
          vi: 'Hạn nộp phí phải sau thời điểm hiện tại.',
          en: 'The time to pay by must be in the future.',
        });
      }
      // A new request: attempts at paying an earlier one no longer count.
      await tx.query(
        "update payments set status = 'cancelled' where dossier_id = $1 and status = 'pending'",
        [row.id],
      );
      changes.pending_fees = JSON.stringify(request.fees);
      changes.payment_request_id = randomUUID();
      changes.payment_due_at = dueAt.toISOString();
      changes.paused_since = await pauseClock(tx, row, now);
      break;
    }
    case 'stop':
      changes.paused_since = await pauseClock(tx, row, now);
      break;
    case 'confirm_payment': {
      await confirmPayment(tx, row, now);
      await resumeClock(tx, row, now);
      changes.paused_since = null;
      changes.pending_fees = null;
      changes.payment_due_at = null;
      changes.due_at = await movedDueAt(tx, row);
      break;
    }
    case 'resume': {
      await resumeClock(tx, row, now);
      changes.paused_since = null;
      changes.due_at = await movedDueAt(tx, row);
      break;
    }
    case 'resolve': {
      if (!request.outcome) {
        throw missing('outcome', { vi: 'Ghi kết quả giải quyết.', en: 'Give the outcome.' });
      }
      const foreign = await foreignAttachments(
        tx,
        row.id,
        [{ path: 'outcome.resultAttachmentIds', ids: request.outcome.resultAttachmentIds }],
        { requirementCode: RESULT_REQUIREMENT },
      );
      if (foreign.length) {
        throw new DomainError(
          'invalid',
          {
            vi: 'Văn bản kết quả phải là tệp kết quả đã tải lên cho chính hồ sơ này.',
            en: 'Result documents must be result files uploaded to this same dossier.',
          },
          { errors: foreign },
        );
      }
      await resumeClock(tx, row, now);
      changes.paused_since = null;
      changes.outcome = JSON.stringify(request.outcome);
      break;
    }
    case 'apologise': {
      if (
        !request.newDueAt ||
        (row.due_at && Date.parse(request.newDueAt) <= Date.parse(row.due_at))
      ) {
        throw missing('newDueAt', {
          vi: 'Hẹn lại một ngày trả kết quả sau ngày hẹn hiện tại.',
          en: 'Set a new due date later than the current one.',
        });
      }
      changes.due_at = new Date(request.newDueAt).toISOString();
      eventDueAt = changes.due_at as string;
      break;
    }
  }

  const columns = Object.keys(changes);
  const [updated] = await tx.query<DossierRow>(
    `update dossiers set ${columns.map((column, i) => `${column} = $${i + 2}`).join(', ')},
       updated_at = $${columns.length + 2}, version = version + 1 where id = $1 returning *`,
    [row.id, ...Object.values(changes), now],
  );
  await recordEvent(
    tx,
    row.id,
    request.action,
    row.status,
    step.value.to,
    principal,
    now,
    {
      note: request.note,
      dueAt: eventDueAt,
      notice,
      attachmentIds: request.outcome?.resultAttachmentIds,
    },
    { dossier: updated },
  );
  return { dossier: dossierFromRow(updated as DossierRow), etag: etagOf(updated as DossierRow) };
}

/**
 * The agency's dossiers for its officers (all submitted dossiers for an admin): overdue first,
 * then by due date; drafts never.
 */
export async function listAgencyDossiers(
  db: Queryable,
  principal: Principal,
  query: { status?: string | undefined; cursor?: string | undefined; limit?: number | undefined },
): Promise<Page<Dossier>> {
  const limit = query.limit ?? 20;
  const [offset = 0] = (decodeCursor(query.cursor, ['offset']) ?? []) as number[];
  const params: unknown[] = [];
  const where = ["status <> 'draft'"];
  if (principal.role !== 'admin') {
    params.push(principal.agencyCode ?? '');
    where.push(`agency_code = $${params.length}`);
  }
  if (query.status) {
    params.push(query.status);
    where.push(`status = $${params.length}`);
  }
  params.push(limit + 1, offset);
  const rows = await db.query<DossierRow>(
    `select * from dossiers where ${where.join(' and ')}
     order by (due_at is not null and completed_at is null and coalesce(paused_since, now()) > due_at) desc,
       (completed_at is not null) asc, due_at asc nulls last, submitted_at asc, id
     limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return {
    items: rows.slice(0, limit).map((row) => dossierFromRow(row)),
    nextCursor: rows.length > limit ? encodeCursor([offset + limit]) : null,
  };
}

/**
 * An officer confirms the fees paid: the pending payment of this fee request (money seen on
 * the account, a provider's late answer), or a payment at the desk when none was started.
 */
async function confirmPayment(tx: Queryable, row: DossierRow, now: string): Promise<void> {
  const [pending] = await tx.query<{ id: string }>(
    `select id from payments where dossier_id = $1 and status = 'pending'
       and request_id is not distinct from $2 order by created_at desc limit 1 for update`,
    [row.id, row.payment_request_id ?? null],
  );
  if (pending) {
    await markPaid(tx, pending.id, new Date(now));
    return;
  }
  const fees = (row.pending_fees as { amount: number }[] | null) ?? [];
  if (!fees.length) return;
  await tx.query(
    `insert into payments (id, dossier_id, request_id, items, total, provider, status, receipt_number, created_at, paid_at)
     values ($1, $2, $3, $4, $5, 'cash', 'paid', $6, $7, $7)`,
    [
      randomUUID(),
      row.id,
      row.payment_request_id ?? null,
      JSON.stringify(fees),
      fees.reduce((sum, fee) => sum + fee.amount, 0),
      await nextReceiptNumber(tx, new Date(now)),
      now,
    ],
  );
}

function missing(path: string, message: { vi: string; en: string }): DomainError {
  return new DomainError('invalid', message, { errors: [{ path, code: 'required', message }] });
}
